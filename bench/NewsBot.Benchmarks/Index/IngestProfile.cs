using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Benchmarks.Perf;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Benchmarks.Index;

/// <summary>
/// Where a cold ingest goes: each step the CLI's <c>ingest</c> takes, run alone in order with its wall and process CPU time
/// and the GC's work (<c>index --profile-ingest &lt;corpus&gt; [--dictionary &lt;snapshot folder&gt;] [--allocations] [--people-runs N]</c>;
/// --allocations adds each step's most allocated types). Writes to a temporary folder.
/// </summary>
internal static class IngestProfile
{
    private static AllocationSampler? Sampler { get; set; }

    /// <param name="peopleRuns">Then as many more people builds, each with and without the first reading's checkpoints (warm: compiled, word caches filled).</param>
    public static int Run(string folder, string? dictionary, bool allocations, int peopleRuns)
    {
        using var sampler = allocations ? new AllocationSampler() : null;
        Sampler = sampler;
        var data = Path.Combine(Path.GetTempPath(), "newsbot-ingest-profile-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        try
        {
            using var provider = IndexBenchmark.Bot(folder, data, dictionary);
            var cache = Path.Combine(data, "profile.articles");
            var loader = new CorpusLoader(NullLogger<CorpusLoader>.Instance);

            var articles = Step("parse (no cache)", () => loader.Load(folder, null).Articles);
            Step("parse + article cache write", () => loader.Load(folder, cache));
            var translator = Step("dictionary snapshot", () =>
            {
                var t = provider.GetRequiredService<QueryTranslator>();
                _ = t.Splitter;
                return t;
            });
            Step("index without compounds", () => CorpusIndex.Build(articles));
            var index = Step("index with compounds", () => CorpusIndex.Build(articles, translator));
            Step("index file write", () => SearchIndexFile.Write(SearchIndexFile.FileFor(cache), index));
            var knowledge = Step("word knowledge", () => provider.GetRequiredService<WordKnowledgeSource>().Knowledge);
            var builder = new PeopleIndexBuilder(knowledge);
            Step("people extraction + merge", () => builder.Update(articles));
            Console.Error.WriteLine($"ingest profile: {articles.Count:N0} articles, {builder.ArticlesRead:N0} extractions, {builder.ArticlesResumed:N0} of them resumed from the first reading's checkpoint");
            Step("people file write", () => PeopleIndexFile.Write(PeopleIndexFile.FileFor(cache), "profile", articles, builder));
            for (var r = 0; r < peopleRuns; r++)
            {
                foreach (var resume in new[] { true, false })
                {
                    GC.Collect();
                    var again = new PeopleIndexBuilder(knowledge) { Resume = resume };
                    Step(resume ? "people again, checkpoints" : "people again, no checkpoints", () => again.Update(articles));
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static void Step(string name, Action step) => Step(name, () =>
    {
        step();
        return 0;
    });

    private static T Step<T>(string name, Func<T> step)
    {
        Sampler?.Reset();
        var cpu = CpuClock.Self();
        var pause = GC.GetTotalPauseDuration();
        var collections = GC.CollectionCount(2);
        var (gen0, gen1) = (GC.CollectionCount(0), GC.CollectionCount(1));
        var allocated = GC.GetTotalAllocatedBytes();
        var wall = Stopwatch.StartNew();
        var result = step();
        wall.Stop();
        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"ingest profile: {name,-30} wall {wall.ElapsedMilliseconds,6} ms, CPU {(CpuClock.Self() - cpu).TotalMilliseconds,6:0} ms, GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds,5:0} ms ({GC.CollectionCount(0) - gen0} GCs, {GC.CollectionCount(1) - gen1} gen1, {GC.CollectionCount(2) - collections} gen2), allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0,5:0} MB; load {CpuClock.LoadAverage()}"));
        Sampler?.Report(name);
        return result;
    }
}
