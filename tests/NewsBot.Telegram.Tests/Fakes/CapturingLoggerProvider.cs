using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsBot.Telegram.Tests.Fakes;

public sealed record CapturedLog(string Category, LogLevel Level, string Message, string? Exception)
{
    public string AllText => Message + "\n" + Exception;
}

/// <summary>Keeps every log entry of every category, exceptions included, for assertions.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // Structured values are checked too: a sink may print them separately from the message.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception) + " " + values, exception?.ToString()));
        }
    }
}
