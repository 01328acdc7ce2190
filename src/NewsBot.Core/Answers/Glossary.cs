using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>
/// The asker's form of a short answer taken from an article in the other language: numbers in the other language's
/// notation ("12.500" → "12,500"), places and names through the exonym table that name folding uses ("Riad" → "Riyadh"),
/// and the closed classes that carry a date, a time or an amount (months and weekdays, units of time, scales, the
/// prepositions that bound a time: "innerhalb von 24 Stunden" → "within 24 hours"). Other words stay as they are; null when
/// nothing changes.
/// </summary>
internal static partial class Glossary
{
    /// <param name="facts">The phrase is a date, time or amount: its calendar, unit and scale words are translated too.
    /// Never for names ("Theresa May", "Kerstin Freitag").</param>
    /// <param name="counted">The noun a how-many question counts, as the asker wrote it, and whether a word of the phrase is
    /// that noun: "rund 130 Webseiten" for "How many websites …" is "about 130 websites", not "about 130 Webseiten".</param>
    public static string? Gloss(string phrase, Language from, bool facts = true, (string Noun, Func<string, bool> Is)? counted = null)
    {
        // "fifteen years ago" is "vor fünfzehn Jahren" and back: the languages put the word on different sides (German in
        // the dative).
        if (facts && from == Language.English && phrase.EndsWith(" ago", StringComparison.Ordinal))
        {
            var span = phrase[..^" ago".Length];
            var inner = Gloss(span, from, facts, counted) ?? span;
            return "vor " + (inner.Split(' ')[^1] is "Jahre" or "Tage" or "Monate" ? inner + "n" : inner);
        }

        if (facts && from == Language.German && phrase.StartsWith("vor ", StringComparison.Ordinal) && AnswerTypes.NamesNumber(phrase.Split(' ')[1]))
        {
            var span = phrase["vor ".Length..];
            return (Gloss(span, from, facts, counted) ?? span) + " ago";
        }

        var direction = from == Language.German ? TranslationDirection.GermanToEnglish : TranslationDirection.EnglishToGerman;
        // English writes the month first ("on March 8, 2020"), German the day ("am 8. März 2020"): an English date is
        // reordered whole, and what stands around it glossed as any other words. (German dates read word by word already
        // give an English order: "3. März 2025" → "3 March 2025".)
        if (facts && from == Language.English && EnglishDate.Match(phrase) is { Success: true } date
            && FactWords.Translate(date.Groups["m"].Value, direction) is { Length: > 0 } month)
        {
            var year = date.Groups["y"].Success ? " " + date.Groups["y"].Value : "";
            var before = phrase[..date.Index].Trim();
            return string.Join(' ', new[] { string.Equals(before, "on", StringComparison.OrdinalIgnoreCase) ? "am" : Around(before),
                $"{date.Groups["d"].Value}. {month}{year}", Around(phrase[(date.Index + date.Length)..]) }.Where(p => p.Length > 0));

            string Around(string text) => text.Trim() is { Length: > 0 } part ? Gloss(part, from, facts, counted) ?? part : "";
        }

        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(words.Length);
        var changed = false;
        var afterOne = false;
        var countedBefore = false;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            // Two words that are one qualifier ("at least" → "mindestens", "up to").
            if (facts && i + 1 < words.Length && FactWords.Translate(word + " " + words[i + 1], direction) is { Length: > 0 } pair)
            {
                result.Add(pair);
                changed = true;
                i++;
                continue;
            }

            // "16.30 Uhr" is a time of day, not the number 16.30: "16:30" (and "16 Uhr" is "16:00").
            if (from == Language.German && i + 1 < words.Length && words[i + 1].TrimEnd('.', ',', ';', ':') == "Uhr" && ClockTime().Match(word) is { Success: true } clock)
            {
                result.Add(clock.Groups["h"].Value + ":" + (clock.Groups["m"].Success ? clock.Groups["m"].Value : "00"));
                changed = true;
                i++;
                continue;
            }

            // "fünf bis zehn Prozent": between two numbers "bis" is a range ("five to ten percent"), not a time's end.
            var range = from == Language.German && word == "bis" && i > 0 && i + 1 < words.Length && AnswerTypes.NamesNumber(words[i - 1]) && AnswerTypes.NamesNumber(words[i + 1]);
            var isCounted = !range && counted is { } c && c.Is(word.Trim('.', ',', ';', ':'));
            // A counted noun one language writes in two words and the other in one ("square kilometres", "Quadratkilometer")
            // is named once.
            if (isCounted && countedBefore)
            {
                changed = true;
                continue;
            }

            countedBefore = isCounted;
            var glossed = range ? "to" : isCounted ? counted!.Value.Noun : Word(word, direction, facts, afterOne);
            // "mindestens 56 deaths": a gloss that leaves what a number counts in the other language is half in each language;
            // the phrase alone says more.
            if (!isCounted && !range && glossed == word && IsOrdinaryWord(word) && i > 0 && AnswerTypes.NamesNumber(words[i - 1]))
            {
                return null;
            }

            afterOne = word is "1" or "one" or "a" or "an" or "eine" or "einer";
            changed |= glossed.Length > 0 && !string.Equals(glossed, word.Trim('.', ',', ';', ':'), StringComparison.OrdinalIgnoreCase);
            if (glossed.Length > 0)
            {
                result.Add(glossed);
            }
        }

