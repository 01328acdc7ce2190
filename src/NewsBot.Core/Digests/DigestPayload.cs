using System.Text.Json;
using System.Text.Json.Serialization;
using NewsBot.Core.Chat;

namespace NewsBot.Core.Digests;

/// <summary>
/// What an outbox entry carries: the composed reply (so a resend after a restart posts exactly what was planned) and
/// what it covers, so the target's digest history can be brought up to date once it is delivered.
/// </summary>
public sealed record DigestPayload(string Schedule, Reply Reply, DateTimeOffset NewestAddedAt, IReadOnlyList<string> ArticleIds)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>The payload, or null when the text is not one (written by another version, or damaged).</summary>
    public static DigestPayload? TryParse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<DigestPayload>(text, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
