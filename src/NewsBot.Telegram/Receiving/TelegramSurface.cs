using NewsBot.Core.Chat;
using NewsBot.Core.Turns;
using NewsBot.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Telegram.Receiving;

/// <summary>One Telegram message being answered: typing, a plain-text draft, then the HTML reply to the question.</summary>
public sealed class TelegramSurface(ITelegramBotClient client, TelegramReplySender sender, long chatId, int replyTo, TimeSpan draftInterval) : IChatSurface
{
    /// <summary>Telegram clears "typing" after about five seconds.</summary>
    private static readonly TimeSpan TypingRenewal = TimeSpan.FromSeconds(4);

    private string _draftText = "";

    public SurfacePacing Pacing { get; } = new(TypingRenewal, draftInterval);

    public Task ShowTypingAsync(CancellationToken cancellationToken) =>
        client.SendChatAction(chatId, ChatAction.Typing, cancellationToken: cancellationToken);

    public async Task<string> ShowDraftAsync(string? draftId, string text, CancellationToken cancellationToken)
    {
        if (draftId is null)
        {
            draftId = (await sender.SendPlainAsync(chatId, text, replyTo, cancellationToken)).MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            await sender.EditPlainAsync(chatId, MessageId(draftId), text, cancellationToken);
        }

        _draftText = text;
        return draftId;
    }

    public Task DeliverAsync(string? draftId, Reply reply, CancellationToken cancellationToken) =>
        sender.SendReplyAsync(chatId, reply, replyTo, draftId is null ? null : MessageId(draftId), cancellationToken);

    public Task EndDraftAsync(string draftId, string note, CancellationToken cancellationToken)
    {
        var suffix = "\n\n" + note;
        var shown = TelegramHtmlFormatter.Shorten(_draftText.TrimEnd(), TelegramHtmlFormatter.MaxMessageLength - suffix.Length);
        return sender.EditPlainAsync(chatId, MessageId(draftId), shown + suffix, cancellationToken);
    }

    private static int MessageId(string draftId) => int.Parse(draftId, System.Globalization.CultureInfo.InvariantCulture);
}
