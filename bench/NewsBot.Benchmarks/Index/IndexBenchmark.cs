using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Benchmarks.Perf;
using NewsBot.Core;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Search;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Benchmarks.Index;

/// <summary>
/// How start, ingest and search grow with the archive, on DISTINCT articles (Reuters-21578 dev files, 10kGNAD test, Wikinews;
/// no copies): per size, a cold <c>newsbot ingest</c> and fresh-process <c>newsbot ask</c> through the real CLI (own
/// NEWSBOT_DATA, peak RSS from /usr/bin/time), query percentiles in-process on the persisted index, adding 100 articles to
/// the index, the index's size on disk; and SQLite FTS5 (unicode61 remove_diacritics 2, bm25, OR of the words) on the same
/// files. <c>index [--sizes 1000,4000,all] [--queries N] [--runs N] [--cli newsbot.dll] [--combined N] [--out FILE] [--keep]</c>.
/// </summary>
internal static class IndexBenchmark
{
    private const int Added = 100;
    private const int Hits = 6;

    private static bool Keep { get; set; }

    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var datasets = Arg("--datasets") ?? BenchCorpus.SharedDatasets(PerfBenchmark.RepositoryRoot());
        var queries = int.Parse(Arg("--queries") ?? "1000", CultureInfo.InvariantCulture);
        var runs = int.Parse(Arg("--runs") ?? "3", CultureInfo.InvariantCulture);
        Keep = args.Contains("--keep");
        if (Arg("--profile-ingest") is { } ingested)
        {
            return IngestProfile.Run(ingested, Arg("--dictionary"), args.Contains("--allocations"), int.Parse(Arg("--people-runs") ?? "0", CultureInfo.InvariantCulture));
        }

        if (Arg("--bot-add") is { } botFolder)
        {
            return await BotAdd.RunAsync(botFolder, Arg("--data") ?? throw new ArgumentException("--data"), Arg("--held") ?? throw new ArgumentException("--held"), Arg("--dictionary"), runs, args.Contains("--verify"));
        }

        if (Arg("--profile") is { } profiled)
        {
            return await ProfileAsync(profiled, Arg("--data") ?? throw new ArgumentException("--data"), Arg("--dictionary"), Arg("--question") ?? "What about the cocoa harvest?");
        }

        if (Arg("--query-profile") is { } queried)
        {
            // The bench's questions for the full distinct corpus (seed 42), as its query measurement asks them.
            var all = Sources(datasets);
            var questions = BenchCorpus.Questions(all.Take(all.Count - Added).ToList(), Math.Max(queries, runs), seed: 42).Take(queries).ToList();
            var warmUp = Arg("--warm-up") is { } w ? BenchCorpus.Questions(all.Take(all.Count - Added).ToList(), int.Parse(w, CultureInfo.InvariantCulture), seed: 7) : [];
            return QueryProfile.Run(queried, Arg("--data") ?? throw new ArgumentException("--data"), Arg("--dictionary"), questions, warmUp, int.Parse(Arg("--rounds") ?? "3", CultureInfo.InvariantCulture), args.Contains("--allocations"), Arg("--dump"));
        }

        var combined = Arg("--combined") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : 0;
        var cli = Arg("--cli") ?? Path.Combine(PerfBenchmark.RepositoryRoot(), "src", "NewsBot", "bin", "Release", "net10.0", "newsbot.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"index: {cli} not found: build src/NewsBot -c Release or pass --cli");
            return 2;
        }

