using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsBot.Ops;

/// <summary>
/// Writes a health report in the common health-check JSON shape (as HealthChecks.UI reads it):
/// <c>{"status","totalDuration","entries":{"name":{"status","description","duration","data","tags"}}}</c>.
/// The description is the reason; exceptions are left out and every text passes the secret redactor.
/// </summary>
public static class HealthResponseWriter
{
    public static Func<HttpContext, HealthReport, Task> For(SecretRedactor redactor) => (context, report) => WriteAsync(context, report, redactor);

    private static async Task WriteAsync(HttpContext context, HealthReport report, SecretRedactor redactor)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteString("totalDuration", report.TotalDuration.ToString("c", CultureInfo.InvariantCulture));
            json.WriteStartObject("entries");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString());
                if (entry.Description is { } description)
                {
                    json.WriteString("description", redactor.Redact(description));
                }

                json.WriteString("duration", entry.Duration.ToString("c", CultureInfo.InvariantCulture));
                json.WriteStartObject("data");
                foreach (var (key, value) in entry.Data)
                {
                    switch (value)
                    {
                        case int or long or double:
                            json.WriteNumber(key, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                            break;
                        case bool flag:
                            json.WriteBoolean(key, flag);
                            break;
                        default:
                            json.WriteString(key, redactor.Redact(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                            break;
                    }
                }

                json.WriteEndObject();
                json.WriteStartArray("tags");
                foreach (var tag in entry.Tags)
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
