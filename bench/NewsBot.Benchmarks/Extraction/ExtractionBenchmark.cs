using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using NewsBot.Retrieval.Articles.Html;

namespace NewsBot.Benchmarks.Extraction;

/// <summary>
/// Article-body extraction on ../shared/datasets/article-extraction-dev (91 pages with the gold body), scored with the
/// benchmark's shingle metric. The pages are split by sorted id, every other one: the tuning half (even positions) and the
/// held-out half (odd positions) are reported separately, each for NewsBot's extractor and the page's whole text.
/// <c>extraction [--smoke] [--datasets DIR] [--worst N] [--show ID]</c>.
/// </summary>
public static class ExtractionBenchmark
{
    public static int Run(string[] args)
    {
        var datasets = Option(args, "--datasets") ?? Path.Combine(Retrieval.RetrievalBenchmark.RepositoryRoot(), "..", "shared", "datasets");
        var folder = Path.Combine(datasets, "article-extraction-dev");
        var goldFile = Path.Combine(folder, "ground-truth.json");
        if (!File.Exists(goldFile))
        {
            Console.Error.WriteLine($"extraction: {goldFile} not found (pass --datasets DIR)");
            return 2;
        }

        using var gold = JsonDocument.Parse(File.ReadAllText(goldFile));
        var ids = gold.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        if (args.Contains("--smoke"))
        {
            ids = ids.Take(4).ToList();
        }

        if (Option(args, "--show") is { } show)
        {
            var id = ids.Single(i => i.StartsWith(show, StringComparison.Ordinal));
            var page = HtmlArticleExtractor.Extract(ReadHtml(folder, id), gold.RootElement.GetProperty(id).GetProperty("url").GetString());
            Console.WriteLine($"title: {page.Title}\ndate: {page.Date}\nurl: {page.Url}\nauthor: {page.Author}\nlanguage: {page.Language}\n");
            Console.WriteLine(page.Text);
            return 0;
        }

        var rows = new List<(string Id, int Half, ShingleMetric.PageScore Ours, ShingleMetric.PageScore Whole, ShingleMetric.PageScore Reader)>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            var entry = gold.RootElement.GetProperty(id);
            var body = entry.GetProperty("articleBody").GetString() ?? "";
            var html = ReadHtml(folder, id);
            var ours = HtmlArticleExtractor.Extract(html, entry.GetProperty("url").GetString()).Text;
            var url = entry.GetProperty("url").GetString()!;
            var readerAlone = new SmartReader.Reader(url, html).GetArticle().TextContent ?? "";
            rows.Add((id, i % 2, ShingleMetric.Score(body, ours), ShingleMetric.Score(body, WholeText(html)), ShingleMetric.Score(body, readerAlone)));
        }

        var elapsed = watch.Elapsed;
        Console.WriteLine($"Article-body extraction, {ids.Count} pages ({elapsed.TotalMilliseconds / ids.Count:F1} ms per page incl. the baselines)");
        Console.WriteLine("| system | half | pages | precision | recall | F1 |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var (name, pick) in new (string, Func<(string, int, ShingleMetric.PageScore, ShingleMetric.PageScore, ShingleMetric.PageScore), ShingleMetric.PageScore>)[]
                 {
                     ("NewsBot (AngleSharp + SmartReader)", r => r.Item3),
                     ("SmartReader 0.11.1 alone (its TextContent)", r => r.Item5),
                     ("page's whole text", r => r.Item4),
                 })
        {
            foreach (var (label, half) in new[] { ("tuning (even)", 0), ("held-out (odd)", 1), ("all", -1) })
            {
                var scores = rows.Where(r => half < 0 || r.Half == half).Select(pick).ToList();
                var (p, rc, f1) = ShingleMetric.Aggregate(scores);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {label} | {scores.Count} | {p:F3} | {rc:F3} | {f1:F3} |"));
            }
        }

        if (Option(args, "--dump") is { } dump)
        {
            File.WriteAllLines(dump, rows.Where(r => r.Half == 0).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id[..12]} {r.Ours.Precision:F3} {r.Ours.Recall:F3}")));
        }

        if (int.TryParse(Option(args, "--worst"), CultureInfo.InvariantCulture, out var worst))
        {
            // Only the tuning half is listed, so the held-out half stays unseen.
            foreach (var row in rows.Where(r => r.Half == 0).OrderBy(r => r.Ours.Precision + r.Ours.Recall).Take(worst))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Id[..12]} P={row.Ours.Precision:F2} R={row.Ours.Recall:F2}"));
            }
        }

        return 0;
    }

    private static string ReadHtml(string folder, string id)
    {
        using var gz = new GZipStream(File.OpenRead(Path.Combine(folder, "html", id + ".html.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The baseline: every text of the body without scripts and styles.</summary>
    private static string WholeText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("script, style, noscript, template").ToList())
        {
            element.Remove();
        }

        return document.Body?.TextContent ?? "";
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