        var sources = Sources(datasets);
        var distinct = sources.Count - Added;
        var sizes = (Arg("--sizes") ?? "1000,4000,all").Split(',')
            .Select(s => s == "all" ? distinct : Math.Min(distinct, int.Parse(s, CultureInfo.InvariantCulture)))
            .Distinct().Order().ToList();
        var root = Path.Combine(Path.GetTempPath(), "newsbot-index-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Log($"{sources.Count:N0} distinct source articles ({sources.Count(s => s.Key.StartsWith("reuters", StringComparison.Ordinal)):N0} Reuters, {sources.Count(s => s.German):N0} 10kGNAD, {sources.Count(s => s.Key.StartsWith("wn-", StringComparison.Ordinal)):N0} Wikinews); work folder {root}");
        var loadAtStart = CpuClock.LoadAverage();
        try
        {
            // The dictionary snapshot is prepared once per machine (its own folder), not per size: the rows measure the corpus.
            var dictionary = Path.Combine(root, "dictionary");
            var warm = Path.Combine(root, "warm");
            BenchCorpus.Write(warm, sources.Take(20).ToList(), 20);
            var warmRun = await Cli(cli, ["ingest", "--corpus", warm], Path.Combine(root, "warm-data"), dictionary);
            Log($"dictionary snapshot prepared in {warmRun.Elapsed.TotalSeconds:0.0} s");

            var held = sources.Skip(distinct).ToList();
            var rows = new List<SizeRow>();
            foreach (var size in sizes)
            {
                rows.Add(await MeasureAsync(cli, root, dictionary, sources.Take(size).ToList(), held, queries, runs, "distinct"));
            }

            if (combined > 0)
            {
                var mixed = Combine(sources.Take(distinct).ToList(), combined);
                rows.Add(await MeasureAsync(cli, root, dictionary, mixed, held, queries, runs, "combined"));
            }

            var report = Render(rows, cli, loadAtStart, args);
            Console.WriteLine(report);
            if (Arg("--out") is { } outFile)
            {
                await File.WriteAllTextAsync(outFile, report);
            }

            return rows.Exists(r => r.Error is not null) ? 1 : 0;
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    /// <summary>Reuters, 10kGNAD and Wikinews interleaved in proportion (every prefix holds all three), in a fixed order.</summary>
    private static List<SourceArticle> Sources(string datasets)
    {
        var reuters = ReutersSgml.Read(Path.Combine(datasets, "reuters21578-dev"));
        var others = BenchCorpus.ReadSources(datasets);
        var all = new List<SourceArticle>(reuters.Count + others.Count);
        int r = 0, o = 0;
        while (r < reuters.Count || o < others.Count)
        {
            var takeReuters = o >= others.Count || (r < reuters.Count && (double)r / reuters.Count <= (double)o / others.Count);
            all.Add(takeReuters ? reuters[r++] : others[o++]);
        }

        return all;
    }

    /// <summary>
    /// Articles made by combining paragraphs of different distinct articles (for one row beyond the distinct corpus):
    /// article i takes its paragraphs from several sources picked by a fixed pseudo-random walk, so its word mix is new.
    /// </summary>
    private static List<SourceArticle> Combine(List<SourceArticle> sources, int count)
    {
        var random = new Random(2026);
        var english = sources.Where(s => !s.German).ToList();
        var german = sources.Where(s => s.German).ToList();
        var made = new List<SourceArticle>(count);
        for (var i = 0; i < count; i++)
        {
            var pool = sources[i % sources.Count].German ? german : english;
            var paragraphs = new List<string>();
            var parts = random.Next(3, 7);
            for (var p = 0; p < parts; p++)
            {
                var source = pool[random.Next(pool.Count)];
                paragraphs.Add(source.Paragraphs[random.Next(source.Paragraphs.Count)]);
            }

            var first = sources[i % sources.Count];
            made.Add(new SourceArticle($"mix-{i:D7}", first.German, first.Title, null, paragraphs) { Date = first.Date });
        }

        return made;
    }

    private static async Task<SizeRow> MeasureAsync(string cli, string root, string dictionary, List<SourceArticle> corpus, List<SourceArticle> held, int queryCount, int runs, string kind)
    {
        var n = corpus.Count;
        Log($"--- {n:N0} articles ({kind})");
        var folder = Path.Combine(root, $"corpus-{n}");
        var data = Path.Combine(root, $"data-{n}");
        var corpusBytes = BenchCorpus.Write(folder, corpus, n);
        var row = new SizeRow(n, kind) { CorpusMb = corpusBytes / 1048576.0 };

        // 1. Cold ingest through the CLI (parse, article cache, search index, people index, all written to disk).
        var ingest = await Cli(cli, ["ingest", "--corpus", folder, "--json"], data, dictionary);
        if (ingest.ExitCode != 0)
        {
            return row with { Error = "ingest failed: " + ingest.Stderr.Trim() };
        }

        row = row with { Ingest = ingest.Elapsed, IngestCpu = ingest.Cpu, IngestPeakMb = ingest.PeakMb };
        Log($"cold ingest {ingest.Elapsed.TotalSeconds:0.00} s, peak {ingest.PeakMb:0} MB");

        // 2. Fresh-process first answer (median of runs), peak RSS of the answering process.
        var questions = BenchCorpus.Questions(corpus, Math.Max(queryCount, runs), seed: 42);
        var asks = new List<CliRun>();
        for (var i = 0; i < runs; i++)
        {
            var ask = await Cli(cli, ["ask", questions[i], "--corpus", folder, "--json"], data, dictionary);
            if (ask.ExitCode != 0 || JsonDocument.Parse(ask.Stdout).RootElement.GetProperty("answer").GetString() is not { Length: > 0 })
            {
                return row with { Error = "ask failed: " + ask.Stderr.Trim() };
            }

            asks.Add(ask);
        }

        var median = asks.OrderBy(a => a.Elapsed).ElementAt(asks.Count / 2);
        row = row with { FirstAnswer = median.Elapsed, FirstAnswerCpu = median.Cpu, AskPeakMb = asks.Max(a => a.PeakMb) };
        Log($"first answer {median.Elapsed.TotalSeconds:0.00} s, peak {row.AskPeakMb:0} MB");

        // 3. Query latency in-process, on the index as the bot opens it (same data folder, same dictionary).
        row = row with { Query = QueryLatencies(folder, data, dictionary, questions.Take(queryCount).ToList(), out var passages), Passages = passages };
        row = row with { IndexMb = FolderMb(Path.Combine(data, "cache"), f => !f.EndsWith(".articles", StringComparison.Ordinal)), ArticleCacheMb = FolderMb(Path.Combine(data, "cache"), f => f.EndsWith(".articles", StringComparison.Ordinal)) };

        // 4. 100 new articles into the full index: as the running bot adds them (on a copy of the data folder), then through
        // the CLI's ingest (with process start).
        var bot = await BotAdd.MeasureAsync(folder, data, dictionary, () =>
        {
            BenchCorpus.Write(folder, held, held.Count);
            return held.Select(h => Path.Combine(folder, BenchCorpus.Render(h, h.Key, "2020-01-01").FileName)).ToList();
        });
        row = row with { BotAdd = bot };
        Log(bot.ToString());
        if (Keep)
        {
            BenchCorpus.Write(Path.Combine(root, $"held-{n}"), held, held.Count);
        }

        BenchCorpus.Write(folder, held, held.Count);
        var incremental = await Cli(cli, ["ingest", "--corpus", folder, "--json"], data, dictionary);
        if (incremental.ExitCode != 0)
        {
            return row with { Error = "incremental ingest failed: " + incremental.Stderr.Trim() };
        }

        var inProcess = JsonDocument.Parse(incremental.Stdout).RootElement.GetProperty("seconds").GetDouble();
        row = row with { Incremental = incremental.Elapsed, IncrementalCpu = incremental.Cpu };
        Log($"+{Added} articles through the CLI: {incremental.Elapsed.TotalSeconds:0.00} s, CPU {incremental.Cpu?.TotalSeconds:0.00} s (ingest's own figure, without process start: {inProcess:0.00} s)");

        // 5. SQLite FTS5 on the same files (before the 100 were added: the same n articles).
        foreach (var added in held)
        {
            File.Delete(Path.Combine(folder, BenchCorpus.Render(added, added.Key, "2020-01-01").FileName));
        }

        // Its ingest twice: in this process (as before), and cold in a new process timed from start to exit as newsbot's is.
        row = row with { Fts = Fts5.Measure(folder, Path.Combine(root, $"fts-{n}.db"), questions.Take(queryCount).ToList()) };
        var ftsCold = await Fts5.MeasureNewProcess(folder, Path.Combine(root, $"fts-{n}-cold.db"));
        if (ftsCold.ExitCode != 0)
        {
            return row with { Error = "FTS5 ingest in a new process failed: " + ftsCold.Stderr.Trim() };
        }

        row = row with { FtsCold = ftsCold };
        Log($"FTS5 ingest {row.Fts.Ingest.TotalSeconds:0.00} s in this process, {ftsCold.Elapsed.TotalSeconds:0.00} s (CPU {ftsCold.Cpu?.TotalSeconds:0.00} s) in a new process; p95 {row.Fts.Query.P95:0.00} ms");
        if (!Keep)
        {
            Directory.Delete(folder, recursive: true);
        }

        return row;
    }

    /// <summary>The services the bot answers with, on <paramref name="folder"/> with its caches in <paramref name="cacheFolder"/>, in-process.</summary>
    internal static ServiceProvider Bot(string folder, string cacheFolder, string? dictionary)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Corpus:Path"] = folder,
            ["Corpus:CacheFolder"] = cacheFolder,
            ["Corpus:Watch"] = "false",
            ["Search:SnapshotFolder"] = dictionary,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNewsBotCore(configuration).AddInMemoryState().AddExtractiveAnswers();
        return services.BuildServiceProvider();
    }

    private static Latencies QueryLatencies(string folder, string data, string dictionary, List<string> questions, out int passages)
    {
        using var provider = Bot(folder, Path.Combine(data, "cache"), dictionary);
        var index = provider.GetRequiredService<FileCorpusProvider>().Current.Index;
        passages = index.Passages.Count;
        foreach (var q in questions.Take(50))
        {
            _ = index.Search(new SearchQuery(q), Hits);
        }

        var latencies = new Latencies();
        var cpu = new Latencies();
        foreach (var q in questions)
        {
            var t = Stopwatch.GetTimestamp();
            var before = CpuClock.Thread();
            _ = index.Search(new SearchQuery(q), Hits);
            var after = CpuClock.Thread();
            latencies.Add(Stopwatch.GetTimestamp() - t);
            if (before is { } b && after is { } a)
            {
                cpu.Add(a - b);
            }
        }

        Log($"queries: wall {latencies.Summary()}; the query thread's CPU time {cpu.Summary()}");
        return latencies;
    }

    private static ISearchIndex SearchIndexFileHeld(ISearchIndex index) =>
        index is CorpusIndex opened ? opened.WithTexts() : index;

    /// <summary>Where a fresh process's first answer goes: each step of opening the corpus and answering, timed in-process.</summary>
    private static async Task<int> ProfileAsync(string folder, string data, string? dictionary, string question)
    {
        var total = Stopwatch.StartNew();
        await using var provider = Bot(folder, Path.Combine(data, "cache"), dictionary);
        var corpus = provider.GetRequiredService<FileCorpusProvider>();
        Log($"services {total.ElapsedMilliseconds} ms");
        var t = Stopwatch.StartNew();
        var articles = new CorpusLoader(Microsoft.Extensions.Logging.Abstractions.NullLogger<CorpusLoader>.Instance).Load(folder, corpus.CacheFile);
        Log($"article cache alone {t.ElapsedMilliseconds} ms ({articles.Stats.FromCache} from cache, {articles.Stats.Parsed} parsed)");
        t.Restart();
        var translator = provider.GetRequiredService<QueryTranslator>();
        _ = translator.Splitter;
        Log($"dictionary alone {t.ElapsedMilliseconds} ms");
        t.Restart();
        try
        {
            _ = SearchIndexFile.Open(corpus.IndexFile!, articles.Articles, translator, out var changed);
            Log($"index file alone {t.ElapsedMilliseconds} ms (changed since written: {changed})");
        }
        catch (InvalidDataException ex)
        {
            Log($"index file unusable ({ex.Message}): the provider rebuilds it");
        }

        t.Restart();
        var snapshot = corpus.Current;
        Log($"corpus.Current {t.ElapsedMilliseconds} ms ({snapshot.Articles.Count} articles)");
        t.Restart();
        _ = snapshot.Index.Search(new SearchQuery(question), Hits);
        Log($"first search {t.ElapsedMilliseconds} ms");
        t.Restart();
        var questions = BenchCorpus.Questions(snapshot.Index.Passages.Take(2000).Select(p => new SourceArticle(p.Article.Id, p.Article.Language == NewsBot.Retrieval.Languages.Language.German, null, null, [p.Text])).ToList(), 300, seed: 7);
        Log($"questions {t.ElapsedMilliseconds} ms");
        {
            // Reading texts cold: every 9th passage's text, as the re-ranking would on first use.
            var cpuRead = CpuClock.Self();
            var read = Stopwatch.StartNew();
            var chars = 0L;
            var count = 0;
            for (var p = 5; p < snapshot.Index.Passages.Count; p += 9)
            {
                chars += snapshot.Index.Passages[p].Text.Length;
                count++;
            }

            Log($"cold texts: {count} passages ({chars / 1024} K chars) in {read.ElapsedMilliseconds} ms, CPU {(CpuClock.Self() - cpuRead).TotalMilliseconds:0} ms");

            // Analysing their sentences for the focus re-ranking with a cold word cache, then warm: what new words cost a query.
            var analysis = SentenceTerms.For(provider.GetRequiredService<QueryTranslator>());
            var terms = new List<string>();
            foreach (var round in new[] { "cold", "warm" })
            {
                cpuRead = CpuClock.Self();
                for (var p = 5; p < snapshot.Index.Passages.Count; p += 9)
                {
                    var passage = snapshot.Index.Passages[p];
                    foreach (var sentence in Sentences.Split(passage.Text))
                    {
                        analysis.Fill(sentence, passage.Article.Language == NewsBot.Retrieval.Languages.Language.German, terms);
                    }
                }

                Log($"sentence terms of the same passages, {round} words: CPU {(CpuClock.Self() - cpuRead).TotalMilliseconds:0} ms");
            }
        }

        foreach (var round in new[] { "first", "second" })
        {
            var latencies = new Latencies();
            var cpu = CpuClock.Self();
            foreach (var q in questions)
            {
                var started = Stopwatch.GetTimestamp();
                _ = snapshot.Index.Search(new SearchQuery(q), Hits);
                latencies.Add(Stopwatch.GetTimestamp() - started);
            }

            Log($"{round} 300 queries: {latencies.Summary()}, CPU {(CpuClock.Self() - cpu).TotalMilliseconds:0} ms");
        }

        // Each question three times, its fastest kept (robust to a loaded machine), against the postings its terms walk:
        // whether the slow tail is the scoring of common terms or the re-ranking.
        if (snapshot.Index is CorpusIndex opened)
        {
            var rows = new List<(double Ms, long Postings, int Concepts, string Question)>();
            foreach (var q in questions)
            {
                var best = double.MaxValue;
                SearchResult? result = null;
                for (var r = 0; r < 3; r++)
                {
                    var started = Stopwatch.GetTimestamp();
                    result = opened.Find(new SearchQuery(q), Hits);
                    best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }

                var postings = result!.Plan.Concepts.Sum(c => c.Terms.Keys.Sum(t => (long)opened.DocumentFrequency(t)));
                rows.Add((best, postings, result.Plan.Concepts.Count, q));
            }

            var sorted = rows.OrderBy(r => r.Ms).ToList();
            Log(string.Create(CultureInfo.InvariantCulture, $"fastest of 3 per question: p50 {sorted[sorted.Count / 2].Ms:0.00} ms · p95 {sorted[(int)(sorted.Count * 0.95)].Ms:0.00} ms; mean postings walked {rows.Average(r => r.Postings):0}"));
            foreach (var quarter in rows.OrderBy(r => r.Postings).Chunk((rows.Count + 3) / 4))
            {
                Log(string.Create(CultureInfo.InvariantCulture, $"  postings {quarter[0].Postings:N0}–{quarter[^1].Postings:N0}: mean {quarter.Average(r => r.Ms):0.00} ms, max {quarter.Max(r => r.Ms):0.00} ms"));
            }

            foreach (var slow in sorted.TakeLast(5))
            {
                Log(string.Create(CultureInfo.InvariantCulture, $"  slow: {slow.Ms:0.00} ms, {slow.Concepts} concepts, {slow.Postings:N0} postings: {slow.Question}"));
            }
        }

        // The opened index with every passage's text held (all else the same): what reading texts on first use costs.
        var held = SearchIndexFileHeld(snapshot.Index);
        foreach (var round in new[] { "opened, texts held, first", "opened, texts held, second" })
        {
            var latencies = new Latencies();
            var cpu = CpuClock.Self();
            foreach (var q in questions)
            {
                var started = Stopwatch.GetTimestamp();
                _ = held.Search(new SearchQuery(q), Hits);
                latencies.Add(Stopwatch.GetTimestamp() - started);
            }

            Log($"{round} 300 queries: {latencies.Summary()}, CPU {(CpuClock.Self() - cpu).TotalMilliseconds:0} ms");
        }

        // The same queries on an index built in memory from fully parsed articles (texts held): what reading texts lazily costs.
        var eager = CorpusIndex.Build(new CorpusLoader(Microsoft.Extensions.Logging.Abstractions.NullLogger<CorpusLoader>.Instance).LoadFolder(folder), provider.GetRequiredService<QueryTranslator>());
        foreach (var round in new[] { "built in memory, first", "built in memory, second" })
        {
            var latencies = new Latencies();
            var cpu = CpuClock.Self();
            foreach (var q in questions)
            {
                var started = Stopwatch.GetTimestamp();
                _ = eager.Search(new SearchQuery(q), Hits);
                latencies.Add(Stopwatch.GetTimestamp() - started);
            }

            Log($"{round} 300 queries: {latencies.Summary()}, CPU {(CpuClock.Self() - cpu).TotalMilliseconds:0} ms");
        }

        t.Restart();
        var pipeline = provider.GetRequiredService<Core.Chat.IChatPipeline>();
        var reply = await pipeline.HandleAsync(new Core.Chat.ChatRequest { Platform = Core.Chat.Platforms.Console, ChatId = "p", UserId = "p", Text = "/ask " + question }, null, CancellationToken.None);
        Log($"first answer through the pipeline {t.ElapsedMilliseconds} ms (people ready: {snapshot.PeopleReady})");
        t.Restart();
        _ = snapshot.People;
        Log($"people {t.ElapsedMilliseconds} ms; total {total.ElapsedMilliseconds} ms; {reply.PlainText.Length} chars");

        // The people update's parts, on the same articles: reading the file, the word knowledge, extraction and merge.
        t.Restart();
        var key = NewsBot.Retrieval.People.PeopleIndexFile.Key(provider.GetRequiredService<NewsBot.Retrieval.People.WordKnowledgeSource>().Key);
        var stored = NewsBot.Retrieval.People.PeopleIndexFile.Read(corpus.PeopleFile!, key);
        Log($"people file read {t.ElapsedMilliseconds} ms ({stored?.Articles.Count ?? 0} articles)");
        t.Restart();
        var knowledge = provider.GetRequiredService<NewsBot.Retrieval.People.WordKnowledgeSource>().Knowledge;
        Log($"word knowledge {t.ElapsedMilliseconds} ms");
        var articlesNow = snapshot.Articles.Reverse().ToList();
        foreach (var drop in new[] { 0, 100 })
        {
            var builder = new NewsBot.Retrieval.People.PeopleIndexBuilder(knowledge);
            builder.Seed(articlesNow.Skip(drop).Where(a => stored!.Articles.ContainsKey(a.Id)).Select(a => (a, stored!.Articles[a.Id].Extracted)), stored!.Surnames);
            t.Restart();
            var cpu = CpuClock.Self();
            _ = builder.Update(articlesNow);
            Log($"people update with {drop} articles to extract: {t.ElapsedMilliseconds} ms (CPU {(CpuClock.Self() - cpu).TotalMilliseconds:0} ms), {builder.ArticlesRead} extractions");
        }
        return 0;
    }

    private static double FolderMb(string folder, Func<string, bool> which) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder).Where(which).Sum(f => new FileInfo(f).Length) / 1048576.0 : 0;

