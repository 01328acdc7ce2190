using System.Globalization;

namespace NewsBot.Core.Answers;

/// <summary>
/// Whether an amount is money: it carries a currency symbol, code or name. The symbols, ISO codes and names come from the
/// platform's region data (every specific culture's <see cref="RegionInfo"/>: "€", "EUR", "US Dollar", "Schweizer Franken"),
/// so no list of currencies is kept here; a name counts by its last word ("Dollar" of "US Dollar"), plural or not.
/// </summary>
internal static class Currencies
{
    private static readonly Lazy<(HashSet<string> Words, string[] Symbols)> Known = new(Build);

    /// <summary>The phrase names a currency: "rund 14 Millionen Euro", "$3.5 billion", "48 million euros", "CHF 20".</summary>
    public static bool Names(string phrase)
    {
        var (words, symbols) = Known.Value;
        foreach (var word in phrase.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var bare = word.Trim('.', ',', ';', ':', '(', ')');
            if (words.Contains(bare) || (bare.EndsWith('s') && words.Contains(bare[..^1])))
            {
                return true;
            }
        }

        return symbols.Any(s => phrase.Contains(s, StringComparison.Ordinal));
    }

    private static (HashSet<string>, string[]) Build()
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            words.Add(region.ISOCurrencySymbol);
            foreach (var name in new[] { region.CurrencyEnglishName, region.CurrencyNativeName })
            {
                // "US Dollar", "Schweizer Franken": the last word is the currency.
                if (name.Split(' ', '-').LastOrDefault(w => w.Length > 2 && char.IsLetter(w[0])) is { } last)
                {
                    words.Add(last);
                }
            }

            // Letters-only symbols ("kr", "zł") are words; others ("€", "$", "US$") are found anywhere in the phrase.
            if (region.CurrencySymbol.Length > 0 && !region.CurrencySymbol.All(char.IsLetter))
            {
                symbols.Add(region.CurrencySymbol);
            }
            else if (region.CurrencySymbol.Length > 1)
            {
                words.Add(region.CurrencySymbol);
            }
        }

        // German names of other countries' currencies are not in any region's data ("Pfund"): the short answers' own word pairs.
        foreach (var word in new[] { "Euro", "Dollar", "Pfund" })
        {
            words.Add(word);
        }

        return (words, symbols.ToArray());
    }
}
