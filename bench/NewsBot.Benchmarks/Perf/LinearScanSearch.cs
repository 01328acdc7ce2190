using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;

namespace NewsBot.Benchmarks.Perf;

/// <summary>
/// The obvious alternative to an inverted index: every passage's terms analysed once up front, then every query scans
/// every passage and scores it with the same BM25 (idf per language), then re-ranks the best with the same sentence focus.
/// Same ranking, no postings.
/// </summary>
internal sealed class LinearScanSearch
{
    private const double K1 = 1.2;
    private const double B = 0.5; // as CorpusIndex

    private readonly Passage[] _passages;
    private readonly string[][] _terms;
    private readonly int[] _lengths;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Term, Language Language), int> _languageFrequency = [];
    private readonly Dictionary<Language, int> _passagesPerLanguage = [];
    private readonly double _averageLength;

    public LinearScanSearch(CorpusIndex index)
    {
        _passages = [.. index.Passages];
        _terms = new string[_passages.Length][];
        _lengths = new int[_passages.Length];
        for (var i = 0; i < _passages.Length; i++)
        {
            // As the index does: heading words count once when the paragraph lacks them, and not in the length.
            var text = TextAnalyzer.Terms(_passages[i].Text);
            var heading = _passages[i].Heading is { } h ? TextAnalyzer.Terms(h).Distinct(StringComparer.Ordinal).Except(text, StringComparer.Ordinal) : [];
            _terms[i] = [.. text, .. heading];
            _lengths[i] = text.Count;
            var language = _passages[i].Article.Language;
            _passagesPerLanguage[language] = _passagesPerLanguage.GetValueOrDefault(language) + 1;
            foreach (var term in _terms[i].Distinct(StringComparer.Ordinal))
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
                _languageFrequency[(term, language)] = _languageFrequency.GetValueOrDefault((term, language)) + 1;
            }
        }

        _averageLength = _lengths.Length == 0 ? 1 : Math.Max(1, _lengths.Average());
    }

    public IReadOnlyList<SearchHit> Search(SearchQuery query, int limit)
    {
        // The index's own query plan (no dictionary here): each concept is one term with its weight.
        var concepts = QueryTranslator.None.Plan(query, _documentFrequency.ContainsKey);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var concept in concepts)
        {
            foreach (var (term, confidence) in concept.Terms)
            {
                weights.TryAdd(term, concept.Weight * confidence);
            }
        }

        var n = _passages.Length;
        var scored = new List<(int Passage, double Score)>();
        var tf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var p = 0; p < n; p++)
        {
            tf.Clear();
            foreach (var term in _terms[p])
            {
                if (weights.ContainsKey(term))
                {
                    tf[term] = tf.GetValueOrDefault(term) + 1;
                }
            }

            if (tf.Count == 0)
            {
                continue;
            }

            double score = 0;
            var length = _lengths[p];
            var language = _passages[p].Article.Language;
            foreach (var (term, f) in tf)
            {
                score += weights[term] * LanguageIdf(term, language) * f * (K1 + 1) / (f + (K1 * (1 - B + (B * length / _averageLength))));
            }

            scored.Add((p, score));
        }

        // The focus weight of a concept: its weight times its rarity in the language where it is rarest among those that have it.
        var focusWeights = concepts
            .Select(c => c.Terms.Keys
                .SelectMany(term => _passagesPerLanguage.Keys.Where(l => _languageFrequency.ContainsKey((term, l))).Select(l => c.Weight * LanguageIdf(term, l)))
                .DefaultIfEmpty(0)
                .Max())
            .ToList();
        var candidates = scored.OrderByDescending(h => h.Score).Take(Math.Max(limit, SentenceFocus.Candidates)).ToList();
        return [.. SentenceFocus.Rerank(candidates, _passages, concepts, focusWeights, QueryTranslator.None, limit).Select(h => new SearchHit(_passages[h.Passage], h.Score))];
    }

    /// <summary>Idf among the passages of one language, scaled to the whole corpus's range (as CorpusIndex).</summary>
    private double LanguageIdf(string term, Language language)
    {
        var passages = _passagesPerLanguage[language];
        return Idf(_languageFrequency.GetValueOrDefault((term, language)), passages) * Idf(0, _passages.Length) / Idf(0, passages);
    }

    private static double Idf(int documentFrequency, int passages) => Math.Log(1 + ((passages - documentFrequency + 0.5) / (documentFrequency + 0.5)));
}
