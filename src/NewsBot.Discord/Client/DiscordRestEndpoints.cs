using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsBot.Discord.Client;

/// <summary>The endpoints the bot uses. Every message body carries allowed_mentions with parse: [], so nothing ever pings.</summary>
public static class DiscordRestEndpoints
{
    /// <summary>Interaction callback type 5: "thinking…", answer later through @original.</summary>
    public const int DeferredChannelMessage = 5;

    public static JsonObject NoMentions(bool repliedUser = false) => new()
    {
        ["parse"] = new JsonArray(),
        ["replied_user"] = repliedUser,
    };

    /// <summary>A message body; <paramref name="replyToMessageId"/> turns it into a reply that survives a deleted original.</summary>
    public static JsonObject MessageBody(string content, string? replyToMessageId = null)
    {
        var body = new JsonObject
        {
            ["content"] = content,
            ["allowed_mentions"] = NoMentions(),
        };
        if (replyToMessageId is not null)
        {
            body["message_reference"] = new JsonObject
            {
                ["message_id"] = replyToMessageId,
                ["fail_if_not_exists"] = false,
            };
        }

        return body;
    }

    /// <summary>Interaction callback type 4 with flag 64: a message only the user who clicked sees.</summary>
    public const int ChannelMessageWithSource = 4;

    public const int EphemeralFlag = 1 << 6;

    /// <summary>A message body with message components (buttons); an empty array removes them.</summary>
    public static JsonObject MessageBody(string? content, string? replyToMessageId, JsonArray components)
    {
        var body = content is null ? new JsonObject { ["allowed_mentions"] = NoMentions() } : MessageBody(content, replyToMessageId);
        body["components"] = components;
        return body;
    }

    public static Task<JsonElement?> CreateMessageAsync(this DiscordRestClient rest, string channelId, string content, string? replyToMessageId, JsonArray components, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Post, DiscordRoute.ChannelMessages(channelId), MessageBody(content, replyToMessageId, components), cancellationToken);

    public static Task<JsonElement?> EditMessageAsync(this DiscordRestClient rest, string channelId, string messageId, string? content, JsonArray components, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Patch, DiscordRoute.ChannelMessage(channelId, messageId), MessageBody(content, null, components), cancellationToken);

    public static Task<JsonElement?> EditOriginalAsync(this DiscordRestClient rest, string applicationId, string interactionToken, string content, JsonArray components, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Patch, DiscordRoute.OriginalResponse(applicationId, interactionToken), MessageBody(content, null, components), cancellationToken);

    public static Task<JsonElement?> CreateFollowupAsync(this DiscordRestClient rest, string applicationId, string interactionToken, string content, JsonArray components, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Post, DiscordRoute.Followup(applicationId, interactionToken), MessageBody(content, null, components), cancellationToken);

    /// <summary>Answers a component interaction with a short message only the clicking user sees (and that pings nobody).</summary>
    public static Task RespondEphemeralAsync(this DiscordRestClient rest, string interactionId, string interactionToken, string content, CancellationToken cancellationToken) =>
        rest.SendAsync(
            HttpMethod.Post,
            DiscordRoute.InteractionCallback(interactionId, interactionToken),
            new JsonObject
            {
                ["type"] = ChannelMessageWithSource,
                ["data"] = new JsonObject { ["content"] = content, ["flags"] = EphemeralFlag, ["allowed_mentions"] = NoMentions() },
            },
            cancellationToken);

    public static Task<JsonElement?> CreateMessageAsync(this DiscordRestClient rest, string channelId, string content, string? replyToMessageId, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Post, DiscordRoute.ChannelMessages(channelId), MessageBody(content, replyToMessageId), cancellationToken);

    /// <summary>Replaces a message's text (a streamed answer growing); the reply reference it was created with stays.</summary>
    public static Task EditMessageAsync(this DiscordRestClient rest, string channelId, string messageId, string content, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Patch, DiscordRoute.ChannelMessage(channelId, messageId), MessageBody(content), cancellationToken);

    public static Task DeleteMessageAsync(this DiscordRestClient rest, string channelId, string messageId, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Delete, DiscordRoute.ChannelMessage(channelId, messageId), null, cancellationToken);

    public static Task TriggerTypingAsync(this DiscordRestClient rest, string channelId, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Post, DiscordRoute.ChannelTyping(channelId), null, cancellationToken);

    public static Task DeferInteractionAsync(this DiscordRestClient rest, string interactionId, string interactionToken, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Post, DiscordRoute.InteractionCallback(interactionId, interactionToken), new JsonObject { ["type"] = DeferredChannelMessage }, cancellationToken);

    public static Task EditOriginalAsync(this DiscordRestClient rest, string applicationId, string interactionToken, string content, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Patch, DiscordRoute.OriginalResponse(applicationId, interactionToken), MessageBody(content), cancellationToken);

    public static Task DeleteOriginalAsync(this DiscordRestClient rest, string applicationId, string interactionToken, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Delete, DiscordRoute.OriginalResponse(applicationId, interactionToken), null, cancellationToken);

    public static Task CreateFollowupAsync(this DiscordRestClient rest, string applicationId, string interactionToken, string content, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Post, DiscordRoute.Followup(applicationId, interactionToken), MessageBody(content), cancellationToken);

    /// <summary>Replaces the whole command set (global, or one guild's).</summary>
    public static Task OverwriteCommandsAsync(this DiscordRestClient rest, string applicationId, string? guildId, JsonArray commands, CancellationToken cancellationToken) =>
        rest.SendAsync(HttpMethod.Put, DiscordRoute.Commands(applicationId, guildId), commands, cancellationToken);
}
