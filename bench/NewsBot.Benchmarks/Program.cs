using NewsBot.Benchmarks.Perf;

// Verbs: "perf" (default: speed and memory at scale), "corpus --out <dir> [--articles N]" (write the benchmark corpus),
// "memory-probe" (child process of perf).
// Flags: --smoke (tiny corpus, seconds; CI), --articles N, --small N, --queries N, --cli <newsbot.dll>, --out <file.md>, --keep.
var verb = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "perf";
return verb switch
{
    "perf" => await PerfBenchmark.RunAsync(args),
    "memory-probe" => await MemoryProbe.RunAsync(args),
    "corpus" => PerfBenchmark.WriteCorpus(args),
    _ => Usage(verb),
};

static int Usage(string verb)
{
    Console.Error.WriteLine($"benchmarks: unknown verb '{verb}' (use: perf [--smoke])");
    return 2;
}
