using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Search;

/// <summary>What an index knows of its terms, so that whoever reads its hits weighs words as the search did.</summary>
public interface ITermStatistics
{
    /// <summary>How many passages the index holds.</summary>
    int PassageCount { get; }

    bool Contains(string term);

    /// <summary>Inverse document frequency of a term (0 for unknown terms).</summary>
    double Idf(string term);

    /// <summary>The index's terms that start with <paramref name="prefix"/> (in passages of the language, any when null).</summary>
    IEnumerable<string> WithPrefix(string prefix, Language? language = null);
}

/// <summary>
/// How a search read its query: the concepts it searched for, the translator that read them (and reads any other text the
/// same way), and the statistics of the index it searched. It comes with the hits, so an answer engine judges them on the
/// snapshot and with the reading that found them.
/// </summary>
public sealed record QueryPlan(SearchQuery Query, IReadOnlyList<QueryConcept> Concepts, QueryTranslator Translator, ITermStatistics Statistics)
{
    /// <summary>No search: no concepts, no dictionary, an empty index.</summary>
    public static QueryPlan None { get; } = new(new SearchQuery(""), [], QueryTranslator.None, NoTerms.Instance);

    private sealed class NoTerms : ITermStatistics
    {
        public static NoTerms Instance { get; } = new();

        public int PassageCount => 0;

        public bool Contains(string term) => false;

        public double Idf(string term) => 0;

        public IEnumerable<string> WithPrefix(string prefix, Language? language = null) => [];
    }
}

/// <summary>The passages a search found, best first, and the plan it found them by.</summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, QueryPlan Plan);
