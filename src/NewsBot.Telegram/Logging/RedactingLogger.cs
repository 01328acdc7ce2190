using System.Collections;
using Microsoft.Extensions.Logging;

namespace NewsBot.Telegram.Logging;

/// <summary>
/// A logger for the adapter's own categories that passes every message, structured value and exception
/// through <see cref="TokenRedactor"/>, so the token cannot reach a log sink even through an exception message.
/// </summary>
public sealed class RedactingLogger<T>(ILoggerFactory loggerFactory, TokenRedactor redactor) : ILogger
{
    private readonly ILogger _inner = loggerFactory.CreateLogger<T>();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => _inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!_inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = redactor.Redact(formatter(state, exception));
        var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
        var redactedState = new RedactedState(message, values, redactor);
        var redactedException = exception is not null && redactor.ContainsSecret(exception.ToString())
            ? new RedactedException(exception, redactor)
            : exception;
        _inner.Log(logLevel, eventId, redactedState, redactedException, static (s, _) => s.Message);
    }

    /// <summary>The structured values of the original entry with every value rendered and redacted.</summary>
    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>>? values, TokenRedactor redactor)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values?.Count ?? 1;

        public KeyValuePair<string, object?> this[int index]
        {
            get
            {
                if (values is null)
                {
                    return new("{OriginalFormat}", Message);
                }

                var pair = values[index];
                var value = pair.Value;
                return value is null || value.GetType().IsPrimitive || value is decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum
                    ? pair
                    : new(pair.Key, redactor.Redact(value.ToString() ?? ""));
            }
        }

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}

/// <summary>Stands in for an exception whose text contained the token: same type name and shape, secret removed.</summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;

    public RedactedException()
    {
        _text = "";
    }

    public RedactedException(string message)
        : base(message)
    {
        _text = message;
    }

    public RedactedException(string message, Exception innerException)
        : base(message, innerException)
    {
        _text = message;
    }

    internal RedactedException(Exception original, TokenRedactor redactor)
        : base(redactor.Redact(original.Message))
    {
        _text = redactor.Redact(original.ToString());
        HResult = original.HResult;
    }

    public override string? StackTrace => null;

    public override string ToString() => _text;
}
