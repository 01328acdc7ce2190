using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;
using NewsBot.Tests.Shared;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Tests.Search;

/// <summary>
/// The persisted search and people index: a start opens them instead of rebuilding, answers exactly as a fresh build, follows
/// added, changed and deleted articles, rebuilds a damaged file with a warning and refuses one written by a newer format.
/// </summary>
public sealed class PersistedIndexTests
{
    private readonly string _cacheFolder = TestPaths.NewTempFolder();

    public static TheoryData<string, bool> Corpora => new()
    {
        { "seed", false },
        { "seed", true },
        { "samples", false },
        { "samples", true },
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public void An_opened_index_answers_exactly_as_a_freshly_built_one(string corpus, bool dictionary)
    {
        var folder = corpus == "seed" ? TestPaths.SeedCorpus : TestPaths.SampleCorpus;
        var translator = dictionary ? InstalledDictionary.Translator : QueryTranslator.None;
        var writer = Provider(folder, translator);
        _ = writer.Current;
        var written = File.GetLastWriteTimeUtc(writer.IndexFile!);

        var opened = Provider(folder, translator).Current;
        var fresh = CorpusIndex.Build(new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(folder), translator);

        Assert.Equal(written, File.GetLastWriteTimeUtc(writer.IndexFile!));
        Assert.Equal(fresh.Passages.Count, opened.Index.Passages.Count);
        Assert.Equal(fresh.TermCount, ((CorpusIndex)opened.Index).TermCount);
        var questions = Questions(fresh);
        Assert.True(questions.Count >= 10);
        foreach (var question in questions)
        {
            Assert.Equal(Describe(fresh.Search(new SearchQuery(question), 10)), Describe(opened.Index.Search(new SearchQuery(question), 10)));
        }
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void An_opened_index_has_the_passages_and_prefix_terms_of_a_freshly_built_one(string corpus, bool dictionary)
    {
        var folder = corpus == "seed" ? TestPaths.SeedCorpus : TestPaths.SampleCorpus;
        var translator = dictionary ? InstalledDictionary.Translator : QueryTranslator.None;
        _ = Provider(folder, translator).Current;
        var opened = (CorpusIndex)Provider(folder, translator).Current.Index;
        var fresh = CorpusIndex.Build(new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(folder), translator);

        // The opened index makes its passages on first use: each is the built one's, and the same object when asked again.
        Assert.Equal(
            fresh.Passages.Select(p => (p.Article.Id, p.Ordinal, p.Text, p.Heading)),
            opened.Passages.Select(p => (p.Article.Id, p.Ordinal, p.Text, p.Heading)));
        Assert.Same(opened.Passages[opened.PassageCount - 1], opened.Passages[opened.PassageCount - 1]);

        // Each term's languages are counted when a prefix first reaches it: the same terms as a build's, per language.
        foreach (var prefix in fresh.Table.Terms.Where(t => t.Length >= 3).Select(t => t[..3]).Distinct(StringComparer.Ordinal).Take(200))
        {
            foreach (var language in new Language?[] { null, Language.German, Language.English })
            {
                Assert.Equal(fresh.WithPrefix(prefix, language), opened.WithPrefix(prefix, language));
            }
        }
    }

    [Fact]
    public void A_restart_after_articles_were_added_changed_and_deleted_follows_them()
    {
        var corpus = WriteCorpus();
        _ = Provider(corpus).Current;

        File.WriteAllText(Path.Combine(corpus, "neu.txt"), "date 2025-03-09\n\nDie Fähre nach Helgoland fährt wieder. Der Kapitän Quellmalz begrüßte die Gäste.\n");
        var hafen = Path.Combine(corpus, "hafen.txt");
        var before = File.GetLastWriteTimeUtc(hafen);
        File.WriteAllText(hafen, "date 2025-03-04\n\nHamburg baut den Hafen doch nicht aus. Die Reederei Oberlotse protestierte.\n");
        File.SetLastWriteTimeUtc(hafen, before.AddMinutes(1));
        File.Delete(Path.Combine(corpus, "tram.md"));

        var restarted = Provider(corpus).Current;

        Assert.Equal("neu", Top(restarted.Index, "Helgoland Quellmalz"));
        Assert.Equal("hafen", Top(restarted.Index, "Oberlotse"));
        Assert.Empty(restarted.Index.Search(new SearchQuery("Senat Milliarden"), 5));
        Assert.Empty(restarted.Index.Search(new SearchQuery("tram tickets Lisbon"), 5));
        AssertSameAsFresh(corpus, restarted.Index);

        // The update was written back: the next start opens it as it is.
        var written = File.GetLastWriteTimeUtc(Provider(corpus).IndexFile!);
        AssertSameAsFresh(corpus, Provider(corpus).Current.Index);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Provider(corpus).IndexFile!));
    }

