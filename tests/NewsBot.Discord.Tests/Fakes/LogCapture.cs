using Microsoft.Extensions.Logging;

namespace NewsBot.Discord.Tests.Fakes;

public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception, DateTimeOffset At = default)
{
    public override string ToString() => $"{Level} {Category}: {Message}";
}

/// <summary>Collects log lines and lets a test wait for one.</summary>
public sealed class LogCapture(TimeProvider? clock = null) : ILoggerProvider
{
    private readonly TimeProvider? _clock = clock;
    private readonly List<LogEntry> _entries = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return _entries.ToList();
            }
        }
    }

    /// <summary>Everything logged, including exception texts, as one string (for "never logs the token" checks).</summary>
    public string AllText => string.Join('\n', Entries.Select(e => e.Message + " " + e.Exception));

    public ILogger<T> For<T>() => new Logger<T>(new LoggerFactory([this], new LoggerFilterOptions { MinLevel = LogLevel.Trace }));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, TimeSpan? timeout = null)
    {
        var deadline = Task.Delay(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (_entries.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            if (await Task.WhenAny(changed, deadline) == deadline)
            {
                throw new TimeoutException("Expected log line not written. Log:\n" + string.Join('\n', Entries));
            }
        }
    }

    private void Add(LogEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogEntry(logLevel, category, formatter(state, exception), exception, (owner._clock ?? TimeProvider.System).GetUtcNow()));
    }
}
