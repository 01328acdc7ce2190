using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Benchmarks.Perf;
using NewsBot.Retrieval.Corpus;
using NewsBot.Retrieval.Search;

namespace NewsBot.Benchmarks.Index;

/// <summary>
/// The index bench's query measurement alone, repeated, on a kept data folder (<c>index --keep</c>): the same questions (seed 42),
/// the same warm-up, then rounds of them with each query's thread CPU time, its allocated bytes and the collections it saw.
/// Where a query's time goes between planning (translation, cognates, compound parts) and the rest (postings, re-ranking).
/// <c>index --query-profile corpus-N --data data-N --dictionary dictionary [--queries 1000] [--rounds 3] [--allocations]</c>.
/// </summary>
internal static class QueryProfile
{
    private const int Hits = 6;

    public static int Run(string folder, string data, string? dictionary, List<string> questions, List<string> warmUp, int rounds, bool allocations, string? dump = null)
    {
        using var provider = IndexBenchmark.Bot(folder, Path.Combine(data, "cache"), dictionary);
        var index = provider.GetRequiredService<FileCorpusProvider>().Current.Index;
        var opened = index as CorpusIndex;
        Log($"{index.Passages.Count:N0} passages, {questions.Count} questions, load {CpuClock.LoadAverage()}");
        if (dump is not null)
        {
            // Every question's hits and exact scores, to compare two builds (diff the files).
            using var writer = new StreamWriter(dump);
            foreach (var q in questions.Concat(warmUp))
            {
                writer.WriteLine(q);
                foreach (var hit in index.Search(new SearchQuery(q), Hits))
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {hit.Passage.Article.Id} {hit.Passage.Ordinal} {hit.Score:R}"));
                }
            }

            return 0;
        }

        foreach (var q in questions.Take(50))
        {
            _ = index.Search(new SearchQuery(q), Hits);
        }

        // Other questions first (--warm-up N): compiled code and word caches warm, this round's passages and words mostly new.
        if (warmUp.Count > 0)
        {
            var cpu = CpuClock.Self();
            foreach (var q in warmUp)
            {
                _ = index.Search(new SearchQuery(q), Hits);
            }

            Log($"{warmUp.Count} other questions first: process CPU {(CpuClock.Self() - cpu).TotalMilliseconds:0} ms");
        }

        for (var round = 1; round <= rounds; round++)
        {
            using var sampler = allocations && round == rounds ? new AllocationSampler() : null;
            var cpu = new Latencies();
            var plan = new Latencies();
            var bytes = new List<long>(questions.Count);
            var gcs = GC.CollectionCount(0);
            var started = CpuClock.Self();
            foreach (var q in questions)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var before = CpuClock.Thread();
                _ = index.Search(new SearchQuery(q), Hits);
                var after = CpuClock.Thread();
                bytes.Add(GC.GetAllocatedBytesForCurrentThread() - allocated);
                if (before is { } b && after is { } a)
                {
                    cpu.Add(a - b);
                }

                if (opened is not null)
                {
                    var p0 = CpuClock.Thread();
                    _ = opened.Translator.Plan(new SearchQuery(q), opened.Contains, opened.WithPrefix);
                    if (p0 is { } p && CpuClock.Thread() is { } p1)
                    {
                        plan.Add(p1 - p);
                    }
                }
            }

            bytes.Sort();
            Log(string.Create(
                CultureInfo.InvariantCulture,
                $"round {round}: query thread CPU {cpu.Summary()}; of it the plan alone {plan.Summary()}; allocated per query p50 {bytes[bytes.Count / 2] / 1024} KB · p95 {bytes[(int)(bytes.Count * 0.95)] / 1024} KB · mean {bytes.Average() / 1024:0} KB; gen0 collections {GC.CollectionCount(0) - gcs}; process CPU {(CpuClock.Self() - started).TotalMilliseconds:0} ms; load {CpuClock.LoadAverage()}"));
            if (sampler is not null)
            {
                sampler.Report($"round {round}, {questions.Count} queries");
            }
        }

        return 0;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] query-profile: {message}");
}
