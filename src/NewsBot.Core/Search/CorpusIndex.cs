using NewsBot.Core.Articles;

namespace NewsBot.Core.Search;

/// <summary>
/// An in-memory BM25 index over paragraph passages. Terms come from <see cref="TextAnalyzer"/>, so German and English
/// inflections and name spellings meet. Postings are flat arrays: a query touches only the lists of its terms.
/// </summary>
public sealed class CorpusIndex : ISearchIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Extra terms (conversation context, translations) count less than the user's own words.</summary>
    private const double ExtraTermWeight = 0.6;

    private readonly Passage[] _passages;
    private readonly Dictionary<string, Posting[]> _postings;
    private readonly double _averageLength;

    /// <summary>Per passage, the BM25 length part K1·(1 − B + B·length/average): computed once, not per posting per query.</summary>
    private readonly double[] _lengthNorms;

    private CorpusIndex(Passage[] passages, Dictionary<string, Posting[]> postings, int[] lengths)
    {
        _passages = passages;
        _postings = postings;
        _averageLength = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
        _lengthNorms = new double[lengths.Length];
        for (var i = 0; i < lengths.Length; i++)
        {
            _lengthNorms[i] = K1 * (1 - B + (B * lengths[i] / _averageLength));
        }
    }

    public static CorpusIndex Empty { get; } = Build([]);

    public IReadOnlyList<Passage> Passages => _passages;

    public int TermCount => _postings.Count;

    public static CorpusIndex Build(IReadOnlyList<Article> articles)
    {
        var passages = new List<Passage>();
        var lengths = new List<int>();
        var building = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var analyzer = new TermCache();
        foreach (var article in articles)
        {
            string? heading = null;
            var ordinal = 0;
            foreach (var block in article.Blocks)
            {
                if (block.Kind == BlockKind.Heading)
                {
                    heading = block.Text;
                    continue;
                }

                var id = passages.Count;
                passages.Add(new Passage(article, ordinal++, block.Text, heading));
                counts.Clear();
                var terms = analyzer.Terms(block.Text);
                foreach (var term in terms)
                {
                    counts[term] = counts.GetValueOrDefault(term) + 1;
                }

                // The heading helps a little: its words count as one occurrence each when the paragraph lacks them.
                if (heading is not null)
                {
                    foreach (var term in analyzer.Terms(heading))
                    {
                        counts.TryAdd(term, 1);
                    }
                }

                lengths.Add(terms.Count);
                foreach (var (term, tf) in counts)
                {
                    if (!building.TryGetValue(term, out var list))
                    {
                        building[term] = list = [];
                    }

                    list.Add(new Posting(id, tf));
                }
            }
        }

        var postings = new Dictionary<string, Posting[]>(building.Count, StringComparer.Ordinal);
        foreach (var (term, list) in building)
        {
            postings[term] = [.. list];
        }

        return new CorpusIndex([.. passages], postings, [.. lengths]);
    }

    /// <summary>Inverse document frequency of a term (0 for unknown terms).</summary>
    public double Idf(string term)
    {
        if (!_postings.TryGetValue(term, out var list))
        {
            return 0;
        }

        var n = _passages.Length;
        return Math.Log(1 + ((n - list.Length + 0.5) / (list.Length + 0.5)));
    }

    public bool Contains(string term) => _postings.ContainsKey(term);

    public IReadOnlyList<SearchHit> Search(SearchQuery query, int limit)
    {
        var weights = QueryWeights(query);
        if (weights.Count == 0 || _passages.Length == 0 || limit <= 0)
        {
            return [];
        }

        var scores = ScoreBoard.Rent(_passages.Length);
        try
        {
            foreach (var (term, weight) in weights)
            {
                if (!_postings.TryGetValue(term, out var list))
                {
                    continue;
                }

                var idf = Idf(term);
                foreach (var posting in list)
                {
                    if (query.ArticleId is { } only && !string.Equals(_passages[posting.Passage].Article.Id, only, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var tf = posting.Frequency;
                    scores.Add(posting.Passage, weight * idf * tf * (K1 + 1) / (tf + _lengthNorms[posting.Passage]));
                }
            }

            return scores.Top(limit).Select(top => new SearchHit(_passages[top.Passage], top.Score)).ToList();
        }
        finally
        {
            scores.Return();
        }
    }

    /// <summary>Each distinct query term with its weight: the user's words 1, extra terms less.</summary>
    public static Dictionary<string, double> QueryWeights(SearchQuery query)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in TextAnalyzer.Terms(query.Text))
        {
            weights[term] = 1;
        }

        foreach (var extra in query.ExtraTerms)
        {
            foreach (var term in TextAnalyzer.Terms(extra))
            {
                weights.TryAdd(term, ExtraTermWeight);
            }
        }

        return weights;
    }

    private readonly record struct Posting(int Passage, int Frequency);
}
