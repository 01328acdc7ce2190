using System.Text.RegularExpressions;

namespace NewsBot.Core.Articles;

/// <summary>Page leftovers that must never reach a title, an answer or a summary.</summary>
public static partial class Boilerplate
{
    public static bool IsBoilerplate(string text) => text.Length < 200 && Pattern().IsMatch(text);

    [GeneratedRegex(
        @"(aktivieren sie (bitte )?javascript|javascript (ist )?deaktiviert|enable javascript|javascript is disabled|cookie|datenschutz(erklärung|einstellungen)|privacy policy|alle rechte vorbehalten|all rights reserved|^(anzeige|werbung|advertisement)$|^(lesen sie auch|mehr zum thema|read more|related|share this|teilen)\b|newsletter (abonnieren|bestellen)|subscribe to our newsletter)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
