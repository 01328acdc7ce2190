using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Benchmarks.Perf;

/// <summary>
/// Child-process mode ("memory-probe"): loads a corpus the way the app does (core services, article cache), answers
/// 100 questions through the router, and prints its peak working set as JSON. A fresh process keeps the figure honest.
/// </summary>
internal static class MemoryProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var corpus = Arg("--corpus") ?? throw new ArgumentException("--corpus is required");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Corpus:Path"] = corpus,
            ["Corpus:CacheFolder"] = Arg("--cache-folder") ?? "",
            ["Corpus:Cache"] = Arg("--cache-folder") is null ? "false" : "true",
            ["Bot:RateLimit:QuestionsPerMinute"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNewsBotCore(configuration).AddInMemoryState().AddExtractiveAnswers();
        await using var provider = services.BuildServiceProvider();
        var snapshot = provider.GetRequiredService<FileCorpusProvider>().Current;
        _ = snapshot.People; // built in the background; the probe holds everything the bot holds
        var pipeline = provider.GetRequiredService<IChatPipeline>();
        var random = new Random(7);
        for (var i = 0; i < 100; i++)
        {
            var passage = snapshot.Index.Passages[random.Next(snapshot.Index.Passages.Count)];
            var words = string.Join(' ', passage.Text.Split(' ').Take(6));
            _ = await pipeline.HandleAsync(new ChatRequest { Platform = Platforms.Console, ChatId = "probe", UserId = "probe", Text = "/ask " + words }, null, CancellationToken.None);
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        const double Mb = 1024 * 1024;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"articles\":{snapshot.Articles.Count},\"peakWorkingSetMb\":{self.PeakWorkingSet64 / Mb:0.0},\"workingSetMb\":{self.WorkingSet64 / Mb:0.0},\"managedHeapMb\":{GC.GetTotalMemory(false) / Mb:0.0},\"liveHeapMb\":{GC.GetTotalMemory(true) / Mb:0.0}}}"));
        GC.KeepAlive(snapshot);
        return 0;
    }
}
