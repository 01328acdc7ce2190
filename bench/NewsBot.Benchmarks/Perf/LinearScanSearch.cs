using NewsBot.Core.Search;

namespace NewsBot.Benchmarks.Perf;

/// <summary>
/// The obvious alternative to an inverted index: every passage's terms analysed once up front, then every query scans
/// every passage and scores it with the same BM25. Same ranking, no postings.
/// </summary>
internal sealed class LinearScanSearch
{
    private const double K1 = 1.2;
    private const double B = 0.5; // as CorpusIndex

    private readonly Passage[] _passages;
    private readonly string[][] _terms;
    private readonly int[] _lengths;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
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
            foreach (var term in _terms[i].Distinct(StringComparer.Ordinal))
            {
                _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        _averageLength = _lengths.Length == 0 ? 1 : Math.Max(1, _lengths.Average());
    }

    public IReadOnlyList<SearchHit> Search(SearchQuery query, int limit)
    {
        // The index's own query plan (no dictionary here): each concept is one term with its weight.
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var concept in QueryTranslator.None.Plan(query, _documentFrequency.ContainsKey))
        {
            foreach (var (term, confidence) in concept.Terms)
            {
                weights.TryAdd(term, concept.Weight * confidence);
            }
        }

        var n = _passages.Length;
        var scored = new List<SearchHit>();
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
            foreach (var (term, f) in tf)
            {
                var df = _documentFrequency[term];
                var idf = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
                score += weights[term] * idf * f * (K1 + 1) / (f + (K1 * (1 - B + (B * length / _averageLength))));
            }

            scored.Add(new SearchHit(_passages[p], score));
        }

        return scored.OrderByDescending(h => h.Score).Take(limit).ToList();
    }
}
