using NewsBot.Core.Articles;

namespace NewsBot.Core.Search;

/// <summary>
/// An in-memory BM25 index over paragraph passages. Terms come from <see cref="TextAnalyzer"/>, so German and English
/// inflections and name spellings meet. Postings are flat arrays: a query touches only the lists of its terms.
/// </summary>
public sealed class CorpusIndex : ISearchIndex
{
    private const double K1 = 1.2;

    /// <summary>Length normalization: 0.5 rather than the textbook 0.75, measured on XQuAD with news distractors.</summary>
    private const double B = 0.5;

    /// <summary>Extra terms (conversation context, translations) count less than the user's own words.</summary>
    private const double ExtraTermWeight = 0.6;

    private readonly Passage[] _passages;
    private readonly Dictionary<string, Posting[]> _postings;
    private readonly int[] _lengths;
    private readonly double _averageLength;

    private QueryTranslator _translator = QueryTranslator.None;

    /// <summary>The translator queries go through (none without a dictionary); answer engines use it to judge coverage.</summary>
    public QueryTranslator Translator => _translator;

    private CorpusIndex(Passage[] passages, Dictionary<string, Posting[]> postings, int[] lengths)
    {
        _passages = passages;
        _postings = postings;
        _lengths = lengths;
        _averageLength = lengths.Length == 0 ? 1 : Math.Max(1, lengths.Average());
    }

    public static CorpusIndex Empty { get; } = Build([]);

    public IReadOnlyList<Passage> Passages => _passages;

    public int TermCount => _postings.Count;

    public static CorpusIndex Build(IReadOnlyList<Article> articles) => Build(articles, QueryTranslator.None);

    /// <summary>
    /// An index whose queries go through <paramref name="translator"/> (dictionary translation both ways); German passages
    /// are also indexed by the parts of their compounds when the translator has a dictionary.
    /// </summary>
    public static CorpusIndex Build(IReadOnlyList<Article> articles, QueryTranslator translator)
    {
        var compounds = translator.Splitter is { } splitter ? new CompoundIndexer(splitter) : null;
        var analyzer = new TermCache();
        var passages = new List<Passage>();
        var lengths = new List<int>();
        var building = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
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

                if (compounds is not null && article.Language == Languages.Language.German)
                {
                    compounds.Remember(id, block.Text);
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

        // Compound parts are extra postings (not counted in the length): "Außenminister" also answers "Minister".
        // They are added once the corpus's own words are known, so "Kremlsprecher" splits on "Kreml" from the corpus.
        compounds?.AddParts(building);

        var postings = new Dictionary<string, Posting[]>(building.Count, StringComparer.Ordinal);
        foreach (var (term, list) in building)
        {
            postings[term] = [.. list];
        }

        return new CorpusIndex([.. passages], postings, [.. lengths]) { _translator = translator };
    }

    /// <summary>
    /// The same index with queries going through <paramref name="translator"/>: for an index restored from disk. Compound parts
    /// are only in the postings when the index was built with a dictionary.
    /// </summary>
    public CorpusIndex WithTranslator(QueryTranslator translator) => new(_passages, _postings, _lengths) { _translator = translator };

    /// <summary>Inverse document frequency of a term (0 for unknown terms).</summary>
    public double Idf(string term)
    {
        if (!_postings.TryGetValue(term, out var list))
        {
            return 0;
        }

        return Idf(list.Length);
    }

    public bool Contains(string term) => _postings.ContainsKey(term);

    public IReadOnlyList<SearchHit> Search(SearchQuery query, int limit)
    {
        if (_passages.Length == 0 || limit <= 0)
        {
            return [];
        }

        var concepts = _translator.Plan(query, Contains);
        if (concepts.Count == 0)
        {
            return [];
        }

        var scores = new Dictionary<int, double>();
        var matches = new Dictionary<int, (int Frequency, double Confidence)>();
        foreach (var concept in concepts)
        {
            // A concept's frequency in a passage is the sum over its terms and its document frequency that of the union;
            // the passage's score is scaled by the best term it contains: the word itself counts fully, a translation by how sure it is.
            matches.Clear();
            foreach (var (term, confidence) in concept.Terms)
            {
                if (!_postings.TryGetValue(term, out var list))
                {
                    continue;
                }

                foreach (var posting in list)
                {
                    if (query.ArticleId is { } only && !string.Equals(_passages[posting.Passage].Article.Id, only, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var (frequency, best) = matches.GetValueOrDefault(posting.Passage);
                    matches[posting.Passage] = (frequency + posting.Frequency, Math.Max(best, confidence));
                }
            }

            if (matches.Count == 0)
            {
                continue;
            }

            var idf = Idf(concept.Terms.Count == 1 ? DocumentFrequency(concept.Terms.Keys.First(), matches.Count) : matches.Count);
            foreach (var (passage, (tf, confidence)) in matches)
            {
                var length = _lengths[passage];
                var score = concept.Weight * confidence * idf * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * length / _averageLength))));
                scores[passage] = scores.GetValueOrDefault(passage) + score;
            }
        }

        return scores
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key)
            .Take(limit)
            .Select(kv => new SearchHit(_passages[kv.Key], kv.Value))
            .ToList();
    }

    /// <summary>A single term's document frequency over the whole corpus (an article filter must not make it look rare).</summary>
    private int DocumentFrequency(string term, int fallback) => _postings.TryGetValue(term, out var list) ? list.Length : fallback;

    private double Idf(int documentFrequency) =>
        Math.Log(1 + ((_passages.Length - documentFrequency + 0.5) / (documentFrequency + 0.5)));

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

    internal readonly record struct Posting(int Passage, int Frequency);
}