    internal sealed record CliRun(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, TimeSpan? Cpu, double PeakMb);

    /// <summary>One run of the real CLI in a new process, under /usr/bin/time for its peak resident set.</summary>
    private static Task<CliRun> Cli(string cli, string[] arguments, string data, string dictionary) =>
        NewProcess(cli, [.. arguments, "--Search:SnapshotFolder=" + dictionary], new Dictionary<string, string> { ["NEWSBOT_DATA"] = data, ["DOTNET_NOLOGO"] = "1" });

    /// <summary>
    /// <c>dotnet <paramref name="dll"/> …</c> in a new process, timed from its start to its exit, under /usr/bin/time for its
    /// peak resident set: how the CLI's rows and FTS5's new-process ingest are both measured.
    /// </summary>
    internal static async Task<CliRun> NewProcess(string dll, string[] command, Dictionary<string, string> environment)
    {
        var marker = Path.Combine(Path.GetTempPath(), "newsbot-time-" + Guid.NewGuid().ToString("N") + ".txt");
        var result = File.Exists("/usr/bin/time")
            ? await ChildProcess.RunAsync("/usr/bin/time", ["-f", "%M", "-o", marker, ChildProcess.Dotnet, dll, .. command], environment)
            : await ChildProcess.RunAsync(ChildProcess.Dotnet, [dll, .. command], environment);
        var peak = 0.0;
        if (File.Exists(marker))
        {
            var last = File.ReadAllLines(marker).LastOrDefault(l => l.Trim().Length > 0);
            peak = double.TryParse(last, CultureInfo.InvariantCulture, out var kb) ? kb / 1024 : 0;
            File.Delete(marker);
        }

        return new CliRun(result.ExitCode, result.Stdout, result.Stderr, result.Elapsed, result.Cpu, peak);
    }

