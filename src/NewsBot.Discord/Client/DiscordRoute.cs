namespace NewsBot.Discord.Client;

/// <summary>
/// A REST route: the template names the endpoint for logs and rate-limit buckets (no ids, no tokens),
/// the path is what is requested, the major id (channel, guild, webhook, interaction) separates buckets.
/// </summary>
public sealed record DiscordRoute(string Template, string Path, string MajorId)
{
    public static DiscordRoute GatewayBot() => new("gateway/bot", "gateway/bot", "");

    public static DiscordRoute ChannelMessages(string channelId) =>
        new("channels/{channel}/messages", $"channels/{E(channelId)}/messages", channelId);

    public static DiscordRoute ChannelMessage(string channelId, string messageId) =>
        new("channels/{channel}/messages/{message}", $"channels/{E(channelId)}/messages/{E(messageId)}", channelId);

    public static DiscordRoute ChannelTyping(string channelId) =>
        new("channels/{channel}/typing", $"channels/{E(channelId)}/typing", channelId);

    public static DiscordRoute InteractionCallback(string interactionId, string interactionToken) =>
        new("interactions/{id}/{token}/callback", $"interactions/{E(interactionId)}/{E(interactionToken)}/callback", interactionId);

    public static DiscordRoute OriginalResponse(string applicationId, string interactionToken) =>
        new("webhooks/{app}/{token}/messages/@original", $"webhooks/{E(applicationId)}/{E(interactionToken)}/messages/@original", applicationId + "/" + interactionToken);

    public static DiscordRoute Followup(string applicationId, string interactionToken) =>
        new("webhooks/{app}/{token}", $"webhooks/{E(applicationId)}/{E(interactionToken)}", applicationId + "/" + interactionToken);

    public static DiscordRoute Commands(string applicationId, string? guildId) => guildId is null
        ? new("applications/{app}/commands", $"applications/{E(applicationId)}/commands", applicationId)
        : new("applications/{app}/guilds/{guild}/commands", $"applications/{E(applicationId)}/guilds/{E(guildId)}/commands", guildId);

    private static string E(string value) => Uri.EscapeDataString(value);
}
