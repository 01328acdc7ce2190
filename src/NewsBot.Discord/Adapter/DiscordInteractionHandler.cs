using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Turns;
using NewsBot.Discord.Client;
using NewsBot.Discord.Rendering;

namespace NewsBot.Discord.Adapter;

/// <summary>
/// INTERACTION_CREATE: vote buttons go to <see cref="DiscordVotes"/>; a slash command is deferred at once (Discord allows
/// 3 s) and becomes a chat turn answered through @original.
/// </summary>
public sealed partial class DiscordInteractionHandler(
    DiscordRestClient rest,
    TurnRunner turns,
    DiscordMarkdownFormatter formatter,
    DiscordTimings timings,
    ILogger<DiscordInteractionHandler> logger,
    DiscordVotes? votes = null)
{
    private const int ApplicationCommand = 2;

    public async Task HandleAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        if (votes is not null && await votes.HandleAsync(interaction, cancellationToken))
        {
            return;
        }

        if (DiscordEvents.Int(interaction, "type") != ApplicationCommand)
        {
            return;
        }

        var id = DiscordEvents.Str(interaction, "id")!;
        var token = DiscordEvents.Str(interaction, "token")!;

        // Before anything slow: an interaction not acknowledged within 3 s fails for the user.
        try
        {
            await rest.DeferInteractionAsync(id, token, cancellationToken);
        }
        catch (DiscordHttpException ex)
        {
            LogDeferFailed(id, ex);
            return;
        }

        var channelId = DiscordEvents.Str(interaction, "channel_id") ?? "";
        var guildId = DiscordEvents.Str(interaction, "guild_id");
        var user = DiscordEvents.User(interaction);
        var locale = DiscordEvents.Str(interaction, "locale");
        var data = interaction.TryGetProperty("data", out var d) ? d : default;
        var request = new ChatRequest
        {
            Platform = Platforms.Discord,
            ChatId = channelId,
            UserId = DiscordEvents.Str(user, "id") ?? "",
            UserName = DiscordEvents.DisplayName(user),
            Text = DiscordCommands.ToRouterText(data),
            UserLocale = locale,
            GuildId = guildId,
            IsGroup = guildId is not null,
            IsPlatformAdmin = DiscordEvents.IsAdmin(interaction),
        };

        var surface = new DiscordInteractionSurface(
            rest,
            formatter,
            timings,
            votes,
            DiscordEvents.Str(interaction, "application_id")!,
            token,
            channelId,
            LanguageCodes.TryParse(locale) ?? Language.English);
        await turns.SubmitAsync(new ChatTurn(request, surface));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: could not acknowledge interaction {InteractionId}")]
    private partial void LogDeferFailed(string interactionId, Exception exception);
}