    private static string Render(List<SizeRow> rows, string cli, string? loadAtStart, string[] args)
    {
        var sb = new StringBuilder();
        sb.AppendLine("### Growth with the archive (distinct articles)");
        sb.AppendLine();
        sb.AppendLine("Machine: " + MachineInfo.Describe());
        sb.AppendLine();
        sb.AppendLine("Conditions: " + MachineInfo.Load(loadAtStart, CpuClock.LoadAverage()) + ".");
        sb.AppendLine();
        sb.AppendLine("Command: `dotnet run --project bench/NewsBot.Benchmarks -c Release -- " + string.Join(' ', args) + "` (CLI: " + Path.GetFileName(cli) + ", Release)");
        sb.AppendLine();
        sb.AppendLine("| Articles | Passages | Corpus files | Cold ingest (CLI) | +100 articles (CLI / running bot) | First answer, fresh process (CLI, median) | Peak RSS ingest / answering | Query p50 · p95 · p99 | Index on disk (+ article cache) | FTS5 ingest: in this process / new process, like ours (ours ÷ FTS5) | FTS5 query p50 · p95 · p99 | FTS5 db |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            if (r.Error is not null)
            {
                sb.AppendLine($"| {r.Articles:N0} ({r.Kind}) | FAILED: {r.Error} |||||||||||");
                continue;
            }

            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Articles:N0}{(r.Kind == "distinct" ? "" : " (combined paragraphs)")} | {r.Passages:N0} | {r.CorpusMb:0.0} MB | {Sec(r.Ingest, r.IngestCpu)} ({r.Articles / r.Ingest.TotalSeconds:N0} articles/s) | {Sec(r.Incremental, r.IncrementalCpu)} / {Sec(r.BotAdd!.Wall, r.BotAdd.Cpu)} | {Sec(r.FirstAnswer, r.FirstAnswerCpu)} | {r.IngestPeakMb:0} MB / {r.AskPeakMb:0} MB | {r.Query!.Summary()} | {r.IndexMb:0.0} MB (+ {r.ArticleCacheMb:0.0} MB) | {r.Fts!.Ingest.TotalSeconds:0.00} s ({r.Ingest.TotalSeconds / r.Fts.Ingest.TotalSeconds:0.0}×) / {Sec(r.FtsCold!.Elapsed, r.FtsCold.Cpu)} ({r.Ingest.TotalSeconds / r.FtsCold.Elapsed.TotalSeconds:0.0}×) | {r.Fts.Query.Summary()} | {r.Fts.DbMb:0.0} MB |"));
        }

