using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;

namespace NewsBot.Benchmarks.Retrieval;

/// <summary>
/// Retrieval quality on XQuAD (dev half: 120 paragraphs, 632 questions per language, identical ids in German and English):
/// recall@1 and recall@5 of the gold paragraph for de→de, en→en, en→de and de→en, alone and with the 10kGNAD test articles
/// as distractors; index time and query latency; the bot's index without and with the trans-de-en dictionary, and Lucene.Net.
/// <c>retrieval [--smoke] [--datasets DIR] [--dictionary PATH | --no-dictionary] [--only-dictionary] [--no-lucene] [--misses N]
/// [--plan QUESTION | --terms TEXT | --translate TERM | --plans FILE | --explain] [--ranks FILE]</c>; --ranks writes every question's rank of its gold paragraph
/// (one line per system, distractors, direction and question id; -1 when not in the top 5), to diff two builds question by question.
/// </summary>
public static class RetrievalBenchmark
{
    private static readonly (Language Question, Language Passage)[] Pairs =
    [
        (Language.German, Language.German),
        (Language.English, Language.English),
        (Language.English, Language.German),
        (Language.German, Language.English),
    ];

    public static Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var datasets = Option(args, "--datasets") ?? Path.Combine(RepositoryRoot(), "..", "shared", "datasets");
        var dictionaryPath = args.Contains("--no-dictionary") ? null : Option(args, "--dictionary") ?? SearchOptions.DefaultDictionaryPath;
        var misses = int.TryParse(Option(args, "--misses"), CultureInfo.InvariantCulture, out var m) ? m : 0;
        var ranksPath = Option(args, "--ranks");
        var output = Console.Out;

        var xquad = Path.Combine(datasets, "xquad-dev");
        if (!File.Exists(Path.Combine(xquad, "xquad.de.dev.json")))
        {
            Console.Error.WriteLine($"retrieval: XQuAD not found under {xquad} (pass --datasets DIR)");
            return Task.FromResult(2);
        }

        var german = XQuadDataset.Load(Path.Combine(xquad, "xquad.de.dev.json"), Language.German);
        var english = XQuadDataset.Load(Path.Combine(xquad, "xquad.en.dev.json"), Language.English);
        if (!german.Questions.Select(q => (q.Id, q.Article, q.Paragraph)).SequenceEqual(english.Questions.Select(q => (q.Id, q.Article, q.Paragraph))))
        {
            Console.Error.WriteLine("retrieval: the German and English XQuAD files do not align question by question");
            return Task.FromResult(2);
        }

        if (smoke)
        {
            german = german.Take(2);
            english = english.Take(2);
        }

        var gnadPath = Path.Combine(datasets, "10kgnad", "test.csv");
        var distractors = File.Exists(gnadPath) ? GnadDistractors.Load(gnadPath, smoke ? 40 : int.MaxValue) : [];

        var retrievers = new List<IRetriever>();
        if (!args.Contains("--only-dictionary"))
        {
            retrievers.Add(new NewsBotRetriever("NewsBot BM25, no dictionary", QueryTranslator.None));
        }

        BilingualDictionary? dictionary = null;
        if (dictionaryPath is not null && File.Exists(dictionaryPath))
        {
            var before = GC.GetTotalMemory(true);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            dictionary = BilingualDictionary.Load(dictionaryPath);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var bytes = GC.GetTotalMemory(true) - before;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Dictionary {dictionaryPath}: {dictionary.Entries:N0} entries, {dictionary.Phrases:N0} terms and phrases, {dictionary.GermanWordCount:N0} German words; loaded in {dictionary.LoadTime.TotalMilliseconds:0} ms ({cpu.TotalMilliseconds:0} ms CPU), {bytes / 1048576.0:0.0} MB managed heap."));
            retrievers.Add(new NewsBotRetriever("NewsBot BM25 + trans-de-en", QueryTranslator.From(dictionary)));
        }
        else
        {
            output.WriteLine($"Dictionary: none at {dictionaryPath ?? "(disabled)"}; only the plain index is measured.");
        }

        if (Option(args, "--plan") is { } planned && dictionary is not null)
        {
            // Shows how a question becomes weighted concepts against the German XQuAD index (for tuning).
            var index = CorpusIndex.Build([.. german.Articles, .. distractors], QueryTranslator.From(dictionary));
            foreach (var concept in QueryTranslator.From(dictionary).Plan(new SearchQuery(planned), index.Contains, index.WithPrefix))
            {
                output.WriteLine($"  {concept}");
            }

            return Task.FromResult(0);
        }