    [Fact]
    public void A_restart_after_articles_were_only_added_follows_them()
    {
        var corpus = WriteCorpus();
        _ = Provider(corpus).Current;

        // Nothing went: every kept passage keeps its number ("Hafen" gains postings after the kept ones).
        File.WriteAllText(Path.Combine(corpus, "neu.txt"), "date 2025-03-09\n\nDie Fähre nach Helgoland fährt wieder.\n\nDer Hafen von Helgoland ist voll.\n");
        var restarted = Provider(corpus).Current;

        Assert.Equal("neu", Top(restarted.Index, "Helgoland Fähre"));
        var hafen = restarted.Index.Search(new SearchQuery("Hafen"), 10).Select(h => h.Passage.Article.Id).ToList();
        Assert.Contains("hafen", hafen);
        Assert.Contains("neu", hafen);
        AssertSameAsFresh(corpus, restarted.Index);
    }

    [Fact]
    public void A_running_corpus_updates_its_index_and_the_file_when_articles_come_and_go()
    {
        var corpus = WriteCorpus();
        var provider = Provider(corpus);
        var articles = provider.Current.Articles.Where(a => a.Id != "tram").ToList();
        articles.Add(TestCorpus.Parse("neu", "neu.txt", "date 2025-03-09\n\nDie Fähre nach Helgoland fährt wieder. Der Kapitän Quellmalz begrüßte die Gäste.\n") with { ContentHash = "n1" });

        var updated = provider.Replace(articles);

        Assert.Equal("neu", Top(updated.Index, "Quellmalz"));
        Assert.Empty(updated.Index.Search(new SearchQuery("tram tickets Lisbon"), 5));
        var reopened = SearchIndexFile.Open(provider.IndexFile!, articles, QueryTranslator.None, out var changed)!;
        Assert.False(changed);
        Assert.Equal(Describe(updated.Index.Search(new SearchQuery("Quellmalz Hafen Wind"), 10)), Describe(reopened.Search(new SearchQuery("Quellmalz Hafen Wind"), 10)));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("older format")]
    public void An_index_file_that_cannot_be_used_is_rebuilt_with_one_warning(string damage)
    {
        var corpus = WriteCorpus();
        var file = Provider(corpus).IndexFile!;
        _ = Provider(corpus).Current;
        var bytes = File.ReadAllBytes(file);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(file, bytes[..(bytes.Length * 2 / 3)]);
                break;
            case "garbage":
                File.WriteAllText(file, "not an index");
                break;
            default:
                BitConverter.GetBytes(SearchIndexFile.FormatVersion - 1).CopyTo(bytes, 4);
                File.WriteAllBytes(file, bytes);
                break;
        }

        var logger = new Mock<ILogger<FileCorpusProvider>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        var snapshot = Provider(corpus, logger: logger.Object).Current;

