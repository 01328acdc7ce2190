using NewsBot.Retrieval.Articles;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Retrieval.Corpus;

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

    /// <summary>The index of the current snapshot, updated in place of a rebuild when articles come and go.</summary>
    private CorpusIndex? _index;

    private readonly SemaphoreSlim _peopleBuilds = new(1, 1);
    private PeopleState? _people;

    /// <summary>An ingest's people file, read beside the articles (see <see cref="PeopleFileOnly"/>); taken by the people update.</summary>
    private Task<PeopleIndexFile.Stored?>? _storedPeople;
    private bool _peopleFileWritable = true;

    public event EventHandler<CorpusSnapshot>? Changed;

    /// <summary>
    /// For a process that answers once and exits (the CLI's ask): the people index of a warm start is read only if something
    /// asks for it, not in the background beside the first answer, where it took CPU from the answer on 2 cores and was
    /// rarely done before the process exited (the answer ranks names only with a people index that is ready, never waits).
    /// </summary>
    public bool PeopleOnDemand { get; set; }

    /// <summary>
    /// For a process that brings the files up to date and exits (the CLI's ingest): each load updates the people file beside
    /// the search index and counts the people (<see cref="PeopleFileWritten"/>) without building the people index, which only
    /// a question would use; the snapshot's people are then built on demand (from the updated results, extracting nothing).
    /// </summary>
    public bool PeopleFileOnly { get; set; }

    /// <summary>
    /// True (the default) for a process that lives on after a build: a full compacting collection after each build gives back
    /// the build's temporary memory. A process that exits right after the load (the CLI's ingest) sets it false: it gives all
    /// its memory back at exit, and each such collection stops every thread, the people build's too, while one core marks.
    /// </summary>
    public bool ReleaseBuildGarbage { get; set; } = true;

    /// <summary>With <see cref="PeopleFileOnly"/>: the people file of the last load written; gives how many people it holds.</summary>
    public Task<int>? PeopleFileWritten { get; private set; }

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

    /// <summary>The persisted search index (next to the article cache), or null when caching is off.</summary>
    public string? IndexFile => CacheFile is { } cache ? SearchIndexFile.FileFor(cache) : null;

    /// <summary>The persisted people index (next to the article cache), or null when caching is off.</summary>
    public string? PeopleFile => CacheFile is { } cache ? PeopleIndexFile.FileFor(cache) : null;

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
        // The dictionary (its snapshot) is read while the articles are: the index needs to know whether it splits compounds,
        // and the first question needs it anyway. The index waits for it through the translator's lazy splitter, after the
        // people have started.
        _ = Task.Run(() => (translator ?? QueryTranslator.None).Splitter);
        // The persisted index's file does not depend on the articles either: read beside them, matched with them after.
        var indexRead = _index is null && IndexFile is { } indexFile && File.Exists(indexFile) ? Task.Run(() => SearchIndexFile.Read(indexFile)) : null;

        // An ingest updates the people file whatever changed: it is read beside the articles, not after them.
        if (PeopleFileOnly && _people is null && PeopleFile is { } peopleFile)
        {
            var key = PeopleKey;
            _storedPeople = Task.Run(() => PeopleIndexFile.Read(peopleFile, key));

            // And what an extraction reads first (the dictionary's word knowledge, the given names), beside the articles too:
            // otherwise the people's chain, the longer one after the articles, starts with it while a core waits. Wasted only
            // by an ingest that finds nothing new, changed or gone.
            _ = Task.Run(() =>
            {
                _ = wordKnowledge?.Knowledge;
                GivenNames.Prepare();
            });
        }

        // The article cache is written beside the index and the people, not before them: they only need the articles.
        var result = loader.LoadSavingAside(folder, cacheLocation?.FileFor(folder), progress, out var saved);
        var loaded = Stopwatch.GetTimestamp();
        LastLoad = result.Stats;
        CorpusSnapshot snapshot;
        try
        {
            snapshot = Build(result.Articles, indexRead);
        }
        catch
        {
            // The cache write must end before the gate opens for the next load, which reads or writes the same file; the
            // build's failure is the one to report (WaitAny waits without rethrowing the write's own).
            Task.WaitAny(saved);
            throw;
        }

        LastLoad = saved.GetAwaiter().GetResult();
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

    /// <summary>The snapshot of <paramref name="articles"/>; <paramref name="indexRead"/> is the index file's read, started beside the articles' load.</summary>
    private CorpusSnapshot Build(IReadOnlyList<Article> articles, Task<SearchIndexFile.Stored?>? indexRead = null)
    {
        // The people index takes longer than the search index, and only /who and follow-up questions need it: it is read
        // (or built) in the background, so the first answer after a start waits for the search index only. When the search
        // index must be built from scratch (a cold ingest) or is brought up to date (articles came, changed or went), both
        // run at once: neither keeps both cores busy alone (compound splitting, postings and merging are serial; an update
        // reads files and merges), and the people are half of a cold ingest's work.
        var updating = _index is not null || IndexFile is not { } file || !File.Exists(file) || LastLoad is { Parsed: > 0 };
        Task<PeopleIndex>? people = null;
        if (PeopleFileOnly)
        {
            PeopleFileWritten = Task.Run(() => WritePeople(articles));
        }
        else if (updating && !PeopleOnDemand)
        {
            people = Task.Run(() => BuildPeopleAsync(articles));
        }

        var index = OpenIndex(articles, translator ?? QueryTranslator.None, indexRead);
        var later = new Lazy<Task<PeopleIndex>>(() => people ?? Task.Run(() => BuildPeopleAsync(articles)));
        if (!PeopleOnDemand && !PeopleFileOnly)
        {
            _ = later.Value;
        }

        return new CorpusSnapshot(articles, index, later, Interlocked.Increment(ref _version));
    }

    /// <summary>
    /// The search index for <paramref name="articles"/>: the one in memory brought up to date when there is one, else the
    /// persisted one (updated for what changed since it was written), else built; written back whenever it changed.
    /// <paramref name="indexRead"/> is the persisted file's read when it was started beside the articles' load.
    /// </summary>
    private CorpusIndex OpenIndex(IReadOnlyList<Article> articles, QueryTranslator translator, Task<SearchIndexFile.Stored?>? indexRead)
    {
        var file = IndexFile;
        var splits = translator.Splitter is not null;
        CorpusIndex? index = null;
        var write = true;
        if (_index is { } previous && previous.CompoundParts == splits)
        {
            index = previous.Update(articles, translator);
        }
        else if (file is not null)
        {
            try
            {
                // GetResult rethrows what the read threw (a damaged file, a newer format) as the read itself would have.
                var stored = indexRead is not null ? indexRead.GetAwaiter().GetResult() : SearchIndexFile.Read(file);
                index = SearchIndexFile.Open(stored, articles, translator, out var changed);
                if (index is not null && index.CompoundParts != splits)
                {
                    // Written with the dictionary and now without (or the other way round): its postings do not fit.
                    LogIndexRebuilt(logger, file, splits ? "written without the dictionary" : "written with the dictionary");
                    index = null;
                }

                write = index is null || changed;
            }
            catch (InvalidDataException ex)
            {
                LogIndexRebuilt(logger, file, ex.Message);
            }
        }

        if (index is null)
        {
            index = CorpusIndex.Build(articles, translator, ReleaseBuildGarbage);
            if (ReleaseBuildGarbage)
            {
                BuildGarbage.Release();
            }
        }

        if (write && file is not null)
        {
            try
            {
                SearchIndexFile.Write(file, index);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The file only saves the next start time: a read-only data folder is a warning, not a failure.
                LogIndexNotWritten(logger, file, ex.Message);
            }
        }

        _index = index;
        return index;
    }

    /// <summary>
    /// The people of <paramref name="articles"/>: only articles that are new or changed since the last build (in this process,
    /// else as persisted) are extracted; the rest keep their results. Runs in the background, one build at a time.
    /// </summary>
    private async Task<PeopleIndex> BuildPeopleAsync(IReadOnlyList<Article> articles)
    {
        await _peopleBuilds.WaitAsync().ConfigureAwait(false);
        var written = Task.CompletedTask;
        try
        {
            var builder = UpdatePeople(articles, out written);

            // With a refiner (a model, optional) its additions are merged in; the persisted file keeps the rules' results.
            var people = peopleRefiner is not null
                ? await builder.ToIndexAsync(peopleRefiner, CancellationToken.None).ConfigureAwait(false)
                : builder.ToIndex();
            await written.ConfigureAwait(false);
            if (ReleaseBuildGarbage)
            {
                BuildGarbage.Release();
            }

            return people;
        }
        catch (Exception ex)
        {
            // Answers from the index still work; only /who comes up empty.
            LogPeopleFailed(logger, ex);
            _people = null;
            return PeopleIndex.Empty;
        }
        finally
        {
            // A merge or count that failed leaves the write running: the next build waits for it all the same.
            await Task.WhenAny(written).ConfigureAwait(false);
            _peopleBuilds.Release();
        }
    }

    /// <summary>The people file brought up to date with <paramref name="articles"/>; how many people they hold.</summary>
    private async Task<int> WritePeople(IReadOnlyList<Article> articles)
    {
        await _peopleBuilds.WaitAsync().ConfigureAwait(false);
        var written = Task.CompletedTask;
        try
        {
            var count = UpdatePeople(articles, out written).CountPeople();
            await written.ConfigureAwait(false);
            return count;
        }
        catch (Exception ex)
        {
            LogPeopleFailed(logger, ex);
            _people = null;
            return 0;
        }
        finally
        {
            // A merge or count that failed leaves the write running: the next build waits for it all the same.
            await Task.WhenAny(written).ConfigureAwait(false);
            _peopleBuilds.Release();
        }
    }

    /// <summary>
    /// The people builder brought up to date with <paramref name="articles"/> (extracting only what is new or changed since the
    /// last build, in this process or as persisted); its results are written to the people file when they changed, by
    /// <paramref name="written"/>, beside the caller's merge or count (both only read the builder once it is up to date).
    /// The caller awaits it before the next build may start.
    /// </summary>
    private PeopleIndexBuilder UpdatePeople(IReadOnlyList<Article> articles, out Task written)
    {
        written = Task.CompletedTask;
        var file = PeopleFile;
        var key = PeopleKey;
        List<(Article Article, ExtractedArticle Extracted)>? seed = null;
        IReadOnlyCollection<string>? surnames = null;
        if (_people is null && file is not null)
        {
            try
            {
                var prefetched = Interlocked.Exchange(ref _storedPeople, null);
                if ((prefetched is null ? PeopleIndexFile.Read(file, key) : prefetched.GetAwaiter().GetResult()) is { } stored)
                {
                    seed = [];
                    foreach (var article in articles)
                    {
                        if (stored.Articles.TryGetValue(article.Id, out var result) && result.Hash == article.ContentHash)
                        {
                            seed.Add((article, result.Extracted));
                        }
                    }

                    surnames = stored.Surnames;
                    // Articles removed since count as a change too: surnames they introduced are withdrawn.
                    _peopleFileWritable = true;
                    // Nothing to extract when no article came, went or changed: the stored results are merged as they are.
                    if (seed.Count == stored.Articles.Count && seed.Count == articles.Count
                        && seed.SelectMany(s => s.Extracted.Introduces).ToHashSet(StringComparer.Ordinal).SetEquals(surnames))
                    {
                        var unchanged = new PeopleIndexBuilder();
                        unchanged.Seed(seed, surnames);
                        unchanged.Refresh(articles);
                        _people = new PeopleState(unchanged, WithKnowledge: false);
                        return unchanged;
                    }
                }
            }
            catch (InvalidDataException ex)
            {
                LogPeopleRebuilt(logger, file, ex.Message);
            }
            catch (NewerIndexFormatException ex)
            {
                // Not overwritten: the newer build that wrote it can still use it.
                LogPeopleNewer(logger, ex.Message);
                _peopleFileWritable = false;
            }
        }

        // Something may have to be extracted: with the dictionary's word knowledge (scanned once, on first need). A builder
        // that holds results read from disk hands them on, with its last merge.
        PeopleIndexBuilder builder;
        if (_people is { } current)
        {
            builder = current.WithKnowledge ? current.Builder : current.Builder.With(wordKnowledge?.Knowledge);
        }
        else
        {
            builder = new PeopleIndexBuilder(wordKnowledge?.Knowledge);
            if (seed is not null)
            {
                builder.Seed(seed, surnames ?? []);
            }
        }

        var started = Stopwatch.GetTimestamp();
        var read = builder.ArticlesRead;
        builder.Refresh(articles);
        var extractions = builder.ArticlesRead - read;
        var ms = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogPeopleUpdated(logger, articles.Count, extractions, ms);
        _people = new PeopleState(builder, WithKnowledge: true);
        if (file is not null && _peopleFileWritable)
        {
            written = Task.Run(() =>
            {
                try
                {
                    PeopleIndexFile.Write(file, key, articles, builder);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    LogIndexNotWritten(logger, file, ex.Message);
                }
            });
        }

        return builder;
    }

    /// <summary>What the people file's results depend on besides the articles (extractor version, word knowledge's source).</summary>
    private string PeopleKey => PeopleIndexFile.Key((wordKnowledge ?? WordKnowledgeSource.None).Key);

    /// <summary>The people builder of the last build; one without word knowledge only holds results read from disk.</summary>
    private sealed record PeopleState(PeopleIndexBuilder Builder, bool WithKnowledge);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search index {File} could not be used ({Reason}); rebuilding it from the articles")]
    private static partial void LogIndexRebuilt(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Index file {File} could not be written: {Reason}")]
    private static partial void LogIndexNotWritten(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "People index {File} could not be used ({Reason}); rebuilding it from the articles")]
    private static partial void LogPeopleRebuilt(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason}; the people index is built in memory and the file left alone")]
    private static partial void LogPeopleNewer(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the people index failed; /who will know nobody until the next reload")]
    private static partial void LogPeopleFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "People index of {Count} articles updated in {Ms} ms ({Extractions} extractions)")]
    private static partial void LogPeopleUpdated(ILogger logger, int count, int extractions, long ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} articles from {Folder} ({Parsed} parsed, {FromCache} from cache) in {LoadMs} ms, indexed in {IndexMs} ms")]
    private static partial void LogLoaded(ILogger logger, int count, string folder, int parsed, int fromCache, long loadMs, long indexMs);
}
