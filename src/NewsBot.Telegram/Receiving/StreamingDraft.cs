using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NewsBot.Telegram.Logging;
using NewsBot.Telegram.Sending;

namespace NewsBot.Telegram.Receiving;

/// <summary>
/// Receives the growing answer text from a streaming engine and shows it: the first text goes out as a reply, later
/// text edits that message at most once per <see cref="TelegramOptions.StreamingEditInterval"/>. Reports never block
/// the engine; only the newest text is ever sent.
/// </summary>
public sealed partial class StreamingDraft : IProgress<string>
{
    /// <summary>How long a draft send or edit already under way may still take once the answer is cancelled.</summary>
    private static readonly TimeSpan SendGrace = TimeSpan.FromSeconds(5);

    private readonly TelegramReplySender _sender;
    private readonly long _chatId;
    private readonly int _replyTo;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationToken _cancellationToken;
    private readonly CancellationTokenSource _sends = new();
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopWaiting = new();
    private readonly Lock _gate = new();
    private string? _latest;
    private Task? _pump;

    public StreamingDraft(TelegramReplySender sender, long chatId, int replyTo, TimeSpan interval, TimeProvider time, RedactingLogger<StreamingDraft> logger, CancellationToken cancellationToken)
    {
        _sender = sender;
        _chatId = chatId;
        _replyTo = replyTo;
        _interval = interval;
        _time = time;
        _logger = logger;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The draft message, once one was sent.</summary>
    public int? MessageId { get; private set; }

    public void Report(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        lock (_gate)
        {
            _latest = value;
            _pump ??= Task.Run(PumpAsync);
        }

        _changed.Writer.TryWrite(true);
    }

    /// <summary>Stops showing partial text and returns the draft's id (which the final reply replaces), if any.</summary>
    public async Task<int?> CompleteAsync()
    {
        Task? pump;
        lock (_gate)
        {
            pump = _pump;
            _pump = Task.CompletedTask; // later reports start nothing
        }

        _changed.Writer.TryComplete();
        await _stopWaiting.CancelAsync();
        if (pump is not null)
        {
            await pump;
        }

        _stopWaiting.Dispose();
        _sends.Dispose();
        return MessageId;
    }

    /// <summary>
    /// After <see cref="CompleteAsync"/> on a cancelled answer: ends the shown draft with <paramref name="note"/>, keeping its
    /// partial text, so it does not read as a finished answer. Nothing when no draft was shown.
    /// </summary>
    public async Task MarkStoppedAsync(string note, CancellationToken cancellationToken)
    {
        if (MessageId is not int id)
        {
            return;
        }

        string text;
        lock (_gate)
        {
            text = _latest?.TrimEnd() ?? "";
        }

        var suffix = "\n\n" + note;
        var shown = TelegramHtmlFormatter.Shorten(text, TelegramHtmlFormatter.MaxMessageLength - suffix.Length);
        await _sender.EditPlainAsync(_chatId, id, shown + suffix, cancellationToken);
    }

    private async Task PumpAsync()
    {
        string? shown = null;
        var lastSent = DateTimeOffset.MinValue;
        try
        {
            while (await _changed.Reader.WaitToReadAsync(_stopWaiting.Token))
            {
                _changed.Reader.TryRead(out _);
                if (MessageId is int)
                {
                    var wait = lastSent + _interval - _time.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, _stopWaiting.Token);
                    }
                }

                string text;
                lock (_gate)
                {
                    text = _latest!;
                }

                if (text == shown)
                {
                    continue;
                }

                // A send that started is allowed to finish, even when the answer is cancelled meanwhile (within a short
                // grace): the final reply, or the "stopped" note, needs to know whether the draft reached the chat.
                _cancellationToken.ThrowIfCancellationRequested();
                using (_cancellationToken.UnsafeRegister(static s => ((StreamingDraft)s!).EndGraceLater(), this))
                {
                    if (MessageId is int id)
                    {
                        await _sender.EditPlainAsync(_chatId, id, text, _sends.Token);
                    }
                    else
                    {
                        MessageId = (await _sender.SendPlainAsync(_chatId, text, _replyTo, _sends.Token)).MessageId;
                    }
                }

                shown = text;
                lastSent = _time.GetUtcNow();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // The final reply still goes out; a missing draft only costs the live preview.
            LogDraftFailed(_logger, e.Message);
        }
    }

    private void EndGraceLater() => _sends.CancelAfter(SendGrace);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not update the streamed draft: {Reason}")]
    private static partial void LogDraftFailed(ILogger logger, string reason);
}
