using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// Turns text into index terms the same way for German and English, documents and queries:
/// lowercase, umlauts and ß folded, the stop words of the text's language dropped (of both when it is not known),
/// a light suffix stemmer for both languages,
/// and a transliteration fold so that name spellings meet (Lawrow/Lavrov, Selenskyj/Zelensky, Riad/Riyadh, Kiew/Kyiv).
/// </summary>
public static class TextAnalyzer
{
    // Stored normalized ("über" → "uber"), as words are normalized before the lookup. One list per language: German
    // function words are English words ("die", "war", "man", "den"), so English text and questions drop only English stop
    // words. German text drops both: the English words in it stand in English names, titles and quotes ("Made in
    // Germany"), where they are function words too (keeping them moved de→de R@1 on XQuAD with distractors 0.907 → 0.905).
    private static readonly FrozenSet<string> GermanStopWords = FrozenSet.ToFrozenSet(
    new[]
    {
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "eines", "und", "oder", "aber", "doch",
        "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "sei", "seien", "hat", "haben", "hatte", "hatten",
        "nicht", "auch", "noch", "nur", "schon", "so", "wie", "was", "wer", "wo", "wann", "warum", "wieso", "welche", "welcher",
        "welches", "mit", "von", "vom", "zu", "zum", "zur", "im", "in", "an", "am", "auf", "aus", "bei", "nach", "vor", "für",
        "über", "um", "durch", "gegen", "ohne", "unter", "sich", "sie", "er", "es", "wir", "ihr", "ich", "du", "man", "dass",
        "daß", "als", "wenn", "ob", "dies", "diese", "dieser", "dieses", "diesem", "diesen", "sein", "seine", "seinen", "seiner",
        "ihre", "ihren", "ihrer", "es", "mehr", "sehr", "bereits", "nun", "dann", "dabei", "denn", "zwar", "jedoch", "hier",
        "gibt", "geht", "etwa", "kann", "können", "soll", "sollen", "will", "wollen", "muss", "müssen", "habe", "bitte",
        // A German function word too, though the English list has it.
        "also",
        // Relative pronouns, and the "how many / how much" of questions: they translate into each other's commonest words.
        "denen", "deren", "dessen", "viel", "viele", "vielen",
        // The other German question words: the cases of "wer" and "welche", and the "wo-" pronouns ("wozu", "worauf"). They
        // are function words, as "which" and "what" are; kept as terms, no English text could meet them, and a German question
        // would weigh them as much as its rarest name ("welchem" has no translation).
        "wen", "wem", "wessen", "welchem", "welchen", "wieviel", "wieviele", "weshalb", "weswegen", "wozu", "wofür", "woher",
        "wohin", "womit", "wodurch", "woran", "worauf", "woraus", "worin", "worum", "worüber", "wovon", "wonach", "wobei",
        // The modal verbs in every person and tense, as "must", "may", "could" are English stop words ("kann", "muss" above
        // were only the present): as terms "darf" was translated as "pass", "like", "come", "mussten" as "ought".
        "darf", "darfst", "dürfen", "dürft", "durfte", "durften", "dürfte", "dürften", "kannst", "könnt", "konnte", "konnten",
        "könnte", "könnten", "musst", "müsst", "musste", "mussten", "müsste", "müssten", "sollst", "sollt", "sollte",
        "sollten", "willst", "wollt", "wollte", "wollten", "mag", "magst", "mögen", "mögt", "mochte", "mochten", "möchte",
        "möchten",
        // The negating article in every case, as "no" and "not" are English stop words ("nicht" above).
        "kein", "keine", "keinen", "keinem", "keiner", "keines",
    }.Select(Normalize), StringComparer.Ordinal);

    private static readonly FrozenSet<string> EnglishStopWords = FrozenSet.ToFrozenSet(
    new[]
    {
        "the", "a", "an", "and", "or", "but", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
        "does", "did", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "that", "this", "these", "those", "it",
        "its", "he", "she", "they", "them", "his", "her", "their", "we", "you", "i", "me", "my", "our", "what", "who", "whom",
        "where", "when", "why", "how", "which", "there", "here", "not", "no", "so", "if", "than", "then", "about", "into",
        "over", "after", "before", "also", "just", "only", "can", "could", "would", "should", "will", "shall", "may", "might",
        "must", "any", "some", "all", "tell", "please", "am",
        // The relative pronoun, and the "how many / how much" of questions (see the German list).
        "whose", "many", "much",
    }.Select(Normalize), StringComparer.Ordinal);

