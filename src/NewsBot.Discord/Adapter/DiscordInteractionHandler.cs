using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Core.Languages;
using NewsBot.Discord.Client;
using NewsBot.Discord.Rendering;
using NewsBot.Core.Telemetry;

namespace NewsBot.Discord.Adapter;

/// <summary>
/// INTERACTION_CREATE for slash commands: defer at once (Discord allows 3 s), then answer through @original, growing it
/// while a streaming engine writes (at most about once a second), and post further parts as follow-ups.
/// </summary>
public sealed partial class DiscordInteractionHandler(
    DiscordRestClient rest,
    IChatPipeline pipeline,
    DiscordMarkdownFormatter formatter,
    TimeProvider time,
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
        using var turn = NewsBotTelemetry.StartTurn(Platforms.Discord, DiscordEvents.Str(interaction, "channel_id") ?? "");
        var token = DiscordEvents.Str(interaction, "token")!;
        var applicationId = DiscordEvents.Str(interaction, "application_id")!;

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

        var previewLanguage = LanguageCodes.TryParse(locale) ?? Language.English;
        Reply reply;
        await using (var preview = new ThrottledEditor(
            text => rest.EditOriginalAsync(applicationId, token, formatter.FormatPreview(text, previewLanguage), cancellationToken),
            time,
            timings.StreamEditInterval,
            logger))
        {
            try
            {
                reply = await pipeline.HandleAsync(request, preview, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogPipelineFailed(request.Text.Split(' ')[0], ex);
                reply = DiscordMessageHandler.FailureReply(locale);
            }

            await preview.CompleteAsync();
        }

        var parts = formatter.Format(reply);
        if (parts.Count == 0)
        {
            // Nothing to say: remove the "thinking…" placeholder.
            await rest.DeleteOriginalAsync(applicationId, token, cancellationToken);
            return;
        }

        // The vote buttons go under the last part; they are removed later through the channel (the token expires in 15 min).
        var buttons = votes?.ComponentsFor(reply);
        JsonElement? last;
        if (parts.Count == 1 && buttons is not null)
        {
            last = await rest.EditOriginalAsync(applicationId, token, parts[0], buttons, cancellationToken);
        }
        else
        {
            await rest.EditOriginalAsync(applicationId, token, parts[0], cancellationToken);
            last = null;
        }

        for (var i = 1; i < parts.Count; i++)
        {
            if (i == parts.Count - 1 && buttons is not null)
            {
                last = await rest.CreateFollowupAsync(applicationId, token, parts[i], buttons, cancellationToken);
            }
            else
            {
                await rest.CreateFollowupAsync(applicationId, token, parts[i], cancellationToken);
            }
        }

        if (buttons is not null && last is { } message && DiscordEvents.Str(message, "id") is { } messageId)
        {
            votes!.ScheduleRemoval(DiscordEvents.Str(message, "channel_id") ?? channelId, messageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: could not acknowledge interaction {InteractionId}")]
    private partial void LogDeferFailed(string interactionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: answering {Command} failed")]
    private partial void LogPipelineFailed(string command, Exception exception);
}
