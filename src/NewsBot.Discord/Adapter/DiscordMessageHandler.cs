using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Core.Languages;
using NewsBot.Discord.Client;
using NewsBot.Discord.Rendering;

namespace NewsBot.Discord.Adapter;

/// <summary>MESSAGE_CREATE: answers mentions, DMs and replies to the bot as replies, with "typing…" while it works.</summary>
public sealed partial class DiscordMessageHandler(
    DiscordRestClient rest,
    IChatPipeline pipeline,
    DiscordMarkdownFormatter formatter,
    TimeProvider time,
    DiscordTimings timings,
    ILogger<DiscordMessageHandler> logger)
{
    public async Task HandleAsync(JsonElement message, string botUserId, CancellationToken cancellationToken)
    {
        if (DiscordEvents.Classify(message, botUserId) is not { } question)
        {
            return;
        }

        var channelId = DiscordEvents.Str(message, "channel_id")!;
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

        Reply reply;
        using (var typing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var typingLoop = KeepTypingAsync(channelId, typing.Token);
            try
            {
                reply = await pipeline.HandleAsync(request, null, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogPipelineFailed(channelId, ex);
                reply = FailureReply(null);
            }
            finally
            {
                await typing.CancelAsync();
                await typingLoop;
            }
        }

        var parts = formatter.Format(reply);
        for (var i = 0; i < parts.Count; i++)
        {
            await rest.CreateMessageAsync(channelId, parts[i], i == 0 ? messageId : null, cancellationToken);
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
