namespace NewsBot.Retrieval.Articles.Html;

/// <summary>What one HTML page yields: its metadata and the article body as paragraphs and sub-headings.</summary>
public sealed record ExtractedPage
{
    public string? Title { get; init; }

    /// <summary>"yyyy-MM-dd" when the page gives a publication date.</summary>
    public string? Date { get; init; }

    /// <summary>The canonical URL (canonical link, og:url, JSON-LD), else the address the page was fetched from.</summary>
    public string? Url { get; init; }

    public string? Author { get; init; }

    /// <summary>The page's language as a two-letter code: declared by the page, else detected from the text (German or English only).</summary>
    public string? Language { get; init; }

    public IReadOnlyList<ArticleBlock> Blocks { get; init; } = [];

    /// <summary>The article body: paragraphs and sub-headings separated by blank lines.</summary>
    public string Text => string.Join("\n\n", Blocks.Select(b => b.Text));
}
