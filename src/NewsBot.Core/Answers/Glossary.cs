using System.Globalization;
using System.Text;
using NewsBot.Core.Languages;
using NewsBot.Core.Search;

namespace NewsBot.Core.Answers;

/// <summary>
/// The asker's form of a short answer taken from an article in the other language: numbers in the other language's
/// notation ("12.500" → "12,500"), place names through the exonym table ("Riad" → "Riyadh"), and other words through
/// the bilingual dictionary's most frequent translation ("Stunden" → "hour", "Juli" → "july"). Names it knows no other
/// form of stay as they are; null when nothing changes.
/// </summary>
internal static class Glossary
{
    public static string? Gloss(string phrase, Language from, BilingualDictionary? dictionary, bool name)
    {
        var direction = from == Language.German ? TranslationDirection.GermanToEnglish : TranslationDirection.EnglishToGerman;
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new List<string>(words.Length);
        var changed = false;
        foreach (var word in words)
        {
            var glossed = Word(word, direction, dictionary, name);
            changed |= !string.Equals(glossed, word, StringComparison.OrdinalIgnoreCase);
            if (glossed.Length > 0)
            {
                result.Add(glossed);
            }
        }

        return changed && result.Count > 0 ? string.Join(' ', result) : null;
    }

    private static string Word(string word, TranslationDirection direction, BilingualDictionary? dictionary, bool name)
    {
        var core = word.Trim('.', ',', ';', ':', '(', ')', '"', '»', '«', '„', '“');
        if (core.Length == 0)
        {
            return word;
        }

        if (char.IsDigit(core[0]))
        {
            return Number(core);
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

        if (dictionary is null || TextAnalyzer.Term(core) is not { } term)
        {
            // A stop word ("von", "am") has no gloss of its own; it is dropped rather than left untranslated.
            return TextAnalyzer.IsStopWord(core) ? "" : core;
        }

        var translations = dictionary.Translate(term, direction);
        var best = translations.Count > 0 ? translations[0].Terms : null;
        if (best is null || best.Contains(' ', StringComparison.Ordinal))
        {
            return core;
        }

        // A place or person keeps its capital in the other language ("Lissabon" → "Lisbon"); German nouns do not.
        return name && char.IsUpper(core[0]) ? Capitalise(best) : best;
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

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
