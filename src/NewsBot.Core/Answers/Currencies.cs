using System.Globalization;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>
/// Whether an amount is money: it carries a currency symbol, code or name. The symbols, ISO codes and names come from the
/// platform's region data (every specific culture's <see cref="RegionInfo"/>: "€", "EUR", "US Dollar", "Schweizer Franken"),
/// so no list of currencies is kept here; a name counts by its last word ("Dollar" of "US Dollar"), plural or not.
/// </summary>
internal static class Currencies
{
    private static readonly Lazy<(HashSet<string> Words, HashSet<string> Codes, string[] Symbols)> Known = new(Build);

    /// <summary>The phrase names a currency: "rund 14 Millionen Euro", "$3.5 billion", "48 million euros", "CHF 20".</summary>
    public static bool Names(string phrase)
    {
        var (words, codes, symbols) = Known.Value;
        var previous = "";
        foreach (var word in phrase.Split([' ', '-', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var bare = word.Trim('.', ',', ';', ':', '(', ')');
            if (codes.Contains(bare) || words.Contains(bare) || (bare.EndsWith('s') && words.Contains(bare[..^1]))
                || (OtherMoneyWords.Contains(bare) && !previous.Equals("per", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            previous = bare;
        }

        return symbols.Any(s => phrase.Contains(s, StringComparison.Ordinal));
    }

    /// <summary>
    /// A sum ends with its currency: "800 mln dlrs next" is "800 mln dlrs"; what it is per stays ("3,17 Cent pro
    /// Kilowattstunde"). A phrase without a currency word is returned as it is.
    /// </summary>
    public static string EndingWithCurrency(string phrase)
    {
        var words = phrase.Split(' ');
        // Only a currency after the number ends the sum: "CHF 20 Millionen" stays whole.
        var number = Array.FindIndex(words, w => w.Any(char.IsDigit));
        for (var i = words.Length - 2; i > number; i--)
        {
            if (words[i].Length > 0 && char.IsLetter(words[i][0]) && Names(words[i]))
            {
                return words[i + 1] is "per" or "pro" or "a" or "je" ? phrase : string.Join(' ', words[..(i + 1)]);
            }
        }

        return phrase;
    }

    /// <summary>
    /// The hundredths of the common currencies, which region data does not name ("3,17 Cent" the kilowatt hour; "per
    /// cent" is a percentage, not money), and the wire services' abbreviations of dollars and sterling ("800 mln dlrs",
    /// "500 mln stg").
    /// </summary>
    private static readonly HashSet<string> OtherMoneyWords = new(["cent", "cents", "pence", "penny", "Rappen", "dlr", "dlrs", "stg",
        // A currency region data does not know, named as one ("7.7 billion European Currency Units").
        "currency", "currencies", "Währung", "Währungen"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A currency code or symbol written just before a number ("CHF 20 Millionen", "¥500 million").</summary>
    public static bool IsPrefix(string token)
    {
        var (_, codes, symbols) = Known.Value;
        return codes.Contains(token) || symbols.Contains(token, StringComparer.Ordinal);
    }

    private static (HashSet<string>, HashSet<string>, string[]) Build()
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Codes only as written, in capitals: "ALL", "TOP" and "CUP" are codes, "all", "top" and "cup" are words.
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var symbols = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in Regions.OfSpecificCultures())
        {
            codes.Add(region.ISOCurrencySymbol);
            foreach (var name in new[] { region.CurrencyEnglishName, region.CurrencyNativeName })
            {
                // "US Dollar", "Schweizer Franken": the last word is the currency.
                if (name.Split(' ', '-').LastOrDefault(w => w.Length > 2 && char.IsLetter(w[0])) is { } last)
                {
                    words.Add(last);
                }
            }

            // Letters-only symbols ("kr", "Ft") count as written, like codes ("ft" is feet); others ("€", "$", "US$") are found
            // anywhere in the phrase. A symbol that is one of our languages' function words is that word: "den" (the denar)
            // in "auf den 1,98 Meter großen Klitschko" is an article.
            if (region.CurrencySymbol.Length > 0 && !region.CurrencySymbol.All(char.IsLetter))
            {
                symbols.Add(region.CurrencySymbol);
            }
            else if (region.CurrencySymbol.Length > 1 && !TextAnalyzer.IsStopWord(region.CurrencySymbol))
            {
                codes.Add(region.CurrencySymbol);
            }
        }

        // German names of other countries' currencies are not in any region's data ("Pfund"): the short answers' own word pairs.
        foreach (var word in new[] { "Euro", "Dollar", "Pfund" })
        {
            words.Add(word);
        }

        return (words, codes, symbols.ToArray());
    }
}
