using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;
using NewsBot.Tests.Shared;

namespace NewsBot.Core.Tests.People;

public sealed class PeopleIndexBuilderTests
{
    private static Article German(string id, params string[] paragraphs) => new()
    {
        Id = id,
        Title = "",
        Date = "2025-02",
        Language = Language.German,
        Blocks = paragraphs.Select(p => new ArticleBlock(BlockKind.Paragraph, p)).ToList(),
    };

    [Fact]
    public void BareSurnameInAnotherArticleCountsOnceTheFullNameIsKnown()
    {
        var bare = German("bare", "Lawrow sprach am Montag in Ankara. »Wir sind zu Gesprächen bereit«, sagte Lawrow.");
        var builder = new PeopleIndexBuilder();

        // Alone, a bare capitalised word is no person.
        Assert.Null(builder.Rebuild([bare]).Find("Lawrow"));

        builder.Upsert(PeopleFixtures.Seed);
        var lawrow = builder.ToIndex().Find("Lavrov")!;
        Assert.Equal("Sergej Lawrow", lawrow.Name);
        Assert.Equal(["bare", PeopleFixtures.SeedId], lawrow.ArticleIds);
        Assert.Contains(lawrow.Quotes, q => q is { Text: "Wir sind zu Gesprächen bereit", ArticleId: "bare", Ordinal: 0 });

        // Without the article that introduced him, the bare mentions go again.
        Assert.True(builder.Remove(PeopleFixtures.SeedId));
        Assert.Null(builder.ToIndex().Find("Lawrow"));
        Assert.False(builder.Remove(PeopleFixtures.SeedId));
    }

    [Fact]
    public void UpsertReplacesAnArticle()
    {
        var builder = new PeopleIndexBuilder();
        builder.Rebuild([German("a", "Bundeskanzler Olaf Scholz reiste nach Paris.")]);
        builder.Upsert(German("a", "Oppositionsführer Friedrich Merz reiste nach Paris."));
        var index = builder.ToIndex();
        Assert.Null(index.Find("Scholz"));
        Assert.Equal("Oppositionsführer", index.Find("Merz")!.MainRole!.Text);
        Assert.Single(builder.Extracted);
    }

    [Fact]
    public void IncrementalUpdatesMatchAFullBuild()
    {
        var other = German("other", "Selenskyj reiste nach Brüssel. Dort traf er Nato-Generalsekretär Mark Rutte.", "Rutte sagte, Selenskyjs Land verdiene Unterstützung.");
        var builder = new PeopleIndexBuilder();
        builder.Upsert(other);
        builder.Upsert(PeopleFixtures.English);
        builder.Upsert(PeopleFixtures.Seed);
        var incremental = builder.ToIndex();
        var full = PeopleIndexBuilder.Build([other, PeopleFixtures.English, PeopleFixtures.Seed]);

        Assert.Equal(Describe(full), Describe(incremental));
        var selenskyj = incremental.Find("Zelensky")!;
        Assert.Equal("Wolodymyr Selenskyj", selenskyj.Name);
        Assert.Contains("other", selenskyj.ArticleIds);
        Assert.Equal("Nato-Generalsekretär", incremental.Find("Rutte")!.MainRole!.Text);
    }

    [Fact]
    public void A_new_surname_reads_again_only_the_articles_that_looked_it_up()
    {
        var bare = German("bare", "Lawrow sprach am Montag in Ankara. »Wir sind zu Gesprächen bereit«, sagte Lawrow.") with { ContentHash = "h" };
        var other = German("other", "Bundeskanzler Olaf Scholz reiste nach Paris.") with { ContentHash = "h" };
        var introducing = German("new", "Außenminister Sergej Lawrow traf am Dienstag seinen Amtskollegen in Riad.") with { ContentHash = "h" };
        var first = new PeopleIndexBuilder();
        first.Rebuild([bare, other]);
        var seeded = new PeopleIndexBuilder();
        seeded.Seed(first.Results.ToList(), first.Surnames);

        var same = seeded.Update([bare, other]);
        Assert.Equal(0, seeded.ArticlesRead);
        Assert.Equal(Describe(PeopleIndexBuilder.Build([bare, other])), Describe(same));

        // The new article is read alone; of the others only "bare", which looked up "Lawrow", is read again.
        var grown = seeded.Update([bare, other, introducing]);
        Assert.Equal(2, seeded.ArticlesRead);
        Assert.Equal(Describe(PeopleIndexBuilder.Build([bare, other, introducing])), Describe(grown));
        Assert.Equal(["bare", "new"], grown.Find("Lawrow")!.ArticleIds);

        // And when the article goes, the bare mentions go with it.
        var shrunk = seeded.Update([bare, other]);
        Assert.Equal(3, seeded.ArticlesRead);
        Assert.Equal(Describe(PeopleIndexBuilder.Build([bare, other])), Describe(shrunk));
        Assert.Null(shrunk.Find("Lawrow"));
    }

