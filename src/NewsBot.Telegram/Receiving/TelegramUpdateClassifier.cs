using System.Text.RegularExpressions;
using NewsBot.Core.Chat;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Telegram.Receiving;

/// <summary>
/// Decides which updates the bot answers and turns them into requests. Private chats: every text message.
/// Groups and supergroups: commands (a "/cmd@OtherBot" is someone else's), messages that mention the bot (the mention
/// is stripped), and replies to the bot's messages. Everything else (channels, other bots, media, edits) is ignored.
/// </summary>
public static partial class TelegramUpdateClassifier
{
    public static IncomingMessage? Classify(Update update, User bot)
    {
        if (update.Message is not { Text: { } text, From: { } from } message || from.IsBot)
        {
            return null;
        }

        var isGroup = message.Chat.Type is ChatType.Group or ChatType.Supergroup;
        if (!isGroup && message.Chat.Type != ChatType.Private)
        {
            return null;
        }

        var isReplyToBot = message.ReplyToMessage?.From?.Id == bot.Id;
        string? request;
        if (text.StartsWith('/'))
        {
            request = CommandForUs(text, bot.Username);
            if (request is null)
            {
                return null; // addressed to another bot
            }
        }
        else
        {
            var mentioned = MentionsBot(message, text, bot);
            if (isGroup && !mentioned && !isReplyToBot)
            {
                return null;
            }

            request = mentioned ? StripMentions(message, text, bot) : text.Trim();
        }

        return new IncomingMessage(update.Id, message.Chat.Id, from.Id, message.MessageId, new ChatRequest
        {
            Platform = Platforms.Telegram,
            ChatId = message.Chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            UserId = from.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            UserName = from.Username ?? string.Join(' ', new[] { from.FirstName, from.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))),
            UserLocale = from.LanguageCode,
            Text = request,
            IsGroup = isGroup,
            IsReplyToBot = isReplyToBot,
            IsPlatformAdmin = !isGroup, // the user owns a private chat; group roles are looked up when a command needs them
        });
    }

    /// <summary>"/ask@NewsBot what" becomes "/ask what"; null when the command names another bot.</summary>
    private static string? CommandForUs(string text, string? botUsername)
    {
        var end = text.IndexOfAny([' ', '\n', '\t']);
        var command = end < 0 ? text : text[..end];
        var rest = end < 0 ? "" : text[end..];
        var at = command.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var target = command[(at + 1)..];
            if (botUsername is null || !target.Equals(botUsername, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            command = command[..at];
        }

        return (command + rest).Trim();
    }

    private static bool MentionsBot(Message message, string text, User bot) =>
        (message.Entities ?? []).Any(e => e.Type == MessageEntityType.TextMention && e.User?.Id == bot.Id)
        || (bot.Username is { } name && MentionPattern(name).IsMatch(text));

    private static string StripMentions(Message message, string text, User bot)
    {
        // Text mentions (users without a username) are ranges in UTF-16 units; remove from the end so offsets stay valid.
        foreach (var entity in (message.Entities ?? []).Where(e => e.Type == MessageEntityType.TextMention && e.User?.Id == bot.Id).OrderByDescending(e => e.Offset))
        {
            if (entity.Offset >= 0 && entity.Offset + entity.Length <= text.Length)
            {
                text = text.Remove(entity.Offset, entity.Length);
            }
        }

        if (bot.Username is { } name)
        {
            // "Who is Lavrov, @Bot?" and "@Bot, who is Lavrov?" both become "Who is Lavrov?".
            text = NewRegex($@"(?:,\s*)?{Mention(name)}(?:\s*[,:])?").Replace(text, " ");
        }

        return SpaceBeforePunctuation().Replace(Spaces().Replace(text, " "), "$1").Trim(' ', ',', ':');
    }

    private static Regex MentionPattern(string username) => NewRegex(Mention(username));

    /// <summary>"@username" as a whole word, not part of an e-mail address or a longer name.</summary>
    private static string Mention(string username) => $@"(?<![\w@])@{Regex.Escape(username)}(?!\w)";

    private static Regex NewRegex(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"[ \t]+([?!.,;:])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex("[ \t]{2,}")]
    private static partial Regex Spaces();
}
