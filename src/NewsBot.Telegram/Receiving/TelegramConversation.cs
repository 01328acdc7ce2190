using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Core.Languages;
using NewsBot.Core.State;
using NewsBot.Telegram.Logging;
using NewsBot.Telegram.Sending;
using Telegram.Bot;
using NewsBot.Core.Telemetry;

namespace NewsBot.Telegram.Receiving;

/// <summary>Answers one message: typing while the pipeline works, a growing draft when it streams, then the formatted reply.</summary>
public sealed partial class TelegramConversation(
    IChatPipeline pipeline,
    IOptions<BotOptions> botOptions,
    ITelegramBotClient client,
    TelegramAdminLookup admins,
    TelegramReplySender sender,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    RedactingLogger<TelegramConversation> logger,
    RedactingLogger<TypingIndicator> typingLogger,
    RedactingLogger<StreamingDraft> draftLogger,
    IChatSettingsStore? chatSettings = null)
{
    /// <summary>How long marking a cancelled draft may take (it runs after the request's own token has fired).</summary>
    private static readonly TimeSpan StopNoteTimeout = TimeSpan.FromSeconds(5);

    public async Task AnswerAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        LogAnswering(logger, message.UpdateId, message.ChatId);
        using var turn = NewsBotTelemetry.StartTurn(Platforms.Telegram, message.Request.ChatId);
        var draft = new StreamingDraft(sender, message.ChatId, message.MessageId, options.Value.StreamingEditInterval, time, draftLogger, cancellationToken);
        Reply reply;
        int? draftId;
        await using (TypingIndicator.Start(client, message.ChatId, time, typingLogger, cancellationToken))
        {
            try
            {
                var request = message.NeedsAdminCheck
                    ? message.Request with { IsPlatformAdmin = await admins.IsAdminAsync(message.ChatId, message.UserId, cancellationToken) }
                    : message.Request;
                reply = await pipeline.HandleAsync(request, draft, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                if (await draft.CompleteAsync() is not null)
                {
                    await MarkDraftStoppedAsync(message, draft);
                }

                throw;
            }
            catch (Exception e)
            {
                LogPipelineFailed(logger, message.UpdateId, e);
                reply = TelegramReplySender.FailureReply(message.Request.UserLocale);
            }

            draftId = await draft.CompleteAsync();
        }

        if (reply.Kind == ReplyKind.Silent && draftId is null)
        {
            return;
        }

        try
        {
            await sender.SendReplyAsync(message.ChatId, reply, message.MessageId, draftId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSendFailed(logger, message.UpdateId, message.ChatId, e);
        }
    }

    /// <summary>Tells the user that /cancel stopped the running answer (or that none was running).</summary>
    public async Task ConfirmCancelAsync(IncomingMessage message, bool stopped, CancellationToken cancellationToken)
    {
        var language = await CommandLanguageAsync(message.Request, cancellationToken);
        var reply = Reply.Text(language, stopped ? Texts.Cancelled(language) : Texts.NothingToCancel(language));
        await sender.SendReplyAsync(message.ChatId, reply, message.MessageId, draftMessageId: null, cancellationToken);
    }

    /// <summary>
    /// Marks a streamed draft whose answer was cancelled. The request's token has fired, so this gets a short time of its own:
    /// a shutdown waits for it at most that long.
    /// </summary>
    private async Task MarkDraftStoppedAsync(IncomingMessage message, StreamingDraft draft)
    {
        using var bounded = new CancellationTokenSource(StopNoteTimeout, time);
        try
        {
            var language = await CommandLanguageAsync(message.Request, bounded.Token);
            await draft.MarkStoppedAsync(Texts.AnswerStopped(language), bounded.Token);
        }
        catch (Exception e)
        {
            LogStopNoteFailed(logger, message.UpdateId, e.Message);
        }
    }

    /// <summary>The language of a reply to a bare command: the chat's /lang choice, else the user's client language.</summary>
    private async Task<Language> CommandLanguageAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var chosen = chatSettings is null ? null : (await chatSettings.GetAsync(new ChatKey(request.Platform, request.ChatId), cancellationToken)).Language;
        return LanguageResolver.Resolve(chosen, request.UserLocale, "", isCommandWithoutText: true, botOptions.Value.Default);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not mark the stopped draft of update {UpdateId}: {Reason}")]
    private static partial void LogStopNoteFailed(ILogger logger, long updateId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answering update {UpdateId} in chat {ChatId}")]
    private static partial void LogAnswering(ILogger logger, long updateId, long chatId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The chat pipeline failed on update {UpdateId}; the user gets an apology")]
    private static partial void LogPipelineFailed(ILogger logger, long updateId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the answer to update {UpdateId} in chat {ChatId}")]
    private static partial void LogSendFailed(ILogger logger, long updateId, long chatId, Exception exception);
}