    /// <summary>Place names and transliterations that stemming and folding alone cannot join: variant → one key.</summary>
    private static readonly FrozenDictionary<string, string> Exonyms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kyiv"] = "kiew", ["kiev"] = "kiew", ["kyjiw"] = "kiew",
        ["moscow"] = "moskau", ["riyadh"] = "riad", ["brussels"] = "brussel", ["munich"] = "munchen", ["vienna"] = "wien",
        ["cologne"] = "koln", ["warsaw"] = "warschau", ["kremlin"] = "kreml", ["nato"] = "nato", ["europe"] = "europa",
        ["russia"] = "russland", ["germany"] = "deutschland", ["turkey"] = "turkei", ["turkiye"] = "turkei",
        ["paris"] = "paris", ["london"] = "london", ["beijing"] = "peking", ["washington"] = "washington",
        ["zelenskyy"] = "selenskyj", ["zelensky"] = "selenskyj", ["zelenskiy"] = "selenskyj", ["selenski"] = "selenskyj",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The other-language spelling of a place or name that the exonym table joins ("riad" → "riyadh", "kiew" → "kyiv"),
    /// given the normalized word; null when the table has none (one variant when several share a key).
    /// </summary>
    public static string? ExonymOf(string normalized)
    {
        if (Exonyms.TryGetValue(normalized, out var key))
        {
            return key == normalized ? null : key;
        }

        foreach (var (variant, target) in Exonyms)
        {
            if (target == normalized && variant != normalized)
            {
                return variant;
            }
        }

        return null;
    }

    /// <summary>The index terms of a text in either language (see <see cref="Term(string)"/>), in order (duplicates kept, stop words dropped).</summary>
    public static List<string> Terms(string text) => Terms(text, null);

    /// <summary>
    /// The index terms of a text in <paramref name="language"/> (see <see cref="Term(string, Language?)"/>), in order
    /// (duplicates kept, stop words dropped).
    /// </summary>
    public static List<string> Terms(string text, Language? language)
    {
        var terms = new List<string>();
        foreach (var token in Tokens(text))
        {
            if (Term(token, language) is { } term)
            {
                terms.Add(term);
            }
        }

        return terms;
    }

    /// <summary>
    /// One word's index term when its language is not known, or null for a stop word of either language: what an index
    /// term was before stop words were kept per language, and the safe reading of a word that may be either.
    /// </summary>
    public static string? Term(string word) => Term(word, null);

    /// <summary>
    /// One word's index term as a word of <paramref name="language"/> (null: either), or null for a stop word: in English
    /// text an English one (it keeps "die", "war" and "man"), in German or unknown text one of either language.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public static string? Term(string word, Language? language) => Term(word, language, shortVerbs: true);

    /// <summary>
    /// The term the dictionary files a word under (and a question's word is looked up by): its <see cref="Term(string, Language?)"/>
    /// without the English short-verb rule, so "died", "dies" and "lies" stay keys of their own. The dictionary lists a verb's
    /// forms as entries of their own ("died" → gestorben, starb; "lies" → liegt, lügt); filed under "die" and "lie" they would
    /// compete with the noun's senses (Würfel, Matrize; Lüge) for the key's few kept translations and lose.
    /// </summary>
    public static string? KeyTerm(string word, Language? language) => Term(word, language, shortVerbs: false);

    [MethodImpl(HotPath.Options)]
    private static string? Term(string word, Language? language, bool shortVerbs)
    {
        var normal = Normalize(word);
        if (normal.Length == 0 || IsStop(normal, language))
        {
            return null;
        }

        if (Exonyms.TryGetValue(normal, out var exonym))
        {
            return Fold(exonym);
        }

        // English writes the article and "other" as one word: "another student" is an other student, and meets the
        // question's "What other …" (and the German "andere", which the dictionary gives as "other").
        if (language != Language.German && normal == "another")
        {
            return "other";
        }

        return Fold(!shortVerbs ? Stem(normal)
            : language == Language.English && char.IsLower(word[0]) && (SilentEBase(normal) ?? DoubledConsonantBase(normal)) is { } verb ? verb
            : Stem(normal, language));
    }

    /// <summary>
    /// The base of an English past form that doubles its final consonant: "banned" → "ban", "stopped" → "stop",
    /// "transferred" → "transfer" (stemmed as the base is), so "Korea's ban" meets a question's "banned". Only after a vowel,
    /// and not l, s, z or f, which English keeps doubled in the base ("fall", "miss", "buzz", "staff"); a base of fewer than
    /// three letters keeps its double ("added" is "add"). Lowercase words only, as for <see cref="SilentEBase"/>. The -ing form
    /// was tried too ("planning" → "plan") and left out: on half A it lost a de→en answer and retrieval de→en R@1 fell 0.003;
    /// so "stopped" ("stop") and "stopping" ("stopp") no longer share a term, as they did before.
    /// </summary>
    internal static string? DoubledConsonantBase(string normal)
    {
        var end = normal.Length - 2;
        if (!normal.EndsWith("ed", StringComparison.Ordinal) || end < 4)
        {
            return null;
        }

        var c = normal[end - 1];
        return c == normal[end - 2] && c is >= 'b' and <= 'z' && !IsVowel(c) && c is not ('l' or 's' or 'z' or 'f') && IsVowel(normal[end - 3])
            ? Stem(normal[..(end - 1)])
            : null;
    }