        AssertSameAsFresh(corpus, snapshot.Index);
        logger.Verify(
            l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((state, _) => state.ToString()!.Contains("Search index", StringComparison.Ordinal)), null, It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once);
        Assert.NotNull(SearchIndexFile.Open(file, snapshot.Articles, QueryTranslator.None, out _));
    }

    [Fact]
    public void An_index_file_of_a_newer_format_is_refused_with_one_line_and_left_alone()
    {
        var corpus = WriteCorpus();
        var file = Provider(corpus).IndexFile!;
        _ = Provider(corpus).Current;
        var bytes = File.ReadAllBytes(file);
        BitConverter.GetBytes(SearchIndexFile.FormatVersion + 1).CopyTo(bytes, 4);
        File.WriteAllBytes(file, bytes);

        var refused = Assert.Throws<NewerIndexFormatException>(() => Provider(corpus).Current);

        Assert.DoesNotContain('\n', refused.Message);
        Assert.Contains("newer", refused.Message, StringComparison.Ordinal);
        Assert.Contains(file, refused.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(file));
    }

    [Fact]
    public void Persisted_people_are_the_people_of_a_fresh_build_and_follow_a_new_article()
    {
        var corpus = TestPaths.NewTempFolder();
        foreach (var file in Directory.GetFiles(TestPaths.SampleCorpus).Append(TestPaths.SeedFile))
        {
            File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        }

        var first = Provider(corpus).Current;
        var fresh = PeopleIndexBuilder.Build(new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(corpus));
        Assert.Equal(Describe(fresh), Describe(first.People));
        Assert.True(File.Exists(Provider(corpus).PeopleFile));

        var reopened = Provider(corpus).Current.People;
        Assert.Equal(Describe(fresh), Describe(reopened));

        File.WriteAllText(Path.Combine(corpus, "neu.txt"), "date 2025-03-09\n\nDie Bürgermeisterin Henrike Quellmalz eröffnete die Fähre. „Wir haben lange gewartet“, sagte Quellmalz.\n");
        var grown = Provider(corpus).Current.People;
        var freshGrown = PeopleIndexBuilder.Build(new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(corpus));
        Assert.Equal(Describe(freshGrown), Describe(grown));
        Assert.NotNull(grown.Find("Quellmalz"));
    }

    [Fact]
    public void Persisted_search_and_people_follow_added_changed_and_deleted_articles_as_a_fresh_build_does()
    {
        var corpus = WriteCorpus();
        File.WriteAllText(Path.Combine(corpus, "rathaus.txt"), "date 2025-03-08\n\nQuellmalz sprach am Montag im Rathaus. »Die Fähre kommt wieder«, sagte Quellmalz.\n");
        File.WriteAllText(Path.Combine(corpus, "zeitung.txt"), "date 2025-03-06\n\nBundeskanzler Olaf Scholz reiste am Freitag nach Paris.\n");
        AssertPeopleAsFresh(corpus, Provider(corpus).Current);
        var introducing = Path.Combine(corpus, "neu.txt");

        // A new article introduces the surname that an old one uses bare: the old one's mentions now count.
        File.WriteAllText(introducing, "date 2025-03-09\n\nDie Bürgermeisterin Henrike Quellmalz eröffnete die Fähre nach Helgoland.\n");
        var added = Provider(corpus).Current;
        AssertPeopleAsFresh(corpus, added);
        AssertPeopleFileAsFresh(corpus);
        Assert.Equal(["neu", "rathaus"], added.People.Find("Quellmalz")!.ArticleIds);

        // Changed so that it introduces someone else: the bare mentions go.
        File.WriteAllText(introducing, "date 2025-03-09\n\nDie Kapitänin Henrike Oberlotse eröffnete die Fähre nach Helgoland.\n");
        File.SetLastWriteTimeUtc(introducing, DateTime.UtcNow.AddMinutes(1));
        var changed = Provider(corpus).Current;
        AssertPeopleAsFresh(corpus, changed);
        AssertPeopleFileAsFresh(corpus);
        Assert.Null(changed.People.Find("Quellmalz"));

        // Back, then the introducing article deleted; and a restart with nothing changed.
        File.WriteAllText(introducing, "date 2025-03-09\n\nDie Bürgermeisterin Henrike Quellmalz eröffnete die Fähre nach Helgoland.\n");
        File.SetLastWriteTimeUtc(introducing, DateTime.UtcNow.AddMinutes(2));
        AssertPeopleAsFresh(corpus, Provider(corpus).Current);
        File.Delete(introducing);
        var deleted = Provider(corpus).Current;
        AssertPeopleAsFresh(corpus, deleted);
        AssertPeopleFileAsFresh(corpus);
        Assert.Null(deleted.People.Find("Quellmalz"));
        AssertPeopleAsFresh(corpus, Provider(corpus).Current);

        // A running corpus (the watcher's path) does the same in memory.
        var running = Provider(corpus);
        var articles = running.Current.Articles.ToList();
        articles.Add(TestCorpus.Parse("neu", "neu.txt", "date 2025-03-09\n\nDie Bürgermeisterin Henrike Quellmalz eröffnete die Fähre nach Helgoland.\n") with { ContentHash = "n1" });
        var replaced = running.Replace(articles);
        Assert.Equal(Describe(PeopleIndexBuilder.Build(articles)), Describe(replaced.People));
        Assert.Equal(["rathaus", "neu"], replaced.People.Find("Quellmalz")!.ArticleIds);
    }

    [Fact]
    public void An_ingest_that_only_writes_the_people_file_counts_and_persists_the_people_of_a_fresh_build()
    {
        var corpus = WriteCorpus();
        File.WriteAllText(Path.Combine(corpus, "rathaus.txt"), "date 2025-03-08\n\nQuellmalz sprach am Montag im Rathaus. »Die Fähre kommt wieder«, sagte Quellmalz.\n");
        AssertIngestAsFresh(corpus);

        // A new article introduces the surname another uses bare; then a restart, which reads the file as written.
        File.WriteAllText(Path.Combine(corpus, "neu.txt"), "date 2025-03-09\n\nDie Bürgermeisterin Henrike Quellmalz eröffnete die Fähre nach Helgoland.\n");
        AssertIngestAsFresh(corpus);
        AssertPeopleAsFresh(corpus, Provider(corpus).Current);
        Assert.Equal(["neu", "rathaus"], Provider(corpus).Current.People.Find("Quellmalz")!.ArticleIds);

        // Changed (another person joins) and then gone (the bare mentions lose their introduction): the printed count follows.
        File.WriteAllText(Path.Combine(corpus, "rathaus.txt"), "date 2025-03-08\n\nQuellmalz sprach am Montag im Rathaus mit dem Landrat Jörg Brettschneider. »Die Fähre kommt wieder«, sagte Quellmalz.\n");
        AssertIngestAsFresh(corpus);
        File.Delete(Path.Combine(corpus, "neu.txt"));
        AssertIngestAsFresh(corpus);
        Assert.Null(Provider(corpus).Current.People.Find("Quellmalz"));

        // A damaged file (read beside the articles): rebuilt with one warning.
        var file = Provider(corpus).PeopleFile!;
        File.WriteAllBytes(file, File.ReadAllBytes(file)[..100]);
        var logger = new Mock<ILogger<FileCorpusProvider>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        AssertIngestAsFresh(corpus, logger.Object);
        logger.Verify(
            l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((state, _) => state.ToString()!.Contains("People index", StringComparison.Ordinal)), null, It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once);
        AssertPeopleAsFresh(corpus, Provider(corpus).Current);
    }

    private void AssertIngestAsFresh(string corpus, ILogger<FileCorpusProvider>? logger = null)
    {
        var ingest = Provider(corpus, logger: logger);
        ingest.PeopleFileOnly = true;
        var snapshot = ingest.Reload();
        var fresh = PeopleIndexBuilder.Build(new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(corpus));
        Assert.Equal(fresh.Count, ingest.PeopleFileWritten!.GetAwaiter().GetResult());
        AssertPeopleFileAsFresh(corpus);
        Assert.False(snapshot.PeopleReady);
        Assert.Equal(Describe(fresh), Describe(snapshot.People));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    public void A_people_file_that_cannot_be_used_is_rebuilt_with_one_warning(string damage)
    {
        var corpus = WriteCorpus();
        var file = Provider(corpus).PeopleFile!;
        _ = Provider(corpus).Current.People;
        var bytes = File.ReadAllBytes(file);
        if (damage == "truncated")
        {
            File.WriteAllBytes(file, bytes[..(bytes.Length * 2 / 3)]);
        }
        else
        {
            File.WriteAllText(file, "not an index");
        }

        var logger = new Mock<ILogger<FileCorpusProvider>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        AssertPeopleAsFresh(corpus, Provider(corpus, logger: logger.Object).Current);
        logger.Verify(
            l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((state, _) => state.ToString()!.Contains("People index", StringComparison.Ordinal)), null, It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once);
        Assert.NotNull(PeopleIndexFile.Read(file, PeopleIndexFile.Key(WordKnowledgeSource.None.Key)));
    }

    [Fact]
    public void A_people_file_of_a_newer_format_is_left_alone_with_one_line()
    {
        var corpus = WriteCorpus();
        var file = Provider(corpus).PeopleFile!;
        _ = Provider(corpus).Current.People;
        var bytes = File.ReadAllBytes(file);
        BitConverter.GetBytes(PeopleIndexFile.FormatVersion + 1).CopyTo(bytes, 4);
        File.WriteAllBytes(file, bytes);

        var logger = new Mock<ILogger<FileCorpusProvider>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        AssertPeopleAsFresh(corpus, Provider(corpus, logger: logger.Object).Current);
        logger.Verify(
            l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((state, _) => state.ToString()!.Contains("newer", StringComparison.Ordinal) && !state.ToString()!.Contains('\n')), null, It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
            Times.Once);
        Assert.Equal(bytes, File.ReadAllBytes(file));
    }

    [Fact]
    public void An_article_read_from_the_cache_keeps_its_text_when_the_cache_file_is_replaced()
    {
        var corpus = WriteCorpus();
        var first = Provider(corpus);
        var parsed = first.Current.Find("hafen")!.Blocks.Select(b => b.Text).ToList();
        var cached = Provider(corpus).Current;
        var cacheFile = first.CacheFile!;

        // As the app rewrites it (a new file renamed over the old one), then gone altogether.
        File.WriteAllText(cacheFile + ".new", "replaced");
        File.Move(cacheFile + ".new", cacheFile, overwrite: true);
        File.Delete(cacheFile);

        Assert.Equal(parsed, cached.Find("hafen")!.Blocks.Select(b => b.Text));
        Assert.Equal("hafen", Top(cached.Index, "Milliarden Euro"));
    }

    private static List<string> Questions(CorpusIndex index)
    {
        var questions = new List<string> { "Who met in Riyadh?", "Wo trafen sich Rubio und Lawrow?", "What did the foreign minister say?", "Außenminister Gespräche Ukraine" };
        foreach (var passage in index.Passages.Take(30))
        {
            var words = passage.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            questions.Add(string.Join(' ', words.Skip(words.Length / 3).Take(5)));
        }

        return questions;
    }

    private void AssertSameAsFresh(string corpus, ISearchIndex index)
    {
        var fresh = CorpusIndex.Build(new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(corpus));
        Assert.Equal(fresh.Passages.Count, index.Passages.Count);
        foreach (var question in Questions(fresh))
        {
            // Every match (the corpus is small), in score order; passages of equal score may come in another order.
            Assert.Equal(
                Describe(fresh.Search(new SearchQuery(question), 100)).Order(StringComparer.Ordinal),
                Describe(index.Search(new SearchQuery(question), 100)).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>The snapshot's people and search index are those of a fresh build of the folder.</summary>
    private void AssertPeopleAsFresh(string corpus, CorpusSnapshot snapshot)
    {
        var articles = new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(corpus);
        Assert.Equal(Describe(PeopleIndexBuilder.Build(articles)), Describe(snapshot.People));
        AssertSameAsFresh(corpus, snapshot.Index);
    }

    /// <summary>The people file, as updated, is byte for byte the one a fresh build of the folder writes.</summary>
    private void AssertPeopleFileAsFresh(string corpus)
    {
        var options = Options.Create(new CorpusOptions { Path = corpus, CacheFolder = TestPaths.NewTempFolder() });
        var fresh = new FileCorpusProvider(options, new CorpusLoader(NullLogger<CorpusLoader>.Instance), NullLogger<FileCorpusProvider>.Instance, QueryTranslator.None, new CorpusCacheLocation(options));
        _ = fresh.Current.People;
        Assert.Equal(File.ReadAllBytes(fresh.PeopleFile!), File.ReadAllBytes(Provider(corpus).PeopleFile!));
    }

    private static string? Top(ISearchIndex index, string question) => index.Search(new SearchQuery(question), 1) is [var top, ..] ? top.Passage.Article.Id : null;

    private static IEnumerable<string> Describe(IEnumerable<SearchHit> hits) =>
        hits.Select(h => $"{h.Passage.Article.Id}#{h.Passage.Ordinal} {h.Score:R} {h.Passage.Heading} {h.Passage.Text}").ToList();

    private static List<string> Describe(PeopleIndex people) =>
        people.People.Select(p => $"{p.Name}|{p.Mentions}|{string.Join(",", p.ArticleIds)}|{string.Join(",", p.Aliases)}|{string.Join(",", p.Roles.Select(r => r.Text))}|{p.Quotes.Count}|{p.Places.Count}").ToList();

    private static string WriteCorpus()
    {
        var corpus = TestPaths.NewTempFolder();
        File.WriteAllText(Path.Combine(corpus, "hafen.txt"), "date 2025-03-04 Bitte aktivieren Sie Javascript\n\nHamburg baut den Hafen aus. Der Senat stimmte am Montag zu.\n\nDie Kosten liegen bei zwei Milliarden Euro.\n");
        File.WriteAllText(Path.Combine(corpus, "tram.md"), "---\ntitle: Lisbon tram returns\ndate: 2025-03-05\nurl: https://example.org/tram\n---\n\nThe old tram line 28 runs again after repairs.\n\n## Tickets\n\nTickets cost three euros in Lisbon.\n");
        File.WriteAllText(Path.Combine(corpus, "wind.txt"), "date 2025-03-07\n\nDenmark and Germany agree on a shared wind park in the North Sea.\n\nThe Hafen of Esbjerg will serve it.\n");
        return corpus;
    }

    private FileCorpusProvider Provider(string corpus, QueryTranslator? translator = null, ILogger<FileCorpusProvider>? logger = null)
    {
        var options = Options.Create(new CorpusOptions { Path = corpus, CacheFolder = _cacheFolder });
        return new FileCorpusProvider(
            options,
            new CorpusLoader(NullLogger<CorpusLoader>.Instance),
            logger ?? NullLogger<FileCorpusProvider>.Instance,
            translator ?? QueryTranslator.None,
            new CorpusCacheLocation(options));
    }
}
