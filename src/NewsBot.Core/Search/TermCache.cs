namespace NewsBot.Core.Search;

/// <summary>
/// <see cref="TextAnalyzer.Terms"/> with each distinct word analyzed once: news text repeats its words (Zipf), so building an
/// index this way spends its time on hashing instead of lowercasing, stemming and folding the same word again.
/// Not thread-safe: one per index build.
/// </summary>
internal sealed class TermCache
{
    private readonly Dictionary<string, string?> _terms = new(StringComparer.Ordinal);

    /// <summary>The index terms of a text, in order (as <see cref="TextAnalyzer.Terms"/>).</summary>
    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        var lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                var token = text.AsSpan(start, i - start);
                if (!lookup.TryGetValue(token, out var term))
                {
                    var word = token.ToString();
                    term = TextAnalyzer.Term(word);
                    _terms[word] = term;
                }

                if (term is not null)
                {
                    terms.Add(term);
                }

                start = -1;
            }
        }

        return terms;
    }
}
