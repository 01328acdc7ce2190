using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Telegram.Internal;
using NewsBot.Telegram.Logging;
using Telegram.Bot.Types;

namespace NewsBot.Telegram.Receiving;

/// <summary>
/// Hands updates to the conversation without waiting for answers: each chat's messages are answered in order,
/// different chats at the same time (up to <see cref="TelegramOptions.MaxConcurrentAnswers"/>).
/// </summary>
public sealed partial class TelegramUpdateDispatcher : IAsyncDisposable
{
    private readonly TelegramConversation _conversation;
    private readonly TelegramBotIdentity _identity;
    private readonly RedactingLogger<TelegramUpdateDispatcher> _logger;
    private readonly CancellationTokenSource _abort = new();
    private readonly OrderedLanes<long> _chats;
    private readonly SemaphoreSlim _concurrency;
    private readonly TelegramVotes? _votes;
    private volatile bool _closed;

    public TelegramUpdateDispatcher(TelegramConversation conversation, TelegramBotIdentity identity, IOptions<TelegramOptions> options, RedactingLogger<TelegramUpdateDispatcher> logger, TelegramVotes? votes = null)
    {
        _votes = votes;
        _conversation = conversation;
        _identity = identity;
        _logger = logger;
        _chats = new OrderedLanes<long>(_abort.Token);
        _concurrency = new SemaphoreSlim(options.Value.MaxConcurrentAnswers);
    }

    /// <summary>Queues the update if the bot should answer it; returns at once. False when it was ignored.</summary>
    public bool Dispatch(Update update)
    {
        var bot = _identity.Current ?? throw new InvalidOperationException("The bot's identity is not known yet.");
        if (_votes?.TryHandle(update) == true)
        {
            return true;
        }

        if (_closed)
        {
            // Shutting down: no new questions; the update stays unconfirmed, so the next start answers it.
            return false;
        }

        if (TelegramUpdateClassifier.Classify(update, bot) is not { } message)
        {
            LogIgnored(_logger, update.Id);
            return false;
        }

        if (message.IsCancel)
        {
            // Handled here, not behind the answer it is meant to stop.
            var stopped = _chats.Cancel(message.ChatId);
            _ = _chats.RunAsync(message.ChatId, token => ConfirmCancelAsync(message, stopped, token));
            return true;
        }

        _ = _chats.RunAsync(message.ChatId, token => AnswerAsync(message, token));
        return true;
    }

    /// <summary>Queues work in the chat's lane, behind what is queued for the chat there; returns at once.</summary>
    internal void RunInLane(long chatId, Func<CancellationToken, Task> work) => _ = _chats.RunAsync(chatId, work);

    /// <summary>Answers the update inside the caller's lane and returns when it is answered (the shared inbox drains this way).</summary>
    internal async Task HandleInLaneAsync(Update update, CancellationToken cancellationToken)
    {
        var bot = _identity.Current ?? throw new InvalidOperationException("The bot's identity is not known yet.");
        if (TelegramUpdateClassifier.Classify(update, bot) is not { } message)
        {
            LogIgnored(_logger, update.Id);
            return;
        }

        if (message.IsCancel)
        {
            await ConfirmCancelAsync(message, stopped: false, cancellationToken);
            return;
        }

        await AnswerAsync(message, cancellationToken);
    }
    /// <summary>Takes no new questions from now on (the host is stopping); answers already queued still run.</summary>
    public void Close() => _closed = true;

    /// <summary>True once <see cref="Close"/> was called.</summary>
    public bool IsClosed => _closed;

    /// <summary>Waits for queued answers; when the token fires, cancels what is still running.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        await using var abort = cancellationToken.Register(() => _abort.Cancel());
        await _chats.WhenIdleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _abort.CancelAsync();
        await _chats.WhenIdleAsync();
        _abort.Dispose();
        _concurrency.Dispose();
    }

    private async Task AnswerAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await _concurrency.WaitAsync(cancellationToken);
            try
            {
                await _conversation.AnswerAsync(message, cancellationToken);
            }
            finally
            {
                _concurrency.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogCancelled(_logger, message.UpdateId);
        }
        catch (Exception e)
        {
            LogFailed(_logger, message.UpdateId, e);
        }
    }

    private async Task ConfirmCancelAsync(IncomingMessage message, bool stopped, CancellationToken cancellationToken)
    {
        try
        {
            await _conversation.ConfirmCancelAsync(message, stopped, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(_logger, message.UpdateId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Update {UpdateId} is not for the bot")]
    private static partial void LogIgnored(ILogger logger, long updateId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answer to update {UpdateId} was cancelled")]
    private static partial void LogCancelled(ILogger logger, long updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering update {UpdateId} failed")]
    private static partial void LogFailed(ILogger logger, long updateId, Exception exception);
}
