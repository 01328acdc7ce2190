namespace NewsBot.Retrieval.Search;

/// <summary>Ranked lexical search over the corpus's passages.</summary>
public interface ISearchIndex
{
    IReadOnlyList<Passage> Passages { get; }

    IReadOnlyList<SearchHit> Search(SearchQuery query, int limit);

    /// <summary>The same search, with the plan it read the query by (for answering from the hits).</summary>
    SearchResult Find(SearchQuery query, int limit);
}
