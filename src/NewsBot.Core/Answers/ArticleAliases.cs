using System.Text.RegularExpressions;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>
/// The short names an article gives its people and bodies, and what each stands for: news names a thing once in full and
/// then by its short form. An acronym defined in brackets ("Philippine Institute of Volcanology and Seismology (Phivolcs)")
/// stands for the words it abbreviates; a surname met alone stands for the role it was introduced with
/// ("Bundesschulsprecher Maximilian Gnesda" … "Gnesda bezeichnet den Brief …"). A sentence that uses the short form is
/// read with those words, as a reader reads it.
/// </summary>
internal static partial class ArticleAliases
{
    /// <summary>The article's short forms (index terms) with the terms of what each stands for; empty when it defines none.</summary>
    public static Dictionary<string, HashSet<string>> Of(Article article, QueryTranslator translator)
    {
        var aliases = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var sentence in article.Paragraphs.SelectMany(Sentences.Split))
        {
            foreach (Match match in Acronym().Matches(sentence))
            {
                var words = match.Groups["long"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // The full form is the capitalised run before the brackets that the acronym's letters spell in order.
                if (Abbreviates(match.Groups["short"].Value, words) is { } used && TextAnalyzer.Term(match.Groups["short"].Value) is { } key)
                {
                    Add(aliases, key, translator.TextTerms(string.Join(' ', used), article.Language));
                }
            }

            foreach (Match match in IntroducedName().Matches(sentence))
            {
                // A sentence's first word is capitalised anyway, and a stop word ("Laut", "The") is no role.
                if (match.Index == 0 || TextAnalyzer.Term(match.Groups["role"].Value.Split('-')[^1]) is null
                    || TextAnalyzer.Term(match.Groups["surname"].Value) is not { } key)
                {
                    continue;
                }

                Add(aliases, key, translator.TextTerms(match.Groups["role"].Value, article.Language));
            }
        }

        return aliases;
    }

    /// <summary>The terms a sentence holds read with the article's aliases: a short form adds what it stands for.</summary>
    public static void Expand(HashSet<string> present, Dictionary<string, HashSet<string>> aliases)
    {
        if (aliases.Count == 0)
        {
            return;
        }

        foreach (var (key, meaning) in aliases)
        {
            if (present.Contains(key))
            {
                present.UnionWith(meaning);
            }
        }
    }

    private static void Add(Dictionary<string, HashSet<string>> aliases, string key, HashSet<string> terms)
    {
        terms.Remove(key);
        if (terms.Count == 0)
        {
            return;
        }

        if (aliases.TryGetValue(key, out var known))
        {
            known.UnionWith(terms);
        }
        else
        {
            aliases[key] = terms;
        }
    }

    /// <summary>
    /// The trailing words of <paramref name="words"/> whose initials the acronym spells in order, starting with its first
    /// letter ("Phivolcs": Philippine, Institute, Volcanology, Seismology; linking words such as "of" may be skipped);
    /// null when it spells none of them.
    /// </summary>
    internal static IReadOnlyList<string>? Abbreviates(string acronym, IReadOnlyList<string> words)
    {
        var letters = acronym.ToLowerInvariant();
        for (var start = words.Count - 1; start >= 0; start--)
        {
            if (!char.IsUpper(words[start][0]) || char.ToLowerInvariant(words[start][0]) != letters[0])
            {
                continue;
            }

            // Every capitalised word from the start on must have its initial in the acronym, in order.
            var at = 0;
            var spelled = true;
            foreach (var word in words.Skip(start).Where(w => char.IsUpper(w[0])))
            {
                var found = letters.IndexOf(char.ToLowerInvariant(word[0]), at);
                if (found < 0)
                {
                    spelled = false;
                    break;
                }

                at = found + 1;
            }

            if (spelled && words.Skip(start).Count(w => char.IsUpper(w[0])) >= 2)
            {
                return words.Skip(start).ToList();
            }
        }

        return null;
    }

    /// <summary>Capitalised words (with linking words between) right before a bracketed single word: "United States Geological Survey (USGS)".</summary>
    [GeneratedRegex(@"(?<long>(?:\p{Lu}[\p{L}-]*\s+(?:(?:of|for|and|the|on|der|des|für|und|von)\s+)?){2,10})\((?<short>\p{Lu}[\p{L}]{1,11})\)")]
    private static partial Regex Acronym();

    /// <summary>A capitalised word, then a name of two to four capitalised words: "Bundesschulsprecher Maximilian Gnesda", "Governor Alexander Pimentel".</summary>
    [GeneratedRegex(@"(?<![\p{L}-])(?<role>\p{Lu}[\p{L}-]+)\s+(?:\p{Lu}\p{Ll}+[\s-]+){1,3}(?<surname>\p{Lu}\p{Ll}[\p{L}]+)(?![\p{L}-])")]
    private static partial Regex IntroducedName();

    /// <summary>
    /// The initials of the article's runs of two or more capitalised words ("International Space Station" → "ISS", "United
    /// States" → "US"), joiners such as "of" or "für" skipped: what an acronym of the question may stand for. A run that spells
    /// the start of an acronym counts too ("United States" for "USA"; the last word is often left out).
    /// </summary>
    public static HashSet<string> Initials(Article article)
    {
        var initials = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in article.Paragraphs.Prepend(article.Title))
        {
            var run = new System.Text.StringBuilder();
            foreach (var token in TextAnalyzer.Tokens(text).Append(""))
            {
                // A capitalised stop word ("The" opening a sentence) starts no name; inside one it is a joiner ("Bank of The …" aside).
                if (token.Length > 1 && char.IsUpper(token[0]) && !token.All(char.IsUpper) && !(run.Length == 0 && TextAnalyzer.IsStopWord(token)))
                {
                    run.Append(token[0]);
                    continue;
                }

                if (token is "of" or "and" or "for" or "the" or "von" or "für" or "der" or "des" or "und" && run.Length > 0)
                {
                    continue;
                }

                if (run.Length >= 2)
                {
                    initials.Add(run.ToString());
                }

                run.Clear();
            }
        }

        return initials;
    }
}
