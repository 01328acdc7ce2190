using System.Text.RegularExpressions;

namespace NewsBot.Retrieval.Articles;

/// <summary>
/// Page leftovers that must never reach a title, an answer or a summary. Labels such as "Teilen", "Read more" or
/// "Lesen Sie auch" count only as a whole line or before a colon, so a sentence that merely begins with the same word
/// ("Teilen der Bevölkerung …") stays.
/// </summary>
public static partial class Boilerplate
{
    public static bool IsBoilerplate(string text) => text.Length < 200 && Pattern().IsMatch(text);

    [GeneratedRegex(
        @"(aktivieren sie (bitte )?javascript|javascript (ist )?deaktiviert|enable javascript|javascript is disabled|cookie|datenschutz(erklärung|einstellungen)|privacy policy|alle rechte vorbehalten|all rights reserved|^(anzeige|werbung|advertisement)$|^(lesen sie auch|mehr zum thema|read more|related( articles| stories)?|share this( article)?|teilen|artikel teilen)\s*(:.*|[.…]*)$|newsletter (abonnieren|bestellen)|subscribe to our newsletter)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
