using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Search;

namespace NewsBot.Cli;

/// <summary>
/// A cold <c>newsbot ingest</c> of a large corpus (no index on disk yet) runs again in a child process with the server GC.
/// Most of what a cold ingest allocates it keeps (articles, postings, the people's results), so the workstation GC's
/// collections copy hundreds of megabytes on one core while every other thread waits: at 9,318 articles about 1 s of a
/// 3.5 s ingest with one of two cores idle. The server GC does that work on every core. The runtime chooses its GC when
/// the process starts, from the environment or the app-wide runtimeconfig; the answering process keeps the workstation GC
/// (its memory target), so only this child gets the server GC, through its environment. The child's output goes
/// straight to the caller's console; its exit code is the ingest's. Not for an update (the index is on disk): it
/// allocates little and runs without a collection (see <see cref="OneShotCollections"/>); nor for a small corpus, where
/// a second process start would cost more than the collections: it is ingested here, without a collection too.
/// </summary>
internal static class ServerGcIngest
{
    /// <summary>Set in the child's environment, so that it ingests itself whatever GC the runtime gave it.</summary>
    public const string ChildVariable = "NEWSBOT_INGEST_CHILD";

    /// <summary>Files below which a cold ingest stays in the process (1,000 articles: about 0.6 s, 95 MB allocated).</summary>
    public const int MinimumFiles = 3_000;

    /// <summary>Heaps of the child's server GC: one per core, at most this many (each heap is a gen0 budget of its own).</summary>
    public const int MaximumHeaps = 4;

    /// <summary>
    /// The child's exit code when <paramref name="configuration"/> (the host's, before the host is built) asks for a cold ingest
    /// of a large corpus; null when this process should ingest itself. Decided before the host is built: a parent that only
    /// waits for its child needs none of its services, and building them sat on the ingest's serial path before the child's
    /// own start. A corpus or cache setting that does not bind or resolve is left to the host, which reports it as usual.
    /// </summary>
    public static int? TryRunBeforeHost(IConfiguration configuration)
    {
        // A process with the server GC (the child itself) ingests here, collecting as it goes: neither the child nor the
        // no-GC region applies, so it need not walk the corpus folder again to count its files.
        if (GCSettings.IsServerGC || ColdCorpusFolder(configuration) is not { } folder)
        {
            return null;
        }

        var large = HasManyFiles(folder);
        if (TryRun(folder, large) is { } exitCode)
        {
            return exitCode;
        }

        // A small corpus is ingested here, and its whole ingest fits in a no-GC region (see OneShotCollections), started
        // before the host is built so that the start's own allocations do not collect either.
        if (DefersCollections(large, GCSettings.IsServerGC))
        {
            OneShotCollections.Defer();
        }

        return null;
    }

    /// <summary>The corpus folder <paramref name="configuration"/> names when it has no index on disk yet; null when it has one, or when a setting does not bind or resolve.</summary>
    internal static string? ColdCorpusFolder(IConfiguration configuration)
    {
        CorpusOptions options;
        try
        {
            options = configuration.GetSection(CorpusOptions.SectionName).Get<CorpusOptions>() ?? new CorpusOptions();
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        // The file the ingest itself looks for (FileCorpusProvider.IndexFile).
        return options.ResolveFolder() is not { } folder
            || (new CorpusCacheLocation(Options.Create(options)).FileFor(folder) is { } cache && File.Exists(SearchIndexFile.FileFor(cache)))
            ? null
            : folder;
    }

    /// <summary>The child's exit code once it ingested <paramref name="corpusFolder"/>; null when this process should ingest itself.</summary>
    private static int? TryRun(string corpusFolder, bool largeCorpus)
    {
        if (!Wanted(Environment.ProcessorCount, GCSettings.IsServerGC, Environment.GetEnvironmentVariable(ChildVariable) is not null, () => largeCorpus)
            || StartInfo(Environment.ProcessPath, Assembly.GetEntryAssembly()?.Location, Environment.GetCommandLineArgs().Skip(1).ToList(), Environment.ProcessorCount) is not { } start)
        {
            return null;
        }

        try
        {
            using var child = Process.Start(start);
            if (child is null)
            {
                return null;
            }

            child.WaitForExit();
            return child.ExitCode;
        }
        catch (Win32Exception)
        {
            // The runtime could not be started again (a sandbox that forbids it): ingest here, as before.
            return null;
        }
    }

    /// <summary>
    /// Whether a cold ingest that stays in this process runs without a collection: a small corpus with the workstation GC. Not
    /// a large one (one core, or the child could not start): it would only defer its first collections. Nor the child.
    /// </summary>
    internal static bool DefersCollections(bool largeCorpus, bool serverGc) => !largeCorpus && !serverGc;

    /// <summary>Whether a cold ingest should run in a child: several cores, the workstation GC, not the child itself, a large corpus.</summary>
    internal static bool Wanted(int processors, bool serverGc, bool isChild, Func<bool> largeCorpus) =>
        processors > 1 && !serverGc && !isChild && largeCorpus();

    /// <summary>
    /// How to start this program again with <paramref name="arguments"/> and the server GC: through the <c>dotnet</c> host
    /// with the entry assembly when that is how it runs, else the program itself (the app host); null when neither is known.
    /// </summary>
    internal static ProcessStartInfo? StartInfo(string? processPath, string? entryAssembly, IReadOnlyList<string> arguments, int processors)
    {
        if (string.IsNullOrEmpty(processPath))
        {
            return null;
        }

        var start = new ProcessStartInfo(processPath) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrEmpty(entryAssembly))
            {
                return null;
            }

            start.ArgumentList.Add(entryAssembly);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[ChildVariable] = "1";
        start.Environment["DOTNET_gcServer"] = "1";
        // A fixed heap count: the dynamic adaptation (DATAS) would start with one heap, which is the workstation GC's one core.
        start.Environment["DOTNET_GCDynamicAdaptationMode"] = "0";
        // No background collections: the ingest keeps nearly all it allocates, so a gen2 marked on a background thread beside
        // the build (one more thread on two cores) costs more than a blocking one marked by every heap's thread at once.
        start.Environment["DOTNET_gcConcurrent"] = "0";
        // The runtime reads this number as hexadecimal.
        start.Environment["DOTNET_GCHeapCount"] = Math.Clamp(processors, 1, MaximumHeaps).ToString("x", CultureInfo.InvariantCulture);
        return start;
    }

    /// <summary>Whether the folder holds at least <see cref="MinimumFiles"/> files, counted no further than that.</summary>
    private static bool HasManyFiles(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Skip(MinimumFiles - 1).Any();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The ingest itself reports what is wrong with the folder.
            return false;
        }
    }
}
