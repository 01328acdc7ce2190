using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Telegram.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using NewsBot.Telegram.Receiving;

namespace NewsBot.Telegram.Sending;

/// <summary>
/// Sends replies as Telegram HTML through the outbox: split into parts of at most 4096, the first part replying to the
/// question (or replacing a streamed draft), and falling back to plain text when Telegram cannot parse the markup.
/// </summary>
public sealed partial class TelegramReplySender(TelegramOutbox outbox, TelegramHtmlFormatter formatter, RedactingLogger<TelegramReplySender> logger, TelegramVotes? votes = null)
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };

    /// <summary>Sends every part of the reply in order and returns the ids of the messages that now show it.</summary>
    /// <param name="replyTo">The question to reply to; the first part quotes it.</param>
    /// <param name="draftMessageId">A streamed draft to turn into the first part instead of sending a new message.</param>
    public Task<IReadOnlyList<int>> SendReplyAsync(ChatId chat, Reply reply, int? replyTo, int? draftMessageId, CancellationToken cancellationToken)
    {
        var parts = formatter.Format(reply);
        if (parts.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<int>>([]);
        }

        // The vote buttons go under the last part, where the reader ends.
        var keyboard = votes?.KeyboardFor(reply);
        return outbox.RunAsync<IReadOnlyList<int>>(chat, async (session, token) =>
        {
            var ids = new List<int>();
            for (var i = 0; i < parts.Count; i++)
            {
                var markup = i == parts.Count - 1 ? keyboard : null;
                if (i == 0 && draftMessageId is int draft)
                {
                    await EditHtmlAsync(session, draft, parts[i], markup, token);
                    ids.Add(draft);
                }
                else
                {
                    ids.AddRange(await SendHtmlAsync(session, parts[i], i == 0 ? replyTo : null, markup, token));
                }
            }

            if (keyboard is not null && ids.Count > 0)
            {
                votes!.ScheduleRemoval(session.Chat, ids[^1]);
            }

            return ids;
        }, cancellationToken);
    }

    /// <summary>Sends raw text (a streamed draft) without markup; mentions are defused.</summary>
    public Task<Message> SendPlainAsync(ChatId chat, string text, int? replyTo, CancellationToken cancellationToken) =>
        outbox.SendAsync(chat, OutboundKind.Message, (client, target, token) => client.SendMessage(
            target,
            PlainDraft(text),
            replyParameters: ReplyTo(replyTo),
            linkPreviewOptions: NoPreview,
            cancellationToken: token), cancellationToken);

    /// <summary>Replaces a draft's text (raw, no markup). "Message is not modified" is not an error.</summary>
    public Task EditPlainAsync(ChatId chat, int messageId, string text, CancellationToken cancellationToken) =>
        outbox.SendAsync(chat, OutboundKind.Edit, async (client, target, token) =>
        {
            try
            {
                await client.EditMessageText(target, messageId, PlainDraft(text), linkPreviewOptions: NoPreview, cancellationToken: token);
            }
            catch (ApiRequestException e) when (IsNotModified(e))
            {
            }

            return true;
        }, cancellationToken);

    private async Task<IReadOnlyList<int>> SendHtmlAsync(OutboundSession session, string html, int? replyTo, InlineKeyboardMarkup? markup, CancellationToken cancellationToken)
    {
        try
        {
            var sent = await session.CallAsync(OutboundKind.Message, (client, target, token) => client.SendMessage(
                target,
                html,
                ParseMode.Html,
                replyParameters: ReplyTo(replyTo),
                replyMarkup: markup,
                linkPreviewOptions: NoPreview,
                cancellationToken: token), cancellationToken);
            return [sent.MessageId];
        }
        catch (ApiRequestException e) when (IsUnparsable(e))
        {
            LogMarkupRejected(logger, e.Message);
        }

        var ids = new List<int>();
        var plainParts = PlainParts(html);
        foreach (var plain in plainParts)
        {
            var last = ids.Count == plainParts.Count - 1;
            var sent = await session.CallAsync(OutboundKind.Message, (client, target, token) => client.SendMessage(
                target,
                plain,
                replyParameters: ReplyTo(ids.Count == 0 ? replyTo : null),
                replyMarkup: last ? markup : null,
                linkPreviewOptions: NoPreview,
                cancellationToken: token), cancellationToken);
            ids.Add(sent.MessageId);
        }

        return ids;
    }

    private async Task EditHtmlAsync(OutboundSession session, int messageId, string html, InlineKeyboardMarkup? markup, CancellationToken cancellationToken)
    {
        try
        {
            await session.CallAsync(OutboundKind.Edit, (client, target, token) => client.EditMessageText(
                target, messageId, html, ParseMode.Html, linkPreviewOptions: NoPreview, replyMarkup: markup, cancellationToken: token), cancellationToken);
            return;
        }
        catch (ApiRequestException e) when (IsNotModified(e))
        {
            return;
        }
        catch (ApiRequestException e) when (IsUnparsable(e))
        {
            LogMarkupRejected(logger, e.Message);
        }

        // Plain text can be longer than the markup once links are spelled out: the rest goes in new messages.
        var plain = PlainParts(html);
        try
        {
            await session.CallAsync(OutboundKind.Edit, (client, target, token) => client.EditMessageText(
                target, messageId, plain[0], linkPreviewOptions: NoPreview, replyMarkup: plain.Count == 1 ? markup : null, cancellationToken: token), cancellationToken);
        }
        catch (ApiRequestException e) when (IsNotModified(e))
        {
        }

        for (var i = 1; i < plain.Count; i++)
        {
            var rest = plain[i];
            var last = i == plain.Count - 1;
            await session.CallAsync(OutboundKind.Message, (client, target, token) => client.SendMessage(
                target, rest, linkPreviewOptions: NoPreview, replyMarkup: last ? markup : null, cancellationToken: token), cancellationToken);
        }
    }

    private static IReadOnlyList<string> PlainParts(string html) =>
        MessageSplitter.Split(TelegramHtmlFormatter.HtmlToPlainText(html), TelegramHtmlFormatter.MaxMessageLength) is { Count: > 0 } parts ? parts : ["…"];

    private static string PlainDraft(string text)
    {
        var defused = TelegramHtmlFormatter.DefuseMentions(text.Trim());
        if (defused.Length == 0)
        {
            return "…";
        }

        // A draft only shows the beginning; the final reply is split properly.
        return TelegramHtmlFormatter.Shorten(defused, TelegramHtmlFormatter.MaxMessageLength);
    }

    private static ReplyParameters? ReplyTo(int? messageId) =>
        messageId is int id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null;

    internal static bool IsUnparsable(ApiRequestException e) =>
        e.ErrorCode == 400 && e.Message.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase);

    private static bool IsNotModified(ApiRequestException e) =>
        e.ErrorCode == 400 && e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram rejected the HTML of a reply ({Reason}); sending it as plain text")]
    private static partial void LogMarkupRejected(ILogger logger, string reason);
}
