using NewsBot.Benchmarks.Answers;
using NewsBot.Benchmarks.Extraction;
using NewsBot.Benchmarks.Index;
using NewsBot.Benchmarks.People;
using NewsBot.Benchmarks.Perf;
using NewsBot.Benchmarks.Retrieval;
using NewsBot.Benchmarks.State;

// Verbs: "perf" (default: speed and memory at scale), "retrieval" (retrieval quality, see Retrieval/), "answers" (answer quality, see Answers/),
// "people [--half A|B|all] [--speed]" (/who quality on people-dev, see People/), "extraction" (article-body extraction quality, see Extraction/),
// "corpus --out <dir> [--articles N]" (write the perf corpus), "memory-probe" (child process of perf),
// "index [--sizes 1000,4000,all] [--combined N]" (start, ingest and search as the archive grows, distinct articles, vs SQLite FTS5; see Index/),
// "fts5-ingest <folder> <db>" (child process of index: FTS5's ingest in a new process, timed like newsbot's),
// "state [--postgres <connection string>] [--chats N] [--turns N] [--smoke]" (state writes per second, SQLite and PostgreSQL).
// Perf flags: --smoke (tiny corpus, seconds; CI), --articles N, --small N, --queries N, --cli <newsbot.dll>, --out <file.md>, --keep.
var verb = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "perf";
return verb switch
{
    "perf" => await PerfBenchmark.RunAsync(args),
    "index" => await IndexBenchmark.RunAsync(args[1..]),
    "retrieval" => await RetrievalBenchmark.RunAsync(args[1..]),
    "answers" => await AnswerBenchmark.RunAsync(args[1..]),
    "people" => await PeopleBenchmark.RunAsync(args[1..]),
    "extraction" => ExtractionBenchmark.Run(args[1..]),
    "memory-probe" => await MemoryProbe.RunAsync(args),
    "fts5-ingest" => Fts5.RunChild(args[1..]),
    "corpus" => PerfBenchmark.WriteCorpus(args),
    "state" => await StateBenchmark.RunAsync(args[1..]),
    _ => Usage(verb),
};

static int Usage(string verb)
{
    Console.Error.WriteLine($"benchmarks: unknown verb '{verb}' (use: perf [--smoke] | index [--sizes 1000,4000,all] | retrieval | answers | people [--half A|B|all] | extraction | state [--postgres <connection string>] | corpus --out <dir>)");
    return 2;
}
