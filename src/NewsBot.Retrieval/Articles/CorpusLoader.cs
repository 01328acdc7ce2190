using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace NewsBot.Retrieval.Articles;

/// <summary>
/// Reads every article file under a folder. A file that cannot be read or parsed is skipped with a warning naming it.
/// With a cache file, unchanged files (same size and last write time) come from the cache and only changed ones are parsed;
/// an unchanged file that did not parse before is reported again from <see cref="UnparsableFiles"/> without being read.
/// </summary>
public sealed partial class CorpusLoader(ILogger<CorpusLoader> logger)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The files the last load skipped as unparsable, by full path, with the size and time they had.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Size, long LastWriteTicks)> _skipped = new(StringComparer.Ordinal);

    public IReadOnlyList<Article> LoadFolder(string folder, CancellationToken cancellationToken = default) =>
        Load(folder, cacheFile: null, progress: null, cancellationToken).Articles;

    /// <summary>
    /// Loads the folder, in parallel, reusing <paramref name="cacheFile"/> when given and writing it back when anything changed.
    /// <paramref name="progress"/> receives (files done, files total); it may be called from several threads, never at once.
    /// </summary>
    public CorpusLoadResult Load(string folder, string? cacheFile, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var (articles, _, save) = Read(folder, cacheFile, progress, cancellationToken);
        return new CorpusLoadResult(articles, save());
    }

    /// <summary>
    /// As <see cref="Load"/>, but returns once the articles are read: the cache is written on another thread meanwhile (one
    /// core of a cold ingest otherwise waits for its writing, a quarter of a second at 9,000 articles), and
    /// <paramref name="saved"/> completes with the load's stats once it is (the returned stats say nothing of the cache).
    /// </summary>
    public CorpusLoadResult LoadSavingAside(string folder, string? cacheFile, Action<int, int>? progress, out Task<CorpusLoadStats> saved, CancellationToken cancellationToken = default)
    {
        var (articles, stats, save) = Read(folder, cacheFile, progress, cancellationToken);
        saved = Task.Run(save, CancellationToken.None);
        return new CorpusLoadResult(articles, stats);
    }

    /// <summary>The folder's articles, the load's stats short of the cache's part, and what writes the cache back and returns them complete.</summary>
    private (List<Article> Articles, CorpusLoadStats Stats, Func<CorpusLoadStats> Save) Read(string folder, string? cacheFile, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        var listed = ListArticleFiles(folder);
        var files = listed.ConvertAll(f => f.Path);
        var rebuilt = false;
        var records = 0;
        var torn = false;
        var cached = cacheFile is null ? null : ReadCache(cacheFile, folder, out rebuilt, out records, out torn);
        var unparsable = cacheFile is null ? [] : UnparsableFiles.Read(cacheFile);
        var entries = new CachedArticle?[files.Count];
        var failures = new UnparsableFile?[files.Count];
        var toParse = new List<int>(cached is null ? files.Count : 16);
        var fromCache = 0;
        var knownUnparsable = 0;
        for (var i = 0; i < files.Count; i++)
        {
            var (_, relative, size, lastWriteTicks) = listed[i];
            if (cached is not null && cached.TryGetValue(relative, out var entry) && entry.Size == size && entry.LastWriteTicks == lastWriteTicks)
            {
                entries[i] = entry;
                fromCache++;
            }
            else if (cached is not null && unparsable.TryGetValue(relative, out var failure) && failure.Size == size && failure.LastWriteTicks == lastWriteTicks)
            {
                failures[i] = failure;
                knownUnparsable++;
                LogSkipped(logger, files[i], failure.Reason);
            }
            else
            {
                toParse.Add(i);
            }
        }

        var done = fromCache;
        var progressGate = new Lock();
        progress?.Invoke(done, files.Count);
        Parallel.ForEach(
            toParse,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i =>
            {
                (entries[i], failures[i]) = TryLoadEntry(folder, listed[i]);
                if (progress is not null)
                {
                    lock (progressGate)
                    {
                        progress(++done, files.Count);
                    }
                }
            });

        for (var i = 0; i < files.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                _skipped[files[i]] = (failure.Size, failure.LastWriteTicks);
            }
        }

        var articles = new List<Article>(files.Count);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var current = new List<CachedArticle>(files.Count);
        foreach (var entry in entries)
        {
            if (entry is not null)
            {
                current.Add(entry);
                if (ids.Add(entry.Article.Id))
                {
                    articles.Add(entry.Article);
                }
            }
        }

        var parsed = current.Count - fromCache;
        var stats = new CorpusLoadStats(files.Count, parsed, fromCache, files.Count - current.Count)
        {
            CacheRebuilt = rebuilt,
            KnownUnparsable = knownUnparsable,
        };
        return (articles, stats, Save);

        CorpusLoadStats Save()
        {
            // New and changed articles are appended to the cache; it is written anew (without the entries of changed and deleted
            // files) when there is none yet, or once such dead entries would make up more than a fifth of what it holds.
            if (cacheFile is not null && (cached is null || torn || parsed > 0 || cached.Count != fromCache))
            {
                var dead = records + parsed - current.Count;
                if (cached is not null && !torn && dead * 5 <= records + parsed)
                {
                    var added = toParse.Select(i => entries[i]).OfType<CachedArticle>().ToList();
                    stats = stats with { CacheWritten = added.Count > 0 && AppendCache(cacheFile, added), CacheAppended = added.Count > 0 };
                    if (added.Count > 0 && !stats.CacheWritten)
                    {
                        stats = stats with { CacheWritten = WriteCache(cacheFile, folder, current), CacheAppended = false };
                    }
                }
                else
                {
                    stats = stats with { CacheWritten = WriteCache(cacheFile, folder, current) };
                }
            }

            var stillUnparsable = failures.OfType<UnparsableFile>().ToList();
            if (cacheFile is not null && (stillUnparsable.Count != knownUnparsable || unparsable.Count != knownUnparsable))
            {
                WriteUnparsable(cacheFile, stillUnparsable);
            }

            return stats;
        }
    }

    /// <summary>The article files below a folder, in a stable order.</summary>
    public static IReadOnlyList<string> ArticleFiles(string folder) => ListArticleFiles(folder).ConvertAll(f => f.Path);

    /// <summary>An article file as listed: its path (below the folder as given), its path relative to the folder, size and write time.</summary>
    /// <remarks>
    /// A class, not a struct: the listing, its list and its sort then run the framework's shared code for reference types,
    /// precompiled; over a struct of the app's own the runtime compiled about 40 of their methods at every start (ReadyToRun
    /// cannot precompile framework generics over app value types for a framework-dependent app).
    /// </remarks>
    private sealed record ListedFile(string Path, string Relative, long Size, long LastWriteTicks);

    /// <summary>
    /// The article files below a folder in a stable order, with the facts that say whether a cached entry is current taken from
    /// the listing itself: one stat per file as before, but no FileInfo, path normalisation or relative path computed per file.
    /// </summary>
    private static List<ListedFile> ListArticleFiles(string folder)
    {
        var listing = new FileSystemEnumerable<ListedFile>(
            folder,
            static (ref FileSystemEntry entry) => new ListedFile(entry.ToSpecifiedFullPath(), RelativePath(ref entry), entry.Length, entry.LastWriteTimeUtc.UtcTicks),
            new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) =>
                !entry.IsDirectory && ArticleParser.Extensions.Contains(Path.GetExtension(entry.FileName).ToString()) && !entry.FileName.StartsWith('.'),
        };
        var files = listing.ToList();
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>The entry's path relative to the enumerated folder (what <see cref="Path.GetRelativePath(string, string)"/> gives).</summary>
    private static string RelativePath(ref FileSystemEntry entry)
    {
        var directory = entry.Directory[entry.RootDirectory.Length..].TrimStart(Path.DirectorySeparatorChar);
        return directory.IsEmpty ? entry.FileName.ToString() : Path.Join(directory, entry.FileName);
    }

    /// <summary>
    /// The file did not parse when a load read it and has not changed since (same size and last write time): a watcher that
    /// takes over the loaded folder need not read it again (and warn again).
    /// </summary>
    public bool SkippedUnchanged(string file, long size, long lastWriteTicks) =>
        _skipped.TryGetValue(file, out var skipped) && skipped == (size, lastWriteTicks);

    /// <summary>Loads one file, or logs why it was skipped and returns null.</summary>
    public Article? TryLoad(string folder, string file)
    {
        ListedFile listed;
        try
        {
            var info = new FileInfo(file);
            listed = new ListedFile(file, Path.GetRelativePath(folder, file), info.Length, info.LastWriteTimeUtc.Ticks);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogSkipped(logger, file, ex.Message);
            return null;
        }

        return TryLoadEntry(folder, listed).Entry?.Article;
    }

    /// <summary>The id is the file name without extension (with its sub-folder when nested): stable across runs.</summary>
    public static string IdFor(string folder, string file) => IdForRelative(Path.GetRelativePath(folder, file));

    private static string IdForRelative(string relative)
    {
        var withoutExtension = Path.ChangeExtension(relative, null) ?? relative;
        return withoutExtension.Replace(Path.DirectorySeparatorChar, '-').Replace(' ', '_');
    }

    /// <summary>The file's entry, or null with the parse failure to remember (null too for a read error, which may pass).</summary>
    /// <remarks>
    /// The file's size and time are the listing's, taken before it is read: if the file changes while it is read, the next
    /// start sees a newer time and parses it again.
    /// </remarks>
    private (CachedArticle? Entry, UnparsableFile? Unparsable) TryLoadEntry(string folder, ListedFile listed)
    {
        var (file, relative, size, lastWriteTicks) = listed;
        try
        {
            var bytes = File.ReadAllBytes(file);
            var content = IsHtml(file) ? Html.HtmlDecoding.Decode(bytes) : Decode(bytes);
            var article = ArticleParser.Parse(IdForRelative(relative), Path.GetFileName(file), content);
            article = article with
            {
                AddedAt = new DateTimeOffset(lastWriteTicks, TimeSpan.Zero),
                ContentHash = Convert.ToHexString(SHA256.HashData(bytes), 0, 8),
                Source = article.Url ?? Path.GetFileName(file),
            };
            return (new CachedArticle(relative, size, lastWriteTicks, article), null);
        }
        catch (ArticleParseException ex)
        {
            LogSkipped(logger, file, ex.Message);
            return (null, new UnparsableFile(relative, size, lastWriteTicks, ex.Message));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogSkipped(logger, file, ex.Message);
            return (null, null);
        }
    }

    private Dictionary<string, CachedArticle>? ReadCache(string cacheFile, string folder, out bool rebuilt, out int records, out bool torn)
    {
        rebuilt = false;
        records = 0;
        torn = false;
        try
        {
            var cached = ArticleCache.Read(cacheFile, folder, out records, out torn);
            if (torn)
            {
                LogCacheTorn(logger, cacheFile);
            }

            return cached;
        }
        catch (Exception ex) when (ex is InvalidDataException or UnauthorizedAccessException)
        {
            rebuilt = true;
            LogCacheRebuilt(logger, cacheFile, ex.Message);
            return null;
        }
    }

    private bool WriteCache(string cacheFile, string folder, List<CachedArticle> entries)
    {
        try
        {
            ArticleCache.Write(cacheFile, folder, entries);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cache only saves time: the corpus loaded fine, so a read-only data folder is a warning, not a failure.
            LogCacheNotWritten(logger, cacheFile, ex.Message);
            return false;
        }
    }

    /// <summary>Appends to the cache file; false when that failed (the caller then writes it anew).</summary>
    private static bool AppendCache(string cacheFile, List<CachedArticle> entries)
    {
        try
        {
            ArticleCache.Append(cacheFile, entries);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void WriteUnparsable(string cacheFile, List<UnparsableFile> files)
    {
        try
        {
            UnparsableFiles.Write(cacheFile, files);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogCacheNotWritten(logger, UnparsableFiles.PathFor(cacheFile), ex.Message);
        }
    }

    private static bool IsHtml(string file) => Path.GetExtension(file).ToLowerInvariant() is ".html" or ".htm";

    /// <summary>UTF-8 when valid, else Latin-1 (older German files): a text file is never rejected for its encoding.</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped article file {File}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Corpus cache {CacheFile} could not be used ({Reason}); rebuilding it from the article files")]
    private static partial void LogCacheRebuilt(ILogger logger, string cacheFile, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Corpus cache {CacheFile}: its last appended part is incomplete (an interrupted write); the parts before it are kept and the cache is written anew")]
    private static partial void LogCacheTorn(ILogger logger, string cacheFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Corpus cache {CacheFile} could not be written: {Reason}")]
    private static partial void LogCacheNotWritten(ILogger logger, string cacheFile, string reason);
}
