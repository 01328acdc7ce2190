using System.Runtime.CompilerServices;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// <see cref="TextAnalyzer.Terms(string, Language?)"/> for many texts of one language at once: each distinct word is analysed
/// (normalised, stemmed, folded) once and remembered, and words are looked up as spans, so building the index allocates per
/// new word, not per word. Not thread-safe: one per build and language. Must give exactly what
/// <see cref="TextAnalyzer.Terms(string, Language?)"/> gives (a test holds it to that).
/// </summary>
internal sealed class TermCache
{
    private readonly Language? _language;
    private readonly Dictionary<string, string?> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <param name="language">The language of the texts (its stop words are dropped); null: either (both lists).</param>
    public TermCache(Language? language = null)
    {
        _language = language;
        _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int DistinctWords => _terms.Count;

    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        Terms(text, terms);
        return terms;
    }

    /// <summary>Appends the terms of <paramref name="text"/> to <paramref name="terms"/> (a reused buffer saves an allocation per passage).</summary>
    // Runs once per start over the whole corpus: compiled optimised straight away rather than climbing the JIT tiers.
    [MethodImpl(HotPath.Options)]
    public void Terms(string text, List<string> terms)
    {
        var span = text.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            // The same word boundaries as TextAnalyzer.Tokens: runs of letters and digits.
            var isWord = i < span.Length && char.IsLetterOrDigit(span[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                var word = span[start..i];
                if (!_lookup.TryGetValue(word, out var term))
                {
                    var key = word.ToString();
                    term = TextAnalyzer.Term(key, _language);
                    _terms[key] = term;
                }

                if (term is not null)
                {
                    terms.Add(term);
                }

                start = -1;
            }
        }
    }
}
