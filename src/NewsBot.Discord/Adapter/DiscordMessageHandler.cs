using System.Text.Json;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Turns;
using NewsBot.Discord.Client;
using NewsBot.Discord.Rendering;

namespace NewsBot.Discord.Adapter;

/// <summary>MESSAGE_CREATE: a mention, a DM or a reply to the bot becomes a chat turn answered by a reply in the channel.</summary>
public sealed class DiscordMessageHandler(
    DiscordRestClient rest,
    TurnRunner turns,
    DiscordMarkdownFormatter formatter,
    DiscordTimings timings,
    DiscordVotes? votes = null)
{
    /// <summary>Returns once the answer was delivered (or the message was not for the bot).</summary>
    public Task HandleAsync(JsonElement message, string botUserId)
    {
        if (DiscordEvents.Classify(message, botUserId) is not { } question)
        {
            return Task.CompletedTask;
        }

        var channelId = DiscordEvents.Str(message, "channel_id")!;
        var guildId = DiscordEvents.Str(message, "guild_id");
        var author = DiscordEvents.User(message);
        var request = new ChatRequest
        {
            Platform = Platforms.Discord,
            ChatId = channelId,
            UserId = DiscordEvents.Str(author, "id") ?? "",
            UserName = DiscordEvents.DisplayName(author),
            Text = question.Text.Length == 0 ? "/help" : question.Text,
            GuildId = guildId,
            IsGroup = guildId is not null,
            IsReplyToBot = question.IsReplyToBot,
        };

        // A message carries no locale: the preview's fixed words follow the question's language.
        var previewLanguage = LanguageDetector.DetectOr(request.Text, Language.English);
        var surface = new DiscordMessageSurface(rest, formatter, timings, votes, channelId, DiscordEvents.Str(message, "id"), previewLanguage);
        return turns.SubmitAsync(new ChatTurn(request, surface));
    }
}