        if (Option(args, "--terms") is { } probe && dictionary is not null)
        {
            // Shows how a text becomes index terms (stems, compound parts), for tuning the analyzer.
            output.WriteLine(string.Join(" ", QueryTranslator.From(dictionary).TextTerms(probe)));
            output.WriteLine(string.Join(" ", TextAnalyzer.Tokens(probe).Select(t => $"{t}->{TextAnalyzer.Term(t)}")));
            return Task.FromResult(0);
        }

        if (Option(args, "--translate") is { } word && dictionary is not null)
        {
            // A term's translations as the dictionary keeps them, both directions, with their pair counts.
            foreach (var direction in new[] { TranslationDirection.EnglishToGerman, TranslationDirection.GermanToEnglish })
            {
                output.WriteLine($"{direction}: {string.Join(", ", dictionary.Translate(word, direction).Select(t => $"{t.Terms}:{t.Count}"))}");
            }

            return Task.FromResult(0);
        }

        if (Option(args, "--plans") is { } plansPath && dictionary is not null)
        {
            // Every question's concepts against the index with distractors, one line per direction and question id, to diff two builds.
            using var plans = new StreamWriter(plansPath);
            foreach (var (passages, passageLanguage) in new[] { (german, Language.German), (english, Language.English) })
            {
                var index = CorpusIndex.Build([.. passages.Articles, .. distractors], QueryTranslator.From(dictionary));
                foreach (var (questionLanguage, _) in Pairs.Where(p => p.Passage == passageLanguage))
                {
                    foreach (var q in (questionLanguage == Language.German ? german : english).Questions)
                    {
                        var concepts = QueryTranslator.From(dictionary).Plan(new SearchQuery(q.Text), index.Contains, index.WithPrefix);
                        plans.WriteLine($"{questionLanguage.ToCode()}→{passageLanguage.ToCode()}\t{q.Id}\t{string.Join(" ", concepts)}");
                    }
                }
            }

            return Task.FromResult(0);
        }

        if (args.Contains("--explain") && dictionary is not null)
        {
            ExplainMisses.Run(german, english, distractors, dictionary, output, 100);
            return Task.FromResult(0);
        }

