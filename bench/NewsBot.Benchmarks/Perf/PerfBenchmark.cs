using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;
using NewsBot.Core.Commands;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Benchmarks.Perf;

/// <summary>
/// Speed and memory at scale: ingestion, restart from the article cache, query latency (index vs linear scan), peak working
/// set, CLI cold start to first answer (cache vs re-parse), and the chat pipeline under 50 concurrent users.
/// Prints one Markdown table with the machine it ran on.
/// </summary>
internal static class PerfBenchmark
{
    private const int Passages = 6;

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = PerfSettings.Parse(args);
        var root = Path.Combine(Path.GetTempPath(), "newsbot-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Log($"work folder {root}");
        try
        {
            var loadAtStart = CpuClock.LoadAverage();
            var rows = await RunAllAsync(settings, root);
            var table = Render(settings, rows, MachineInfo.Load(loadAtStart, CpuClock.LoadAverage()));
            Console.WriteLine(table);
            if (settings.OutFile is { } outFile)
            {
                await File.WriteAllTextAsync(outFile, table);
            }

            return rows.Exists(r => r.Failed) ? 1 : 0;
        }
        finally
        {
            if (!settings.Keep)
            {
                TryDelete(root);
            }
        }
    }

    /// <summary>Writes the benchmark corpus to a folder, to try the CLI on it by hand.</summary>
    public static int WriteCorpus(string[] args)
    {
        var settings = PerfSettings.Parse(args);
        var outIndex = Array.IndexOf(args, "--out");
        if (outIndex < 0 || outIndex + 1 >= args.Length)
        {
            Console.Error.WriteLine("benchmarks: corpus --out <dir> [--articles N]");
            return 2;
        }

        var folder = Path.GetFullPath(args[outIndex + 1]);
        var sources = BenchCorpus.ReadSources(settings.Datasets ?? BenchCorpus.SharedDatasets(RepositoryRoot()));
        var bytes = BenchCorpus.Write(folder, sources, settings.LargeArticles);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {settings.LargeArticles} article files ({bytes / 1048576.0:0.0} MB) to {folder}"));
        return 0;
    }

