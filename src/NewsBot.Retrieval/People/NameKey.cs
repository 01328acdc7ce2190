using System.Globalization;
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

    internal static string FoldSpellingUncached(string word)
    {
        // Lowercase and strip diacritics: "Erdoğan" → "erdogan".
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c == 'ß')
            {
                sb.Append("ss");
            }
            else if (char.IsLetter(c) || c == '-')
            {
                sb.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’' or '.')
            {
                // dropped
            }
        }

        var s = sb.ToString();
        if (s.Length == 0)
        {
            return s;
        }

        // German ↔ English transliteration of Slavic names. Order matters: "tsch" before "sch".
        s = s.Replace("tsch", "ch", StringComparison.Ordinal)
            .Replace("sch", "sh", StringComparison.Ordinal)
            .Replace("kh", "ch", StringComparison.Ordinal)
            .Replace("x", "ks", StringComparison.Ordinal)
            .Replace("w", "v", StringComparison.Ordinal)
            .Replace("ij", "y", StringComparison.Ordinal)
            .Replace("iy", "y", StringComparison.Ordinal)
            .Replace('j', 'y');

        // Initial Z and S are one sound in German transliteration (Zelensky/Selenskyj); elsewhere z stays (Kurz ≠ Kurs).
        if (s[0] == 'z')
        {
            s = "s" + s[1..];
        }

        // Final -i and -y are the same ending (Dmitri/Dmitry, Sergei/Sergey).
        if (s.Length > 3 && s[^1] == 'i')
        {
            s = s[..^1] + "y";
        }

        // Doubled letters collapse: "Zelenskyy" → "selensky", "Mohammed" → "mohamed".
        var collapsed = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (collapsed.Length == 0 || collapsed[^1] != c)
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
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

    private static string[] ComputeInflectionKeys(string token)
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
