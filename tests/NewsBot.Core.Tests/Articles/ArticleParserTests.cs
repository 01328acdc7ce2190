using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Tests.Shared;

namespace NewsBot.Core.Tests.Articles;

public sealed class ArticleParserTests
{
    [Fact]
    public void Seed_article_has_date_language_title_and_no_boilerplate()
    {
        var article = TestCorpus.Seed();

        Assert.Equal("000_59b4a59a8a957c04", article.Id);
        Assert.Equal("2025-02", article.Date);
        Assert.Equal(Language.German, article.Language);
        Assert.Equal("Die Zeichen zwischen Washington und Moskau stehen auf Annäherung", article.Title);
        Assert.DoesNotContain(article.Blocks, b => b.Text.Contains("Javascript", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("date", article.Title, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Erst das Telefonat von US-Präsident Donald Trump", article.Paragraphs.First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_sub_headings_are_headings_and_colon_lines_are_paragraphs()
    {
        var article = TestCorpus.Seed();

        Assert.Equal(
            ["Vereinbarungen auch im bilateralen Bereich", "Sorge in Kiew und bei Verbündeten", "Trump vollzieht Russland-Kehrtwende", "Forderungen bislang nur gen Kiew", "Kreml will verhandeln - und stellt Bedingungen"],
            article.Headings.ToArray());
        Assert.Contains(article.Paragraphs, p => p.StartsWith("Er legte außerdem mehrere potenzielle Zugeständnisse", StringComparison.Ordinal));
    }

    [Fact]
    public void Stable_id_comes_from_the_file_name()
    {
        var first = TestCorpus.Seed();
        var second = TestCorpus.Seed();
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.ContentHash, second.ContentHash);
    }

    [Fact]
    public void Markdown_front_matter_title_and_headings()
    {
        var article = TestCorpus.Parse("m", "m.md", "---\ntitle: \"Harbour opens\"\ndate: 2025-03-01\nurl: https://example.org/a\n---\n\nThe harbour opened on *Monday* after a long delay.\n\n## Costs\n\nIt cost [ten million](https://example.org) euros in the end.\n");

        Assert.Equal("Harbour opens", article.Title);
        Assert.Equal("2025-03-01", article.Date);
        Assert.Equal("https://example.org/a", article.Url);
        Assert.Equal(Language.English, article.Language);
        Assert.Equal(["Costs"], article.Headings.ToArray());
        Assert.Contains("It cost ten million euros in the end.", article.Paragraphs);
    }

    [Fact]
    public void Html_article_drops_scripts_navigation_and_footer()
    {
        var article = TestCorpus.Parse("h", "h.html", "<html><head><title>T | Site</title><meta property=\"article:published_time\" content=\"2025-03-06T09:30:00+01:00\"><script>Bitte aktivieren Sie Javascript</script></head><body><nav>Home</nav><h1>Die Bibliothek öffnet länger</h1><p>Die Bibliothek bleibt bis Mitternacht geöffnet &amp; das freut viele.</p><footer>Alle Rechte vorbehalten</footer></body></html>");

        Assert.Equal("Die Bibliothek öffnet länger", article.Title);
        Assert.Equal("2025-03-06", article.Date);
        Assert.Equal(Language.German, article.Language);
        Assert.Equal(["Die Bibliothek bleibt bis Mitternacht geöffnet & das freut viele."], article.Paragraphs.ToArray());
    }

    [Fact]
    public void Plain_text_with_a_title_line_uses_it()
    {
        var article = TestCorpus.Parse("p", "p.txt", "Offshore wind hub agreed\n\nDenmark and Germany signed an agreement on Friday to build a wind hub.\n");
        Assert.Equal("Offshore wind hub agreed", article.Title);
        Assert.Equal("", article.Date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("date 2025-02 Bitte aktivieren Sie Javascript\n\n")]
    [InlineData("Nur eine Überschrift")]
    public void Files_without_text_are_rejected(string content) =>
        Assert.Throws<ArticleParseException>(() => TestCorpus.Parse("x", "x.txt", content));

    [Fact]
    public void A_broken_file_is_skipped_with_a_warning_naming_it_and_the_rest_loads()
    {
        var folder = TestPaths.NewTempFolder();
        File.Copy(TestPaths.SeedFile, Path.Combine(folder, "good.txt"));
        File.WriteAllBytes(Path.Combine(folder, "broken.txt"), [0x00, 0x01, 0x02, 0xFF]);
        File.WriteAllText(Path.Combine(folder, "empty.md"), "");
        File.WriteAllText(Path.Combine(folder, "ignored.pdf"), "not an article type");
        var logger = new Mock<ILogger<CorpusLoader>>();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);

        var articles = new CorpusLoader(logger.Object).LoadFolder(folder);

        Assert.Equal(["good"], articles.Select(a => a.Id).ToArray());
        foreach (var name in new[] { "broken.txt", "empty.md" })
        {
            logger.Verify(
                l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.Is<It.IsAnyType>((v, _) => v.ToString()!.Contains(name)), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()),
                Times.Once);
        }
    }

    [Fact]
    public void Latin1_file_is_read_not_rejected()
    {
        var folder = TestPaths.NewTempFolder();
        File.WriteAllBytes(Path.Combine(folder, "alt.txt"), System.Text.Encoding.Latin1.GetBytes("date 2025-01\n\nDie Straße wurde für den Verkehr gesperrt, sagte der Bürgermeister.\n"));
        var article = new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(folder).Single();
        Assert.Contains("Straße", article.Paragraphs.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_corpus_loads_in_both_languages()
    {
        var articles = new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(TestPaths.SampleCorpus);
        Assert.True(articles.Count >= 4);
        Assert.Contains(articles, a => a.Language == Language.German);
        Assert.Contains(articles, a => a.Language == Language.English);
        Assert.All(articles, a => Assert.False(string.IsNullOrWhiteSpace(a.Title)));
        Assert.DoesNotContain(articles.SelectMany(a => a.Blocks), b => b.Text.Contains("Javascript", StringComparison.OrdinalIgnoreCase) || b.Text.Contains("Rechte vorbehalten", StringComparison.Ordinal));
    }

    [Fact]
    public void White_space_of_any_kind_becomes_one_space_and_lines_of_a_paragraph_join()
    {
        // Tabs, no-break and em spaces, a line separator and lines with spaces around them: each run is one space, as
        // Regex.Replace(text, @"\s+", " ").Trim() gives (the parser's rule before it cleaned by hand).
        var lines = new[] { " \tThe  council\u00A0met\u2003on ", "Monday\u2028 and   agreed.\t", "  It  voted  twice. " };
        var article = TestCorpus.Parse("w", "w.txt", "First line of text here.\n\n" + string.Join("\n", lines) + "\n");

        var expected = System.Text.RegularExpressions.Regex.Replace(string.Join(" ", lines.Select(l => l.Trim())), @"\s+", " ").Trim();
        Assert.Equal("The council met on Monday and agreed. It voted twice.", expected);
        Assert.Contains(expected, article.Paragraphs);
    }

    [Theory]
    [InlineData("Die Regierung hat am Montag beschlossen,", "dass die Steuer sinkt.", "Sie tritt im Juli in Kraft.")]
    [InlineData("The council said on Monday", "that taxes will fall", "in July. Was it fast?")]
    [InlineData("Rat", "see", "man was")]
    [InlineData("", "  ", "Xy")]
    public void Language_of_blocks_is_the_language_of_their_join(string first, string second, string third)
    {
        string[] blocks = [first, second, third];
        Assert.Equal(LanguageDetector.Detect(string.Join(' ', blocks)), LanguageDetector.Detect(blocks));
    }
}
