using System.Globalization;
using System.Text;
using NewsBot.Retrieval.Articles;

namespace NewsBot.Benchmarks.Perf;

/// <summary>A source article read from the shared datasets, before it is written out as a corpus file.</summary>
internal sealed record SourceArticle(string Key, bool German, string? Title, string? Url, IReadOnlyList<string> Paragraphs)
{
    /// <summary>The article's own date (yyyy-MM-dd) when the source gives one; else the writer makes one up.</summary>
    public string? Date { get; init; }
}

/// <summary>
/// Builds benchmark corpora from ../shared/datasets (10kGNAD German test split, Wikinews English), replicated with varied ids
/// and dates to the wanted size, written as ordinary article files into a temporary folder (never into the repository).
/// </summary>
internal static class BenchCorpus
{
    public static string SharedDatasets(string repositoryRoot) => Path.GetFullPath(Path.Combine(repositoryRoot, "..", "shared", "datasets"));

    public static List<SourceArticle> ReadSources(string datasets)
    {
        var german = new List<SourceArticle>();
        var gnad = Path.Combine(datasets, "10kgnad", "test.csv");
        var row = 0;
        foreach (var fields in Csv.Read(File.ReadAllText(gnad, Encoding.UTF8), ';', '\''))
        {
            if (fields.Count < 2 || fields[1].Length < 200)
            {
                continue;
            }

            // One long line per article: the teaser sentence becomes the lead, the rest paragraphs of three sentences.
            var sentences = Sentences.Split(fields[1]);
            var paragraphs = new List<string>();
            if (sentences.Count > 0)
            {
                paragraphs.Add(sentences[0]);
            }

            for (var i = 1; i < sentences.Count; i += 3)
            {
                paragraphs.Add(string.Join(' ', sentences.Skip(i).Take(3)));
            }

            german.Add(new SourceArticle($"gnad-{row++:D4}", true, null, null, paragraphs));
        }

        var english = new List<SourceArticle>();
        foreach (var file in Directory.GetFiles(Path.Combine(datasets, "wikinews-en"), "*.csv").Order(StringComparer.Ordinal))
        {
            var first = true;
            foreach (var fields in Csv.Read(File.ReadAllText(file, Encoding.UTF8), ',', '"'))
            {
                if (first || fields.Count < 4)
                {
                    first = false;
                    continue;
                }

                var paragraphs = fields[3].Replace("\r\n", "\n", StringComparison.Ordinal)
                    .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(p => p.ReplaceLineEndings(" "))
                    .Where(p => p.Length > 0)
                    .ToList();
                if (paragraphs.Count > 0)
                {
                    english.Add(new SourceArticle($"wn-{english.Count:D4}", false, fields[2], fields[0], paragraphs));
                }
            }
        }

        german.RemoveAll(a => !Parses(a));
        english.RemoveAll(a => !Parses(a));

        // Interleave the languages in their proportion, so any prefix of the corpus holds both.
        var all = new List<SourceArticle>(german.Count + english.Count);
        int g = 0, e = 0;
        while (g < german.Count || e < english.Count)
        {
            var takeGerman = e >= english.Count || (g < german.Count && (double)g / german.Count <= (double)e / english.Count);
            all.Add(takeGerman ? german[g++] : english[e++]);
        }

        return all;
    }

    /// <summary>Writes <paramref name="count"/> article files (replicas get new ids and dates); returns the bytes written.</summary>
    public static long Write(string folder, IReadOnlyList<SourceArticle> sources, int count)
    {
        Directory.CreateDirectory(folder);
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var source = sources[i % sources.Count];
            var replica = i / sources.Count;
            var id = replica == 0 ? source.Key : $"{source.Key}-r{replica}";
            var date = source.Date ?? new DateOnly(2019, 1, 1).AddDays(i % 2000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var (fileName, text) = Render(source, id, date);
            var data = Encoding.UTF8.GetBytes(text);
            File.WriteAllBytes(Path.Combine(folder, fileName), data);
            bytes += data.Length;
        }

        return bytes;
    }

    /// <summary>German articles in the raw corpus form (date line with page leftovers, then paragraphs); English as Markdown with front matter.</summary>
    public static (string FileName, string Text) Render(SourceArticle source, string id, string date)
    {
        if (source.German)
        {
            return (id + ".txt", $"date {date} Bitte aktivieren Sie Javascript\n\n" + string.Join("\n\n", source.Paragraphs) + "\n");
        }

        var title = (source.Title ?? id).Replace("\"", "'", StringComparison.Ordinal);
        return (id + ".md", $"---\ntitle: \"{title}\"\ndate: {date}\n" + (source.Url is null ? "" : $"url: {source.Url}\n") + "---\n\n" + string.Join("\n\n", source.Paragraphs) + "\n");
    }

    /// <summary>Only sources the parser accepts, so N files make N articles.</summary>
    private static bool Parses(SourceArticle source)
    {
        var (fileName, text) = Render(source, source.Key, "2020-01-01");
        try
        {
            _ = ArticleParser.Parse(source.Key, fileName, text);
            return true;
        }
        catch (ArticleParseException)
        {
            return false;
        }
    }

    /// <summary>Ask-style questions made from the corpus: a few words of a random sentence, framed as a question.</summary>
    public static List<string> Questions(IReadOnlyList<SourceArticle> sources, int count, int seed)
    {
        var random = new Random(seed);
        var questions = new List<string>(count);
        while (questions.Count < count)
        {
            var source = sources[random.Next(sources.Count)];
            var sentences = Sentences.Split(source.Paragraphs[random.Next(source.Paragraphs.Count)]);
            var words = sentences[random.Next(sentences.Count)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 6)
            {
                continue;
            }

            var length = random.Next(3, 7);
            var start = random.Next(words.Length - length);
            var phrase = string.Join(' ', words.Skip(start).Take(length)).Trim('.', ',', ';', ':', '"', '„', '“');
            questions.Add(source.German ? $"Was ist mit {phrase}?" : $"What about {phrase}?");
        }

        return questions;
    }
}

/// <summary>A small CSV reader: one separator, one quote character (doubled inside quotes), quoted fields may span lines.</summary>
internal static class Csv
{
    public static IEnumerable<List<string>> Read(string text, char separator, char quote)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == quote && i + 1 < text.Length && text[i + 1] == quote)
                {
                    field.Append(quote);
                    i++;
                }
                else if (c == quote)
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                continue;
            }

            if (c == quote && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                atFieldStart = true;
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
