using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Tests.Shared;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Tests.Digests;

public sealed class CorpusWatcherTests : IDisposable
{
    private readonly string _folder = TestPaths.NewTempFolder();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private (FileCorpusProvider Provider, CorpusWatcher Watcher) Create(TimeProvider time, bool fileSystemEvents, TimeSpan debounce, TimeSpan rescan)
    {
        var corpusOptions = Options.Create(new CorpusOptions { Path = _folder, Watch = true });
        var loader = new CorpusLoader(NullLogger<CorpusLoader>.Instance);
        var provider = new FileCorpusProvider(corpusOptions, loader, NullLogger<FileCorpusProvider>.Instance);
        var watcher = new CorpusWatcher(
            provider,
            loader,
            corpusOptions,
            Options.Create(new CorpusWatcherOptions { FileSystemEvents = fileSystemEvents, Debounce = debounce, RescanInterval = rescan }),
            time,
            NullLogger<CorpusWatcher>.Instance);
        return (provider, watcher);
    }

    private static async Task StepAsync(CorpusWatcher watcher, FakeTimeProvider time, TimeSpan step)
    {
        var idle = watcher.Idle.Next();
        time.Advance(step);
        await idle.WaitAsync(DigestHarness.Patience);
    }

    [Fact]
    public async Task A_half_written_file_is_read_only_once_complete_and_changes_and_deletions_follow()
    {
        File.WriteAllText(Path.Combine(_folder, "first.txt"), DigestTestData.ArticleFile("Tram line approved by the council"));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var debounce = TimeSpan.FromSeconds(1);
        var rescan = TimeSpan.FromSeconds(30);
        var (provider, watcher) = Create(time, fileSystemEvents: false, debounce, rescan);
        using var _ = watcher;
        var idle = watcher.Idle.Next();
        await watcher.StartAsync(CancellationToken.None);
        await idle.WaitAsync(DigestHarness.Patience);
        var version = provider.Current.Version;
        Assert.Single(provider.Current.Articles);

        // A file arrives in two writes; the first check sees it growing, so nothing is read yet.
        var path = Path.Combine(_folder, "ferry.txt");
        var content = DigestTestData.ArticleFile("Ferry service resumes after the storm");
        File.WriteAllText(path, content[..(content.Length / 2)]);
        await StepAsync(watcher, time, rescan);
        Assert.Equal(version, provider.Current.Version);

        File.AppendAllText(path, content[(content.Length / 2)..]);
        await StepAsync(watcher, time, debounce);
        Assert.Equal(version, provider.Current.Version);

        // Unchanged on the next check: read whole.
        await StepAsync(watcher, time, debounce);
        var ferry = provider.Current.Find("ferry");
        Assert.NotNull(ferry);
        Assert.Contains("Residents had asked for it for years.", string.Join(' ', ferry.Paragraphs), StringComparison.Ordinal);
        Assert.Equal(2, provider.Current.Articles.Count);
        Assert.Contains(provider.Current.Index.Passages, p => p.Article.Id == "ferry");

        // Changed content replaces the article; a deleted file leaves the corpus.
        File.WriteAllText(path, DigestTestData.ArticleFile("Ferry service suspended again after new storm"));
        await StepAsync(watcher, time, rescan);
        await StepAsync(watcher, time, debounce);
        Assert.Contains("suspended", provider.Current.Find("ferry")!.Title, StringComparison.Ordinal);

        File.Delete(Path.Combine(_folder, "first.txt"));
        await StepAsync(watcher, time, rescan);
        Assert.Null(provider.Current.Find("first"));
        Assert.Single(provider.Current.Articles);

        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_file_the_start_skipped_as_unparsable_is_not_read_and_warned_about_again_until_it_changes()
    {
        File.WriteAllText(Path.Combine(_folder, "tram.txt"), DigestTestData.ArticleFile("Tram line approved by the council"));
        File.WriteAllText(Path.Combine(_folder, "empty.txt"), "   \n\n  ");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var rescan = TimeSpan.FromSeconds(30);
        var skipped = new SkipCounter();
        var corpusOptions = Options.Create(new CorpusOptions { Path = _folder, Watch = true });
        var loader = new CorpusLoader(skipped);
        var provider = new FileCorpusProvider(corpusOptions, loader, NullLogger<FileCorpusProvider>.Instance);
        using var watcher = new CorpusWatcher(provider, loader, corpusOptions,
            Options.Create(new CorpusWatcherOptions { FileSystemEvents = false, Debounce = TimeSpan.FromSeconds(1), RescanInterval = rescan }),
            time, NullLogger<CorpusWatcher>.Instance);
        var idle = watcher.Idle.Next();
        await watcher.StartAsync(CancellationToken.None);
        await idle.WaitAsync(DigestHarness.Patience);
        Assert.Single(provider.Current.Articles);
        Assert.Equal(1, skipped.Count);

        await StepAsync(watcher, time, rescan);
        await StepAsync(watcher, time, rescan);
        Assert.Equal(1, skipped.Count);

        // Changed, it is read again (and still does not parse).
        File.WriteAllText(Path.Combine(_folder, "empty.txt"), "  \n ");
        await StepAsync(watcher, time, rescan);
        await StepAsync(watcher, time, rescan);
        Assert.Equal(2, skipped.Count);
        await watcher.StopAsync(CancellationToken.None);
    }

    /// <summary>Counts the loader's warnings about skipped files.</summary>
    private sealed class SkipCounter : Microsoft.Extensions.Logging.ILogger<CorpusLoader>
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).StartsWith("Skipped article file", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }

