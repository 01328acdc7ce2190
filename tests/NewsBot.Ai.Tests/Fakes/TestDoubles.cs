using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsBot.Ai.Tests.Fakes;

/// <summary>Records every report at once (unlike Progress&lt;T&gt;, which posts to a context later).</summary>
public sealed class RecordingProgress : IProgress<string>
{
    private readonly ConcurrentQueue<string> _reports = new();

    public IReadOnlyList<string> Reports => _reports.ToList();

    public void Report(string value) => _reports.Enqueue(value);
}

/// <summary>Keeps every log line, with its exception, for assertions about what was logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message, Exception? Exception)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message, Exception? Exception)> Entries => _entries.ToList();

    /// <summary>Everything that would reach a log sink: messages and full exception texts.</summary>
    public string AllText => string.Join("\n", Entries.Select(e => e.Message + "\n" + e.Exception));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string, Exception?)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, formatter(state, exception), exception));
    }
}
