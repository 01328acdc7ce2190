using System.Text.RegularExpressions;

namespace NewsBot.Retrieval.Articles;

/// <summary>
/// Page leftovers that must never reach a title, an answer or a summary. Labels such as "Teilen", "Read more" or
/// "Lesen Sie auch" count only as a whole line or before a colon, so a sentence that merely begins with the same word
/// ("Teilen der Bevölkerung …") stays.
/// </summary>
public static partial class Boilerplate
{
    /// <summary>
    /// One pattern in two: the whole-line labels are tried at the start only, the phrases found anywhere through a search for
    /// their literal words; together they match exactly what their alternation did, which tried every position of every
    /// short paragraph against both (a tenth of parsing an article).
    /// </summary>
    public static bool IsBoilerplate(string text) => text.Length < 200 && (Label().IsMatch(text) || Phrase().IsMatch(text));

    [GeneratedRegex(
        @"^(anzeige|werbung|advertisement)$|^(lesen sie auch|mehr zum thema|read more|related( articles| stories)?|share this( article)?|teilen|artikel teilen)\s*(:.*|[.…]*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(
        @"aktivieren sie (bitte )?javascript|javascript (ist )?deaktiviert|enable javascript|javascript is disabled|cookie|datenschutz(erklärung|einstellungen)|privacy policy|alle rechte vorbehalten|all rights reserved|newsletter (abonnieren|bestellen)|subscribe to our newsletter",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();
}
