using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Core.Languages;
using NewsBot.Discord.Client;
using NewsBot.Discord.Rendering;

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
    ILogger<DiscordInteractionHandler> logger)
{
    private const int ApplicationCommand = 2;

    public async Task HandleAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        if (DiscordEvents.Int(interaction, "type") != ApplicationCommand)
        {
            return;
        }

        var id = DiscordEvents.Str(interaction, "id")!;
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

        await rest.EditOriginalAsync(applicationId, token, parts[0], cancellationToken);
        foreach (var part in parts.Skip(1))
        {
            await rest.CreateFollowupAsync(applicationId, token, part, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord: could not acknowledge interaction {InteractionId}")]
    private partial void LogDeferFailed(string interactionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: answering {Command} failed")]
    private partial void LogPipelineFailed(string command, Exception exception);
}
