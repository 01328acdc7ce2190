using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsBot.Discord.Adapter;

/// <summary>A message the bot should answer: mention stripped.</summary>
public sealed record DiscordQuestion(string Text, bool IsReplyToBot);

/// <summary>Reads the gateway payloads the adapter needs; Discord ids are strings.</summary>
public static partial class DiscordEvents
{
    private const ulong AdministratorPermission = 1UL << 3;
    private const ulong ManageGuildPermission = 1UL << 5;

    /// <summary>
    /// A mention of the bot, a DM, or a reply to one of the bot's messages is a question; messages from bots,
    /// webhooks and the bot itself never are.
    /// </summary>
    public static DiscordQuestion? Classify(JsonElement message, string botUserId)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("author", out var author))
        {
            return null;
        }

        if (Str(message, "webhook_id") is not null || IsTrue(author, "bot") || Str(author, "id") == botUserId)
        {
            return null;
        }

        var content = Str(message, "content") ?? "";
        var mentioned = content.Contains($"<@{botUserId}>", StringComparison.Ordinal)
            || content.Contains($"<@!{botUserId}>", StringComparison.Ordinal)
            || (message.TryGetProperty("mentions", out var mentions) && mentions.ValueKind == JsonValueKind.Array
                && mentions.EnumerateArray().Any(m => Str(m, "id") == botUserId));
        var isDm = Str(message, "guild_id") is null;
        var replyToBot = message.TryGetProperty("referenced_message", out var referenced) && referenced.ValueKind == JsonValueKind.Object
            && referenced.TryGetProperty("author", out var referencedAuthor) && Str(referencedAuthor, "id") == botUserId;
        if (!mentioned && !isDm && !replyToBot)
        {
            return null;
        }

        var text = MentionPattern().Replace(content, match => match.Groups["id"].Value == botUserId ? " " : match.Value);
        text = WhitespaceRun().Replace(text, " ").Trim();
        return new DiscordQuestion(text, replyToBot);
    }

    /// <summary>The user who sent a message or invoked an interaction (member.user in guilds, user in DMs).</summary>
    public static JsonElement User(JsonElement payload) =>
        payload.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object && member.TryGetProperty("user", out var memberUser)
            ? memberUser
            : payload.TryGetProperty("user", out var user) ? user : payload.TryGetProperty("author", out var author) ? author : default;

    public static string? DisplayName(JsonElement user) => Str(user, "global_name") ?? Str(user, "username");

    /// <summary>Administrator or Manage Server, from the interaction member's permission bits.</summary>
    public static bool IsAdmin(JsonElement payload) =>
        payload.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object
        && Str(member, "permissions") is { } bits && ulong.TryParse(bits, out var permissions)
        && (permissions & (AdministratorPermission | ManageGuildPermission)) != 0;

    public static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;

    private static bool IsTrue(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    [GeneratedRegex(@"<@!?(?<id>\d+)>")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex WhitespaceRun();
}