    [Fact]
    public void A_second_reading_from_the_first_readings_checkpoint_gives_what_a_full_second_reading_gives()
    {
        // "bare" meets another article's surname first when counting bare surnames (step 3): it can start there. "cue" looks
        // its surname (also a word) up already after the role noun (step 2): it must be read from the start. Plus real articles.
        var knowledge = WordKnowledge.Load(SearchOptions.DefaultDictionaryPath);
        var bare = German("bare", "Lawrow sprach am Montag in Ankara über die Lage.", "Am Dienstag reiste Lawrow weiter nach Riad.");
        var cue = German("cue", "Bundeskanzler Kurz sprach am Abend in Wien.", "Später reiste er nach Linz.");
        var introducing = German("introducing", "Bundeskanzler Sebastian Kurz traf am Dienstag Außenminister Sergej Lawrow.");
        List<Article> articles = [bare, cue, introducing, PeopleFixtures.Seed, PeopleFixtures.English, .. new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(TestPaths.SampleCorpus)];

        var resumed = new PeopleIndexBuilder(knowledge);
        var resumedIndex = resumed.Rebuild(articles);
        var full = new PeopleIndexBuilder(knowledge) { Resume = false };
        var fullIndex = full.Rebuild(articles);

        Assert.True(resumed.ArticlesResumed >= 1, "no second reading started from a checkpoint");
        Assert.True(resumed.ArticlesResumed < resumed.ArticlesRead - articles.Count, "every second reading started from a checkpoint, also where it must not");
        Assert.Equal(0, full.ArticlesResumed);
        Assert.Equal(full.ArticlesRead, resumed.ArticlesRead);
        Assert.Equal(Describe(fullIndex), Describe(resumedIndex));
        Assert.Contains("bare", resumedIndex.Find("Lawrow")!.ArticleIds);
        Assert.Contains("cue", resumedIndex.Find("Kurz")!.ArticleIds);

        // Every article's own result, byte for byte as the people file stores it.
        var folder = TestPaths.NewTempFolder();
        try
        {
            PeopleIndexFile.Write(Path.Combine(folder, "resumed"), "key", articles, resumed);
            PeopleIndexFile.Write(Path.Combine(folder, "full"), "key", articles, full);
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "full")), File.ReadAllBytes(Path.Combine(folder, "resumed")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void MergeOfPerArticleResultsEqualsBuild()
    {
        var extractor = new PersonExtractor();
        var parts = new[] { PeopleFixtures.Seed, PeopleFixtures.English }.Select(a => extractor.Extract(a)).ToList();
        var merged = PeopleIndexBuilder.Merge(parts);
        var built = PeopleIndexBuilder.Build([PeopleFixtures.Seed, PeopleFixtures.English]);
        Assert.Equal(Describe(built), Describe(merged));
    }

    [Fact]
    public void A_merge_after_articles_came_changed_and_went_builds_only_the_people_they_touch_and_equals_a_fresh_build()
    {
        var bare = German("bare", "Lawrow sprach am Montag in Ankara. »Wir sind zu Gesprächen bereit«, sagte Lawrow.") with { ContentHash = "b" };
        var scholz = German("scholz", "Bundeskanzler Olaf Scholz reiste nach Paris. Scholz traf dort Emmanuel Macron.") with { ContentHash = "s" };
        var rutte = German("rutte", "Nato-Generalsekretär Mark Rutte sprach in Brüssel. Rutte sagte, die Hilfe gehe weiter.") with { ContentHash = "r" };
        var introducing = German("new", "Außenminister Sergej Lawrow traf am Dienstag seinen Amtskollegen in Riad.") with { ContentHash = "n" };
        var builder = new PeopleIndexBuilder();
        var first = builder.Update([bare, scholz, rutte]);
        AssertSameAsBuilt([bare, scholz, rutte], first);

        // A new article that introduces a surname another one uses bare: Lawrow is new, Scholz and Rutte are taken over.
        var grown = builder.Update([bare, scholz, introducing, rutte]);
        AssertSameAsBuilt([bare, scholz, introducing, rutte], grown);
        Assert.Same(first.Find("Scholz"), grown.Find("Scholz"));
        Assert.Same(first.Find("Rutte"), grown.Find("Rutte"));
        Assert.Equal(["bare", "new"], grown.Find("Lawrow")!.ArticleIds);

        // Changed: one who was in two articles (Macron) is built again, the others are not.
        var changed = scholz with { Blocks = [new ArticleBlock(BlockKind.Paragraph, "Bundeskanzler Olaf Scholz reiste nach Rom. Scholz traf dort Giorgia Meloni.")], ContentHash = "s2" };
        var edited = builder.Update([bare, changed, introducing, rutte]);
        AssertSameAsBuilt([bare, changed, introducing, rutte], edited);
        Assert.Null(edited.Find("Macron"));
        Assert.Same(first.Find("Rutte"), edited.Find("Rutte"));
        Assert.Same(grown.Find("Lawrow"), edited.Find("Lawrow"));

        // Gone: the bare mentions go with the article that introduced the surname; a reorder changes nothing.
        var shrunk = builder.Update([rutte, changed, bare]);
        AssertSameAsBuilt([rutte, changed, bare], shrunk);
        Assert.Null(shrunk.Find("Lawrow"));
        Assert.Equal(builder.ToIndex().Count, builder.CountPeople());
    }

    [Fact]
    public void The_people_count_is_the_merges_without_grouping()
    {
        static ArticlePerson Named(string? given, string surname, bool introduced = true) =>
            new() { Name = given is null ? surname : $"{given} {surname}".Trim(), GivenName = given, Surname = surname, Mentions = 2, Introduced = introduced };

        var articles = new List<ArticlePeople>
        {
            // One person in two spellings; a bare mention of his surname joins him.
            new("a", Language.German, [Named("Sergej", "Lawrow"), Named(null, "Lawrow", introduced: false)]),
            new("b", Language.English, [Named("Sergei", "Lavrov"), Named(null, "Quellmalz")]),

            // Introduced bare surnames nobody's full name claims: one person however many articles; a mention that is not
            // introduced makes nobody, also when the corpus uses the word as a noun.
            new("c", Language.German, [Named(null, "Quellmalz"), Named(null, "Sommer", introduced: false)]) { NounUses = new Dictionary<string, int> { ["sommer"] = 3 } },

            // Known by a given name only: each article's own person, even under the same name.
            new("d", Language.English, [Named("Mary", ""), Named("Hans Peter", "Brettschneider")]),
            new("e", Language.English, [Named("Mary", ""), Named("Hans", "Peter Brettschneider"), Named(null, "Peter Brettschneider")]),

            // The same full name with the surname split elsewhere is one group, which claims its first part's surname only.
            new("f", Language.German, [Named(null, "Brettschneider")]),
        };

        var merged = PeopleIndexBuilder.Merge(articles);
        Assert.Equal(merged.Count, PeopleIndexBuilder.CountPeople(articles));
        Assert.Equal(6, merged.Count);

        // Each prefix and each article left out: the shapes meet in every combination the list allows.
        for (var n = 0; n < articles.Count; n++)
        {
            var prefix = articles.Take(n).ToList();
            Assert.Equal(PeopleIndexBuilder.Merge(prefix).Count, PeopleIndexBuilder.CountPeople(prefix));
            var without = articles.Where((_, i) => i != n).ToList();
            Assert.Equal(PeopleIndexBuilder.Merge(without).Count, PeopleIndexBuilder.CountPeople(without));
        }
    }

    [Fact]
    public void A_builder_handed_on_with_word_knowledge_keeps_its_results_and_its_last_merge()
    {
        var bare = German("bare", "Lawrow sprach am Montag in Ankara. »Wir sind zu Gesprächen bereit«, sagte Lawrow.") with { ContentHash = "b" };
        var scholz = German("scholz", "Bundeskanzler Olaf Scholz reiste nach Paris.") with { ContentHash = "s" };
        var introducing = German("new", "Außenminister Sergej Lawrow traf am Dienstag seinen Amtskollegen in Riad.") with { ContentHash = "n" };
        var stored = new PeopleIndexBuilder();
        stored.Rebuild([bare, scholz]);
        var seeded = new PeopleIndexBuilder();
        seeded.Seed(stored.Results.ToList(), stored.Surnames);
        var before = seeded.Update([bare, scholz]);

        var handed = seeded.With(knowledge: null);
        var after = handed.Update([bare, scholz, introducing]);
        Assert.Equal(2, handed.ArticlesRead);
        AssertSameAsBuilt([bare, scholz, introducing], after);
        Assert.Same(before.Find("Scholz"), after.Find("Scholz"));
        Assert.Equal(after.Count, handed.CountPeople());
    }

    /// <summary>Every field of every person, in the index's order, as a fresh build of the same articles gives them.</summary>
    private static void AssertSameAsBuilt(IReadOnlyList<Article> articles, PeopleIndex index) =>
        Assert.Equal(DescribeFully(PeopleIndexBuilder.Build(articles)), DescribeFully(index));

    private static List<string> DescribeFully(PeopleIndex index) => index.People
        .Select(p => string.Join(
            " | ",
            p.Name,
            p.Surname,
            p.Mentions,
            string.Join(",", p.ArticleIds),
            string.Join(",", p.Aliases),
            string.Join(",", p.Roles.Select(r => $"{r.Text}/{r.Language}/{r.ArticleId}")),
            string.Join(",", p.Quotes.Select(q => $"{q.Text}/{q.ArticleId}/{q.Ordinal}")),
            string.Join(",", p.Places.Select(x => $"{x.ArticleId}/{x.Ordinal}"))))
        .ToList();

    private static List<string> Describe(PeopleIndex index) => index.People
        .Select(p => $"{p.Name}|{p.Mentions}|{string.Join(",", p.ArticleIds)}|{string.Join(",", p.Roles.Select(r => r.Text))}|{p.Quotes.Count}|{p.Places.Count}")
        .ToList();
}
