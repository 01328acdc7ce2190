using NewsBot.Core.Articles;

namespace NewsBot.Core.People;

/// <summary>Placeholder until the rule-based extractor lands: no people.</summary>
public static class PeopleIndexBuilder
{
    public static PeopleIndex Build(IReadOnlyList<Article> articles) => articles.Count < 0 ? PeopleIndex.Empty : PeopleIndex.Empty;
}
