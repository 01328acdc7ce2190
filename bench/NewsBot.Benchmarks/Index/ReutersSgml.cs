using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using NewsBot.Benchmarks.Perf;

namespace NewsBot.Benchmarks.Index;

/// <summary>
/// Reads the Reuters-21578 SGML files (research use only: read in place at bench time, written only to a temporary folder).
/// A story counts when its body has at least 300 characters; body paragraphs start on indented lines.
/// </summary>
internal static partial class ReutersSgml
{
    public const int MinBodyLength = 300;

    public static List<SourceArticle> Read(string folder)
    {
        var stories = new List<SourceArticle>();
        foreach (var file in Directory.GetFiles(folder, "reut2-*.sgm").Order(StringComparer.Ordinal))
        {
            // The files are ASCII with a few stray Latin-1 bytes.
            var text = File.ReadAllText(file, Encoding.Latin1);
            foreach (Match story in Story().Matches(text))
            {
                var body = Tag(story.Value, "BODY");
                if (body is null || body.Length < MinBodyLength)
                {
                    continue;
                }

                var title = Tag(story.Value, "TITLE");
                var date = Tag(story.Value, "DATE") is { } d && DateTime.TryParseExact(d.Trim()[..Math.Min(11, d.Trim().Length)], "d-MMM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : null;
                var paragraphs = Paragraphs(body);
                if (paragraphs.Count > 0)
                {
                    var id = NewId().Match(story.Value).Groups[1].Value;
                    stories.Add(new SourceArticle($"reuters-{id}", false, title is null ? null : Capitalise(title), null, paragraphs) { Date = date });
                }
            }
        }

        return stories;
    }

    private static string? Tag(string story, string name)
    {
        var start = story.IndexOf("<" + name + ">", StringComparison.Ordinal);
        var end = story.IndexOf("</" + name + ">", StringComparison.Ordinal);
        return start < 0 || end < start ? null : WebUtility.HtmlDecode(story[(start + name.Length + 2)..end]);
    }

    private static List<string> Paragraphs(string body)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var line in body.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && current.Length > 0)
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }

            var trimmed = line.Trim().Trim('\u0003');
            if (trimmed.Length > 0)
            {
                current.Append(current.Length > 0 ? " " : "").Append(trimmed);
            }
        }

        if (current.Length > 0)
        {
            paragraphs.Add(current.ToString());
        }

        // The sign-off "Reuter" is no paragraph.
        if (paragraphs.Count > 0 && paragraphs[^1].TrimEnd('.', ' ') is "Reuter" or "REUTER")
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        return paragraphs;
    }

    /// <summary>"BAHIA COCOA REVIEW" → "Bahia Cocoa Review": the wire's capitals read as a title.</summary>
    private static string Capitalise(string title) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(title.Trim().ToLowerInvariant()).Replace("\"", "'", StringComparison.Ordinal);

    [GeneratedRegex(@"<REUTERS[^>]*>.*?</REUTERS>", RegexOptions.Singleline)]
    private static partial Regex Story();

    [GeneratedRegex(@"NEWID=""(\d+)""")]
    private static partial Regex NewId();
}