        sb.AppendLine();
        sb.AppendLine("+100 articles: the CLI is `newsbot ingest` in a new process (process start, article files listed, article cache read and appended to, the 100 parsed, search and people index updated and their files written); the running bot is the corpus watcher's update in a bot already open with its people ready (the 100 files parsed, search index and people index updated in memory, both files written), with its search-index part: "
            + string.Join("; ", rows.Where(r => r.BotAdd is not null).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Articles:N0}: {r.BotAdd!.Search.TotalSeconds:0.00} s"))) + ".");
        var distinct = rows.Where(r => r.Kind == "distinct" && r.Error is null).ToList();
        if (distinct.Count >= 2)
        {
            var (small, large) = (distinct[0], distinct[^1]);
            double Growth(Func<SizeRow, double> f) => f(large) / f(small);
            sb.AppendLine();
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Growth {small.Articles:N0} → {large.Articles:N0} articles ({(double)large.Articles / small.Articles:0.0}×): first answer {Growth(r => r.FirstAnswer.TotalSeconds):0.00}× (CPU time {Growth(r => r.FirstAnswerCpu?.TotalSeconds ?? double.NaN):0.00}×), answering peak RSS {Growth(r => r.AskPeakMb):0.00}×, query p95 {Growth(r => r.Query!.P95):0.00}×, cold ingest {Growth(r => r.Ingest.TotalSeconds):0.00}×, +100 articles {Growth(r => r.Incremental.TotalSeconds):0.00}×, index on disk {Growth(r => r.IndexMb + r.ArticleCacheMb):0.00}× (with the article cache)."));
            sb.AppendLine();
            sb.AppendLine("Extrapolation (a straight line through the smallest and largest distinct size: fixed cost + cost per article):");
            sb.AppendLine();
            sb.AppendLine("| Measure | per 1,000 articles | at 100,000 | at 1,000,000 |");
            sb.AppendLine("|---|---|---|---|");
            void Line(string name, Func<SizeRow, double> f, string unit)
            {
                var slope = (f(large) - f(small)) / (large.Articles - small.Articles);
                var at = (int articles) => f(large) + (slope * (articles - large.Articles));
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {slope * 1000:0.###} {unit} | {at(100_000):0.##} {unit} | {at(1_000_000):0.#} {unit} |"));
            }

            Line("First answer, fresh process", r => r.FirstAnswer.TotalSeconds, "s");
            Line("First answer, fresh process, CPU time", r => r.FirstAnswerCpu?.TotalSeconds ?? double.NaN, "s");
            Line("Peak RSS answering", r => r.AskPeakMb, "MB");
            Line("Cold ingest", r => r.Ingest.TotalSeconds, "s");
            Line("Cold ingest, CPU time", r => r.IngestCpu?.TotalSeconds ?? double.NaN, "s");
            Line("+100 articles (CLI)", r => r.Incremental.TotalSeconds, "s");
            Line("Index + article cache on disk", r => r.IndexMb + r.ArticleCacheMb, "MB");
            Line("FTS5 ingest (in this process)", r => r.Fts!.Ingest.TotalSeconds, "s");
            Line("FTS5 ingest (new process)", r => r.FtsCold!.Elapsed.TotalSeconds, "s");
        }

        sb.AppendLine();
        sb.AppendLine("Notes: the CLI rows are wall clock of a new `dotnet newsbot.dll` process (CPU time in brackets), each size with its own NEWSBOT_DATA; " +
            "the dictionary snapshot is prepared once beforehand (a one-time cost per machine, not per corpus). Peak RSS is /usr/bin/time's maximum resident set. " +
            "Query latency is `ISearchIndex.Search` (6 hits) in-process on the index as the bot opens it, for ask-style questions made from corpus sentences. " +
            "FTS5: one row per paragraph (blank-line separated) of the same files, `tokenize='unicode61 remove_diacritics 2'`, " +
            "`bm25()` over an OR of the question's words, 6 rows; its ingest reads the files and inserts in one transaction (no parsing, no people). " +
            "Its ingest is timed twice: in the bench's process (the table and its connection only), and like ours, as `fts5-ingest` in a new `dotnet` process of this bench (the same code, a JIT build), from process start to exit, so the runtime's start counts on both sides.");
        return sb.ToString();
    }

    private static string Sec(TimeSpan wall, TimeSpan? cpu) =>
        string.Create(CultureInfo.InvariantCulture, $"{wall.TotalSeconds:0.00} s") + (cpu is { } c ? string.Create(CultureInfo.InvariantCulture, $" (CPU {c.TotalSeconds:0.00} s)") : "");

    private static void Log(string message) => Console.Error.WriteLine("index: " + message);

    private sealed record SizeRow(int Articles, string Kind)
    {
        public string? Error { get; init; }

        public int Passages { get; init; }

        public double CorpusMb { get; init; }

        public TimeSpan Ingest { get; init; }

        public TimeSpan? IngestCpu { get; init; }

        public double IngestPeakMb { get; init; }

        public TimeSpan FirstAnswer { get; init; }

        public TimeSpan? FirstAnswerCpu { get; init; }

        public double AskPeakMb { get; init; }

        public Latencies? Query { get; init; }

        public double IndexMb { get; init; }

        public double ArticleCacheMb { get; init; }

        public TimeSpan Incremental { get; init; }

        /// <summary>The 100 articles added as the running bot adds them: search and people index updated, both files written.</summary>
        public BotAdd.Result? BotAdd { get; init; }

        public TimeSpan? IncrementalCpu { get; init; }

        public Fts5.Result? Fts { get; init; }

        /// <summary>FTS5's ingest in a new process (<c>fts5-ingest</c>), timed as the CLI's cold ingest is.</summary>
        public CliRun? FtsCold { get; init; }
    }
}

/// <summary>SQLite FTS5 as the alternative: the same files, one row per paragraph, BM25 over an OR of the question's words.</summary>
internal static class Fts5
{
    public sealed record Result(TimeSpan Ingest, Latencies Query, double DbMb);

