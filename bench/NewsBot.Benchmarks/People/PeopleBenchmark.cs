using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Ai;
using NewsBot.Benchmarks.Perf;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Benchmarks.People;

/// <summary>
/// /who quality on <c>../shared/datasets/people-dev</c> (34 annotated articles): builds the people index over the whole
/// folder as <c>newsbot who --json</c> would, writes its output, and scores it with the data set's own <c>score.py</c>
/// (recall, precision, F1, role accuracy, recall per category, misses and false people).
/// The articles are split in two halves before any tuning, by article id in ordinal order, every other one (A: 1st, 3rd,
/// …; B: 2nd, 4th, …), so a figure on the half that was not tuned on is an honest one.
/// <c>people [--half A|B|all] [--datasets DIR] [--dictionary PATH | --no-dictionary] [--all] [--keep] [--explain ARTICLE-ID] [--speed [--articles N]]
/// [--model-endpoint URL --model NAME [--model-cache DIR]]</c>. With a model endpoint (OpenAI-compatible; key from the
/// <c>Llm__ApiKey</c> environment variable) the app's optional model pass refines every article before scoring; its replies
/// are cached per article (default: a folder under the temp directory), so a second run asks nothing.
/// </summary>
public static class PeopleBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var datasets = Option(args, "--datasets") ?? Path.Combine(RepositoryRoot(), "..", "shared", "datasets");
        var folder = Path.GetFullPath(Path.Combine(datasets, "people-dev"));
        var goldPath = Path.Combine(folder, "gold.json");
        var scorer = Path.Combine(folder, "score.py");
        if (!File.Exists(goldPath) || !File.Exists(scorer))
        {
            Console.Error.WriteLine($"people: gold.json and score.py not found under {folder} (pass --datasets DIR)");
            return 2;
        }

        var half = (Option(args, "--half") ?? "both").ToUpperInvariant();
        if (half is not ("A" or "B" or "ALL" or "BOTH"))
        {
            Console.Error.WriteLine($"people: --half must be A, B or all, not '{half}'");
            return 2;
        }

        var dictionaryPath = args.Contains("--no-dictionary") ? null : Option(args, "--dictionary") ?? SearchOptions.DefaultDictionaryPath;
        if (args.Contains("--speed"))
        {
            return Speed(datasets, dictionaryPath, int.TryParse(Option(args, "--articles"), out var n) ? n : 10_000);
        }

        var work = Directory.CreateTempSubdirectory("newsbot-people-bench-").FullName;
        try
        {
            // The folder's README.md is documentation, not an article of the set.
            var articles = new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(folder)
                .Where(a => !a.Id.Equals("README", StringComparison.OrdinalIgnoreCase)).ToList();
            var watch = Stopwatch.StartNew();
            var knowledge = dictionaryPath is not null && File.Exists(dictionaryPath) ? WordKnowledge.Load(dictionaryPath) : null;
            var knowledgeTime = watch.Elapsed;
            watch.Restart();
            var builder = new PeopleIndexBuilder(knowledge);
            var index = builder.Rebuild(articles);
            var buildTime = watch.Elapsed;
            if (Option(args, "--model-endpoint") is { } endpoint)
            {
                var rulesOnly = index.Count;
                watch.Restart();
                index = await builder.ToIndexAsync(ModelRefiner(endpoint, Option(args, "--model") ?? "", Option(args, "--model-cache")), CancellationToken.None);
                Console.WriteLine($"model pass ({Option(args, "--model")} at {endpoint}): {rulesOnly} people before, {index.Count} after, {watch.Elapsed.TotalSeconds:0.0} s");
            }

            if (Option(args, "--explain") is { } explain)
            {
                // One article as the extractor sees it: every person with given name, roles, forms, mentions, quotes.
                var extracted = File.Exists(explain)
                    ? new PersonExtractor(knowledge).Extract(new CorpusLoader(NullLogger<CorpusLoader>.Instance).TryLoad(Path.GetDirectoryName(Path.GetFullPath(explain))!, Path.GetFullPath(explain))!)
                    : builder.Extracted[explain];
                foreach (var person in extracted.People)
                {
                    Console.WriteLine($"{person.Name} | given {person.GivenName} | roles [{string.Join("; ", person.Roles)}] | forms [{string.Join("; ", person.Forms)}] | mentions {person.Mentions} | introduced {person.Introduced} | quotes {person.Quotes.Count}");
                }

                return 0;
            }

            Console.WriteLine(
                $"people-dev: {articles.Count} articles, {index.People.Count} people; word knowledge: "
                + (knowledge is null ? "none (no dictionary)" : $"{dictionaryPath} ({knowledgeTime.TotalMilliseconds:F0} ms)")
                + $"; index built in {buildTime.TotalMilliseconds:F0} ms");

            var whoPath = Path.Combine(work, "who.json");
            var who = new JsonObject
            {
                ["people"] = new JsonArray(index.People.Select(p => (JsonNode)new JsonObject
                {
                    ["name"] = p.Name,
                    ["role"] = p.Roles.Count > 0 ? p.Roles[0].Text : "",
                    ["aliases"] = new JsonArray(p.Aliases.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
                    ["articleIds"] = new JsonArray(p.ArticleIds.Select(a => (JsonNode)JsonValue.Create(a)!).ToArray()),
                    ["mentions"] = p.Mentions,
                }).ToArray()),
            };
            await File.WriteAllTextAsync(whoPath, who.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

            var gold = JsonNode.Parse(await File.ReadAllTextAsync(goldPath))!.AsObject();
            var all = gold["articles"]!.AsArray().Select(a => a!).OrderBy(a => (string)a["id"]!, StringComparer.Ordinal).ToList();
            var halves = new List<(string Name, List<JsonNode> Articles)>();
            if (half is "A" or "BOTH")
            {
                halves.Add(("A (tuned on)", all.Where((_, i) => i % 2 == 0).ToList()));
            }

            if (half is "B" or "BOTH")
            {
                halves.Add(("B (held out)", all.Where((_, i) => i % 2 == 1).ToList()));
            }

            if (half is "ALL" or "BOTH")
            {
                halves.Add(("all", all));
            }

            foreach (var (name, part) in halves)
            {
                var partPath = Path.Combine(work, $"gold-{name.Split(' ')[0]}.json");
                var partGold = new JsonObject { ["articles"] = new JsonArray(part.Select(a => a.DeepClone()).ToArray()) };
                await File.WriteAllTextAsync(partPath, partGold.ToJsonString());
                Console.WriteLine();
                Console.WriteLine($"=== half {name}: {string.Join(' ', part.Select(a => (string)a["id"]!))}");
                var scoreArgs = new List<string> { scorer, partPath, whoPath };
                if (args.Contains("--all"))
                {
                    scoreArgs.Add("--all");
                }

                var result = await ChildProcessRun("python3", scoreArgs);
                Console.Write(result);
            }

            if (args.Contains("--keep"))
            {
                Console.WriteLine($"kept: {whoPath}");
            }

            return 0;
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>The app's model pass (<see cref="LlmPeopleRefiner"/>) against one OpenAI-compatible endpoint, all articles asked.</summary>
    private static LlmPeopleRefiner ModelRefiner(string endpoint, string model, string? cacheFolder)
    {
        var llm = new LlmOptions
        {
            Provider = nameof(LlmProvider.OpenAI),
            Endpoint = endpoint,
            Model = model,
            ApiKey = Environment.GetEnvironmentVariable("Llm__ApiKey") ?? "none",
            TimeoutSeconds = 180,
        };
        var cache = new CorpusCacheLocation(Options.Create(new CorpusOptions
        {
            CacheFolder = cacheFolder ?? Path.Combine(Path.GetTempPath(), "newsbot-people-bench-model-cache"),
        }));
        var loggers = NullLoggerFactory.Instance;
        return new LlmPeopleRefiner(
            LlmChatServiceFactory.Create(llm, TimeProvider.System, loggers),
            Options.Create(llm),
            Options.Create(new LlmPeopleOptions { Enabled = true, MaxCallsPerBuild = 100_000 }),
            TimeProvider.System,
            new LlmCircuit(Options.Create(llm), TimeProvider.System),
            NullLogger<LlmPeopleRefiner>.Instance,
            cache);
    }

    /// <summary>
    /// The people index build alone on the perf benchmark's corpus (10,000 articles made from 10kGNAD and Wikinews), best
    /// of three after a warm-up, wall and CPU time; with the word knowledge the app loads from the dictionary, and without.
    /// </summary>
    private static int Speed(string datasets, string? dictionaryPath, int count)
    {
        var folder = Directory.CreateTempSubdirectory("newsbot-people-speed-").FullName;
        try
        {
            Console.WriteLine($"load average at start: {LoadAverage()}");
            BenchCorpus.Write(folder, BenchCorpus.ReadSources(datasets), count);
            var articles = new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(folder);
            var cpu = CpuClock.Self();
            var watch = Stopwatch.StartNew();
            var knowledge = dictionaryPath is not null && File.Exists(dictionaryPath) ? WordKnowledge.Load(dictionaryPath) : null;
            Console.WriteLine($"word knowledge: {(knowledge is null ? "none" : $"{watch.Elapsed.TotalSeconds:0.00} s (CPU {(CpuClock.Self() - cpu).TotalSeconds:0.00} s) to scan {dictionaryPath}")}");
            foreach (var (name, with) in new[] { ("without word knowledge", (WordKnowledge?)null), ("with word knowledge", knowledge) })
            {
                if (name.StartsWith("with ", StringComparison.Ordinal) && with is null)
                {
                    continue;
                }

                _ = PeopleIndexBuilder.Build(articles.Take(300).ToList(), with);
                (TimeSpan Wall, TimeSpan Cpu) best = (TimeSpan.MaxValue, TimeSpan.Zero);
                var people = 0;
                for (var round = 0; round < 3; round++)
                {
                    GC.Collect();
                    cpu = CpuClock.Self();
                    watch.Restart();
                    people = PeopleIndexBuilder.Build(articles, with).People.Count;
                    var time = (watch.Elapsed, CpuClock.Self() - cpu);
                    best = time.Item1 < best.Wall ? time : best;
                }

                Console.WriteLine($"People index of {articles.Count:N0} articles, {name}: {best.Wall.TotalSeconds:0.00} s (CPU {best.Cpu.TotalSeconds:0.00} s), {people:N0} people (best of 3)");

                // Where the time goes: extracting each article once, then the cross-article refresh and the merge.
                GC.Collect();
                var builder = new PeopleIndexBuilder(with);
                cpu = CpuClock.Self();
                foreach (var article in articles)
                {
                    builder.Upsert(article);
                }

                var extractCpu = CpuClock.Self() - cpu;
                cpu = CpuClock.Self();
                _ = builder.ToIndex();
                Console.WriteLine($"  of which: first extraction CPU {extractCpu.TotalSeconds:0.00} s, refresh + merge CPU {(CpuClock.Self() - cpu).TotalSeconds:0.00} s");
            }

            Console.WriteLine($"load average at end: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static async Task<string> ChildProcessRun(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await output + await error;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string RepositoryRoot()
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
}
