using System.Text;
using AngleSharp.Dom;

namespace NewsBot.Retrieval.Articles.Html;

/// <summary>
/// Turns a DOM subtree into paragraphs and sub-headings in reading order: every block-level element ends a paragraph,
/// inline markup joins, whitespace collapses, &lt;h2&gt;–&lt;h6&gt; become sub-headings. A paragraph never merges with the next,
/// whether or not the markup closes its &lt;p&gt;, because the HTML5 parser closes it.
/// </summary>
internal static class HtmlBlocks
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "button", "select", "textarea",
        "input", "label", "option", "head", "title", "meta", "link",
    };

    /// <summary>A block with the share of its characters that sit inside links (navigation and teaser lists are mostly links).</summary>
    public sealed record Block(BlockKind Kind, string Text, double LinkDensity, bool Caption);

    public static List<Block> From(INode root)
    {
        var blocks = new List<Block>();
        var current = new StringBuilder();
        var headingDepth = 0;
        var linkDepth = 0;
        var captionDepth = 0;
        var linkChars = 0;
        var captionChars = 0;
        Walk(root);
        Flush(BlockKind.Paragraph);
        return blocks;

        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        current.Append(text.Data);
                        var visible = text.Data.Count(c => !char.IsWhiteSpace(c));
                        linkChars += linkDepth > 0 ? visible : 0;
                        captionChars += captionDepth > 0 ? visible : 0;
                        break;
                    case IElement element when Skipped.Contains(element.LocalName):
                        break;
                    case IElement element when BlockTags.Contains(element.LocalName):
                        var isHeading = element.LocalName.Length == 2 && element.LocalName[0] == 'h' && char.IsAsciiDigit(element.LocalName[1]);
                        var isCaption = element.LocalName is "figcaption" or "figure";
                        Flush(headingDepth > 0 ? BlockKind.Heading : BlockKind.Paragraph);
                        headingDepth += isHeading ? 1 : 0;
                        captionDepth += isCaption ? 1 : 0;
                        Walk(element);
                        Flush(headingDepth > 0 ? BlockKind.Heading : BlockKind.Paragraph);
                        headingDepth -= isHeading ? 1 : 0;
                        captionDepth -= isCaption ? 1 : 0;
                        break;
                    case IElement element:
                        var isLink = element.LocalName == "a";
                        linkDepth += isLink ? 1 : 0;
                        Walk(element);
                        linkDepth -= isLink ? 1 : 0;
                        break;
                }
            }
        }

        void Flush(BlockKind kind)
        {
            var text = Collapse(current);
            var visible = text.Count(c => c != ' ');
            if (text.Length > 0)
            {
                blocks.Add(new Block(kind, text, (double)linkChars / visible, captionChars * 2 > visible));
            }

            current.Clear();
            linkChars = 0;
            captionChars = 0;
        }
    }

    /// <summary>Whitespace (including no-break and zero-width spaces) collapsed to single spaces, trimmed.</summary>
    public static string Collapse(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }
}
