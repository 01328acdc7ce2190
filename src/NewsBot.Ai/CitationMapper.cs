using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;

namespace NewsBot.Ai;

/// <summary>
/// Maps the model's source numbers to the reply's citations. Only sources the text cites become citations,
/// numbered 1, 2, ... in order of first mention; several cited passages of one article share its number.
/// Numbers that name no source are removed rather than shown as dangling references.
/// </summary>
public static partial class CitationMapper
{
    // [1], [1, 3], [2; 4], with optional spaces.
    [GeneratedRegex(@"\s?\[\s*(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\s*\]", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    // A marker that is still arriving at the end of a stream: "[", "[1", "[1, ".
    [GeneratedRegex(@"\s?\[[\d,;\s]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PartialMarker();

    public static (string Text, IReadOnlyList<Citation> Citations) Map(string text, IReadOnlyList<Article> sources)
    {
        var numberByArticle = new Dictionary<string, int>(StringComparer.Ordinal);
        var citations = new List<Citation>();
        var mapped = Marker().Replace(text, match =>
        {
            var numbers = new List<int>();
            foreach (var part in match.Groups[1].Value.Split([',', ';']))
            {
                var n = int.Parse(part.Trim(), CultureInfo.InvariantCulture);
                if (n < 1 || n > sources.Count)
                {
                    continue;
                }

                var article = sources[n - 1];
                if (!numberByArticle.TryGetValue(article.Id, out var number))
                {
                    number = citations.Count + 1;
                    numberByArticle[article.Id] = number;
                    citations.Add(new Citation(number, article.Id, article.Title, article.Date, article.Source, article.Url));
                }

                if (!numbers.Contains(number))
                {
                    numbers.Add(number);
                }
            }

            if (numbers.Count == 0)
            {
                return "";
            }

            var sb = new StringBuilder(match.Value.StartsWith(' ') ? " " : "");
            foreach (var number in numbers)
            {
                sb.Append('[').Append(number.ToString(CultureInfo.InvariantCulture)).Append(']');
            }

            return sb.ToString();
        });

        return (mapped, citations);
    }

    /// <summary>For a stream: also hides a marker that has not closed yet, so the shown text never jumps.</summary>
    public static string MapPartial(string text, IReadOnlyList<Article> sources) =>
        Map(PartialMarker().Replace(text, ""), sources).Text;

    /// <summary>Removes source markers, for earlier answers sent back as history (their numbers meant other sources).</summary>
    public static string RemoveMarkers(string text) => Marker().Replace(text, "");
}
