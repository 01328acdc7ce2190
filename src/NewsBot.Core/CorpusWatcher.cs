using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Digests;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core;

/// <summary>Timing of the live corpus (<c>Corpus:RescanInterval</c>, <c>Corpus:Debounce</c>); <c>Corpus:Watch</c> switches it on.</summary>
public sealed class CorpusWatcherOptions
{
    public const string SectionName = CorpusOptions.SectionName;

    /// <summary>Full rescan as a safety net for events the file system does not deliver (network shares, overflow).</summary>
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Quiet time after a file event before scanning, and the gap between the two checks a new file must pass.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Listen to file-system events; without them only the periodic rescan notices changes.</summary>
    public bool FileSystemEvents { get; set; } = true;
}

/// <summary>
/// Keeps the corpus in step with its folder while the bot runs: new, changed and deleted files are picked up without a
/// restart. File-system events trigger a debounced scan; a periodic rescan catches whatever the events miss. A new or
/// changed file is read only once its size and write time are the same on two checks a debounce apart, so a file still
/// being written is not read half-way (one that cannot be opened yet is simply tried again). Only new and changed files
/// are parsed; then <see cref="FileCorpusProvider.Replace"/> swaps in the new snapshot with its index and people.
/// </summary>
public sealed partial class CorpusWatcher(
    FileCorpusProvider provider,
    CorpusLoader loader,
    IOptions<CorpusOptions> corpusOptions,
    IOptions<CorpusWatcherOptions> watcherOptions,
    TimeProvider time,
    ILogger<CorpusWatcher> logger) : BackgroundService
{
    private readonly Channel<bool> _events = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Files in the current snapshot: path → what was read.</summary>
    private readonly Dictionary<string, KnownFile> _known = new(StringComparer.Ordinal);

    /// <summary>New or changed files waiting to look the same on a second check: path → size and time seen last.</summary>
    private readonly Dictionary<string, FileStamp> _pending = new(StringComparer.Ordinal);

    /// <summary>Pulsed each time a scan is done and the next wait is armed.</summary>
    internal LoopSignal Idle { get; } = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!corpusOptions.Value.Watch)
        {
            return;
        }

        string folder;
        try
        {
            folder = provider.Folder;
            Adopt(folder, provider.Current);
        }
        catch (DirectoryNotFoundException ex)
        {
            LogNoFolder(logger, ex.Message);
            return;
        }

        var settings = watcherOptions.Value;
        using var watcher = settings.FileSystemEvents ? StartWatching(folder) : null;
        LogWatching(logger, folder);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitForWorkAsync(settings, stoppingToken);
                Scan(folder);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The folder itself vanished or is unreadable for a moment: keep the corpus we have and try again later.
                LogScanFailed(logger, ex, folder);
            }
        }
    }

    /// <summary>Waits for the rescan interval, a pending file's second check, or a (debounced) file event.</summary>
    private async Task WaitForWorkAsync(CorpusWatcherOptions settings, CancellationToken stoppingToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var wait = _pending.Count > 0 ? settings.Debounce : settings.RescanInterval;
        var timer = Task.Delay(TimeSpan.FromTicks(Math.Clamp(wait.Ticks, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromDays(1).Ticks)), time, cancel.Token);
        var fileEvent = _events.Reader.WaitToReadAsync(cancel.Token).AsTask();
        Idle.Pulse();
        var first = await Task.WhenAny(timer, fileEvent);
        await cancel.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
        if (first == fileEvent)
        {
            // Let a burst of events (a copy, an editor's save dance) settle into one scan.
            _events.Reader.TryRead(out _);
            await Task.Delay(TimeSpan.FromTicks(Math.Clamp(settings.Debounce.Ticks, 0, TimeSpan.FromMinutes(10).Ticks)), time, stoppingToken);
            _events.Reader.TryRead(out _);
        }

        await SwallowCancellation(timer);
        await SwallowCancellation(fileEvent);
    }

    private static async Task SwallowCancellation(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Takes the files of the snapshot the provider already loaded as known, and those its load skipped as unparsable, so the
    /// first scan re-reads (and warns about) nothing.
    /// </summary>
    private void Adopt(string folder, CorpusSnapshot snapshot)
    {
        foreach (var file in CorpusLoader.ArticleFiles(folder))
        {
            if (Stamp(file) is not { } stamp)
            {
                continue;
            }

            if (snapshot.Find(CorpusLoader.IdFor(folder, file)) is { } article)
            {
                _known[file] = new KnownFile(stamp, article);
            }
            else if (loader.SkippedUnchanged(file, stamp.Length, stamp.WriteTimeUtc.Ticks))
            {
                _known[file] = new KnownFile(stamp, null);
            }
        }
    }

    /// <summary>One pass over the folder; swaps the snapshot when anything was added, changed or removed.</summary>
    internal void Scan(string folder)
    {
        var files = CorpusLoader.ArticleFiles(folder);
        var present = new HashSet<string>(files, StringComparer.Ordinal);
        var changed = false;

        foreach (var gone in _known.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _known.Remove(gone);
            changed = true;
            LogRemoved(logger, gone);
        }

        foreach (var gone in _pending.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _pending.Remove(gone);
        }

        foreach (var file in files)
        {
            if (Stamp(file) is not { } stamp || (_known.TryGetValue(file, out var known) && known.Stamp == stamp))
            {
                continue;
            }

            if (!_pending.TryGetValue(file, out var seen) || seen != stamp)
            {
                // First sight of this size and time: it may still be growing. Read it if the next check finds it unchanged.
                _pending[file] = stamp;
                continue;
            }

            if (!CanOpenExclusively(file))
            {
                continue;
            }

            _pending.Remove(file);
            var article = loader.TryLoad(folder, file);
            if (article is null)
            {
                // Unreadable or not an article (already logged): remember the stamp so it is not retried until it changes,
                // and drop any earlier version of it from the corpus.
                changed |= _known.Remove(file);
                _known[file] = new KnownFile(stamp, null);
                continue;
            }

            if (_known.TryGetValue(file, out var previous) && previous.Article?.ContentHash == article.ContentHash)
            {
                // Touched, not changed: keep the article as it was (and its place in digests).
                _known[file] = previous with { Stamp = stamp };
                continue;
            }

            _known[file] = new KnownFile(stamp, article);
            changed = true;
            LogPickedUp(logger, file);
        }

        if (changed)
        {
            var articles = _known.OrderBy(k => k.Key, StringComparer.Ordinal)
                .Select(k => k.Value.Article)
                .OfType<Article>()
                .DistinctBy(a => a.Id, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var snapshot = provider.Replace(articles);
            LogReplaced(logger, snapshot.Articles.Count, snapshot.Version);
        }
    }

    private static FileStamp? Stamp(string file)
    {
        try
        {
            var info = new FileInfo(file);
            return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>False while another process holds the file open for writing where the system enforces that (Windows).</summary>
    private static bool CanOpenExclusively(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private FileSystemWatcher? StartWatching(string folder)
    {
        try
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            FileSystemEventHandler changed = (_, _) => _events.Writer.TryWrite(true);
            watcher.Created += changed;
            watcher.Changed += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (_, _) => _events.Writer.TryWrite(true);
            watcher.Error += (_, e) =>
            {
                // Buffer overflow and the like: the rescan is the safety net, but scan soon.
                LogWatcherError(logger, e.GetException());
                _events.Writer.TryWrite(true);
            };
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            LogWatcherError(logger, ex);
            return null;
        }
    }

    private readonly record struct FileStamp(long Length, DateTime WriteTimeUtc);

    private sealed record KnownFile(FileStamp Stamp, Article? Article);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Folder} for new, changed and deleted articles")]
    private static partial void LogWatching(ILogger logger, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Corpus watch is off: {Reason}")]
    private static partial void LogNoFolder(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scanning the corpus folder {Folder} failed; trying again later")]
    private static partial void LogScanFailed(ILogger logger, Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "File-system events for the corpus failed; the periodic rescan continues")]
    private static partial void LogWatcherError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article file picked up: {File}")]
    private static partial void LogPickedUp(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Article file removed: {File}")]
    private static partial void LogRemoved(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Corpus updated: {Count} articles (version {Version})")]
    private static partial void LogReplaced(ILogger logger, int count, long version);
}
