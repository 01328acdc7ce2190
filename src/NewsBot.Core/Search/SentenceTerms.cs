namespace NewsBot.Core.Search;

/// <summary>
/// The terms of a sentence as <see cref="QueryTranslator.TextTerms"/> gives them (words, and in German text the parts of
/// compounds), for re-ranking: each distinct word is analysed once per thread and remembered, so scoring the sentences of
/// twenty passages per query costs lookups rather than stemming and compound splitting.
/// </summary>
internal sealed class SentenceTerms
{
    /// <summary>Enough for the words of many queries' candidates; cleared when full so memory stays bounded.</summary>
    private const int Capacity = 50_000;

    [ThreadStatic]
    private static SentenceTerms? _current;

    private readonly CompoundSplitter? _splitter;
    private readonly Dictionary<string, (string? Term, string[] Parts)> _words = new(StringComparer.Ordinal);

    private readonly Dictionary<string, (string? Term, string[] Parts)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private SentenceTerms(CompoundSplitter? splitter)
    {
        _splitter = splitter;
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>This thread's cache for <paramref name="translator"/>'s compound splitter.</summary>
    public static SentenceTerms For(QueryTranslator translator)
    {
        var splitter = translator.Splitter;
        if (_current is null || _current._splitter != splitter)
        {
            _current = new SentenceTerms(splitter);
        }

        return _current;
    }

    /// <summary>Fills <paramref name="terms"/> with the sentence's terms (repeats possible); compounds are split only in German text.</summary>
    public void Fill(string sentence, bool german, List<string> terms)
    {
        terms.Clear();
        var span = sentence.AsSpan();
        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            // The same word boundaries as TextAnalyzer.Tokens, looked up as spans: no string per word once it is known.
            var isWord = i < span.Length && char.IsLetterOrDigit(span[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                var (term, parts) = Analyze(span[start..i]);
                if (term is not null)
                {
                    terms.Add(term);
                }

                if (german)
                {
                    terms.AddRange(parts);
                }

                start = -1;
            }
        }
    }

    private (string? Term, string[] Parts) Analyze(ReadOnlySpan<char> word)
    {
        if (_lookup.TryGetValue(word, out var known))
        {
            return known;
        }

        if (_words.Count >= Capacity)
        {
            _words.Clear();
        }

        var token = word.ToString();
        string[] parts = [];
        if (_splitter is not null && token.Length >= CompoundSplitter.MinCompoundLength)
        {
            parts = [.. _splitter.Split(TextAnalyzer.Normalize(token)).Select(TextAnalyzer.Term).OfType<string>()];
        }

        return _words[token] = (TextAnalyzer.Term(token), parts);
    }
}
