using Microsoft.Extensions.Logging;

namespace NewsBot.Core.Turns;

/// <summary>
/// Receives a streaming answer's growing text and shows it through the surface: the first text at once as a new draft,
/// later text as edits at most once per <see cref="SurfacePacing.DraftInterval"/>, always the newest text. Reports never
/// block the engine, and edits never overlap. A draft change already under way may finish shortly after the answer is
/// stopped, so the runner knows whether a draft reached the chat.
/// </summary>
internal sealed partial class DraftPreview : IProgress<string>, IAsyncDisposable
{
    private static readonly TimeSpan SendGrace = TimeSpan.FromSeconds(5);

    private readonly IChatSurface _surface;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationToken _turn;
    private readonly CancellationTokenSource _sends = new();
    private readonly CancellationTokenSource _stopWaiting = new();
    private readonly CancellationTokenRegistration _graceOnStop;
    private readonly Lock _gate = new();
    private string? _pending;
    private bool _running;
    private bool _completed;
    private Task _loop = Task.CompletedTask;
    private DateTimeOffset _lastShown = DateTimeOffset.MinValue;
    private string? _shown;

    public DraftPreview(IChatSurface surface, TimeProvider time, ILogger logger, CancellationToken turn)
    {
        _surface = surface;
        _time = time;
        _logger = logger;
        _turn = turn;
        _graceOnStop = turn.UnsafeRegister(static s => ((DraftPreview)s!).EndGrace(), this);
    }

    /// <summary>The draft on screen, once one was shown.</summary>
    public string? DraftId { get; private set; }

    public void Report(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _pending = value;
            if (!_running)
            {
                _running = true;
                _loop = Task.Run(RunAsync);
            }
        }
    }

    /// <summary>Stops showing text (a wait for the next edit is dropped), waits for a change under way, returns the draft.</summary>
    public async Task<string?> CompleteAsync()
    {
        Task loop;
        lock (_gate)
        {
            _completed = true;
            loop = _loop;
        }

        await _stopWaiting.CancelAsync();
        await loop;
        return DraftId;
    }

    public async ValueTask DisposeAsync()
    {
        await CompleteAsync();
        await _graceOnStop.DisposeAsync();
        _sends.Dispose();
        _stopWaiting.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                if (DraftId is not null)
                {
                    var wait = _lastShown + _surface.Pacing.DraftInterval - _time.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, _stopWaiting.Token);
                    }
                }

                string? text;
                lock (_gate)
                {
                    text = _pending;
                    _pending = null;
                    if (text is null || _completed || _turn.IsCancellationRequested)
                    {
                        _running = false;
                        return;
                    }
                }

                if (text == _shown)
                {
                    continue;
                }

                try
                {
                    DraftId = await _surface.ShowDraftAsync(DraftId, text, _sends.Token);
                    _shown = text;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A lost draft only costs the live preview: the final answer still goes out.
                    LogDraftFailed(_logger, e.Message);
                }

                _lastShown = _time.GetUtcNow();
            }
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                _running = false;
            }
        }
    }

    private void EndGrace()
    {
        try
        {
            _sends.CancelAfter(SendGrace);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not update the streamed draft: {Reason}")]
    private static partial void LogDraftFailed(ILogger logger, string reason);
}
