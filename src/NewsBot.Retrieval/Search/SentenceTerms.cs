using System.Runtime.CompilerServices;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// The terms of a sentence as <see cref="QueryTranslator.TextTerms"/> gives them (words, and in German text the parts of
/// compounds), for re-ranking: each distinct word is analysed once and remembered (one cache shared by all threads, so
/// memory does not grow with the thread pool), so scoring the sentences of twenty passages per query costs lookups rather
/// than stemming and compound splitting.
/// </summary>
internal sealed class SentenceTerms
{
    /// <summary>Enough for the words of many queries' candidates (about 10 MB); cleared when full so memory stays bounded.</summary>
    private const int Capacity = 100_000;

    private static SentenceTerms? _current;

    private readonly CompoundSplitter? _splitter;

    /// <summary>Looked up by span, without locks, compiled optimised at once (see <see cref="WordCache{TValue}"/>); emptied when full.</summary>
    private readonly WordCache<Word> _words = new(Capacity);

    private SentenceTerms(CompoundSplitter? splitter)
    {
        _splitter = splitter;
    }

    /// <summary>The cache for <paramref name="translator"/>'s compound splitter (a new one when the splitter changes).</summary>
    public static SentenceTerms For(QueryTranslator translator)
    {
        var splitter = translator.Splitter;
        var current = Volatile.Read(ref _current);
        if (current is null || current._splitter != splitter)
        {
            current = new SentenceTerms(splitter);
            Volatile.Write(ref _current, current);
        }

        return current;
    }

    /// <summary>Fills <paramref name="terms"/> with the sentence's terms (repeats possible); compounds are split only in German text.</summary>
    [MethodImpl(HotPath.Options)]
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
                var word = Analyze(span[start..i]);
                if ((german ? word.German : word.English) is { } term)
                {
                    terms.Add(term);
                }

                if (german)
                {
                    terms.AddRange(word.Parts ??= Split(word.Token));
                }

                start = -1;
            }
        }
    }

    private Word Analyze(ReadOnlySpan<char> word)
    {
        if (_words.TryGetValue(word, out var known))
        {
            return known;
        }

        var token = word.ToString();
        return _words.Add(token, new Word(token, TextAnalyzer.Term(token, Language.German), TextAnalyzer.Term(token, Language.English)));
    }

    /// <summary>A word's compound parts (none without a splitter or for short words).</summary>
    private string[] Split(string token) =>
        _splitter is not null && token.Length >= CompoundSplitter.MinCompoundLength
            ? [.. _splitter.Split(TextAnalyzer.Normalize(token)).Select(p => TextAnalyzer.Term(p, Language.German)).OfType<string>()]
            : [];

    /// <summary>
    /// A word's term as a German and as an English word (stop words and stemming differ), and its compound parts once a
    /// German sentence asked for them: splitting is most of the cost of a new word, and English candidates (most of a mixed
    /// archive) never use the parts. Two threads may split the same word at once; both get the same parts.
    /// </summary>
    private sealed class Word(string token, string? german, string? english)
    {
        public string Token { get; } = token;

        public string? German { get; } = german;

        public string? English { get; } = english;

        public string[]? Parts { get; set; }
    }
}