    private static async Task<List<Row>> RunAllAsync(PerfSettings s, string root)
    {
        var rows = new List<Row>();
        var datasets = s.Datasets ?? BenchCorpus.SharedDatasets(RepositoryRoot());
        var sources = BenchCorpus.ReadSources(datasets);
        Log($"read {sources.Count} source articles from {datasets}");
        var small = Path.Combine(root, "corpus-small");
        var large = Path.Combine(root, "corpus-large");
        BenchCorpus.Write(small, sources, s.SmallArticles);
        var largeBytes = BenchCorpus.Write(large, sources, s.LargeArticles);
        Log($"wrote {s.SmallArticles} and {s.LargeArticles} article files");
        var questions = BenchCorpus.Questions(sources, s.Queries, seed: 42);
        var loader = new CorpusLoader(NullLogger<CorpusLoader>.Instance);

        // Warm the JIT on the small corpus, so the cold figures measure work, not compilation.
        var smallSnapshot = Provider(small, null).Current;

        // 1. Ingestion, cold: parse every file (in parallel), write the cache, build the index. The alternative: one file
        // after another on one core. Each runs twice, interleaved, and the better run counts, so neither gains from going second.
        var cacheFolder = Path.Combine(root, "data", "cache");
        CorpusSnapshot largeSnapshot = null!;
        (TimeSpan Wall, TimeSpan Cpu) coldBest = (TimeSpan.MaxValue, TimeSpan.Zero), sequentialBest = (TimeSpan.MaxValue, TimeSpan.Zero);
        for (var round = 0; round < 2; round++)
        {
            TryDelete(cacheFolder);
            // Until everything is built, people included (a load builds them in the background), to compare like with like.
            var (snapshot, time) = Timed(() =>
            {
                var loaded = Provider(large, cacheFolder).Current;
                _ = loaded.People;
                return loaded;
            });
            largeSnapshot = snapshot;
            coldBest = time.Wall < coldBest.Wall ? time : coldBest;
            (_, time) = Timed(() =>
            {
                var sequential = new List<Article>();
                foreach (var file in CorpusLoader.ArticleFiles(large))
                {
                    if (loader.TryLoad(large, file) is { } article)
                    {
                        sequential.Add(article);
                    }
                }

                return new CorpusSnapshot(sequential, CorpusIndex.Build(sequential), PeopleIndexBuilder.Build(sequential), 1);
            });
            sequentialBest = time.Wall < sequentialBest.Wall ? time : sequentialBest;
        }

        var count = largeSnapshot.Articles.Count;
        var (index, build) = Timed(() => CorpusIndex.Build(largeSnapshot.Articles));
        // As the app builds it: with the word knowledge from the dictionary when there is one (scanned once per process, timed apart).
        var (knowledge, knowledgeTime) = Timed(() => WordKnowledge.TryLoad(SearchOptions.DefaultDictionaryPath));
        var (people, peopleTime) = Timed(() => PeopleIndexBuilder.Build(largeSnapshot.Articles, knowledge));
        var coldTime = coldBest.Wall;
        var coldCpu = coldBest.Cpu;
        var rate = count / coldTime.TotalSeconds;
        rows.Add(new Row(
            $"Ingest {count:N0} articles, cold (parse + write cache + search index + people index)",
            $"{rate:N0} articles/s ({Seconds(coldTime, coldCpu)}; index build alone {Seconds(build.Wall, build.Cpu)}, {index.Passages.Count:N0} passages)",
            "≥ 1,000 articles/s",
            rate >= 1000,
            $"one file after another on one core, no cache: {count / sequentialBest.Wall.TotalSeconds:N0} articles/s ({Seconds(sequentialBest.Wall, sequentialBest.Cpu)})",
            Faster(sequentialBest.Wall, coldTime)));

        rows.Add(new Row(
            $"People index of {count:N0} articles (built in the background after a load; only /who and follow-ups wait for it)",
            $"{Seconds(peopleTime.Wall, peopleTime.Cpu)}, {people.People.Count:N0} people"
                + (knowledge is null ? ", no dictionary" : $", with the dictionary's word knowledge (its scan, once per process: {Seconds(knowledgeTime.Wall, knowledgeTime.Cpu)})"),
            "",
            null,
            "",
            ""));

        // 2. Restart in-process: the cache instead of parsing.
        var warm = Provider(large, cacheFolder);
        var (_, warmed) = Timed(() => warm.Current);
        var (warmTime, warmCpu) = warmed;
        var reused = warm.LastLoad?.FromCache ?? 0;
        rows.Add(new Row(
            $"Reload {count:N0} articles from the cache (in-process)",
            $"{Seconds(warmTime, warmCpu)} ({reused:N0} from cache, {warm.LastLoad?.Parsed ?? 0} parsed; index built again)",
            "",
            reused == count ? null : false,
            $"cold parse: {Seconds(coldTime, coldCpu)}",
            Faster(coldTime, warmTime)));

        // 3. Query latency, index vs linear scan, at both sizes.
        foreach (var (name, snapshot) in new[] { ("small", smallSnapshot), ("large", largeSnapshot) })
        {
            var n = snapshot.Articles.Count;
            var isLarge = name == "large";
            var latencies = QueryLatencies(snapshot.Index, questions);
            var scan = new LinearScanSearch((CorpusIndex)snapshot.Index);
            var scanQuestions = questions.Take(isLarge ? s.ScanQueriesLarge : s.Queries).ToList();
            var scanLatencies = new Latencies();
            var agree = 0;
            foreach (var q in scanQuestions)
            {
                var t = Stopwatch.GetTimestamp();
                var hits = scan.Search(new SearchQuery(q), Passages);
                scanLatencies.Add(Stopwatch.GetTimestamp() - t);
                var indexed = snapshot.Index.Search(new SearchQuery(q), Passages);
                if (hits.Count == indexed.Count && (hits.Count == 0 || Math.Abs(hits[0].Score - indexed[0].Score) < 1e-9))
                {
                    agree++;
                }
            }

            rows.Add(new Row(
                $"Ask-style retrieval at {n:N0} articles ({snapshot.Index.Passages.Count:N0} passages, {latencies.Count:N0} queries)",
                latencies.Summary(),
                isLarge ? "p95 ≤ 10 ms" : "",
                isLarge ? latencies.P95 <= 10 : null,
                $"linear scan: {scanLatencies.Summary()} (same top score on {agree}/{scanQuestions.Count})",
                Faster(scanLatencies.P95, latencies.P95) + " at p95"));
        }

        // 4. The chat pipeline under load: 50 users, every question through the router and the extractive engine.
        rows.AddRange(await PipelineUnderLoadAsync(largeSnapshot, questions, s));

        // 5. Peak working set of a fresh process holding the large corpus (it loads through the cache, as the app does).
        rows.Add(await MemoryRowAsync(large, cacheFolder, count, largeBytes));

        // 6. Cold start of the real CLI to its first answer, with the persisted cache vs re-parsing.
        rows.AddRange(await ColdStartRowsAsync(s, large, count, root, questions[0]));
        return rows;
    }

