using System.Globalization;
using NewsBot.Core.Chat;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace NewsBot.Telegram.Sending;

/// <summary>Sends replies that no message triggered (digests) to a Telegram chat id or @channel, through the same outbox.</summary>
public sealed class TelegramChatSender(TelegramReplySender sender) : IChatSender
{
    public string Platform => Platforms.Telegram;

    public async Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken)
    {
        ChatId target = long.TryParse(chatId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id
            : chatId.StartsWith('@') ? chatId
            : throw new ChatSendException($"'{chatId}' is not a Telegram chat id or @channel name.", isPermanent: true);
        try
        {
            await sender.SendReplyAsync(target, reply, replyTo: null, draftMessageId: null, cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403)
        {
            // Chat gone, bot blocked or removed: retrying cannot help.
            throw new ChatSendException($"Telegram refused the message to chat {chatId}: {e.Message}", isPermanent: true, e);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException)
        {
            throw new ChatSendException($"Telegram could not be reached to send to chat {chatId}: {e.Message}", isPermanent: false, e);
        }
    }
}
