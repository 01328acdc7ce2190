using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Core.State;
using NewsBot.Telegram.Logging;
using NewsBot.Telegram.Sending;
using Telegram.Bot;

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
    public async Task AnswerAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        LogAnswering(logger, message.UpdateId, message.ChatId);
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
                await draft.CompleteAsync();
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
        var request = message.Request;
        var chosen = chatSettings is null ? null : (await chatSettings.GetAsync(new ChatKey(request.Platform, request.ChatId), cancellationToken)).Language;
        var language = LanguageResolver.Resolve(chosen, request.UserLocale, "", isCommandWithoutText: true, botOptions.Value.Default);
        var reply = Reply.Text(language, stopped ? Texts.Cancelled(language) : Texts.NothingToCancel(language));
        await sender.SendReplyAsync(message.ChatId, reply, message.MessageId, draftMessageId: null, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answering update {UpdateId} in chat {ChatId}")]
    private static partial void LogAnswering(ILogger logger, long updateId, long chatId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The chat pipeline failed on update {UpdateId}; the user gets an apology")]
    private static partial void LogPipelineFailed(ILogger logger, long updateId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the answer to update {UpdateId} in chat {ChatId}")]
    private static partial void LogSendFailed(ILogger logger, long updateId, long chatId, Exception exception);
}
