namespace NewsBot.Core.Search;

/// <summary>Ranked lexical search over the corpus's passages.</summary>
public interface ISearchIndex
{
    IReadOnlyList<Passage> Passages { get; }

    IReadOnlyList<SearchHit> Search(SearchQuery query, int limit);
}