        if (!args.Contains("--no-lucene"))
        {
            retrievers.Add(new LuceneRetriever());
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"XQuAD dev: {german.Articles.Sum(a => a.Blocks.Count)} paragraphs, {german.Questions.Count} questions per language; 10kGNAD distractors: {distractors.Count} articles, {distractors.Sum(a => a.Blocks.Count)} passages."));
        if (File.Exists("/proc/loadavg"))
        {
            // Timings are wall-clock: on a shared machine they say as much about the neighbours as about the index.
            output.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start.");
        }

        output.WriteLine();

        var rows = new List<Row>();
        using var ranks = ranksPath is null ? null : new StreamWriter(ranksPath);
        foreach (var retriever in retrievers)
        {
            using (retriever)
            {
                foreach (var withDistractors in distractors.Count > 0 ? new[] { false, true } : [false])
                {
                    rows.Add(Measure(retriever, german, english, withDistractors ? distractors : [], misses, output, ranks));
                }
            }
        }

        output.WriteLine(Table(rows));
        output.WriteLine(Falls(rows));
        return Task.FromResult(0);
    }

    private static Row Measure(IRetriever retriever, XQuadDataset german, XQuadDataset english, IReadOnlyList<Article> distractors, int misses, TextWriter output, TextWriter? ranks)
    {
        var recalls = new Dictionary<(Language, Language), (double R1, double R5)>();
        var indexTimes = new Dictionary<Language, double>();
        var latencies = new List<double>();
        foreach (var passageLanguage in new[] { Language.German, Language.English })
        {
            var target = passageLanguage == Language.German ? german : english;
            var watch = Stopwatch.StartNew();
            retriever.Index([.. target.Articles, .. distractors], passageLanguage);
            indexTimes[passageLanguage] = watch.Elapsed.TotalMilliseconds;

            // Warm up (JIT, first-use loading) outside the measurement.
            foreach (var q in target.Questions.Take(50))
            {
                retriever.Search(q.Text, 5);
            }

            foreach (var (questionLanguage, _) in Pairs.Where(p => p.Passage == passageLanguage))
            {
                var source = questionLanguage == Language.German ? german : english;
                int top1 = 0, top5 = 0, shown = 0;
                foreach (var question in source.Questions)
                {
                    var start = Stopwatch.GetTimestamp();
                    var keys = retriever.Search(question.Text, 5);
                    latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    var gold = XQuadDataset.GoldKey(question);
                    var rank = keys.ToList().IndexOf(gold);
                    top1 += rank == 0 ? 1 : 0;
                    top5 += rank >= 0 ? 1 : 0;
                    ranks?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{retriever.Name}\t{distractors.Count}\t{questionLanguage.ToCode()}→{passageLanguage.ToCode()}\t{question.Id}\t{rank}"));
                    if (rank != 0 && shown++ < misses)
                    {
                        output.WriteLine($"  miss [{retriever.Name}] {questionLanguage.ToCode()}→{passageLanguage.ToCode()} rank {rank}: {question.Text} | top {(keys.Count > 0 ? keys[0] : "-")} gold {gold}");
                    }
                }

                var n = Math.Max(1, source.Questions.Count);
                recalls[(questionLanguage, passageLanguage)] = ((double)top1 / n, (double)top5 / n);
            }
        }

        latencies.Sort();
        return new Row(
            retriever.Name,
            distractors.Count,
            recalls,
            indexTimes,
            latencies.Count == 0 ? 0 : latencies.Average(),
            latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(0.95 * latencies.Count) - 1)]);
    }

    private static string Table(List<Row> rows)
    {
        var sb = new StringBuilder();
        sb.Append("| system | distractors |");
        foreach (var (q, p) in Pairs)
        {
            sb.Append(CultureInfo.InvariantCulture, $" {q.ToCode()}→{p.ToCode()} R@1 | {q.ToCode()}→{p.ToCode()} R@5 |");
        }

        sb.AppendLine(" index de / en (ms) | query mean / p95 (ms) |");
        sb.Append("|---|---|").Append(string.Concat(Enumerable.Repeat("---:|---:|", Pairs.Length))).AppendLine("---:|---:|");
        foreach (var row in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {row.System} | {(row.Distractors == 0 ? "none" : $"10kGNAD ({row.Distractors:N0})")} |");
            foreach (var pair in Pairs)
            {
                var (r1, r5) = row.Recalls[pair];
                sb.Append(CultureInfo.InvariantCulture, $" {r1:0.00} | {r5:0.00} |");
            }

            sb.AppendLine(CultureInfo.InvariantCulture, $" {row.IndexMs[Language.German]:0} / {row.IndexMs[Language.English]:0} | {row.MeanMs:0.00} / {row.P95Ms:0.00} |");
        }

        return sb.ToString();
    }

    /// <summary>
    /// Per system, what the distractors cost each figure, to three places: the issue's robustness target is a fall of at most 0.05.
    /// </summary>
    private static string Falls(List<Row> rows)
    {
        var sb = new StringBuilder();
        foreach (var group in rows.GroupBy(r => r.System).Where(g => g.Count() == 2))
        {
            var (clean, noisy) = (group.First(r => r.Distractors == 0), group.First(r => r.Distractors > 0));
            sb.Append(CultureInfo.InvariantCulture, $"{group.Key}, without → with distractors:");
            foreach (var pair in Pairs)
            {
                var (c1, c5) = clean.Recalls[pair];
                var (n1, n5) = noisy.Recalls[pair];
                sb.Append(CultureInfo.InvariantCulture, $" {pair.Question.ToCode()}→{pair.Passage.ToCode()} R@1 {c1:0.000}→{n1:0.000} ({n1 - c1:+0.000;-0.000}), R@5 {c5:0.000}→{n5:0.000} ({n5 - c5:+0.000;-0.000});");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    internal static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The repository root (the folder with NewsBot.sln), found from the working directory or the binary.</summary>
    internal static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NewsBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }

    private sealed record Row(
        string System,
        int Distractors,
        Dictionary<(Language, Language), (double R1, double R5)> Recalls,
        Dictionary<Language, double> IndexMs,
        double MeanMs,
        double P95Ms);
}
