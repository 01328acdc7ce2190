using System.Globalization;
using System.Runtime.CompilerServices;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>
/// The country a language is named after, from the platform's culture data: "Polish" → "Poland" (pl → pl-PL), "Danish" →
/// "Denmark", as terms with the country's full translations ("Polen"). English names a people's adjective as its language,
/// so "In which Polish town …" asks about Poland, which an article may name only as the country.
/// </summary>
internal static class LanguageCountries
{
    private static readonly Lazy<Dictionary<string, string>> Names = new(ReadNames);

    private static readonly ConditionalWeakTable<QueryTranslator, Dictionary<string, HashSet<string>>> ByTranslator = [];

    /// <summary>The country terms by the term of the language's English name.</summary>
    public static IReadOnlyDictionary<string, HashSet<string>> Terms(QueryTranslator translator) => ByTranslator.GetValue(translator, Build);

    private static Dictionary<string, HashSet<string>> Build(QueryTranslator translator)
    {
        var terms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (language, country) in Names.Value)
        {
            if (TextAnalyzer.Term(language) is not { } key)
            {
                continue;
            }

            Countries.AddNameTerms(terms.TryGetValue(key, out var known) ? known : terms[key] = new HashSet<string>(StringComparer.Ordinal), country, translator);
        }

        return terms;
    }

    private static Dictionary<string, string> ReadNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in CultureInfo.GetCultures(CultureTypes.NeutralCultures).Where(c => c.Name.Length == 2))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(CultureInfo.CreateSpecificCulture(language.Name).Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            // Only a language named after its country: "Portuguese" is spoken mostly in Brazil (pt → pt-BR), which it does
            // not name; the names share their first letter where one is made from the other ("Danish", "Denmark").
            var name = language.EnglishName;
            var country = region.EnglishName;
            if (name.All(char.IsLetter) && country.All(char.IsLetter) && name[0] == country[0])
            {
                names[name] = country;
            }
        }

        return names;
    }
}
