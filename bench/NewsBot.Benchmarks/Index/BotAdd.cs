using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Benchmarks.Perf;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Corpus;
using NewsBot.Retrieval.People;

namespace NewsBot.Benchmarks.Index;

/// <summary>
/// Articles added as the running bot adds them: the corpus watcher parses the new files and hands the provider the whole
/// list (<see cref="FileCorpusProvider.Replace"/>), which updates the search index in memory and writes its file, then
/// updates the people index and writes its file. Timed from the first new file parsed to the people index ready, both
/// files written, on a copy of the data folder, with the bot opened and its people ready beforehand (as in a bot that
/// has been running). <c>index --bot-add &lt;corpus&gt; --data &lt;data folder&gt; --held &lt;folder of new files&gt;
/// [--dictionary &lt;snapshot folder&gt;] [--runs N] [--verify]</c> repeats it on a kept bench folder
/// (with <c>--verify</c>, also checks every field of every person against a fresh build of the same articles).
/// </summary>
internal static class BotAdd
{
    /// <summary>Whole update (parse, search index, people index, both files) and its search-index part; process CPU time.</summary>
    public sealed record Result(TimeSpan Wall, TimeSpan Cpu, TimeSpan Search, int Added)
    {
        /// <summary>With verification: whether the updated people index is that of a fresh build (null when not checked).</summary>
        public string? Verified { get; init; }

        public override string ToString() =>
            $"+{Added} articles in-process: {Wall.TotalSeconds:0.00} s (CPU {Cpu.TotalSeconds:0.00} s), search index part {Search.TotalSeconds:0.00} s"
            + (Verified is null ? "" : $"; {Verified}");
    }

    /// <summary>The standalone form: copies the held files into the corpus for each run and removes them afterwards.</summary>
    public static async Task<int> RunAsync(string folder, string data, string held, string? dictionary, int runs, bool verify)
    {
        var sources = Directory.GetFiles(held);
        for (var run = 0; run < runs; run++)
        {
            var result = await MeasureAsync(folder, data, dictionary, () =>
                sources.Select(source =>
                {
                    var target = Path.Combine(folder, Path.GetFileName(source));
                    File.Copy(source, target, overwrite: true);
                    return target;
                }).ToList(), verify);
            Console.WriteLine($"{result} (load average {CpuClock.LoadAverage()})");
        }

        return 0;
    }

    /// <summary>
    /// Opens the bot on a copy of <paramref name="data"/>, waits for its people, then lets <paramref name="add"/> write the new
    /// files into <paramref name="folder"/> and times the watcher's update; the new files and the copy are removed afterwards.
    /// </summary>
    public static async Task<Result> MeasureAsync(string folder, string data, string? dictionary, Func<IReadOnlyList<string>> add, bool verify = false)
    {
        var copy = data.TrimEnd(Path.DirectorySeparatorChar) + "-bot-" + Guid.NewGuid().ToString("N")[..8];
        CopyFolder(data, copy);
        IReadOnlyList<string> added = [];
        try
        {
            await using var provider = IndexBenchmark.Bot(folder, Path.Combine(copy, "cache"), dictionary);
            var corpus = provider.GetRequiredService<FileCorpusProvider>();
            var loader = provider.GetRequiredService<CorpusLoader>();
            var before = corpus.Current;
            _ = before.People;

            added = add();
            var started = Stopwatch.GetTimestamp();
            var cpu = CpuClock.Self();

            // What CorpusWatcher.Scan does: the files in path order, the known ones as loaded, the new ones parsed (files it
            // already knows do not parse are not tried again).
            var fresh = added.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
            var articles = new List<Article>();
            foreach (var file in CorpusLoader.ArticleFiles(folder).Order(StringComparer.Ordinal))
            {
                if (fresh.Contains(Path.GetFullPath(file)))
                {
                    if (loader.TryLoad(folder, file) is { } article)
                    {
                        articles.Add(article);
                    }
                }
                else if (before.Find(CorpusLoader.IdFor(folder, file)) is { } known)
                {
                    articles.Add(known);
                }
            }

            var snapshot = corpus.Replace(articles);
            var search = Stopwatch.GetElapsedTime(started);
            var people = snapshot.People;
            var result = new Result(Stopwatch.GetElapsedTime(started), CpuClock.Self() - cpu, search, snapshot.Articles.Count - before.Articles.Count);
            if (verify)
            {
                // Every field of every person, in the index's order, against a fresh build of the same articles.
                var built = PeopleIndexBuilder.Build(articles, provider.GetRequiredService<WordKnowledgeSource>().Knowledge);
                var (got, want) = (Describe(people), Describe(built));
                var first = got.Zip(want).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.First != x.p.Second);
                result = result with
                {
                    Verified = got.SequenceEqual(want)
                        ? $"people identical to a fresh build ({want.Count:N0} people)"
                        : $"people DIFFER from a fresh build: {got.Count:N0} against {want.Count:N0}; first at {first.i}: {first.p.First} | {first.p.Second}",
                };
            }

            return result;
        }
        finally
        {
            foreach (var file in added)
            {
                File.Delete(file);
            }

            Directory.Delete(copy, recursive: true);
        }
    }

    private static List<string> Describe(PeopleIndex index) => index.People
        .Select(p => string.Join(
            " | ",
            p.Name,
            p.Surname,
            p.Mentions,
            string.Join(",", p.ArticleIds),
            string.Join(",", p.Aliases),
            string.Join(",", p.Roles.Select(r => $"{r.Text}/{r.Language}/{r.ArticleId}")),
            string.Join(",", p.Quotes.Select(q => $"{q.Text}/{q.ArticleId}/{q.Ordinal}")),
            string.Join(",", p.Places.Select(x => $"{x.ArticleId}/{x.Ordinal}"))))
        .ToList();

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
