using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// A searchable unit: one paragraph of an article, with the sub-heading it stands under. A passage of a persisted index knows
/// only where its text is among the article's blocks and reads it from there when first asked (see <see cref="ArticleCache"/>).
/// </summary>
public sealed record Passage
{
    private readonly string? _text;
    private readonly string? _heading;

    public Passage(Article article, int ordinal, string text, string? heading)
        : this(article, ordinal, text, heading, -1, -1)
    {
    }

    /// <summary>A passage with its text and the positions of its paragraph and heading among the article's blocks (-1: none).</summary>
    internal Passage(Article article, int ordinal, string? text, string? heading, int block, int headingBlock)
    {
        Article = article;
        Ordinal = ordinal;
        _text = text;
        _heading = heading;
        Block = block;
        HeadingBlock = headingBlock;
    }

    public Article Article { get; init; }

    /// <summary>The paragraph's position among the article's paragraphs.</summary>
    public int Ordinal { get; init; }

    /// <summary>The paragraph; of a persisted index's passage read on each use (re-ranking reads a candidate's paragraph, not its article).</summary>
    public string Text => _text ?? (Article.Blocks is StoredBlocks stored ? stored.TextOf(Block) : Article.Blocks[Block].Text);

    public string? Heading => _text is not null || HeadingBlock < 0 ? _heading : Article.Blocks[HeadingBlock].Text;

    /// <summary>The paragraph's position among the article's blocks; -1 when the passage was made from text alone.</summary>
    internal int Block { get; }

    internal int HeadingBlock { get; }

    /// <summary>The same paragraph of the same article, however its text was obtained.</summary>
    public bool Equals(Passage? other) =>
        other is not null && Ordinal == other.Ordinal && EqualityComparer<Article>.Default.Equals(Article, other.Article);

    public override int GetHashCode() => HashCode.Combine(Article.Id, Ordinal);

    public void Deconstruct(out Article article, out int ordinal, out string text, out string? heading)
    {
        article = Article;
        ordinal = Ordinal;
        text = Text;
        heading = Heading;
    }
}

public sealed record SearchHit(Passage Passage, double Score);

/// <summary>A search: the user's words plus optional extra terms (conversation context, model translations).</summary>
public sealed record SearchQuery(string Text)
{
    public IReadOnlyList<string> ExtraTerms { get; init; } = [];

    /// <summary>Only passages of this article, when set.</summary>
    public string? ArticleId { get; init; }

    /// <summary>
    /// The language <see cref="Text"/> is written in, when the caller knows it better than the text shows (a follow-up's new
    /// words, cut from the question they were asked in); null: detected from the text.
    /// </summary>
    public Languages.Language? Language { get; init; }
}
