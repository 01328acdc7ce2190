using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.People;
using NewsBot.Core.Search;

namespace NewsBot.Core.Articles;

/// <summary>
/// The corpus folder given by <see cref="CorpusOptions"/>, loaded on first use and reloaded on demand.
/// With a <see cref="CorpusCacheLocation"/> (registered by AddNewsBotCore), parsed articles persist across restarts.
/// </summary>
/// <remarks>Queries go through the <see cref="QueryTranslator"/> when one is registered (AddCrossLingualSearch), else stay as typed.</remarks>
public sealed partial class FileCorpusProvider(
    IOptions<CorpusOptions> options,
    CorpusLoader loader,
    ILogger<FileCorpusProvider> logger,
    QueryTranslator? translator = null,
    CorpusCacheLocation? cacheLocation = null,
    WordKnowledgeSource? wordKnowledge = null,
    IPeopleRefiner? peopleRefiner = null) : ICorpusProvider
{
    private readonly Lock _gate = new();
    private CorpusSnapshot? _current;
    private long _version;

    public event EventHandler<CorpusSnapshot>? Changed;

    public CorpusSnapshot Current
    {
        get
        {
            if (_current is { } current)
            {
                return current;
            }

            lock (_gate)
            {
                return _current ??= Load(null);
            }
        }
    }

    /// <summary>The snapshot if one is loaded, without loading it (for health checks and gauges).</summary>
    public CorpusSnapshot? Loaded => Volatile.Read(ref _current);

    /// <summary>The folder in use; throws when it does not exist.</summary>
    public string Folder => options.Value.ResolveFolder()
        ?? throw new DirectoryNotFoundException($"Corpus folder not found: {options.Value.Path} (set Corpus:Path or --corpus)");

    /// <summary>What the last load from the folder did (parsed, from cache, skipped); null before the first load.</summary>
    public CorpusLoadStats? LastLoad { get; private set; }

    /// <summary>The cache file in use, or null when caching is off.</summary>
    public string? CacheFile => cacheLocation?.FileFor(Folder);

    /// <summary>Reads the folder again and swaps the snapshot.</summary>
    public CorpusSnapshot Reload() => Reload(null);

    /// <summary>Reads the folder again (changed files only, when cached) and swaps the snapshot; progress gets (files done, total).</summary>
    public CorpusSnapshot Reload(Action<int, int>? progress)
    {
        CorpusSnapshot snapshot;
        lock (_gate)
        {
            snapshot = _current = Load(progress);
        }

        Changed?.Invoke(this, snapshot);
        return snapshot;
    }

    /// <summary>Builds a snapshot from already parsed articles (the live watcher re-parses only changed files).</summary>
    public CorpusSnapshot Replace(IReadOnlyList<Article> articles)
    {
        CorpusSnapshot snapshot;
        lock (_gate)
        {
            snapshot = _current = Build(articles);
        }

        Changed?.Invoke(this, snapshot);
        return snapshot;
    }

    private CorpusSnapshot Load(Action<int, int>? progress)
    {
        var folder = Folder;
        var started = Stopwatch.GetTimestamp();
        var result = loader.Load(folder, cacheLocation?.FileFor(folder), progress);
        var loaded = Stopwatch.GetTimestamp();
        LastLoad = result.Stats;
        var snapshot = Build(result.Articles);
        var loadMs = (long)Stopwatch.GetElapsedTime(started, loaded).TotalMilliseconds;
        var indexMs = (long)Stopwatch.GetElapsedTime(loaded).TotalMilliseconds;
        LogLoaded(
            logger,
            result.Articles.Count,
            folder,
            result.Stats.Parsed,
            result.Stats.FromCache,
            loadMs,
            indexMs);
        return snapshot;
    }

    private CorpusSnapshot Build(IReadOnlyList<Article> articles)
    {
        var index = CorpusIndex.Build(articles, translator ?? QueryTranslator.None);
        BuildGarbage.Release();
        // The people index takes longer than the search index, and only /who and follow-up questions need it: it is built
        // in the background, so the first answer after a start waits for the search index only.
        var people = Task.Run(() => BuildPeopleAsync(articles));
        return new CorpusSnapshot(articles, index, people, Interlocked.Increment(ref _version));
    }

    private async Task<PeopleIndex> BuildPeopleAsync(IReadOnlyList<Article> articles)
    {
        try
        {
            // With a refiner (a model, optional) its additions are merged in; without one this is the rule-based index.
            PeopleIndex people;
            if (peopleRefiner is null)
            {
                people = PeopleIndexBuilder.Build(articles, wordKnowledge?.Knowledge);
            }
            else
            {
                var builder = new PeopleIndexBuilder(wordKnowledge?.Knowledge);
                builder.Rebuild(articles);
                people = await builder.ToIndexAsync(peopleRefiner, CancellationToken.None).ConfigureAwait(false);
            }

            BuildGarbage.Release();
            return people;
        }
        catch (Exception ex)
        {
            // Answers from the index still work; only /who comes up empty.
            LogPeopleFailed(logger, ex);
            return PeopleIndex.Empty;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the people index failed; /who will know nobody until the next reload")]
    private static partial void LogPeopleFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} articles from {Folder} ({Parsed} parsed, {FromCache} from cache) in {LoadMs} ms, indexed in {IndexMs} ms")]
    private static partial void LogLoaded(ILogger logger, int count, string folder, int parsed, int fromCache, long loadMs, long indexMs);
}
