using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Articles.Html;

/// <summary>
/// Extracts one article from an HTML page: metadata from the head (<see cref="HtmlMetadata"/>), the title from JSON-LD or
/// the page's &lt;h1&gt;, and the main text with SmartReader (a port of Mozilla's Readability: it scores blocks by text
/// length, commas and link density, drops navigation, comments, share and related blocks by structure, and keeps the best
/// container with its siblings), then turned into paragraphs by <see cref="HtmlBlocks"/>. Serves corpus .html files,
/// fetched pages and <c>newsbot extract</c> alike.
/// </summary>
public static class HtmlArticleExtractor
{
    // SmartReader needs an absolute address to resolve links against; a file has none.
    private const string PlaceholderUrl = "http://localhost/article";

    public static ExtractedPage Extract(string html, string? pageUrl = null)
    {
        var parser = new HtmlParser();
        var document = parser.ParseDocument(html);
        var meta = HtmlMetadata.Read(document, pageUrl);
        var title = Title(document, meta);
        RemoveSmallForms(document);

        var reader = new SmartReader.Reader(pageUrl is not null && Uri.TryCreate(pageUrl, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http", StringComparison.Ordinal) ? pageUrl : PlaceholderUrl, document)
        {
            ContinueIfNotReadable = true,
            // Readability retries with its clean-up relaxed below 500 characters; short agency items are real articles too.
            CharThreshold = 250,
        };
        var article = reader.GetArticle();
        var raw = new List<HtmlBlocks.Block>();
        if (!string.IsNullOrWhiteSpace(article.Content))
        {
            var content = parser.ParseDocument("<!DOCTYPE html><html><body>" + article.Content + "</body></html>");
            raw = HtmlBlocks.From(content.Body!);
        }

        var blocks = Tidy(raw, title);
        var language = meta.Language ?? LanguageDetector.Detect(string.Join(' ', blocks.Take(8).Select(b => b.Text)))?.ToCode();
        return new ExtractedPage
        {
            Title = title,
            Date = meta.Date,
            Url = meta.Url,
            Author = meta.Author ?? (string.IsNullOrWhiteSpace(article.Author) ? null : article.Author.Trim()),
            Language = language,
            Blocks = blocks,
        };
    }

    /// <summary>
    /// A small form is a sign-up, search or consent widget, never article text: it goes with the short box around it
    /// (a heading and a line of pitch). A form holding much text (some sites wrap the whole page in one) stays.
    /// </summary>
    private static void RemoveSmallForms(IDocument document)
    {
        foreach (var form in document.QuerySelectorAll("form").ToList())
        {
            if (TextLength(form) > SmallWidgetText)
            {
                continue;
            }

            var box = form;
            for (var parent = form.ParentElement; parent is not null && parent.LocalName is "div" or "section" or "aside" && TextLength(parent) <= SmallWidgetText; parent = parent.ParentElement)
            {
                box = parent;
            }

            box.Remove();
        }

        static int TextLength(IElement element) => element.TextContent.Count(c => !char.IsWhiteSpace(c));
    }

    private const int SmallWidgetText = 250;

    /// <summary>
    /// The headline: JSON-LD's, else the &lt;h1&gt; inside &lt;article&gt; or &lt;main&gt;, else og:title (or the first
    /// &lt;h1&gt; when og:title is that heading plus the site name), else the first &lt;h1&gt;, else &lt;title&gt;.
    /// </summary>
    private static string? Title(IDocument document, HtmlMetadata meta)
    {
        if (meta.Headline is { } headline)
        {
            return headline;
        }

        if (Text(document.QuerySelector("article h1") ?? document.QuerySelector("main h1")) is { } articleHeading)
        {
            return articleHeading;
        }

        var h1 = Text(document.QuerySelector("h1"));
        if (meta.SocialTitle is { } social)
        {
            return h1 is not null && social.Length > h1.Length && social.Contains(h1, StringComparison.Ordinal) ? h1 : social;
        }

        return h1 ?? meta.DocumentTitle;

        static string? Text(IElement? element)
        {
            var text = element is null ? null : HtmlBlocks.Collapse(new System.Text.StringBuilder(element.TextContent));
            return string.IsNullOrEmpty(text) ? null : text;
        }
    }

    /// <summary>
    /// Drops what the container still holds besides the article, by structure: blocks that are mostly link text
    /// (navigation, teaser lists), image captions, blocks repeated verbatim, and the short lines before the first full paragraph
    /// (breadcrumbs, bylines, dates); the title repeated too.
    /// </summary>
    private static List<ArticleBlock> Tidy(List<HtmlBlocks.Block> blocks, string? title)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<ArticleBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            // Page labels ("Advertisement", "Anzeige", a consent line) are dropped as they are from corpus files.
            if (block.LinkDensity > MaxLinkDensity || block.Caption || Boilerplate.IsBoilerplate(block.Text))
            {
                continue;
            }

            if (title is not null && string.Equals(block.Text, title, StringComparison.Ordinal))
            {
                continue;
            }

            if (block.Text.Length > 40 && !seen.Add(block.Text))
            {
                continue;
            }

            kept.Add(new ArticleBlock(block.Kind, block.Text));
        }

        var first = kept.FindIndex(IsFullParagraph);
        // Only the leading edge: what follows the last paragraph is often still the article ("Provided by …", a link).
        return first <= 0 ? kept : kept.GetRange(first, kept.Count - first);
    }

    private const double MaxLinkDensity = 0.5;

    /// <summary>A paragraph of running text: long enough, and it ends like a sentence.</summary>
    private static bool IsFullParagraph(ArticleBlock block) =>
        block.Kind == BlockKind.Paragraph
        && (block.Text.Length >= FullParagraphLength || (block.Text.Length >= FullParagraphLength / 2 && ".!?:\"'“”»«)…".Contains(block.Text[^1], StringComparison.Ordinal)));

    private const int FullParagraphLength = 80;
}