    public static Result Measure(string folder, string dbFile, List<string> questions)
    {
        var watch = Stopwatch.StartNew();
        Ingest(folder, dbFile);
        var ingest = watch.Elapsed;
        var latencies = new Latencies();
        using (var connection = new SqliteConnection($"Data Source={dbFile};Mode=ReadOnly;Pooling=false"))
        {
            connection.Open();
            using var query = connection.CreateCommand();
            query.CommandText = "SELECT rowid, bm25(passages) FROM passages WHERE passages MATCH $q ORDER BY bm25(passages) LIMIT 6";
            var match = query.Parameters.Add("$q", SqliteType.Text);
            for (var i = 0; i < questions.Count + 50; i++)
            {
                var words = Words(questions[i % questions.Count]);
                if (words.Length == 0)
                {
                    continue;
                }

                match.Value = string.Join(" OR ", words.Select(w => "\"" + w + "\""));
                var t = Stopwatch.GetTimestamp();
                using (var reader = query.ExecuteReader())
                {
                    while (reader.Read())
                    {
                    }
                }

                if (i >= 50)
                {
                    latencies.Add(Stopwatch.GetTimestamp() - t);
                }
            }
        }

        SqliteConnection.ClearAllPools();
        var mb = new[] { dbFile, dbFile + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1048576.0;
        return new Result(ingest, latencies, mb);
    }

    /// <summary>The files into a new FTS5 table in <paramref name="dbFile"/>, one row per paragraph, in one transaction.</summary>
    public static void Ingest(string folder, string dbFile)
    {
        File.Delete(dbFile);
        using var connection = new SqliteConnection($"Data Source={dbFile};Pooling=false");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute(connection, "CREATE VIRTUAL TABLE passages USING fts5(article UNINDEXED, text, tokenize='unicode61 remove_diacritics 2')");
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO passages(article, text) VALUES ($a, $t)";
        var article = insert.Parameters.Add("$a", SqliteType.Text);
        var text = insert.Parameters.Add("$t", SqliteType.Text);
        foreach (var file in CorpusLoader.ArticleFiles(folder))
        {
            article.Value = Path.GetFileNameWithoutExtension(file);
            foreach (var paragraph in File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                text.Value = paragraph;
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    /// <summary>
    /// <see cref="Ingest"/> cold, in a new process of this bench (<c>fts5-ingest &lt;folder&gt; &lt;db&gt;</c>), timed from its
    /// start to its exit as the CLI's cold ingest is: the runtime's start and first-use compiling count on both sides.
    /// </summary>
    public static Task<IndexBenchmark.CliRun> MeasureNewProcess(string folder, string dbFile) =>
        IndexBenchmark.NewProcess(typeof(Fts5).Assembly.Location, ["fts5-ingest", folder, dbFile], new Dictionary<string, string> { ["DOTNET_NOLOGO"] = "1" });

    /// <summary>The child's verb: <c>fts5-ingest &lt;corpus folder&gt; &lt;db file&gt;</c>.</summary>
    public static int RunChild(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("benchmarks: fts5-ingest <corpus folder> <db file>");
            return 2;
        }

        Ingest(args[0], args[1]);
        return 0;
    }

    private static string[] Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return [.. words.Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
