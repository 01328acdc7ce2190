using System.Globalization;
using System.Runtime.CompilerServices;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>
/// The names of the world's countries as terms, for questions that ask for one ("In what country …", "Welche Nation …"):
/// the English and native names from the platform's region data (every specific culture's <see cref="RegionInfo"/>), with
/// their full translations through the dictionary ("Brazil" → "Brasilien"), so no list of countries is kept here. Names of
/// one word only: a word of "United States" or "Vereinigte Staaten" names no country alone.
/// </summary>
internal static class Countries
{
    private static readonly Lazy<HashSet<string>> Names = new(ReadNames);

    private static readonly ConditionalWeakTable<QueryTranslator, HashSet<string>> ByTranslator = [];

    public static IReadOnlySet<string> Terms(QueryTranslator translator) => ByTranslator.GetValue(translator, Build);

    private static HashSet<string> Build(QueryTranslator translator)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Names.Value)
        {
            AddNameTerms(terms, name, translator);
        }

        return terms;
    }

    /// <summary>
    /// Adds a country's name as terms: its own term and its full translations only ("Brazil" → "Brasilien"), as for an
    /// asked place: a side sense names anything.
    /// </summary>
    internal static void AddNameTerms(HashSet<string> terms, string name, QueryTranslator translator)
    {
        if (TextAnalyzer.Term(name) is { } term)
        {
            terms.Add(term);
        }

        var concepts = translator.Plan(new SearchQuery(name), _ => true);
        var whole = concepts.Count == 0 ? 0 : concepts.Max(c => c.Weight);
        terms.UnionWith(concepts.Where(c => c.Weight >= whole).SelectMany(c => c.Terms.Where(t => t.Value >= 1).Select(t => t.Key)));
    }

    private static HashSet<string> ReadNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var region in Regions.OfSpecificCultures())
        {
            // Regions of the world ("World", "Europe", "Latin America") have numeric codes: they are no countries.
            if (!region.TwoLetterISORegionName.All(char.IsLetter))
            {
                continue;
            }

            foreach (var name in new[] { region.EnglishName, region.NativeName })
            {
                if (name.Length > 2 && name.All(char.IsLetter))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }
}
