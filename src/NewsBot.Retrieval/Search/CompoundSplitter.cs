using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// Splits German compounds into known words ("aussenministerin" → "aussen" + "ministerin", "regierungschef" → "regierung" + "chef"),
/// so that a compound and its parts meet: in the index (a passage about the Außenminister also answers "Minister")
/// and in queries (each part can be translated when the compound itself is not in the dictionary).
/// A greedy longest-head split over a vocabulary; linking elements (Fugen-s, -n, -es, -en, -er) are dropped from modifiers,
/// and a modifier may be a verb stem ("sende" of "senden").
/// </summary>
public sealed class CompoundSplitter
{
    /// <summary>Whether a vocabulary knows a word (normalized, unstemmed), asked of a span of a longer word.</summary>
    public delegate bool WordTest(ReadOnlySpan<char> normalized);

    private readonly WordTest _isWord;

    /// <summary>A splitter over a vocabulary asked by string (each candidate part is made a string to ask).</summary>
    public CompoundSplitter(Func<string, bool> isWord)
        : this((WordTest)(word => isWord(word.ToString())))
    {
    }

    // A split tries every cut of a word and every linking element and ending of each side: asked by span, a candidate part
    // costs no string (only the parts of a split found are made strings).
    private CompoundSplitter(WordTest isWord) => _isWord = isWord;

    /// <summary>A splitter over a vocabulary asked by span (see <see cref="WordTest"/>).</summary>
    public static CompoundSplitter OfSpans(WordTest isWord) => new(isWord);

    /// <summary>Whether the vocabulary knows the word (normalized, unstemmed).</summary>
    public bool IsWord(string normalized) => _isWord(normalized);

    /// <summary>Shorter tokens are rarely compounds and split into noise.</summary>
    public const int MinCompoundLength = 8;

    private const int MinPartLength = 4;
    private const int MaxParts = 4;

    private static readonly string[] LinkingElements = ["s", "es", "n", "en", "er", "e"];
    private static readonly string[] Inflections = ["n", "en", "s", "es", "e", "er", "ern", "nen"];

    /// <summary>The parts of a normalized German word (lowercase, umlauts folded), or an empty list when it does not split.</summary>
    public IReadOnlyList<string> Split(string normalized)
    {
        if (normalized.Length < MinCompoundLength || !char.IsLetter(normalized[0]))
        {
            return [];
        }

        var parts = new List<string>(MaxParts);
        return TrySplit(normalized, parts) && parts.Count > 1 ? parts : [];
    }

    /// <summary>Parts as short as "tag" or "lok" are words, but cut many longer words into noise.</summary>
    private const int ShortPartLength = 3;

    /// <summary>
    /// A split into two parts, one of them <see cref="ShortPartLength"/> letters ("frauen|tag", "lok|führerin"), for a query
    /// word the dictionary lacks and <see cref="Split"/> cannot split: such a word has no other way into the other language.
    /// Not for the index, which short parts would fill with noise. An empty list when it does not split so.
    /// </summary>
    public IReadOnlyList<string> SplitAtShortPart(string normalized)
    {
        if (normalized.Length < MinCompoundLength || !char.IsLetter(normalized[0]))
        {
            return [];
        }

        var word = normalized.AsSpan();
        if (_isWord(word[^ShortPartLength..]) && ModifierLength(word[..^ShortPartLength]) is var known and > 0)
        {
            return [normalized[..known], normalized[^ShortPartLength..]];
        }

        return _isWord(word[..ShortPartLength]) && IsWordOrInflected(word[ShortPartLength..])
            ? [normalized[..ShortPartLength], normalized[ShortPartLength..]]
            : [];
    }

    [MethodImpl(HotPath.Options)]
    private bool TrySplit(ReadOnlySpan<char> word, List<string> parts)
    {
        // The longest head first: "bundesaussenminister" → "bundes|aussenminister" before "bundesaussen|minister".
        for (var cut = MinPartLength; cut <= word.Length - MinPartLength; cut++)
        {
            var head = word[cut..];
            if (!IsWordOrInflected(head))
            {
                continue;
            }

            var modifier = word[..cut];
            if (ModifierLength(modifier) is var known and > 0)
            {
                parts.Add(modifier[..known].ToString());
                parts.Add(head.ToString());
                return true;
            }

            // The modifier is itself a compound ("bundesaussen|minister" is not tried first, but "staatsober|haupt" may need it).
            if (parts.Count + 2 < MaxParts && modifier.Length >= MinCompoundLength)
            {
                var inner = new List<string>();
                if (TrySplit(modifier, inner) && inner.Count > 1)
                {
                    parts.AddRange(inner);
                    parts.Add(head.ToString());
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>How much of <paramref name="modifier"/> is the known word it stands for (without a linking element); 0 when none.</summary>
    [MethodImpl(HotPath.Options)]
    private int ModifierLength(ReadOnlySpan<char> modifier)
    {
        if (_isWord(modifier))
        {
            return modifier.Length;
        }

        // A verb stem as modifier: "Sende|gebühren" (senden), "Lehr|zertifikat" (lehren).
        if (IsWordWith(modifier, "n") || IsWordWith(modifier, "en"))
        {
            return modifier.Length;
        }

        foreach (var link in LinkingElements)
        {
            if (modifier.Length - link.Length >= MinPartLength && modifier.EndsWith(link) && _isWord(modifier[..^link.Length]))
            {
                return modifier.Length - link.Length;
            }
        }

        return 0;
    }

    /// <summary>Whether the vocabulary knows <paramref name="stem"/> followed by <paramref name="ending"/>.</summary>
    private bool IsWordWith(ReadOnlySpan<char> stem, string ending)
    {
        var length = stem.Length + ending.Length;
        Span<char> word = length <= 128 ? stackalloc char[length] : new char[length];
        stem.CopyTo(word);
        ending.CopyTo(word[stem.Length..]);
        return _isWord(word);
    }

    [MethodImpl(HotPath.Options)]
    private bool IsWordOrInflected(ReadOnlySpan<char> head)
    {
        if (_isWord(head))
        {
            return true;
        }

        foreach (var ending in Inflections)
        {
            if (head.Length - ending.Length >= MinPartLength && head.EndsWith(ending) && _isWord(head[..^ending.Length]))
            {
                return true;
            }
        }

        return false;
    }
}