    /// <summary>
    /// The base of an English past form whose stem is too short for the suffix rule and drops a silent e: "named" → "name"
    /// (as "names" stems), "lived" → "live", "based" → "base". Only a consonant, a vowel and a consonant before -ed, as
    /// English spells such verbs: "speed", "bowed", "boxed" and "owned" are left alone. Lowercase words only: a capitalised
    /// one may be a name ("Jared", "Hamed"), which a German question spells alike and must meet. The -ing form is left
    /// alone: "during" is no verb, and at a sentence's start, capitalised, it would no longer meet the question's "during".
    /// </summary>
    internal static string? SilentEBase(string normal) =>
        normal.Length == 5 && normal.EndsWith("ed", StringComparison.Ordinal)
        && !IsVowel(normal[0]) && char.IsLetter(normal[0]) && IsVowel(normal[1]) && !IsVowel(normal[2]) && normal[2] is not ('w' or 'x' or 'y') && char.IsLetter(normal[2])
            ? string.Concat(normal.AsSpan(0, 3), "e")
            : null;

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsStop(string normal, Language? language) => language switch
    {
        Language.English => EnglishStopWords.Contains(normal),
        _ => GermanStopWords.Contains(normal) || EnglishStopWords.Contains(normal),
    };

    /// <summary>Word tokens: runs of letters and digits (hyphens and apostrophes split words).</summary>
    public static IEnumerable<string> Tokens(string text)
    {
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
                yield return text[start..i];
                start = -1;
            }
        }
    }

    /// <summary>Lowercase; ä→a, ö→o, ü→u, ß→ss; other diacritics removed.</summary>
    [MethodImpl(HotPath.Options)]
    public static string Normalize(string word)
    {
        // Most words are ASCII: lowercasing is all there is to do (and the word itself comes back when it is lowercase
        // already), without the builder, which made two of every index build's allocations per distinct word.
        return word.AsSpan().ContainsAnyExceptInRange((char)0, (char)127) ? NormalizeAlways(word) : word.ToLowerInvariant();
    }

    /// <summary><see cref="Normalize"/>'s rules through a builder, for any word (Normalize takes an ASCII word's shortcut).</summary>
    [MethodImpl(HotPath.Options)]
    internal static string NormalizeAlways(string word)
    {
        var sb = new StringBuilder(word.Length + 2);
        foreach (var c in word.ToLowerInvariant())
        {
            switch (c)
            {
                case 'ß': sb.Append("ss"); break;
                case 'ä': sb.Append('a'); break;
                case 'ö': sb.Append('o'); break;
                case 'ü': sb.Append('u'); break;
                default:
                    if (c < 128)
                    {
                        sb.Append(c);
                    }
                    else
                    {
                        foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                        {
                            if (CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark)
                            {
                                sb.Append(d);
                            }
                        }
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Inflections only, so that every form of a word meets its base form: "jährliche" and "jährlichen" stem to "jährlich" as the
    /// word itself does (the dictionary's "annual"), "politischen" to "politisch", "Möglichkeiten" to "Möglichkeit". Stripping the
    /// derivations -lich, -isch, -heit, -keit from inflected forms only split each such word in two. Measured on XQuAD with the
    /// 10kGNAD distractors: en→de R@1 0.796 → 0.810, de→en 0.823 → 0.834, German and English alone unchanged.
    /// </summary>
    private static readonly string[] Suffixes = ["ungen", "ingen", "ern", "ing", "ung", "ies", "en", "er", "es", "ed", "em", "e", "s"];

    /// <summary>
    /// The noun or name a German relational adjective is made from: the term of "hugenottischen", "italienische",
    /// "lutherisch", "ägyptische" without its -isch, stemmed as the noun is ("hugenott", "itali", "luth", "agypt"); null for
    /// other terms. Terms are folded, so -isch reads "ish"; at least four letters must remain ("Tisch", "Fisch" are no adjectives).
    /// </summary>
    public static string? RelationalBase(string term) =>
        term.Length >= 7 && term.EndsWith("ish", StringComparison.Ordinal) ? Stem(term[..^3]) : null;

    /// <summary>
    /// <see cref="Stem(string)"/>, and for English words also the short verbs whose -d or -s the length rule keeps: "died",
    /// "dies" → "die", "lies" → "lie" (Snowball's English stemmer treats "-ied"/"-ies" after one letter so). Not for German
    /// or unknown text, where "Lied" is a song.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public static string Stem(string word, Language? language) =>
        language == Language.English && word.Length == 4 && word[1] == 'i' && word[2] == 'e' && word[3] is 'd' or 's' && char.IsLetter(word[0])
            ? word[..3]
            : Stem(word);

    /// <summary>A light stemmer for German and English: strips the commonest inflection suffixes (and -ung, -ing).</summary>
    [MethodImpl(HotPath.Options)]
    public static string Stem(string word)
    {
        if (word.Length <= 4 || char.IsDigit(word[0]))
        {
            return word;
        }

        // German plurals in -eln meet their singular: "Inseln" → "insel", "Regeln" → "regel".
        if (word.Length >= 6 && word.EndsWith("eln", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 4)
            {
                // A final "ss" is no plural: "process", "Prozess" and "Kongress" keep it, as their inflected forms do.
                if (suffix == "s" && word[^2] == 's')
                {
                    return word;
                }

                var stem = word[..^suffix.Length];
                // "Ergebnisse" meets "Ergebnis", whose final "s" goes as a plural's would: both "ergebni".
                if (stem.EndsWith("niss", StringComparison.Ordinal))
                {
                    return stem[..^2];
                }

                // A plural "s" may hide one more suffix: "meetings" → "meeting" → "meet".
                return suffix == "ies" ? stem + "y" : suffix == "s" ? Stem(stem) : stem;
            }
        }

        return word;
    }

    /// <summary>Transliteration fold: w→v, z→s, j→y, sch→sh, dh→d, ck→k, ph→f, and final -ij/-yj/-iy/-y → i.</summary>
    [MethodImpl(HotPath.Options)]
    public static string Fold(string term) => term.Length < 3 || char.IsDigit(term[0]) || !Folds(term) ? term : FoldAlways(term);

    /// <summary><see cref="Fold"/>'s rules through a builder, whether or not they change the term (Fold returns those they leave alone).</summary>
    [MethodImpl(HotPath.Options)]
    internal static string FoldAlways(string term)
    {
        var sb = new StringBuilder(term.Length);
        for (var i = 0; i < term.Length; i++)
        {
            var c = term[i];
            var next = i + 1 < term.Length ? term[i + 1] : '\0';
            switch (c)
            {
                case 's' when next == 'c' && i + 2 < term.Length && term[i + 2] == 'h':
                    sb.Append("sh");
                    i += 2;
                    break;
                case 'd' when next == 'h':
                    sb.Append('d');
                    i++;
                    break;
                case 'c' when next == 'k':
                    sb.Append('k');
                    i++;
                    break;
                case 'p' when next == 'h':
                    sb.Append('f');
                    i++;
                    break;
                case 'w': sb.Append('v'); break;
                case 'z': sb.Append('s'); break;
                case 'j': sb.Append('y'); break;
                default: sb.Append(c); break;
            }
        }

        // Vowel glides that transliterations spell differently: "iy" → "i", "yy" → "y", "ei"/"ey" at the end → "ey".
        var folded = sb.Replace("iy", "i").Replace("yy", "y").ToString();
        if (folded.EndsWith("ei", StringComparison.Ordinal) && folded.Length > 4)
        {
            folded = folded[..^2] + "ey";
        }
        else if (folded.EndsWith('y') && !folded.EndsWith("ey", StringComparison.Ordinal) && folded.Length > 3)
        {
            folded = folded[..^1] + "i";
        }

        return folded;
    }

    private static readonly SearchValues<string> FoldedPairs = SearchValues.Create(["sch", "dh", "ck", "ph", "iy", "yy"], StringComparison.Ordinal);

    /// <summary>
    /// Whether <see cref="Fold"/> changes <paramref name="term"/>: it holds a letter or pair that folds, or ends as the glide
    /// rules change. Most terms do not, and are returned as they are instead of copied through a builder.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    private static bool Folds(string term) =>
        term.AsSpan().ContainsAny('w', 'z', 'j')
        || term.AsSpan().ContainsAny(FoldedPairs)
        || (term.EndsWith("ei", StringComparison.Ordinal) && term.Length > 4)
        || (term.EndsWith('y') && !term.EndsWith("ey", StringComparison.Ordinal) && term.Length > 3);

    /// <summary>Whether the word is a stop word of either language: a function word, no name.</summary>
    public static bool IsStopWord(string word) => IsStop(Normalize(word), null);

    /// <summary>Whether the word is a stop word of <paramref name="language"/> (of either, when null).</summary>
    public static bool IsStopWord(string word, Language? language) => IsStop(Normalize(word), language);
}
