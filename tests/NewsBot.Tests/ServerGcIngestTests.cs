using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsBot.Cli;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Search;
using NewsBot.Tests.Shared;

namespace NewsBot.Tests;

/// <summary>A cold ingest of a large corpus runs in a child process with the server GC, and writes the same files.</summary>
public sealed class ServerGcIngestTests
{
    [Fact]
    public void Runs_in_a_child_only_with_several_cores_the_workstation_gc_and_a_large_corpus_when_not_the_child_already()
    {
        Assert.True(ServerGcIngest.Wanted(processors: 2, serverGc: false, isChild: false, largeCorpus: () => true));
        Assert.False(ServerGcIngest.Wanted(processors: 1, serverGc: false, isChild: false, largeCorpus: () => true));
        Assert.False(ServerGcIngest.Wanted(processors: 2, serverGc: true, isChild: false, largeCorpus: () => true));
        Assert.False(ServerGcIngest.Wanted(processors: 2, serverGc: false, isChild: true, largeCorpus: () => true));
        Assert.False(ServerGcIngest.Wanted(processors: 2, serverGc: false, isChild: false, largeCorpus: () => false));
    }

    [Fact]
    public void A_cold_ingest_that_stays_here_runs_without_a_collection_only_for_a_small_corpus_with_the_workstation_gc()
    {
        Assert.True(ServerGcIngest.DefersCollections(largeCorpus: false, serverGc: false));
        Assert.False(ServerGcIngest.DefersCollections(largeCorpus: true, serverGc: false));
        Assert.False(ServerGcIngest.DefersCollections(largeCorpus: false, serverGc: true));
    }

    [Fact]
    public void The_child_is_the_same_command_through_the_dotnet_host_with_the_server_gc_a_fixed_heap_count_and_no_background_collections()
    {
        var start = ServerGcIngest.StartInfo("/usr/share/dotnet/dotnet", "/app/newsbot.dll", ["ingest", "--corpus", "/data/news"], processors: 2);

        Assert.NotNull(start);
        Assert.Equal("/usr/share/dotnet/dotnet", start.FileName);
        Assert.Equal(["/app/newsbot.dll", "ingest", "--corpus", "/data/news"], start.ArgumentList);
        Assert.False(start.UseShellExecute);
        Assert.False(start.RedirectStandardOutput);
        Assert.Equal("1", start.Environment[ServerGcIngest.ChildVariable]);
        Assert.Equal("1", start.Environment["DOTNET_gcServer"]);
        Assert.Equal("0", start.Environment["DOTNET_GCDynamicAdaptationMode"]);
        Assert.Equal("0", start.Environment["DOTNET_gcConcurrent"]);
        Assert.Equal("2", start.Environment["DOTNET_GCHeapCount"]);
    }

    [Fact]
    public void Through_the_app_host_the_child_is_the_program_itself_and_its_heaps_are_capped_in_hexadecimal()
    {
        var start = ServerGcIngest.StartInfo("/app/newsbot", "/app/newsbot.dll", ["ingest"], processors: 64);

        Assert.NotNull(start);
        Assert.Equal("/app/newsbot", start.FileName);
        Assert.Equal(["ingest"], start.ArgumentList);
        Assert.Equal(ServerGcIngest.MaximumHeaps.ToString("x", CultureInfo.InvariantCulture), start.Environment["DOTNET_GCHeapCount"]);
    }

    [Fact]
    public void Without_a_known_program_there_is_no_child()
    {
        Assert.Null(ServerGcIngest.StartInfo(null, "/app/newsbot.dll", ["ingest"], processors: 2));
        Assert.Null(ServerGcIngest.StartInfo("/usr/bin/dotnet", null, ["ingest"], processors: 2));
    }

    [Fact]
    public void The_child_is_decided_from_the_configuration_before_the_host_only_for_a_corpus_without_an_index_on_disk()
    {
        var corpus = TestPaths.NewTempFolder();
        var cache = TestPaths.NewTempFolder();
        IConfiguration Settings(params (string Key, string Value)[] settings) =>
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var settings = Settings(("Corpus:Path", corpus), ("Corpus:CacheFolder", cache));

        Assert.Equal(corpus, ServerGcIngest.ColdCorpusFolder(settings));

        // The index the ingest would write next to the article cache: an update, in the process.
        var cacheFile = new CorpusCacheLocation(Options.Create(new CorpusOptions { Path = corpus, CacheFolder = cache })).FileFor(corpus)!;
        File.WriteAllText(SearchIndexFile.FileFor(cacheFile), "");
        Assert.Null(ServerGcIngest.ColdCorpusFolder(settings));

        // Settings the host reports itself: a missing folder, a value that does not bind.
        Assert.Null(ServerGcIngest.ColdCorpusFolder(Settings(("Corpus:Path", Path.Combine(corpus, "missing")))));
        Assert.Null(ServerGcIngest.ColdCorpusFolder(Settings(("Corpus:Path", corpus), ("Corpus:Cache", "often"))));
    }

    [Fact]
    public async Task A_large_cold_ingest_in_the_child_writes_the_files_an_ingest_in_the_process_writes()
    {
        var corpus = TestPaths.NewTempFolder();
        for (var i = 0; i < ServerGcIngest.MinimumFiles; i++)
        {
            await File.WriteAllTextAsync(
                Path.Combine(corpus, $"note-{i:D4}.txt"),
                string.Create(CultureInfo.InvariantCulture, $"date 2024-03-{1 + (i % 28):D2}\n\nMinister Anna Berger visited harbour {i} on Monday and said the quay number {i * 7} would reopen.\n"));
        }

        var childData = TestPaths.NewTempFolder();
        var hereData = TestPaths.NewTempFolder();
        var inChild = await CliRunner.RunAsync(["ingest", "--corpus", corpus], environment: new Dictionary<string, string> { ["NEWSBOT_DATA"] = childData });
        var here = await CliRunner.RunAsync(
            ["ingest", "--corpus", corpus],
            environment: new Dictionary<string, string> { ["NEWSBOT_DATA"] = hereData, [ServerGcIngest.ChildVariable] = "1" });

        Assert.Equal(0, inChild.ExitCode);
        Assert.Equal(0, here.ExitCode);
        Assert.Matches($@"Indexed {ServerGcIngest.MinimumFiles} articles", inChild.Stdout);
        Assert.Equal(Counts(here.Stdout), Counts(inChild.Stdout));
        var written = Directory.GetFiles(childData, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(childData, f)).Order().ToList();
        Assert.Equal(Directory.GetFiles(hereData, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(hereData, f)).Order(), written);
        Assert.Contains(written, f => f.EndsWith(".index", StringComparison.Ordinal));
        foreach (var file in written.Where(f => f.EndsWith(".index", StringComparison.Ordinal) || f.EndsWith(".people", StringComparison.Ordinal) || f.EndsWith(".articles", StringComparison.Ordinal)))
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(hereData, file)), await File.ReadAllBytesAsync(Path.Combine(childData, file)));
        }
    }

    /// <summary>The report line without its timing: "Indexed N articles (P passages, Q people) from …".</summary>
    private static string Counts(string stdout) => stdout[..stdout.IndexOf(" in ", StringComparison.Ordinal)];
}
