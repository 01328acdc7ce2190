using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.People;

public sealed partial class PersonExtractor
{
    /// <summary>
    /// What one extraction hands on to the next on the same worker, so that reading a corpus does not allocate arrays per
    /// block: the token and consumed-flag buffers, the buffer role phrases are put together in, and the per-article word
    /// sets. Only buffers pass on, never results. Not thread-safe: one per worker, one extraction at a time.
    /// </summary>
    internal sealed class Scratch
    {
        private char[] _phrase = new char[64];

        public Token[] Tokens { get; private set; } = new Token[1024];

        public bool[] Consumed { get; private set; } = new bool[1024];

        /// <summary>Lowercase words of the article (<see cref="Run"/> fills it on first need).</summary>
        public HashSet<string> LowercaseWords { get; } = new(StringComparer.Ordinal);

        /// <summary>The surname keys a first reading asks about (<see cref="KnownSurnames.Recording"/>), handed on emptied.</summary>
        public HashSet<string> Asked { get; } = new(StringComparer.Ordinal);

        /// <summary>Capitalised occurrences per folded key (<see cref="Run"/> fills it on first need).</summary>
        public Dictionary<string, int> CapitalisedCounts { get; } = new(StringComparer.Ordinal);

        // The capitalised words read last, by a hash of their spelling: frequent ones ("Die", "The", "Trump") come back soon,
        // and a word found here costs no probe of the large shared table. Small, so that it stays in the worker's cache.
        // Lowercase words keep a string per occurrence: looking them up too (here or in a table of all distinct words)
        // allocated less but was no faster (measured).
        private const int RecentSlots = 4096;
        private readonly TokenFacts?[] _recentCapitalised = new TokenFacts?[RecentSlots];

        [MethodImpl(HotPath.Options)]
        private static int RecentSlot(ReadOnlySpan<char> word) => WordCache<TokenFacts>.HashOf(word) & (RecentSlots - 1);

        /// <summary>Tokenises an article's blocks into <see cref="Tokens"/>, each block's range after the one before.</summary>
        [MethodImpl(HotPath.Options)]
        public (int Offset, int Count)[] Tokenize(IReadOnlyList<string> texts)
        {
            LowercaseWords.Clear();
            CapitalisedCounts.Clear();
            var ranges = new (int Offset, int Count)[texts.Count];
            var used = 0;
            for (var b = 0; b < texts.Count; b++)
            {
                var text = texts[b];
                var offset = used;
                for (var i = 0; NextWord(text, ref i, out var start);)
                {
                    if (used == Tokens.Length)
                    {
                        var grown = Tokens;
                        Array.Resize(ref grown, used * 2);
                        Tokens = grown;
                    }

                    if (char.IsUpper(text[start]))
                    {
                        // The rules ask about every capitalised word: its record, found once here (and its strings with it).
                        var span = text.AsSpan(start, i - start);
                        var slot = RecentSlot(span);
                        if (_recentCapitalised[slot] is not { } facts || !span.SequenceEqual(facts.Word))
                        {
                            if (!CapitalisedWords.TryGetValue(span, out facts!))
                            {
                                var word = text[start..i];
                                facts = CapitalisedWords.Add(word, new TokenFacts(word));
                            }

                            _recentCapitalised[slot] = facts;
                        }

                        Tokens[used++] = new Token(facts.Word, facts.Lower, start, i, true, facts);
                    }
                    else
                    {
                        // A string per lowercase occurrence (see RecentSlots); its lowercase form is the same string.
                        var word = text[start..i];
                        Tokens[used++] = new Token(word, word.ToLowerInvariant(), start, i, false);
                    }
                }

                ranges[b] = (offset, used - offset);
            }

            if (Consumed.Length < used)
            {
                Consumed = new bool[Tokens.Length];
            }

            Array.Clear(Consumed, 0, used);
            return ranges;
        }

        /// <summary>The tokens' lowercase forms from <paramref name="first"/> to <paramref name="last"/>, joined by single spaces.</summary>
        public ReadOnlySpan<char> LowerPhrase(ReadOnlySpan<Token> tokens, int first, int last)
        {
            var length = last - first;
            for (var k = first; k <= last; k++)
            {
                length += tokens[k].Lower.Length;
            }

            if (_phrase.Length < length)
            {
                _phrase = new char[Math.Max(length, _phrase.Length * 2)];
            }

            var used = 0;
            for (var k = first; k <= last; k++)
            {
                if (k > first)
                {
                    _phrase[used++] = ' ';
                }

                tokens[k].Lower.CopyTo(_phrase.AsSpan(used));
                used += tokens[k].Lower.Length;
            }

            return _phrase.AsSpan(0, used);
        }
    }
}
