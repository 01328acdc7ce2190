using System.Text;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Discord.Rendering;

/// <summary>
/// Discord markdown. Text from articles or a model is escaped so it can neither format nor ping: markdown characters get
/// a backslash, "&lt;" is escaped so &lt;@id&gt;, &lt;#id&gt;, &lt;t:…&gt; stay text, and every "@" is followed by an invisible
/// zero-width space so "@everyone" and "@here" never resolve (allowed_mentions parse: [] is the second lock).
/// </summary>
public sealed class DiscordMarkdownFormatter : ReplyFormatter
{
    /// <summary>Discord's message content limit, in UTF-16 units.</summary>
    public const int MaxMessageLength = 2000;

    private const char ZeroWidthSpace = '\u200B';
    private const string MarkdownCharacters = "\\*_~`|>#-[]()<";

    /// <summary>Renders and splits into messages of at most 2000 UTF-16 units.</summary>
    public IReadOnlyList<string> Format(Reply reply) => Format(reply, MaxMessageLength);

    /// <summary>A streaming answer's text so far, escaped and cut to one message.</summary>
    public string FormatPreview(string partialText, Language language)
    {
        var parts = Format(Reply.Text(language, partialText, ReplyKind.Answer), MaxMessageLength - 2);
        return parts.Count switch
        {
            0 => "…",
            1 => parts[0],
            _ => parts[0] + " …",
        };
    }

    public static string EscapeMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (MarkdownCharacters.Contains(c, StringComparison.Ordinal) || (lineStart && c == '+'))
            {
                builder.Append('\\').Append(c);
            }
            else if (c == '@')
            {
                builder.Append(c);
                if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
                {
                    builder.Append(ZeroWidthSpace);
                }
            }
            else if (c == '.' && lineStart is false && IsOrderedListMarker(text, i))
            {
                builder.Append("\\.");
            }
            else
            {
                builder.Append(c);
            }

            if (c == '\n')
            {
                lineStart = true;
            }
            else if (c is not (' ' or '\t'))
            {
                lineStart = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>"12. " at the start of a line would become a numbered list.</summary>
    private static bool IsOrderedListMarker(string text, int dot)
    {
        if (dot + 1 < text.Length && text[dot + 1] != ' ')
        {
            return false;
        }

        var i = dot - 1;
        if (i < 0 || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        while (i >= 0 && char.IsAsciiDigit(text[i]))
        {
            i--;
        }

        while (i >= 0 && text[i] is ' ' or '\t')
        {
            i--;
        }

        return i < 0 || text[i] == '\n';
    }

    protected override string Escape(string text) => EscapeMarkdown(text);

    protected override string FormatBlock(ReplyBlockKind kind, string escapedText) => kind switch
    {
        ReplyBlockKind.Heading => $"**{escapedText}**",
        ReplyBlockKind.Quote => string.Join('\n', escapedText.Split('\n').Select(line => "> " + line)),
        ReplyBlockKind.ListItem => "- " + escapedText,
        ReplyBlockKind.Note => $"*{escapedText}*",
        _ => escapedText,
    };

    protected override string FormatCitation(Citation citation)
    {
        var line = new StringBuilder();
        line.Append("**\\[").Append(citation.Number).Append("\\]** ");
        var title = EscapeMarkdown(citation.Title.Length > 0 ? citation.Title : citation.ArticleId);
        var url = SafeUrl(citation.Url);
        if (url is not null)
        {
            // A masked link with the URL in angle brackets stays clickable but does not unfurl an embed per source.
            line.Append('[').Append(title).Append("](<").Append(url.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)).Append(">)");
        }
        else
        {
            line.Append(title);
        }

        if (citation.Date.Length > 0)
        {
            line.Append(" \\(").Append(EscapeMarkdown(citation.Date)).Append("\\)");
        }

        if (citation.Source.Length > 0 && !string.Equals(citation.Source, citation.Url, StringComparison.Ordinal))
        {
            line.Append(" · ").Append(EscapeMarkdown(citation.Source));
        }

        return line.ToString();
    }

    private static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !url.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '@')
            ? url
            : null;
}
