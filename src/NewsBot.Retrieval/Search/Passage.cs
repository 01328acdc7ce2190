using NewsBot.Core.Articles;

namespace NewsBot.Core.Search;

/// <summary>A searchable unit: one paragraph of an article, with the sub-heading it stands under.</summary>
public sealed record Passage(Article Article, int Ordinal, string Text, string? Heading);

public sealed record SearchHit(Passage Passage, double Score);

/// <summary>A search: the user's words plus optional extra terms (conversation context, model translations).</summary>
public sealed record SearchQuery(string Text)
{
    public IReadOnlyList<string> ExtraTerms { get; init; } = [];

    /// <summary>Only passages of this article, when set.</summary>
    public string? ArticleId { get; init; }
}
