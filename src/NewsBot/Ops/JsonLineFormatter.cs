using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace NewsBot.Ops;

/// <summary>
/// <c>Logging:Format=json</c>: one JSON object per line
/// (<c>{"timestamp","level","category","eventId","message","exception"?,"state"?}</c>), every text through the
/// secret redactor, so a token quoted by an exception (Telegram puts it in the request path) never reaches the log.
/// </summary>
public sealed class JsonLineFormatter(SecretRedactor redactor) : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "newsbot-json";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            json.WriteString("level", logEntry.LogLevel.ToString());
            json.WriteString("category", logEntry.Category);
            json.WriteNumber("eventId", logEntry.EventId.Id);
            json.WriteString("message", redactor.Redact(message ?? ""));
            if (logEntry.Exception is { } exception)
            {
                json.WriteString("exception", redactor.Redact(exception.ToString()));
            }

            if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> { Count: > 1 } state)
            {
                json.WriteStartObject("state");
                foreach (var (key, value) in state)
                {
                    if (key != "{OriginalFormat}")
                    {
                        json.WriteString(key, redactor.Redact(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        textWriter.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        textWriter.Write('\n');
    }
}