    private static Latencies QueryLatencies(ISearchIndex index, List<string> questions)
    {
        foreach (var q in questions.Take(50))
        {
            _ = index.Search(new SearchQuery(q), Passages);
        }

        var latencies = new Latencies();
        foreach (var q in questions)
        {
            var t = Stopwatch.GetTimestamp();
            _ = index.Search(new SearchQuery(q), Passages);
            latencies.Add(Stopwatch.GetTimestamp() - t);
        }

        return latencies;
    }

    private static async Task<List<Row>> PipelineUnderLoadAsync(CorpusSnapshot snapshot, List<string> questions, PerfSettings s)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        // The per-user rate limit is off (each user asks 40 questions in a burst); answer concurrency and queue stay at their defaults.
        services.AddNewsBotCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:RateLimit:QuestionsPerMinute"] = "0" }).Build()).AddInMemoryState().AddExtractiveAnswers();
        services.AddSingleton<ICorpusProvider>(new FixedCorpus(snapshot));
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<IChatPipeline>();
        var engine = provider.GetRequiredService<IAnswerEngine>();

        // The alternative: the same work without the router (search + engine directly), one question after another.
        var direct = new Latencies();
        var directWatch = Stopwatch.StartNew();
        foreach (var q in questions.Take(s.PipelineQuestions))
        {
            var t = Stopwatch.GetTimestamp();
            var found = snapshot.Index.Find(new SearchQuery(q), Passages);
            _ = await engine.AnswerAsync(new AskContext { Question = q, AnswerLanguage = NewsBot.Retrieval.Languages.Language.English, QuestionLanguage = NewsBot.Retrieval.Languages.Language.English, Hits = found.Hits, Corpus = snapshot, Plan = found.Plan, History = [] }, CancellationToken.None);
            direct.Add(Stopwatch.GetTimestamp() - t);
        }

        var directTime = directWatch.Elapsed;

