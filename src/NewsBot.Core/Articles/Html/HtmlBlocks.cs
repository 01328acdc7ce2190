using System.Text;
using AngleSharp.Dom;

namespace NewsBot.Core.Articles.Html;

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

    public static List<ArticleBlock> From(INode root)
    {
        var blocks = new List<ArticleBlock>();
        var current = new StringBuilder();
        var headingDepth = 0;
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
                        break;
                    case IElement element when Skipped.Contains(element.LocalName):
                        break;
                    case IElement element when BlockTags.Contains(element.LocalName):
                        var isHeading = element.LocalName.Length == 2 && element.LocalName[0] == 'h' && char.IsAsciiDigit(element.LocalName[1]);
                        Flush(headingDepth > 0 ? BlockKind.Heading : BlockKind.Paragraph);
                        if (isHeading)
                        {
                            headingDepth++;
                        }

                        Walk(element);
                        Flush(headingDepth > 0 ? BlockKind.Heading : BlockKind.Paragraph);
                        if (isHeading)
                        {
                            headingDepth--;
                        }

                        break;
                    case IElement element:
                        Walk(element);
                        break;
                }
            }
        }

        void Flush(BlockKind kind)
        {
            var text = Collapse(current);
            current.Clear();
            if (text.Length > 0)
            {
                blocks.Add(new ArticleBlock(kind, text));
            }
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
