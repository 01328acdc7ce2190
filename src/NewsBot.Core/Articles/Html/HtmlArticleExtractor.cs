using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsBot.Core.Languages;

namespace NewsBot.Core.Articles.Html;

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
        var h1 = PageHeading(document);
        var title = meta.Title is { } t && (h1 is null || !LooksLikeSiteTitle(t, h1)) ? t : h1 ?? meta.Title;

        var reader = new SmartReader.Reader(pageUrl is not null && Uri.TryCreate(pageUrl, UriKind.Absolute, out var u) && u.Scheme.StartsWith("http", StringComparison.Ordinal) ? pageUrl : PlaceholderUrl, document)
        {
            ContinueIfNotReadable = true,
        };
        var article = reader.GetArticle();
        var blocks = new List<ArticleBlock>();
        if (!string.IsNullOrWhiteSpace(article.Content))
        {
            var content = parser.ParseDocument("<!DOCTYPE html><html><body>" + article.Content + "</body></html>");
            blocks = HtmlBlocks.From(content.Body!);
        }

        blocks = Tidy(blocks, title);
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

    /// <summary>The article's &lt;h1&gt;: the one inside &lt;article&gt; or &lt;main&gt; when there is one, else the first.</summary>
    private static string? PageHeading(IDocument document)
    {
        var h1 = document.QuerySelector("article h1") ?? document.QuerySelector("main h1") ?? document.QuerySelector("h1");
        var text = h1 is null ? null : HtmlBlocks.Collapse(new System.Text.StringBuilder(h1.TextContent));
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>A meta title that is the page's heading plus the site name ("Heading | Site", "Heading - Site").</summary>
    private static bool LooksLikeSiteTitle(string metaTitle, string h1) =>
        metaTitle.Length > h1.Length && metaTitle.Contains(h1, StringComparison.Ordinal);

    /// <summary>Drops the title repeated as the first block and blocks repeated verbatim.</summary>
    private static List<ArticleBlock> Tidy(List<ArticleBlock> blocks, string? title)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ArticleBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            if (result.Count == 0 && title is not null && string.Equals(block.Text, title, StringComparison.Ordinal))
            {
                continue;
            }

            if (block.Text.Length > 40 && !seen.Add(block.Text))
            {
                continue;
            }

            result.Add(block);
        }

        return result;
    }
}