        var latencies = new Latencies();
        var gate = new Lock();
        int answered = 0, errors = 0, refused = 0;
        var perUser = s.PipelineQuestions / s.Users;
        var watch = Stopwatch.StartNew();
        var users = Enumerable.Range(0, s.Users).Select(u => Task.Run(async () =>
        {
            for (var i = 0; i < perUser; i++)
            {
                var q = questions[((u * perUser) + i) % questions.Count];
                var request = new ChatRequest { Platform = Platforms.Console, ChatId = "user-" + u, UserId = "user-" + u, Text = "/ask " + q };
                var t = Stopwatch.GetTimestamp();
                var reply = await pipeline.HandleAsync(request, null, CancellationToken.None);
                var elapsed = Stopwatch.GetTimestamp() - t;
                lock (gate)
                {
                    latencies.Add(elapsed);
                    if (reply.Kind == ReplyKind.Error)
                    {
                        errors++;
                    }
                    else if (reply.Kind == ReplyKind.Refusal || reply.PlainText.Length == 0)
                    {
                        refused++;
                    }
                    else
                    {
                        answered++;
                    }
                }
            }
        })).ToList();
        await Task.WhenAll(users);
        var total = watch.Elapsed;
        var sent = perUser * s.Users;
        return
        [
            new Row(
                $"Chat pipeline, {s.Users} concurrent users × {perUser} questions ({sent:N0}) at {snapshot.Articles.Count:N0} articles, extractive (rate limit off, default answer slots)",
                $"{latencies.Summary()}; {answered:N0}/{sent:N0} answered ({errors} errors, {refused} refused); {sent / total.TotalSeconds:N0} questions/s",
                "p95 ≤ 50 ms, all answered",
                latencies.P95 <= 50 && answered == sent,
                $"search + engine without router, sequential: {direct.Summary()}; {direct.Count / directTime.TotalSeconds:N0} questions/s",
                Ratio(sent / total.TotalSeconds, direct.Count / directTime.TotalSeconds) + " the throughput"),
        ];
    }

    private static async Task<Row> MemoryRowAsync(string corpus, string cacheFolder, int count, long corpusBytes)
    {
        var self = typeof(PerfBenchmark).Assembly.Location;
        var result = await ChildProcess.RunAsync(ChildProcess.Dotnet, [self, "memory-probe", "--corpus", corpus, "--cache-folder", cacheFolder], null);
        if (result.ExitCode != 0)
        {
            return Row.Failure($"Peak working set, {count:N0} articles loaded", $"probe failed: {result.Stderr.Trim()}");
        }

        var probe = JsonDocument.Parse(result.Stdout).RootElement;
        var peak = probe.GetProperty("peakWorkingSetMb").GetDouble();
        var heap = probe.GetProperty("managedHeapMb").GetDouble();
        var corpusMb = corpusBytes / (1024.0 * 1024);
        return new Row(
            $"Peak working set, fresh process with {count:N0} articles loaded and 100 questions answered",
            string.Create(CultureInfo.InvariantCulture, $"{peak:0} MB (managed heap {heap:0} MB)"),
            "≤ 400 MB",
            peak <= 400,
            string.Create(CultureInfo.InvariantCulture, $"article files on disk: {corpusMb:0} MB"),
            string.Create(CultureInfo.InvariantCulture, $"{peak / corpusMb:0.0}× the corpus size"));
    }

    private static async Task<List<Row>> ColdStartRowsAsync(PerfSettings s, string corpus, int count, string root, string question)
    {
        var cli = s.Cli ?? FindCli();
        var label = $"Cold start to first answer, `newsbot ask --json`, {count:N0} articles";
        if (cli is null || !File.Exists(cli))
        {
            return [Row.Failure(label, "newsbot.dll not found: build src/NewsBot (same configuration) or pass --cli <path>")];
        }

        var environment = new Dictionary<string, string> { ["NEWSBOT_DATA"] = Path.Combine(root, "cli-data"), ["DOTNET_NOLOGO"] = "1" };
        var ingest = await ChildProcess.RunAsync(ChildProcess.Dotnet, [cli, "ingest", "--corpus", corpus], environment);
        if (ingest.ExitCode != 0)
        {
            return [Row.Failure(label, $"ingest failed ({ingest.ExitCode}): {ingest.Stderr.Trim()}")];
        }

        async Task<((TimeSpan Wall, TimeSpan? Cpu) Time, string? Error)> AskAsync(params string[] extra)
        {
            var run = await ChildProcess.RunAsync(ChildProcess.Dotnet, [cli, "ask", question, "--corpus", corpus, "--json", .. extra], environment);
            if (run.ExitCode != 0)
            {
                return ((run.Elapsed, run.Cpu), $"exit {run.ExitCode}: {run.Stderr.Trim()}");
            }

            var answer = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("answer").GetString();
            return ((run.Elapsed, run.Cpu), string.IsNullOrWhiteSpace(answer) ? "empty answer" : null);
        }

        var cached = new List<(TimeSpan Wall, TimeSpan? Cpu)>();
        var parsed = new List<(TimeSpan Wall, TimeSpan? Cpu)>();
        for (var i = 0; i < s.ColdStartRuns; i++)
        {
            var (time, error) = await AskAsync();
            if (error is not null)
            {
                return [Row.Failure(label, error)];
            }

            cached.Add(time);
            (time, error) = await AskAsync("--Corpus:Cache=false");
            if (error is not null)
            {
                return [Row.Failure(label, "without cache: " + error)];
            }

            parsed.Add(time);
        }

        var version = await ChildProcess.RunAsync(ChildProcess.Dotnet, [cli, "--version"], environment);
        var median = cached.OrderBy(c => c.Wall).ElementAt(cached.Count / 2);
        var medianParsed = parsed.OrderBy(c => c.Wall).ElementAt(parsed.Count / 2);
        return
        [
            new Row(
                label + $" (persisted cache, median of {s.ColdStartRuns})",
                $"{Seconds(median.Wall, median.Cpu)} (process start alone, `newsbot --version`: {Seconds(version.Elapsed, version.Cpu)})",
                "≤ 3 s",
                median.Wall.TotalSeconds <= 3,
                $"re-parse every file (`--Corpus:Cache=false`): {Seconds(medianParsed.Wall, medianParsed.Cpu)}",
                Faster(medianParsed.Wall, median.Wall)),
            new Row($"`newsbot ingest` of {count:N0} articles (cold), CLI incl. process start", $"{Seconds(ingest.Elapsed, ingest.Cpu)} ({count / ingest.Elapsed.TotalSeconds:N0} articles/s)", "", null, "", ""),
        ];
    }

    private static FileCorpusProvider Provider(string folder, string? cacheFolder)
    {
        var options = Options.Create(new CorpusOptions { Path = folder, Cache = cacheFolder is not null, CacheFolder = cacheFolder ?? "" });
        return new FileCorpusProvider(options, new CorpusLoader(NullLogger<CorpusLoader>.Instance), NullLogger<FileCorpusProvider>.Instance, cacheLocation: new CorpusCacheLocation(options));
    }

    private static string Render(PerfSettings s, List<Row> rows, string load)
    {
        var sb = new StringBuilder();
        sb.AppendLine(s.Smoke ? "### NewsBot performance (smoke run: tiny corpus, targets not judged)" : "### NewsBot performance");
        sb.AppendLine();
        sb.AppendLine("Machine: " + MachineInfo.Describe());
        sb.AppendLine();
        if (load.Length > 0)
        {
            sb.AppendLine("Conditions: " + load + ".");
            sb.AppendLine();
        }

        sb.AppendLine("Command: `dotnet run --project bench/NewsBot.Benchmarks -c Release" + (s.Smoke ? " -- --smoke`" : "`"));
        sb.AppendLine();
        sb.AppendLine("| Measure | Result | Target | Alternative (same run) | Ratio |");
        sb.AppendLine("|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var target = r.Target.Length == 0 ? "" : s.Smoke ? r.Target : $"{r.Target} {(r.Met switch { true => "✅", false => "❌", null => "" })}";
            sb.AppendLine($"| {r.Measure} | {r.Result} | {target.Trim()} | {r.Alternative} | {r.Ratio} |");
        }

        sb.AppendLine();
        sb.AppendLine("Notes: times are wall clock, with the process's CPU time in brackets (on a busy machine wall time includes waiting for a core). " +
            "A load builds the search index and answers at once; the people index follows in the background (only /who and follow-up questions wait for it), " +
            "so the cold ingest rows include it and the reload and cold start rows do not. " +
            "The cache pays off most in a fresh process (cold start row), where parsing every file also pays for compiling the parser. " +
            "Retrieval latency is `CorpusIndex.Search` for ask-style questions made from corpus sentences; the linear scan scores every passage with the same BM25. " +
            "The pipeline row sends `/ask` through `CommandRouter` (access, answer gate, conversation memory) to the extractive engine, no network.");
        return sb.ToString();
    }

    private static string Faster(TimeSpan alternative, TimeSpan ours) => Faster(alternative.TotalMilliseconds, ours.TotalMilliseconds);

    /// <summary>"2.4× faster" when ours takes less time than the alternative, "1.3× slower" when it takes more.</summary>
    private static string Faster(double alternative, double ours) =>
        ours <= 0 || alternative <= 0 ? "n/a" : alternative >= ours ? Ratio(alternative, ours) + " faster" : Ratio(ours, alternative) + " slower";

    /// <summary>Runs <paramref name="work"/> once, with its wall and CPU time.</summary>
    private static (T Result, (TimeSpan Wall, TimeSpan Cpu) Time) Timed<T>(Func<T> work)
    {
        var cpu = CpuClock.Self();
        var watch = Stopwatch.StartNew();
        var result = work();
        return (result, (watch.Elapsed, CpuClock.Self() - cpu));
    }

    private static string Ratio(double a, double b) => b <= 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{a / b:0.0}×");

    /// <summary>Wall time with the CPU time it took, e.g. "1.20 s (CPU 1.90 s)".</summary>
    private static string Seconds(TimeSpan wall, TimeSpan? cpu) =>
        string.Create(CultureInfo.InvariantCulture, $"{wall.TotalSeconds:0.00} s") + (cpu is { } c ? string.Create(CultureInfo.InvariantCulture, $" (CPU {c.TotalSeconds:0.00} s)") : "");

    private static string? FindCli()
    {
        var root = RepositoryRoot();
        var configuration = typeof(PerfBenchmark).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        return new[]
        {
            Path.Combine(root, "src", "NewsBot", "bin", configuration, "net10.0", "newsbot.dll"),
            Path.Combine(root, "artifacts", "publish", "newsbot.dll"),
        }.FirstOrDefault(File.Exists);
    }

    public static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NewsBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("NewsBot.sln not found above " + AppContext.BaseDirectory);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static void Log(string message) => Console.Error.WriteLine("bench: " + message);

    private sealed record Row(string Measure, string Result, string Target, bool? Met, string Alternative, string Ratio)
    {
        public bool Failed { get; init; }

        public static Row Failure(string measure, string why) => new(measure, "FAILED: " + why, "", false, "", "") { Failed = true };
    }

    private sealed class FixedCorpus(CorpusSnapshot snapshot) : ICorpusProvider
    {
        public CorpusSnapshot Current => snapshot;

        public event EventHandler<CorpusSnapshot>? Changed { add { } remove { } }
    }
}

