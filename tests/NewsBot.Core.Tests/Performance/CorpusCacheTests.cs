using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;
using NewsBot.Tests.Shared;
using NewsBot.Retrieval.Corpus;
using NewsBot.Retrieval;

namespace NewsBot.Core.Tests.Performance;

/// <summary>The persisted article cache: a restart parses only what changed, and a bad cache is rebuilt, never trusted.</summary>
public sealed class CorpusCacheTests
{
    private readonly string _corpus = TestPaths.NewTempFolder();
    private readonly string _cacheFolder = TestPaths.NewTempFolder();

    public CorpusCacheTests()
    {
        File.WriteAllText(Path.Combine(_corpus, "hafen.txt"), "date 2025-03-04 Bitte aktivieren Sie Javascript\n\nHamburg baut den Hafen aus. Der Senat stimmte am Montag zu.\n\nDie Kosten liegen bei zwei Milliarden Euro.\n");
        File.WriteAllText(Path.Combine(_corpus, "tram.md"), "---\ntitle: Lisbon tram returns\ndate: 2025-03-05\nurl: https://example.org/tram\n---\n\nThe old tram line 28 runs again after repairs.\n\n## Tickets\n\nTickets cost three euros.\n");
        Directory.CreateDirectory(Path.Combine(_corpus, "nested"));
        File.WriteAllText(Path.Combine(_corpus, "nested", "wind.txt"), "date 2025-03-07\n\nDenmark and Germany agree on a shared wind park in the North Sea.\n");
    }

    [Fact]
    public void A_restart_takes_every_unchanged_article_from_the_cache()
    {
        var first = Provider();
        var parsed = first.Current;
        Assert.Equal(new CorpusLoadStats(3, 3, 0, 0) { CacheWritten = true }, first.LastLoad);
        Assert.True(File.Exists(first.CacheFile));

        var second = Provider();
        var cached = second.Current;

        Assert.Equal(new CorpusLoadStats(3, 0, 3, 0), second.LastLoad);
        Assert.Equal(parsed.Articles.Select(Describe), cached.Articles.Select(Describe));
        Assert.Equal(parsed.Index.Passages.Count, cached.Index.Passages.Count);
    }

