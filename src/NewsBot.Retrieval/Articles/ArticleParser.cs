using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsBot.Retrieval.Articles.Html;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Articles;

/// <summary>The file could not be turned into an article; the message says why.</summary>
public sealed class ArticleParseException(string message) : Exception(message)
{
    public ArticleParseException()
        : this("The article could not be parsed.")
    {
    }

    public ArticleParseException(string message, Exception innerException)
        : this(message + ": " + innerException.Message)
    {
    }
}

/// <summary>
/// Parses article files: the raw corpus form (a first line "date YYYY-MM[-DD]" plus page leftovers, then paragraphs),
/// Markdown (optional front matter, "# Title"), HTML, and plain text.
/// </summary>
public static partial class ArticleParser
{
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".txt", ".md", ".markdown", ".html", ".htm" };

    public static Article Parse(string id, string fileName, string content)
    {
        if (content.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArticleParseException("binary content, not an article");
        }

        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').TrimStart('\uFEFF');
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var draft = ext switch
        {
            ".html" or ".htm" => ParseHtml(text),
            ".md" or ".markdown" => ParseMarkdown(text),
            _ => ParsePlain(text),
        };

        if (draft.DeclaredLanguage is { } declared && declared is not ("de" or "en"))
        {
            // A page in a third language stays on disk, marked by its front matter, but is not indexed as German or English.
            throw new ArticleParseException($"language '{declared}' is neither German nor English; kept on disk, not indexed");
        }

        var blocks = draft.Blocks.Where(b => !Boilerplate.IsBoilerplate(b.Text)).ToList();
        // A leading heading-like line is the article's own title.
        var title = draft.Title;
        if (title is null && blocks.Count > 1 && blocks[0].Kind == BlockKind.Heading)
        {
            title = blocks[0].Text;
            blocks.RemoveAt(0);
        }

        while (blocks.Count > 0 && blocks[^1].Kind == BlockKind.Heading)
        {
            blocks.RemoveAt(blocks.Count - 1);
        }

        if (!blocks.Exists(b => b.Kind == BlockKind.Paragraph))
        {
            throw new ArticleParseException("no paragraphs of text");
        }

        var language = LanguageDetector.Detect(blocks.Take(6).Select(b => b.Text)) ?? Language.English;
        return new Article
        {
            Id = id,
            Title = title is { Length: > 0 } ? Clean(title) : TitleFromLead(blocks.First(b => b.Kind == BlockKind.Paragraph).Text),
            Date = draft.Date ?? "",
            Language = language,
            Blocks = blocks,
            Url = draft.Url,
            Source = draft.Url ?? fileName,
        };
    }

    private sealed record Draft(string? Title, string? Date, string? Url, List<ArticleBlock> Blocks)
    {
        /// <summary>The language the file declares (front matter "language:", &lt;html lang&gt;), as a two-letter code.</summary>
        public string? DeclaredLanguage { get; init; }
    }

    private static Draft ParsePlain(string text)
    {
        var lines = text.Split('\n').ToList();
        var front = FrontMatter(lines);
        var plain = ParseRaw(lines);
        return front == default
            ? plain
            : plain with { Title = front.Title, Date = front.Date ?? plain.Date, Url = front.Url, DeclaredLanguage = front.Language };
    }

    /// <summary>The raw form: an optional first line "date YYYY-MM[-DD] …", then paragraphs separated by blank lines.</summary>
    private static Draft ParseRaw(List<string> lines)
    {
        string? date = null;
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        if (first >= 0 && DateLine().Match(lines[first]) is { Success: true } m)
        {
            // The rest of the date line is page boilerplate ("Bitte aktivieren Sie Javascript"): dropped.
            date = NormalizeDate(m.Groups["date"].Value);
            lines.RemoveRange(0, first + 1);
        }

        return new Draft(null, date, null, BlocksFromLines(lines));
    }

    /// <summary>Front matter ("---" lines around "key: value" pairs: title, date, url, language), removed from the lines.</summary>
    private static (string? Title, string? Date, string? Url, string? Language) FrontMatter(List<string> lines)
    {
        string? title = null, date = null, url = null, language = null;
        if (lines.Count == 0 || lines[0].Trim() != "---")
        {
            return (title, date, url, language);
        }

        var end = lines.FindIndex(1, l => l.Trim() == "---");
        if (end < 0)
        {
            return (title, date, url, language);
        }

        foreach (var line in lines.Skip(1).Take(end - 1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim().Trim('"', '\'');
            switch (key)
            {
                case "title": title = value.Replace("\\\"", "\"", StringComparison.Ordinal); break;
                case "date": date = NormalizeDate(value); break;
                case "url" or "source" or "link": url = value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? value : null; break;
                case "language" or "lang": language = value.Length == 0 ? null : value.Split('-', '_')[0].Trim().ToLowerInvariant(); break;
            }
        }

        lines.RemoveRange(0, end + 1);
        return (title, date, url, language);
    }

    private static Draft ParseMarkdown(string text)
    {
        var lines = text.Split('\n').ToList();
        var (title, date, url, language) = FrontMatter(lines);
        var draft = ParseRaw(lines);
        date ??= draft.Date;
        var blocks = new List<ArticleBlock>();
        foreach (var block in draft.Blocks)
        {
            var t = block.Text;
            if (t.StartsWith('#'))
            {
                var level = t.TakeWhile(c => c == '#').Count();
                var heading = StripMarkdown(t[level..].Trim());
                if (level == 1 && title is null)
                {
                    title = heading;
                }
                else
                {
                    blocks.Add(new ArticleBlock(BlockKind.Heading, heading));
                }

                continue;
            }

            blocks.Add(block with { Text = StripMarkdown(t) });
        }

        return new Draft(title, date, url, blocks) { DeclaredLanguage = language };
    }

    /// <summary>HTML goes through the same extractor as fetched pages (<see cref="HtmlArticleExtractor"/>).</summary>
    private static Draft ParseHtml(string html)
    {
        var page = HtmlArticleExtractor.Extract(html);
        return new Draft(page.Title, page.Date, page.Url, page.Blocks.ToList()) { DeclaredLanguage = page.Language };
    }

    /// <summary>Lines joined into blocks at blank lines; a block of one line (most paragraphs) is cleaned as it is, not copied first.</summary>
    private static List<ArticleBlock> BlocksFromLines(IEnumerable<string> lines)
    {
        var blocks = new List<ArticleBlock>();
        var current = new StringBuilder();
        string? single = null;
        void Flush()
        {
            var t = Clean(single ?? current.ToString());
            current.Clear();
            single = null;
            if (t.Length > 0)
            {
                blocks.Add(new ArticleBlock(IsHeading(t) ? BlockKind.Heading : BlockKind.Paragraph, t));
            }
        }

        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush();
                continue;
            }

            // Cleaning trims, so a single line needs no trimming first; a second line starts the joined form.
            if (single is null && current.Length == 0)
            {
                single = line;
                continue;
            }

            if (single is not null)
            {
                current.Append(single.AsSpan().Trim());
                single = null;
            }

            current.Append(' ');
            current.Append(line.AsSpan().Trim());
        }

        Flush();
        return blocks;
    }

    /// <summary>A sub-heading is a short line without final punctuation.</summary>
    public static bool IsHeading(string text)
    {
        var t = text.Trim();
        if (t.Length is 0 or > 110 || t.StartsWith('#'))
        {
            return t.StartsWith('#');
        }

        var last = t[^1];
        if (".!?:;,»«\"“”…)".Contains(last, StringComparison.Ordinal))
        {
            return false;
        }

        // At most 16 words (runs of characters between spaces), counted without splitting.
        var words = 0;
        for (var i = 0; i < t.Length && words <= 16; i++)
        {
            words += t[i] != ' ' && (i == 0 || t[i - 1] == ' ') ? 1 : 0;
        }

        return words <= 16;
    }

    /// <summary>A title from the lead: the statement after a colon when the first sentence has one, else its opening clause.</summary>
    public static string TitleFromLead(string lead)
    {
        var sentences = Sentences.Split(lead);
        var sentence = sentences.Count > 0 ? sentences[0] : lead;
        var colon = sentence.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0)
        {
            var after = sentence[(colon + 2)..].Trim().TrimEnd('.', '!', '?');
            if (after.Length is >= 20 and <= 110)
            {
                return after;
            }
        }

        var t = sentence.TrimEnd('.', '!', '?');
        if (t.Length <= 100)
        {
            return t;
        }

        var cut = t.LastIndexOf(' ', 95);
        return t[..(cut > 40 ? cut : 95)].TrimEnd(',', ';', ':', ' ') + " …";
    }

    private static string NormalizeDate(string value)
    {
        var v = value.Trim();
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mmK", "dd.MM.yyyy"];
        if (DateTimeOffset.TryParseExact(v, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
        {
            return v.Length == 7 ? d.ToString("yyyy-MM", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return v.Length >= 10 && DateOnly.TryParse(v[..10], CultureInfo.InvariantCulture, out var day)
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : "";
    }

    /// <summary>Emphasis and links unwrapped; a text without their marks skips the expressions (they would return it as it is).</summary>
    private static string StripMarkdown(string text)
    {
        var unemphasised = text.AsSpan().IndexOfAny('*', '_') >= 0 ? MarkdownEmphasis().Replace(text, "$1") : text;
        return Clean(unemphasised.Contains('[', StringComparison.Ordinal) ? MarkdownLink().Replace(unemphasised, "$1") : unemphasised);
    }

    /// <summary>
    /// Runs of white space made one space, the ends trimmed: what <c>Regex.Replace(text, @"\s+", " ").Trim()</c> gives (both
    /// go by <see cref="char.IsWhiteSpace(char)"/>), without a new string when the text is clean already, as most paragraphs are.
    /// </summary>
    private static string Clean(string text)
    {
        var span = text.AsSpan().Trim();
        var clean = true;
        for (var i = 0; i < span.Length && clean; i++)
        {
            clean = !char.IsWhiteSpace(span[i]) || (span[i] == ' ' && !char.IsWhiteSpace(span[i + 1]));
        }

        if (clean)
        {
            return span.Length == text.Length ? text : span.ToString();
        }

        var result = new StringBuilder(span.Length);
        var space = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    [GeneratedRegex(@"^\s*date\s+(?<date>\d{4}-\d{2}(?:-\d{2})?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"[*_]{1,3}([^*_]+)[*_]{1,3}")]
    private static partial Regex MarkdownEmphasis();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex MarkdownLink();
}
