using System.Buffers;
using System.Collections.Frozen;

namespace NewsBot.Retrieval.Languages;

/// <summary>Tells German from English by function words and German letters; good from a few words on.</summary>
public static class LanguageDetector
{
    private static readonly string[] German =
    [
        "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "dem", "den", "des", "mit", "sich", "auf", "für", "von",
        "zu", "im", "auch", "wie", "wer", "wo", "wann", "warum", "welche", "welcher", "welches", "welchen", "welchem", "sagte", "über", "bei", "nach", "noch",
        "wieviel", "wieviele", "viel", "viele", "wen", "wem", "wessen", "woher", "wohin", "weshalb", "wurden", "waren", "gegen", "zwischen",
        "kein", "keine", "einem", "einer", "eines", "sowie", "seit", "unter", "vor", "dass", "daß", "ob", "wenn", "als", "nachdem",
        "aus", "sind", "hat", "haben", "wurde", "werden", "dass", "zum", "zur", "oder", "aber", "nur", "sie", "er", "es", "wir", "ich",
        "trafen", "gibt", "um", "vom", "am", "bis", "durch", "gegen", "ohne", "sein", "seine", "ihre", "hier", "heute", "wieso",
        // The question words made of wo(r)- and a preposition, which open many a short German question ("Woran starb Don Imus?").
        "woran", "worauf", "woraus", "worin", "worum", "worüber", "wovon", "wovor", "wozu", "womit", "wodurch", "wonach", "wobei",
        "weswegen", "inwiefern",
    ];

    private static readonly string[] English =
    [
        "the", "and", "is", "are", "was", "were", "of", "to", "in", "a", "an", "that", "it", "for", "on", "with", "as", "by", "at",
        "from", "this", "be", "has", "have", "had", "not", "but", "or", "what", "who", "where", "when", "why", "how", "which", "did",
        "does", "do", "said", "about", "after", "will", "would", "there", "their", "they", "he", "she", "we", "you", "i", "meet", "met",
        "say", "tell", "me", "his", "her", "its", "can", "could", "than", "into", "over", "whom", "whose", "many", "much", "during",
        "been", "being", "which", "what's", "who's", "between", "against", "since", "until", "after", "before", "because", "while",
    ];

    /// <summary>Words of both languages ("was", "in", "an", "will"): evidence for each, at half weight.</summary>
    private static readonly string[] Shared =
    [
        "was", "in", "an", "will", "so", "also", "man", "war", "bin", "all", "fast", "rat", "see",
    ];

    private enum Evidence : byte
    {
        Shared,
        German,
        English,
    }

    /// <summary>
    /// The three lists as one table, a word's entry being the first list of Shared, German, English that holds it (the order
    /// they were asked in); looked up by a span of the lowered word, so no string per word (an ingest detects every article).
    /// </summary>
    private static readonly FrozenDictionary<string, Evidence>.AlternateLookup<ReadOnlySpan<char>> FunctionWords = FunctionWordTable();

    /// <summary>What is trimmed off a word before it is looked up.</summary>
    private static readonly SearchValues<char> Punctuation = SearchValues.Create(" \t\r\n.,;:!?\"'«»„“”()[]–-…/");

    /// <summary>The language of the text, or null when there is too little evidence either way.</summary>
    public static Language? Detect(ReadOnlySpan<char> text)
    {
        var de = 0.0;
        var en = 0.0;
        // A name alone ("Friederike Seyfried", "/who Heiko Salzwedel") says nothing of the writer's language, though its
        // spelling may look English or German ("-ed", "sch").
        return Count(text, ref de, ref en) ? null : Decide(de, en);
    }

    /// <summary>The language of <paramref name="texts"/> read as one text joined by spaces (an article's first blocks), without joining them.</summary>
    public static Language? Detect(IEnumerable<string> texts)
    {
        var de = 0.0;
        var en = 0.0;
        foreach (var text in texts)
        {
            _ = Count(text, ref de, ref en);
        }

        return Decide(de, en);
    }

    /// <summary>
    /// Adds the text's evidence, word by word in reading order (the sums of texts read one after another are those of their
    /// join). True when the text is a name alone: every word capitalised and none a function word of either language.
    /// </summary>
    private static bool Count(ReadOnlySpan<char> text, ref double de, ref double en)
    {
        Span<char> lower = stackalloc char[64];
        var words = 0;
        var nameOnly = true;
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            var first = word.IndexOfAnyExcept(Punctuation);
            if (first < 0)
            {
                continue;
            }

            word = word[first..(word.LastIndexOfAnyExcept(Punctuation) + 1)];
            var n = word[..Math.Min(word.Length, lower.Length)].ToLowerInvariant(lower);
            ReadOnlySpan<char> w = lower[..n];
            var known = FunctionWords.TryGetValue(w, out var evidence);
            words++;
            nameOnly &= !known && char.IsUpper(word[0]);
            if (known && evidence == Evidence.Shared)
            {
                de += 0.5;
                en += 0.5;
            }
            else if (known && evidence == Evidence.German)
            {
                de += 1;
            }
            else if (known)
            {
                en += 1;
            }
            else
            {
                // Spelling: "sch", "tz", "-ung", "-keit" are German; "th", "wh-", "-ing" English. Weak, but decisive when a
                // short question has no function word of its own ("Was kostet das Projekt in Lissabon?").
                de += GermanSpelling(w) ? 0.3 : 0;
                en += EnglishSpelling(w) ? 0.3 : 0;
            }

            if (w.IndexOfAny("äöüß") >= 0)
            {
                de += 0.5;
            }
        }

        return words > 0 && nameOnly;
    }

    private static FrozenDictionary<string, Evidence>.AlternateLookup<ReadOnlySpan<char>> FunctionWordTable()
    {
        var table = new Dictionary<string, Evidence>(StringComparer.Ordinal);
        foreach (var (words, evidence) in new[] { (English, Evidence.English), (German, Evidence.German), (Shared, Evidence.Shared) })
        {
            foreach (var word in words)
            {
                table[word] = evidence;
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static Language? Decide(double de, double en) =>
        de == 0 && en == 0 ? null : de > en ? Language.German : en > de ? Language.English : null;

    private static bool GermanSpelling(ReadOnlySpan<char> w) =>
        w.Contains("sch", StringComparison.Ordinal) || w.Contains("tz", StringComparison.Ordinal) || w.EndsWith("ung", StringComparison.Ordinal)
        || w.EndsWith("keit", StringComparison.Ordinal) || w.EndsWith("heit", StringComparison.Ordinal) || w.EndsWith("lich", StringComparison.Ordinal)
        || w.EndsWith("chen", StringComparison.Ordinal) || (w.Length > 4 && w.StartsWith("ge", StringComparison.Ordinal) && w.EndsWith('t'))
        || (w.Length > 4 && w.EndsWith("et", StringComparison.Ordinal) && !w.EndsWith("eet", StringComparison.Ordinal));

    private static bool EnglishSpelling(ReadOnlySpan<char> w) =>
        w.Contains("th", StringComparison.Ordinal) || w.StartsWith("wh", StringComparison.Ordinal) || (w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal))
        || (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)) || w.EndsWith("tion", StringComparison.Ordinal);

    public static Language DetectOr(string text, Language fallback) => Detect(text) ?? fallback;
}
