using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Chat;

/// <summary>
/// Turns a <see cref="Reply"/> into platform messages of at most a given length. A platform supplies escaping and markup;
/// splitting happens on the plain text before markup, so a part never ends inside a tag or an entity.
/// </summary>
public abstract class ReplyFormatter
{
    /// <summary>Escapes plain text so that nothing in it is read as markup (or as a mention).</summary>
    protected abstract string Escape(string text);

    /// <summary>Wraps an already escaped block in the platform's markup.</summary>
    protected abstract string FormatBlock(ReplyBlockKind kind, string escapedText);

    /// <summary>One line of the source list, e.g. "[1] Title (2025-02)", escaped and marked up.</summary>
    protected abstract string FormatCitation(Citation citation);

    /// <summary>The heading above the source list, marked up.</summary>
    protected virtual string FormatSourcesHeading(Language language) =>
        FormatBlock(ReplyBlockKind.Heading, Escape(language == Language.German ? "Quellen" : "Sources"));

    public IReadOnlyList<string> Format(Reply reply, int maxLength)
    {
        if (reply.Kind == ReplyKind.Silent)
        {
            return [];
        }

        var pieces = new List<(string, string)>();
        foreach (var block in reply.Blocks)
        {
            foreach (var piece in RenderFitting(block.Kind, block.Text, maxLength))
            {
                pieces.Add((piece, "\n\n"));
            }
        }

        if (reply.Citations.Count > 0)
        {
            pieces.Add((FormatSourcesHeading(reply.Language), "\n\n"));
            foreach (var citation in reply.Citations)
            {
                var line = FormatCitation(citation);
                if (line.Length > maxLength)
                {
                    line = FormatCitation(citation with { Title = Shorten(citation.Title, maxLength / 2), Url = null });
                }

                pieces.Add((line, "\n"));
            }
        }

        return MessageSplitter.Pack(pieces, maxLength);
    }

    /// <summary>Renders a block, splitting its plain text until every rendered piece fits.</summary>
    private IEnumerable<string> RenderFitting(ReplyBlockKind kind, string text, int maxLength)
    {
        var rendered = FormatBlock(kind, Escape(text));
        if (rendered.Length <= maxLength)
        {
            return [rendered];
        }

        // Markup and escaping make text longer; shrink the plain budget until each rendered piece fits.
        var budget = maxLength;
        while (true)
        {
            var parts = MessageSplitter.Split(text, Math.Max(budget, 16)).Select(p => FormatBlock(kind, Escape(p))).ToList();
            if (parts.TrueForAll(p => p.Length <= maxLength) || budget <= 16)
            {
                return parts;
            }

            budget = budget * 4 / 5;
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..Math.Max(1, max - 1)] + "…";
}

/// <summary>Plain text for the console and logs: no markup at all.</summary>
public sealed class PlainTextFormatter : ReplyFormatter
{
    protected override string Escape(string text) => text;

    protected override string FormatBlock(ReplyBlockKind kind, string escapedText) => kind switch
    {
        ReplyBlockKind.Heading => escapedText,
        ReplyBlockKind.Quote => "  " + escapedText,
        ReplyBlockKind.ListItem => "• " + escapedText,
        ReplyBlockKind.Note => "(" + escapedText + ")",
        _ => escapedText,
    };

    protected override string FormatCitation(Citation citation) =>
        $"[{citation.Number}] {citation.Title}" + (citation.Date.Length > 0 ? $" ({citation.Date})" : "") + (citation.Url is { } url ? " " + url : "");
}
