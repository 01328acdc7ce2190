namespace NewsBot.Retrieval.Search;

/// <summary>
/// One concept of a query: a word with its translations (or a compound part, or an extra term), scored as a set of synonyms.
/// A passage's frequency for the concept is the weighted sum of its terms' frequencies and its document frequency is that of
/// the union, so a word with many translations is not counted many times and a common translation lowers the concept's weight.
/// </summary>
public sealed class QueryConcept(double weight)
{
    private readonly Dictionary<string, double> _terms = new(StringComparer.Ordinal);

    /// <summary>The concept's share of the query: 1 for the user's words, less for compound parts and extra terms.</summary>
    public double Weight { get; } = weight;

    /// <summary>Index terms and how much an occurrence of each counts (1 for the word itself, less for translations).</summary>
    public IReadOnlyDictionary<string, double> Terms => _terms;

    /// <summary>Adds a term, keeping the higher weight when it is already there.</summary>
    public void Add(string term, double weight)
    {
        if (weight > 0 && (!_terms.TryGetValue(term, out var existing) || existing < weight))
        {
            _terms[term] = weight;
        }
    }

    public override string ToString() =>
        $"{Weight:0.##}×{{{string.Join(", ", _terms.Select(t => FormattableString.Invariant($"{t.Key}:{t.Value:0.##}")))}}}";
}
