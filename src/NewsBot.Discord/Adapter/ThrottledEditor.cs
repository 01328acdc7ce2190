using Microsoft.Extensions.Logging;

namespace NewsBot.Discord.Adapter;

/// <summary>
/// Receives a streaming answer's growing text and applies it at most once per interval, always the latest text;
/// edits never overlap and <see cref="CompleteAsync"/> waits for the last one, so a final edit comes after them all.
/// </summary>
public sealed partial class ThrottledEditor(Func<string, Task> edit, TimeProvider time, TimeSpan interval, ILogger logger)
    : IProgress<string>, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stop = new();
    private string? _pending;
    private bool _running;
    private bool _completed;
    private DateTimeOffset _lastEdit = DateTimeOffset.MinValue;
    private Task _loop = Task.CompletedTask;

    public void Report(string value)
    {
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }

            _pending = value;
            if (!_running)
            {
                _running = true;
                _loop = RunAsync();
            }
        }
    }

    private async Task RunAsync()
    {
        try
        {
            while (true)
            {
                var wait = _lastEdit == DateTimeOffset.MinValue ? TimeSpan.Zero : _lastEdit + interval - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, _stop.Token);
                }

                string? text;
                lock (_lock)
                {
                    text = _pending;
                    _pending = null;
                    if (text is null || _completed)
                    {
                        _running = false;
                        return;
                    }
                }

                _lastEdit = time.GetUtcNow();
                try
                {
                    await edit(text);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A lost preview edit is harmless: the final answer follows.
                    LogEditFailed(ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                _running = false;
            }
        }
    }

    /// <summary>Stops previews; waits for an edit in flight (a pending wait is dropped).</summary>
    public async Task CompleteAsync()
    {
        Task loop;
        lock (_lock)
        {
            _completed = true;
            loop = _loop;
        }

        // Cancels only the wait between edits; an edit in flight finishes, so it cannot land after the final one.
        await _stop.CancelAsync();
        await loop;
    }

    public async ValueTask DisposeAsync()
    {
        await CompleteAsync();
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord: a streaming preview edit failed")]
    private partial void LogEditFailed(Exception exception);
}