internal sealed record PerfSettings
{
    public bool Smoke { get; init; }

    public int LargeArticles { get; init; } = 10_000;

    public int SmallArticles { get; init; } = 1_000;

    public int Queries { get; init; } = 2_000;

    public int ScanQueriesLarge { get; init; } = 200;

    public int Users { get; init; } = 50;

    public int PipelineQuestions { get; init; } = 2_000;

    public int ColdStartRuns { get; init; } = 3;

    public string? Cli { get; init; }

    public string? Datasets { get; init; }

    public string? OutFile { get; init; }

    public bool Keep { get; init; }

    public static PerfSettings Parse(string[] args)
    {
        var s = new PerfSettings();
        if (args.Contains("--smoke"))
        {
            s = s with { Smoke = true, LargeArticles = 300, SmallArticles = 60, Queries = 100, ScanQueriesLarge = 50, Users = 10, PipelineQuestions = 100, ColdStartRuns = 1 };
        }

        for (var i = 0; i < args.Length - 1; i++)
        {
            var value = args[i + 1];
            s = args[i] switch
            {
                "--articles" => s with { LargeArticles = int.Parse(value, CultureInfo.InvariantCulture) },
                "--small" => s with { SmallArticles = int.Parse(value, CultureInfo.InvariantCulture) },
                "--queries" => s with { Queries = int.Parse(value, CultureInfo.InvariantCulture) },
                "--cli" => s with { Cli = Path.GetFullPath(value) },
                "--datasets" => s with { Datasets = Path.GetFullPath(value) },
                "--out" when !args.Contains("corpus") => s with { OutFile = Path.GetFullPath(value) },
                _ => s,
            };
        }

        return s with { Keep = args.Contains("--keep") };
    }
}
