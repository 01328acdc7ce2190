using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// Splits German compounds into known words ("aussenministerin" → "aussen" + "ministerin", "regierungschef" → "regierung" + "chef"),
/// so that a compound and its parts meet: in the index (a passage about the Außenminister also answers "Minister")
/// and in queries (each part can be translated when the compound itself is not in the dictionary).
/// A greedy longest-head split over a vocabulary; linking elements (Fugen-s, -n, -es, -en, -er) are dropped from modifiers,
/// and a modifier may be a verb stem ("sende" of "senden").
/// </summary>
public sealed class CompoundSplitter(Func<string, bool> isWord)
{
    /// <summary>Whether the vocabulary knows the word (normalized, unstemmed).</summary>
    public bool IsWord(string normalized) => isWord(normalized);

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

    [MethodImpl(HotPath.Options)]
    private bool TrySplit(string word, List<string> parts)
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
            if (Modifier(modifier) is { } known)
            {
                parts.Add(known);
                parts.Add(head);
                return true;
            }

            // The modifier is itself a compound ("bundesaussen|minister" is not tried first, but "staatsober|haupt" may need it).
            if (parts.Count + 2 < MaxParts && modifier.Length >= MinCompoundLength)
            {
                var inner = new List<string>();
                if (TrySplit(modifier, inner) && inner.Count > 1)
                {
                    parts.AddRange(inner);
                    parts.Add(head);
                    return true;
                }
            }
        }

        return false;
    }

    [MethodImpl(HotPath.Options)]
    private string? Modifier(string modifier)
    {
        if (isWord(modifier))
        {
            return modifier;
        }

        // A verb stem as modifier: "Sende|gebühren" (senden), "Lehr|zertifikat" (lehren).
        if (isWord(modifier + "n") || isWord(modifier + "en"))
        {
            return modifier;
        }

        foreach (var link in LinkingElements)
        {
            if (modifier.Length - link.Length >= MinPartLength && modifier.EndsWith(link, StringComparison.Ordinal) && isWord(modifier[..^link.Length]))
            {
                return modifier[..^link.Length];
            }
        }

        return null;
    }

    [MethodImpl(HotPath.Options)]
    private bool IsWordOrInflected(string head)
    {
        if (isWord(head))
        {
            return true;
        }

        foreach (var ending in Inflections)
        {
            if (head.Length - ending.Length >= MinPartLength && head.EndsWith(ending, StringComparison.Ordinal) && isWord(head[..^ending.Length]))
            {
                return true;
            }
        }

        return false;
    }
}
