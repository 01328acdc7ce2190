using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Core.Languages;
using NewsBot.Discord.Client;
using NewsBot.Discord.Rendering;
using NewsBot.Core.Telemetry;

namespace NewsBot.Discord.Adapter;

/// <summary>
/// MESSAGE_CREATE: answers mentions, DMs and replies to the bot as replies, with "typing…" while it works; a streaming
/// answer grows in its reply by edits (at most once per <see cref="DiscordTimings.StreamEditInterval"/>).
/// </summary>
public sealed partial class DiscordMessageHandler(
    DiscordRestClient rest,
    IChatPipeline pipeline,
    DiscordMarkdownFormatter formatter,
    TimeProvider time,
    DiscordTimings timings,
    ILogger<DiscordMessageHandler> logger,
    DiscordVotes? votes = null)
{
    public async Task HandleAsync(JsonElement message, string botUserId, CancellationToken cancellationToken)
    {
        if (DiscordEvents.Classify(message, botUserId) is not { } question)
        {
            return;
        }

        var channelId = DiscordEvents.Str(message, "channel_id")!;
        using var turn = NewsBotTelemetry.StartTurn(Platforms.Discord, channelId);
        var messageId = DiscordEvents.Str(message, "id");
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

        // A streaming engine's text shows up as a reply that grows by edits; the final answer then replaces it.
        string? draftId = null;
        var previewLanguage = LanguageDetector.DetectOr(request.Text, Language.English);
        Reply reply;
        using (var typing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var typingLoop = KeepTypingAsync(channelId, typing.Token);
            await using var preview = new ThrottledEditor(
                async text =>
                {
                    var content = formatter.FormatPreview(text, previewLanguage);
                    if (draftId is null)
                    {
                        draftId = await rest.CreateMessageAsync(channelId, content, messageId, cancellationToken) is { } sent ? DiscordEvents.Str(sent, "id") : null;
                    }
                    else
                    {
                        await rest.EditMessageAsync(channelId, draftId, content, cancellationToken);
                    }
                },
                time,
                timings.StreamEditInterval,
                logger);
            try
            {
                reply = await pipeline.HandleAsync(request, preview, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogPipelineFailed(channelId, ex);
                reply = FailureReply(null);
            }
            finally
            {
                await preview.CompleteAsync();
                await typing.CancelAsync();
                await typingLoop;
            }
        }

        var parts = formatter.Format(reply);
        if (parts.Count == 0)
        {
            if (draftId is not null)
            {
                // Stopped with /cancel (or nothing to say): the partial text must not stay as if it were an answer.
                await rest.DeleteMessageAsync(channelId, draftId, cancellationToken);
            }

            return;
        }

        // The first part replaces the streamed reply, or is the reply; further parts follow as plain messages.
        // The vote buttons go under the last part.
        var buttons = votes?.ComponentsFor(reply);
        string? lastId;
        if (draftId is null)
        {
            var sent = parts.Count == 1 && buttons is not null
                ? await rest.CreateMessageAsync(channelId, parts[0], messageId, buttons, cancellationToken)
                : await rest.CreateMessageAsync(channelId, parts[0], messageId, cancellationToken);
            lastId = sent is { } s ? DiscordEvents.Str(s, "id") : null;
        }
        else
        {
            if (parts.Count == 1 && buttons is not null)
            {
                await rest.EditMessageAsync(channelId, draftId, parts[0], buttons, cancellationToken);
            }
            else
            {
                await rest.EditMessageAsync(channelId, draftId, parts[0], cancellationToken);
            }

            lastId = draftId;
        }

        for (var i = 1; i < parts.Count; i++)
        {
            var sent = i == parts.Count - 1 && buttons is not null
                ? await rest.CreateMessageAsync(channelId, parts[i], null, buttons, cancellationToken)
                : await rest.CreateMessageAsync(channelId, parts[i], null, cancellationToken);
            lastId = sent is { } s ? DiscordEvents.Str(s, "id") : null;
        }

        if (buttons is not null && lastId is not null)
        {
            votes!.ScheduleRemoval(channelId, lastId);
        }
    }

    /// <summary>Discord shows "typing…" for 10 s per call: renew it until the answer is ready.</summary>
    private async Task KeepTypingAsync(string channelId, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await rest.TriggerTypingAsync(channelId, cancellationToken);
                await Task.Delay(timings.TypingInterval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (DiscordHttpException ex)
        {
            LogTypingFailed(channelId, ex);
        }
    }

    internal static Reply FailureReply(string? locale) => LanguageCodes.TryParse(locale) switch
    {
        Language.German => Reply.Text(Language.German, "Entschuldigung, beim Antworten ist etwas schiefgegangen. Bitte versuche es noch einmal.", ReplyKind.Error),
        Language.English => Reply.Text(Language.English, "Sorry, something went wrong while answering. Please try again.", ReplyKind.Error),
        _ => Reply.Text(Language.English, "Sorry, something went wrong while answering. Please try again.\n\nEntschuldigung, beim Antworten ist etwas schiefgegangen.", ReplyKind.Error),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: answering a message in channel {ChannelId} failed")]
    private partial void LogPipelineFailed(string channelId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord: typing indicator in channel {ChannelId} failed")]
    private partial void LogTypingFailed(string channelId, Exception exception);
}