        return changed && result.Count > 0 ? string.Join(' ', result) : null;
    }

    /// <summary>A lower-case word of letters only, longer than a unit's abbreviation ("km", "pct" and "dlrs" are glossed or kept as units).</summary>
    private static bool IsOrdinaryWord(string word) => word.Length > 4 && word.All(char.IsLower);

    private static string Word(string word, TranslationDirection direction, bool facts, bool afterOne)
    {
        var core = word.Trim('.', ',', ';', ':', '(', ')', '"', '»', '«', '„', '“');
        if (core.Length == 0)
        {
            return word;
        }

        // "70-jähriger" is "70-year-old" and back.
        if (AgeAdjective().Match(core) is { Success: true } age)
        {
            return Number(age.Groups["n"].Value) + (direction == TranslationDirection.GermanToEnglish ? "-year-old" : "-jährige");
        }

        if (char.IsDigit(core[0]))
        {
            return Number(core);
        }

        if (facts && FactWords.Translate(core, direction, afterOne) is { } fact)
        {
            return fact;
        }

        if (direction == TranslationDirection.GermanToEnglish && char.IsLower(core[0]))
        {
            // Lowercase German words around an amount or date are qualifiers and prepositions ("rund", "innerhalb von"),
            // whose commonest dictionary sense is often the wrong one ("rund" → "round"): the gloss keeps the facts.
            return "";
        }

        var normal = TextAnalyzer.Normalize(core);
        if (TextAnalyzer.ExonymOf(normal) is { } exonym)
        {
            return Capitalise(exonym);
        }

        // The dictionary stores its words as folded index terms ("vahlkampf", "shnell"), not in a form to show a reader:
        // only what has a readable other form (numbers, the exonym table's places and names) is glossed.
        return TextAnalyzer.IsStopWord(core) ? "" : core;
    }

    /// <summary>German "12.500" / "3,17" and English "12,500" / "3.17": the separators swap.</summary>
    private static string Number(string number)
    {
        var sb = new StringBuilder(number.Length);
        foreach (var c in number)
        {
            sb.Append(c switch
            {
                '.' => ',',
                ',' => '.',
                _ => c,
            });
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?<n>\d+)-(?:[jJ]ährig\w*|year-old)$")]
    private static partial Regex AgeAdjective();

    [GeneratedRegex(@"^(?<h>[01]?\d|2[0-4])(?:[.:](?<m>[0-5]\d))?$")]
    private static partial Regex ClockTime();

    /// <summary>An English month and day, with the year when it follows ("March 8", "March 8th, 2020"); month names from the culture data.</summary>
    private static readonly Regex EnglishDate = new(
        $@"\b(?<m>{string.Join('|', CultureInfo.GetCultureInfo("en-US").DateTimeFormat.MonthNames.Where(m => m.Length > 0))})\s(?<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s(?<y>\d{{4}})\b)?",
        RegexOptions.CultureInvariant);

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