    [Fact]
    public void Files_in_nested_folders_come_from_the_cache_under_their_ids_and_other_files_are_not_listed()
    {
        Directory.CreateDirectory(Path.Combine(_corpus, "nested", "deeper"));
        File.WriteAllText(Path.Combine(_corpus, "nested", "deeper", "rail.md"), "---\ntitle: Night train to Vienna\ndate: 2025-03-08\n---\n\nThe night train to Vienna runs three times a week.\n");
        File.WriteAllText(Path.Combine(_corpus, ".draft.md"), "date 2025-03-09\n\nA hidden draft that is not an article yet.\n");
        File.WriteAllText(Path.Combine(_corpus, "nested", "notes.pdf"), "not an article");
        var parsed = Provider().Current;

        var restarted = Provider();
        var cached = restarted.Current;

        Assert.Equal(new CorpusLoadStats(4, 0, 4, 0), restarted.LastLoad);
        Assert.Equal(["hafen", "nested-deeper-rail", "nested-wind", "tram"], cached.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(parsed.Articles.Select(Describe), cached.Articles.Select(Describe));
        Assert.Equal(
            CorpusLoader.ArticleFiles(_corpus).Select(f => Path.GetRelativePath(_corpus, f)),
            ["hafen.txt", Path.Combine("nested", "deeper", "rail.md"), Path.Combine("nested", "wind.txt"), "tram.md"]);
    }

    [Fact]
    public void A_changed_file_is_parsed_again_and_the_unchanged_ones_are_not()
    {
        _ = Provider().Current;
        var file = Path.Combine(_corpus, "hafen.txt");
        var before = File.GetLastWriteTimeUtc(file);
        File.WriteAllText(file, "date 2025-03-04\n\nHamburg baut den Hafen doch nicht aus. Die Reederei Oberlotse protestierte.\n");
        File.SetLastWriteTimeUtc(file, before.AddMinutes(1));

        var restarted = Provider();
        var snapshot = restarted.Current;

        Assert.Equal(1, restarted.LastLoad!.Parsed);
        Assert.Equal(2, restarted.LastLoad.FromCache);
        Assert.True(restarted.LastLoad.CacheWritten);
        Assert.Contains("Oberlotse", snapshot.Find("hafen")!.Paragraphs.Single(), StringComparison.Ordinal);
        Assert.Equal("hafen", snapshot.Index.Search(new SearchQuery("Oberlotse"), 3).Single().Passage.Article.Id);

        // The rewritten cache now holds the new version: the next start parses nothing.
        var again = Provider();
        Assert.Contains("Oberlotse", again.Current.Find("hafen")!.Paragraphs.Single(), StringComparison.Ordinal);
        Assert.Equal(0, again.LastLoad!.Parsed);
    }

    [Fact]
    public void A_deleted_file_leaves_the_corpus_and_the_cache()
    {
        _ = Provider().Current;
        File.Delete(Path.Combine(_corpus, "tram.md"));

        var restarted = Provider();

        Assert.Null(restarted.Current.Find("tram"));
        Assert.Equal(new CorpusLoadStats(2, 0, 2, 0) { CacheWritten = true }, restarted.LastLoad);
    }

    [Fact]
    public void New_and_changed_articles_are_appended_to_the_cache_until_replaced_entries_would_be_a_fifth_of_it()
    {
        for (var i = 0; i < 10; i++)
        {
            Write($"ort{i}.txt", $"date 2025-04-0{i}\n\nIn Ort {i} wurde am Montag ein neuer Bahnhof eröffnet.\n");
        }

        _ = Provider().Current;
        var cacheFile = Provider().CacheFile!;
        var before = File.ReadAllBytes(cacheFile);
        var opened = Provider().Current;

        // A new file: appended (the file keeps every byte it had), and read back with the rest by the next start.
        Write("neu.txt", "date 2025-04-20\n\nDie Fähre nach Helgoland fährt wieder.\n");
        var added = Provider();
        _ = added.Current;
        Assert.Equal(new CorpusLoadStats(14, 1, 13, 0) { CacheWritten = true, CacheAppended = true }, added.LastLoad);
        var after = File.ReadAllBytes(cacheFile);
        Assert.True(after.Length > before.Length);
        Assert.Equal(before, after[..before.Length]);
        var restart = Provider();
        Assert.Contains("Helgoland", restart.Current.Find("neu")!.Paragraphs.Single(), StringComparison.Ordinal);
        Assert.Equal(new CorpusLoadStats(14, 0, 14, 0), restart.LastLoad);

        // Changed files: their new versions are appended and replace the old ones; a snapshot read before still has its texts.
        for (var round = 0; round < 2; round++)
        {
            Write("ort1.txt", $"date 2025-04-01\n\nIn Ort 1 fuhr am Montag Zug {round} ein.\n", minutes: round + 1);
            var changed = Provider();
            _ = changed.Current;
            Assert.True(changed.LastLoad!.CacheAppended);
            var read = Provider();
            Assert.Contains($"Zug {round}", read.Current.Find("ort1")!.Paragraphs.Single(), StringComparison.Ordinal);
            Assert.Equal(14, read.LastLoad!.FromCache);
        }

        Assert.Contains("Bahnhof", opened.Find("ort1")!.Paragraphs.Single(), StringComparison.Ordinal);

        // A deleted file leaves a dead entry behind without a write; with the next change dead entries would pass a fifth:
        // the cache is written anew with only what is there.
        File.Delete(Path.Combine(_corpus, "ort2.txt"));
        var deleted = Provider();
        Assert.Null(deleted.Current.Find("ort2"));
        Assert.Equal(new CorpusLoadStats(13, 0, 13, 0), deleted.LastLoad);
        Write("ort3.txt", "date 2025-04-03\n\nIn Ort 3 schloss der Bahnhof wieder.\n", minutes: 5);
        var compacted = Provider();
        _ = compacted.Current;
        Assert.Equal(new CorpusLoadStats(13, 1, 12, 0) { CacheWritten = true }, compacted.LastLoad);
        var last = Provider();
        var snapshot = last.Current;
        Assert.Equal(new CorpusLoadStats(13, 0, 13, 0), last.LastLoad);
        Assert.Contains("schloss", snapshot.Find("ort3")!.Paragraphs.Single(), StringComparison.Ordinal);
        Assert.Contains("Zug 1", snapshot.Find("ort1")!.Paragraphs.Single(), StringComparison.Ordinal);
        Assert.Equal(
            new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(_corpus).Select(Describe).Order(StringComparer.Ordinal),
            snapshot.Articles.Select(Describe).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_torn_append_keeps_the_segments_before_it_and_the_cache_is_written_anew()
    {
        _ = Provider().Current;
        var cacheFile = Provider().CacheFile!;
        Write("neu.txt", "date 2025-04-20\n\nDie Fähre nach Helgoland fährt wieder.\n");
        var added = Provider();
        _ = added.Current;
        Assert.True(added.LastLoad!.CacheAppended);

        // A process stopped mid-append: the last segment lacks its end.
        using (var stream = new FileStream(cacheFile, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(stream.Length - 3);
        }

        var torn = Provider();
        var snapshot = torn.Current;
        // The three articles of the first segment come from the cache; only the torn segment's article is parsed again.
        Assert.Equal(new CorpusLoadStats(4, 1, 3, 0) { CacheWritten = true }, torn.LastLoad);
        Assert.Contains("Helgoland", snapshot.Find("neu")!.Paragraphs.Single(), StringComparison.Ordinal);
        var restart = Provider();
        _ = restart.Current;
        Assert.Equal(new CorpusLoadStats(4, 0, 4, 0), restart.LastLoad);
    }

    private void Write(string name, string text, int minutes = 0)
    {
        var file = Path.Combine(_corpus, name);
        File.WriteAllText(file, text);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(minutes));
    }

    [Fact]
    public void A_file_that_does_not_parse_is_reported_on_every_load_and_read_again_only_when_it_changes()
    {
        var file = Path.Combine(_corpus, "kaputt.txt");
        File.WriteAllText(file, "date 2025-03-04\0\0 binary");
        var first = Provider(loaderLogger: WarningLogger(out var firstLog));
        _ = first.Current;
        Assert.Equal(new CorpusLoadStats(4, 3, 0, 1) { CacheWritten = true }, first.LastLoad);
        Assert.True(File.Exists(UnparsableFiles.PathFor(first.CacheFile!)));
        VerifySkipped(firstLog, "kaputt.txt");

        // Unchanged: reported again from the list, not read; the list is not rewritten.
        var written = File.GetLastWriteTimeUtc(UnparsableFiles.PathFor(first.CacheFile!));
        var second = Provider(loaderLogger: WarningLogger(out var secondLog));
        _ = second.Current;
        Assert.Equal(new CorpusLoadStats(4, 0, 3, 1) { KnownUnparsable = 1 }, second.LastLoad);
        Assert.Equal(written, File.GetLastWriteTimeUtc(UnparsableFiles.PathFor(first.CacheFile!)));
        VerifySkipped(secondLog, "kaputt.txt");

        // Repaired: parsed, and the list is gone.
        var before = File.GetLastWriteTimeUtc(file);
        File.WriteAllText(file, "date 2025-03-04\n\nDer Deich hält. Die Stadt atmet auf.\n");
        File.SetLastWriteTimeUtc(file, before.AddMinutes(1));
        var repaired = Provider();
        Assert.NotNull(repaired.Current.Find("kaputt"));
        Assert.Equal(new CorpusLoadStats(4, 1, 3, 0) { CacheWritten = true, CacheAppended = true }, repaired.LastLoad);
        Assert.False(File.Exists(UnparsableFiles.PathFor(first.CacheFile!)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_damaged_list_of_unparsable_files_only_makes_them_be_read_again(bool badLengthPrefix)
    {
        File.WriteAllText(Path.Combine(_corpus, "kaputt.txt"), "\0\0");
        var first = Provider();
        _ = first.Current;
        var list = UnparsableFiles.PathFor(first.CacheFile!);
        var bytes = File.ReadAllBytes(list);
        // Truncated inside the header, or a first path whose 7-bit length prefix never ends (FormatException, not IOException).
        File.WriteAllBytes(list, badLengthPrefix ? [.. bytes[..12], 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] : bytes[..10]);

        var second = Provider();
        _ = second.Current;

        Assert.Equal(new CorpusLoadStats(4, 0, 3, 1), second.LastLoad);
        var third = Provider();
        _ = third.Current;
        Assert.Equal(1, third.LastLoad!.KnownUnparsable);
    }

    private static ILogger<CorpusLoader> WarningLogger(out Mock<ILogger<CorpusLoader>> logger)
    {
        logger = new Mock<ILogger<CorpusLoader>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        return logger.Object;
    }

    private static void VerifySkipped(Mock<ILogger<CorpusLoader>> logger, string fileName) =>
        logger.Verify(
            l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((state, _) => state.ToString()!.Contains("Skipped", StringComparison.Ordinal) && state.ToString()!.Contains(fileName, StringComparison.Ordinal) && state.ToString()!.Contains("binary", StringComparison.Ordinal)), null, It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once);

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("older format")]
    [InlineData("another build")]
    [InlineData("other folder")]
    public void A_cache_that_cannot_be_used_is_rebuilt_with_a_warning(string damage)
    {
        var first = Provider();
        _ = first.Current;
        var cacheFile = first.CacheFile!;
        var bytes = File.ReadAllBytes(cacheFile);
        switch (damage)
        {
            case "garbage":
                File.WriteAllText(cacheFile, "not a cache at all");
                break;
            case "truncated":
                File.WriteAllBytes(cacheFile, bytes[..(bytes.Length / 2)]);
                break;
            case "another build":
                bytes[8] ^= 0xFF;
                File.WriteAllBytes(cacheFile, bytes);
                break;
            case "older format":
                BitConverter.GetBytes(ArticleCache.FormatVersion - 1).CopyTo(bytes, 4);
                File.WriteAllBytes(cacheFile, bytes);
                break;
            default:
                // A cache written for another folder, copied over this one's file.
                var other = TestPaths.NewTempFolder();
                File.Copy(Path.Combine(_corpus, "hafen.txt"), Path.Combine(other, "hafen.txt"));
                var otherProvider = Provider(other);
                _ = otherProvider.Current;
                File.Copy(otherProvider.CacheFile!, cacheFile, overwrite: true);
                break;
        }

        var logger = new Mock<ILogger<CorpusLoader>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        var rebuilt = Provider(loaderLogger: logger.Object);
        var snapshot = rebuilt.Current;

        Assert.Equal(3, snapshot.Articles.Count);
        Assert.Equal(new CorpusLoadStats(3, 3, 0, 0) { CacheRebuilt = true, CacheWritten = true }, rebuilt.LastLoad);
        logger.Verify(
            l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((state, _) => state.ToString()!.Contains("rebuilding", StringComparison.Ordinal)), null, It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once);
        var next = Provider();
        _ = next.Current;
        Assert.Equal(3, next.LastLoad!.FromCache);
    }

    [Fact]
    public void Cached_articles_keep_every_field_of_the_parsed_ones()
    {
        var parsed = Provider(TestPaths.SampleCorpus).Current.Articles;
        var cached = Provider(TestPaths.SampleCorpus);

        Assert.Equal(parsed.Select(Describe), cached.Current.Articles.Select(Describe));
        Assert.Equal(parsed.Count, cached.LastLoad!.FromCache);
    }

    [Fact]
    public void The_host_registration_keeps_the_cache_in_the_configured_folder_or_none_when_off()
    {
        static FileCorpusProvider Resolve(Dictionary<string, string?> settings)
        {
            var services = new ServiceCollection().AddLogging();
            services.AddNewsBotCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).AddInMemoryState().AddExtractiveAnswers();
            return services.BuildServiceProvider().GetRequiredService<FileCorpusProvider>();
        }

        var on = Resolve(new() { ["Corpus:Path"] = _corpus, ["Corpus:CacheFolder"] = _cacheFolder });
        _ = on.Current;
        var off = Resolve(new() { ["Corpus:Path"] = _corpus, ["Corpus:Cache"] = "false" });
        _ = off.Current;

        Assert.StartsWith(_cacheFolder, on.CacheFile, StringComparison.Ordinal);
        Assert.True(File.Exists(on.CacheFile));
        Assert.Null(off.CacheFile);
        Assert.False(off.LastLoad!.CacheWritten);
    }

    [Fact]
    public void Without_a_configured_folder_the_cache_lives_in_the_app_data_folder()
    {
        var location = new CorpusCacheLocation(Options.Create(new CorpusOptions { Path = _corpus }));

        Assert.StartsWith(Path.Combine(AppDataFolder.Resolve(), CorpusCacheLocation.DefaultFolderName), location.FileFor(_corpus), StringComparison.Ordinal);
        Assert.NotEqual(location.FileFor(_corpus), location.FileFor(_cacheFolder));
        Assert.Equal("/srv/newsbot", AppDataFolder.Resolve(name => name == "NEWSBOT_DATA" ? "/srv/newsbot" : "/ignored"));
        Assert.Equal(Path.Combine("/home/u/.data", "newsbot"), AppDataFolder.Resolve(name => name == "XDG_DATA_HOME" ? "/home/u/.data" : null));
    }

    [Fact]
    public void The_people_built_in_the_background_are_the_same_as_a_direct_build()
    {
        var snapshot = Provider(TestPaths.SampleCorpus).Current;

        var direct = PeopleIndexBuilder.Build(snapshot.Articles);

        Assert.Equal(direct.People.Select(p => p.Name), snapshot.People.People.Select(p => p.Name));
        Assert.True(snapshot.PeopleReady);
    }

    [Fact]
    public void People_on_demand_are_not_read_until_asked_for_and_then_are_the_same()
    {
        _ = Provider(TestPaths.SampleCorpus).Current.People;
        var restarted = Provider(TestPaths.SampleCorpus);
        restarted.PeopleOnDemand = true;

        var snapshot = restarted.Current;

        Assert.False(snapshot.PeopleReady);
        var direct = PeopleIndexBuilder.Build(snapshot.Articles);
        Assert.Equal(direct.People.Select(p => p.Name), snapshot.People.People.Select(p => p.Name));
        Assert.True(snapshot.PeopleReady);
    }

    private FileCorpusProvider Provider(string? corpus = null, ILogger<CorpusLoader>? loaderLogger = null)
    {
        var options = Options.Create(new CorpusOptions { Path = corpus ?? _corpus, CacheFolder = _cacheFolder });
        return new FileCorpusProvider(
            options,
            new CorpusLoader(loaderLogger ?? NullLogger<CorpusLoader>.Instance),
            NullLogger<FileCorpusProvider>.Instance,
            cacheLocation: new CorpusCacheLocation(options));
    }

    private static string Describe(Article a) =>
        string.Join("|", a.Id, a.Title, a.Date, a.Language, a.Source, a.Url, a.AddedAt.UtcTicks, a.ContentHash, string.Join("/", a.Blocks.Select(b => $"{b.Kind}:{b.Text}")));
}
