using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Articles;

public enum BlockKind
{
    Paragraph,
    Heading,
}

/// <summary>One paragraph or sub-heading of an article, in reading order.</summary>
public sealed record ArticleBlock(BlockKind Kind, string Text);

/// <summary>A parsed news article. Its <see cref="Id"/> is derived from the file name and stays stable.</summary>
public sealed record Article
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The date as the article gives it: "yyyy-MM" or "yyyy-MM-dd"; empty when unknown.</summary>
    public required string Date { get; init; }

    public required Language Language { get; init; }

    public required IReadOnlyList<ArticleBlock> Blocks { get; init; }

    /// <summary>Where the article came from: a file path, or a URL when the article names one.</summary>
    public string Source { get; init; } = "";

    public string? Url { get; init; }

    /// <summary>When the file was added to the corpus (file time); orders digests.</summary>
    public DateTimeOffset AddedAt { get; init; }

    /// <summary>Content hash, to re-index only what changed.</summary>
    public string ContentHash { get; init; } = "";

    public IEnumerable<string> Paragraphs => Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text);

    public IEnumerable<string> Headings => Blocks.Where(b => b.Kind == BlockKind.Heading).Select(b => b.Text);

    /// <summary>A sortable date: the first of the month when only the month is known.</summary>
    public DateOnly SortDate => DateOnly.TryParseExact(Date.Length == 7 ? Date + "-01" : Date, "yyyy-MM-dd", out var d) ? d : DateOnly.MinValue;
}