    [Fact]
    public async Task A_file_dropped_into_the_watched_folder_appears_in_articles_and_in_the_next_digest()
    {
        File.WriteAllText(Path.Combine(_folder, "tram.txt"), DigestTestData.ArticleFile("Tram line approved by the council"));
        await using var harness = new DigestHarness(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var settings = DigestHarness.Schedule("hourly", "0 * * * *", "newsroom", zone: "UTC", language: "en");
        settings["Digest:RefreshInterval"] = "01:00:00";
        settings["Corpus:Path"] = _folder;

        // The watcher runs on the real clock with file-system events (short debounce); the scheduler on the fake one.
        var (provider, watcher) = Create(TimeProvider.System, fileSystemEvents: true, TimeSpan.FromMilliseconds(30), TimeSpan.FromMinutes(10));
        using var _ = watcher;
        harness.Corpus = provider;
        await harness.StartAsync(settings);
        await harness.StepAsync(TimeSpan.FromHours(1));
        Assert.Equal(["tram"], Assert.Single(harness.Sender.Sent).Reply.Citations.Select(c => c.ArticleId));

        var idle = watcher.Idle.Next();
        await watcher.StartAsync(CancellationToken.None);
        await idle.WaitAsync(DigestHarness.Patience);
        var changed = new TaskCompletionSource<CorpusSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Changed += (_, snapshot) =>
        {
            if (snapshot.Find("orchestra") is not null)
            {
                changed.TrySetResult(snapshot);
            }
        };

        File.WriteAllText(Path.Combine(_folder, "orchestra.txt"), DigestTestData.ArticleFile("Local orchestra wins national prize"));
        var updated = await changed.Task.WaitAsync(DigestHarness.Patience);
        Assert.Equal(2, updated.Articles.Count);

        // What `newsbot articles` and /articles list is the provider's snapshot.
        var list = await harness.Services.GetRequiredService<IChatPipeline>().HandleAsync(
            new ChatRequest { Platform = "fake", ChatId = "c1", UserId = "u1", Text = "/articles" }, null, CancellationToken.None);
        Assert.Contains("Local orchestra wins national prize", list.PlainText, StringComparison.Ordinal);

        await harness.StepAsync(TimeSpan.FromHours(1));
        Assert.Equal(2, harness.Sender.Sent.Count);
        Assert.Equal(["orchestra"], harness.Sender.Sent.Last().Reply.Citations.Select(c => c.ArticleId));

        await watcher.StopAsync(CancellationToken.None);
    }
}
