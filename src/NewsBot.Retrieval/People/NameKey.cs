using System.Text;

namespace NewsBot.Retrieval.People;

/// <summary>
/// Folds a name to a spelling-independent key, so German, English and other transliterations of the
/// same name meet: "Lawrow"/"Lavrov" → "lavrov", "Selenskyj"/"Zelenskyy"/"Zelensky" → "selensky",
/// "Sergej"/"Sergei"/"Sergey" → "sergey", "Dmitri"/"Dmitry" → "dmitry". Exonyms folding cannot reach
/// ("Franziskus"/"Francis") go through <see cref="PeopleLexicon.Exonyms"/>.
/// </summary>
public static class NameKey
{
    // Corpus vocabulary repeats endlessly; folding each distinct word once keeps extraction linear and cheap.
    private const int CacheLimit = 200_000;
    private static readonly WordCache<string> SpellingCache = new(CacheLimit);
    private static readonly WordCache<string[]> InflectionCache = new(CacheLimit);

    /// <summary>The key of a whole name: each word folded, joined by single spaces.</summary>
    public static string Fold(string name)
    {
        if (name.AsSpan().IndexOfAny(' ', '\u00A0', '\t') < 0)
        {
            // One word (most calls): its cached key, no builder.
            return name.Length == 0 ? "" : FoldWord(name);
        }

        var sb = new StringBuilder(name.Length);
        foreach (var word in name.Split([' ', '\u00A0', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var key = FoldWord(word);
            if (key.Length == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(key);
        }

        return sb.ToString();
    }

    /// <summary>The key of one word (hyphens kept as part of the word, apostrophes dropped).</summary>
    public static string FoldWord(string word)
    {
        var folded = FoldSpelling(word);
        return PeopleLexicon.Exonyms.TryGetValue(folded, out var canonical) ? canonical : folded;
    }

    /// <summary>Transliteration folding only, without the exonym table (which is built from it).</summary>
    internal static string FoldSpelling(string word)
    {
        if (SpellingCache.TryGetValue(word, out var cached))
        {
            return cached;
        }

        return SpellingCache.Add(word, FoldSpellingUncached(word));
    }

    internal static string FoldSpellingUncached(string word) => FoldSpellingUncached(word.AsSpan());

    /// <summary>
    /// <see cref="FoldSpellingUncached(string)"/> of a span (a line of the given names, read without a string per line). The
    /// rules work in this thread's two scratch buffers: one pair per thread, not two new arrays per word.
    /// </summary>
    internal static string FoldSpellingUncached(ReadOnlySpan<char> word)
    {
        // Rules applied in one char buffer, in order, each as a left-to-right pass (what a chain of string.Replace calls
        // gives, without a string per rule): this runs for every distinct word of a corpus and every line of the given names.
        var needed = (word.Length * 2) + 8;
        var buffer = t_buffer is { } held && held.Length >= needed ? held : new char[Math.Max(needed, 64)];
        var spare = t_spare is { } heldSpare && heldSpare.Length == buffer.Length ? heldSpare : new char[buffer.Length];
        var length = 0;

        // Lowercase and strip diacritics: "Erdoğan" → "erdogan".
        var ascii = IsAscii(word);
        var decomposed = ascii ? word : word.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormD).AsSpan();
        foreach (var raw in decomposed)
        {
            var c = ascii && raw is >= 'A' and <= 'Z' ? (char)(raw + 32) : raw;
            if (c == 'ß')
            {
                Grow(ref buffer, ref spare, length + 2);
                buffer[length++] = 's';
                buffer[length++] = 's';
            }
            else if (char.IsLetter(c) || c == '-')
            {
                Grow(ref buffer, ref spare, length + 1);
                buffer[length++] = c;
            }
        }

        if (length == 0)
        {
            (t_buffer, t_spare) = (buffer, spare);
            return "";
        }

        // German ↔ English transliteration of Slavic names. Order matters: "tsch" before "sch".
        Replace(ref buffer, ref spare, ref length, "tsch", "ch");
        Replace(ref buffer, ref spare, ref length, "sch", "sh");
        Replace(ref buffer, ref spare, ref length, "kh", "ch");
        Replace(ref buffer, ref spare, ref length, "x", "ks");
        Replace(ref buffer, ref spare, ref length, "w", "v");
        Replace(ref buffer, ref spare, ref length, "ij", "y");
        Replace(ref buffer, ref spare, ref length, "iy", "y");
        Replace(ref buffer, ref spare, ref length, "j", "y");

        // Initial Z and S are one sound in German transliteration (Zelensky/Selenskyj); elsewhere z stays (Kurz ≠ Kurs).
        if (buffer[0] == 'z')
        {
            buffer[0] = 's';
        }

        // Final -i and -y are the same ending (Dmitri/Dmitry, Sergei/Sergey).
        if (length > 3 && buffer[length - 1] == 'i')
        {
            buffer[length - 1] = 'y';
        }

        // Doubled letters collapse: "Zelenskyy" → "selensky", "Mohammed" → "mohamed".
        var collapsed = 1;
        for (var i = 1; i < length; i++)
        {
            if (buffer[i] != buffer[collapsed - 1])
            {
                buffer[collapsed++] = buffer[i];
            }
        }

        (t_buffer, t_spare) = (buffer, spare);
        return new string(buffer, 0, collapsed);
    }

    // The fold's scratch buffers (same length; Grow and Replace swap and grow them), kept per thread between words.
    [ThreadStatic]
    private static char[]? t_buffer;

    [ThreadStatic]
    private static char[]? t_spare;

    /// <summary>ASCII only: lowercasing is A–Z alone and the canonical decomposition changes nothing.</summary>
    private static bool IsAscii(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static void Grow(ref char[] buffer, ref char[] spare, int needed)
    {
        if (needed > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(needed, buffer.Length * 2));
            spare = new char[buffer.Length];
        }
    }

    /// <summary>Every occurrence of <paramref name="old"/> replaced, left to right, without overlaps (as <see cref="string.Replace(string, string?, StringComparison)"/>).</summary>
    private static void Replace(ref char[] buffer, ref char[] spare, ref int length, string old, string replacement)
    {
        if (buffer.AsSpan(0, length).IndexOf(old, StringComparison.Ordinal) < 0)
        {
            return;
        }

        // At most one replacement per character of the text: the longest result is length × replacement's length.
        Grow(ref buffer, ref spare, length * Math.Max(1, replacement.Length));
        var written = 0;
        for (var i = 0; i < length;)
        {
            if (buffer.AsSpan(i, length - i).StartsWith(old, StringComparison.Ordinal))
            {
                replacement.CopyTo(spare.AsSpan(written));
                written += replacement.Length;
                i += old.Length;
            }
            else
            {
                spare[written++] = buffer[i++];
            }
        }

        (buffer, spare) = (spare, buffer);
        length = written;
    }

    /// <summary>
    /// Keys a possibly inflected surname may have, most literal first: "Selenskyjs" → [selenskys, selensky],
    /// "Putin's" → [putin]. German genitive -s and English possessive 's are the inflections names take.
    /// </summary>
    public static IReadOnlyList<string> InflectionKeys(string token) => InflectionKeyArray(token);

    /// <summary>As <see cref="InflectionKeys"/>, as the cached array itself (never change it): loops over it allocate no enumerator.</summary>
    internal static string[] InflectionKeyArray(string token)
    {
        if (InflectionCache.TryGetValue(token, out var cached))
        {
            return cached;
        }

        return InflectionCache.Add(token, ComputeInflectionKeys(token));
    }

    /// <summary><see cref="InflectionKeyArray"/> without its per-token memo, for callers that keep their own (a token's record).</summary>
    internal static string[] ComputeInflectionKeys(string token)
    {
        var t = token.Replace('’', '\'');
        if (t.EndsWith("'s", StringComparison.OrdinalIgnoreCase))
        {
            return [FoldWord(t[..^2])];
        }

        if (t.EndsWith('\''))
        {
            return [FoldWord(t[..^1])];
        }

        var whole = FoldWord(t);
        if (t.Length > 3 && t[^1] == 's')
        {
            var stripped = FoldWord(t[..^1]);
            return stripped == whole ? [whole] : [whole, stripped];
        }

        return [whole];
    }

    /// <summary>Levenshtein distance, for suggestions on folded keys.</summary>
    public static int Distance(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
