using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NewsBot.Core.Chat;

namespace NewsBot.Telegram;

/// <summary>
/// Renders replies as Telegram HTML (parse_mode=HTML). Every piece of text is escaped, so article or model text
/// can neither inject markup nor mention anyone: "@name" gets an invisible word joiner after the "@".
/// </summary>
public sealed partial class TelegramHtmlFormatter : ReplyFormatter
{
    /// <summary>Telegram's limit for one text message, in UTF-16 units after entity parsing; we count the markup too.</summary>
    public const int MaxMessageLength = 4096;

    private const char WordJoiner = '\u2060';

    public IReadOnlyList<string> Format(Reply reply) => Format(reply, MaxMessageLength);

    protected override string Escape(string text) => DefuseMentions(HtmlEscape(text));

    protected override string FormatBlock(ReplyBlockKind kind, string escapedText) => kind switch
    {
        ReplyBlockKind.Heading => $"<b>{escapedText}</b>",
        ReplyBlockKind.Quote => $"<blockquote>{escapedText}</blockquote>",
        ReplyBlockKind.ListItem => "• " + escapedText,
        ReplyBlockKind.Note => $"<i>{escapedText}</i>",
        _ => escapedText,
    };

    protected override string FormatCitation(Citation citation)
    {
        var title = Escape(citation.Title.Length > 0 ? citation.Title : citation.ArticleId);
        var line = new StringBuilder().Append('[').Append(citation.Number).Append("] ");
        if (SafeLink(citation.Url) is { } url)
        {
            line.Append("<a href=\"").Append(HtmlEscape(url).Replace("\"", "&quot;", StringComparison.Ordinal)).Append("\">").Append(title).Append("</a>");
        }
        else
        {
            line.Append(title);
        }

        // The source is the URL itself for fetched articles: the link already carries it.
        var source = string.Equals(citation.Source, citation.Url, StringComparison.Ordinal) ? null : citation.Source;
        var details = string.Join(", ", new[] { source, citation.Date }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (details.Length > 0)
        {
            line.Append(" (").Append(Escape(details)).Append(')');
        }

        return line.ToString();
    }

    /// <summary>Escapes the three characters Telegram's HTML parser reads as markup.</summary>
    /// <summary>The beginning of <paramref name="text"/> in at most <paramref name="max"/> characters, "…" marking a cut (never inside a surrogate pair).</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    public static string HtmlEscape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Breaks "@name" so Telegram does not turn it into a mention that notifies someone.</summary>
    public static string DefuseMentions(string text) => text.Contains('@', StringComparison.Ordinal) ? MentionStart().Replace(text, "@" + WordJoiner) : text;

    /// <summary>Plain text for a message Telegram refused as HTML: tags dropped, links kept as "title (url)", entities decoded.</summary>
    public static string HtmlToPlainText(string html)
    {
        var withLinks = Link().Replace(html, m => $"{m.Groups["text"].Value} ({m.Groups["href"].Value})");
        return WebUtility.HtmlDecode(Tag().Replace(withLinks, ""));
    }

    private static string? SafeLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    [GeneratedRegex(@"@(?=\w)")]
    private static partial Regex MentionStart();

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\">(?<text>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();
}
