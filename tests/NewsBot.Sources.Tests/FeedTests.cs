using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Core.Digests;
using NewsBot.Retrieval.Languages;
using NewsBot.Sources.Tests.Fakes;
using NewsBot.Sources.Tests.Pages;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Sources.Tests;

public sealed class FeedTests
{
    private static Dictionary<string, string?> Feeds(params (string Name, string Url)[] feeds)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < feeds.Length; i++)
        {
            settings[$"Corpus:Feeds:{i}:Name"] = feeds[i].Name;
            settings[$"Corpus:Feeds:{i}:Url"] = feeds[i].Url;
            settings[$"Corpus:Feeds:{i}:Interval"] = "00:30:00";
        }

        return settings;
    }

    [Fact]
    public async Task A_new_item_is_fetched_extracted_written_and_appears_in_the_next_digest()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/leipzig/stadtbibliothek-mitternacht-100.html", SitePages.German);
        site.Serve("/rss.xml", SitePages.Rss(("Stadtbibliothek öffnet bis Mitternacht", site.Url("/leipzig/stadtbibliothek-mitternacht-100.html"), "Kurz: länger lesen.")), "application/rss+xml");
        await using var harness = SourcesHarness.Create(Feeds(("Rundschau", site.Url("/rss.xml"))));

        var added = await harness.Get<FeedPoller>().PollDueAsync(CancellationToken.None);

        Assert.Equal(1, added);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(harness.Corpus, "feeds")));
        var text = await File.ReadAllTextAsync(file);
        Assert.StartsWith("---\ntitle: \"Stadtbibliothek öffnet bis Mitternacht\"\ndate: \"2025-03-06\"\nurl: \"" + site.Url("/leipzig/stadtbibliothek-mitternacht-100.html") + "\"\nfeed: \"Rundschau\"\nlanguage: \"de\"", text, StringComparison.Ordinal);
        Assert.Contains("Teilen der Bevölkerung war das lange zu wenig", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cookies", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Endlich!", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Mehr zum Thema", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Newsletter", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.GetFiles(harness.Corpus, "*", SearchOption.AllDirectories), f => Path.GetFileName(f).StartsWith('.'));

        var snapshot = harness.Get<FileCorpusProvider>().Reload();
        var article = Assert.Single(snapshot.Articles);
        Assert.Equal("Stadtbibliothek öffnet bis Mitternacht", article.Title);
        Assert.Equal(site.Url("/leipzig/stadtbibliothek-mitternacht-100.html"), article.Url);
        Assert.Equal(Language.German, article.Language);
        var digest = await harness.Get<DigestComposer>().ComposeAsync(snapshot.Articles, Language.German, 5, CancellationToken.None);
        Assert.Equal(article.Id, Assert.Single(digest.Items).Article.Id);
        Assert.Contains(digest.Reply.Citations, c => c.Url == article.Url);

        var status = Assert.Single(await harness.Get<FeedPoller>().StatusAsync(CancellationToken.None));
        Assert.Equal(1, status.ArticleCount);
        Assert.StartsWith("200 OK", status.LastStatus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_304_fetches_nothing_more()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/news/harbour-ferry-returns", SitePages.English);
        site.Serve("/feed.xml", SitePages.Rss(("Harbour ferry returns", site.Url("/news/harbour-ferry-returns"), null)), "application/rss+xml", etag: "\"v1\"");
        await using var harness = SourcesHarness.Create(Feeds(("Herald", site.Url("/feed.xml"))));
        var poller = harness.Get<FeedPoller>();
        Assert.Equal(1, await poller.PollDueAsync(CancellationToken.None));

        harness.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(0, await poller.PollDueAsync(CancellationToken.None));

        Assert.Equal(2, site.CountOf("/feed.xml"));
        Assert.Equal("\"v1\"", site.Requests.Last(r => r.Path == "/feed.xml").IfNoneMatch);
        Assert.Equal(1, site.CountOf("/news/harbour-ferry-returns"));
        Assert.Equal("304 not modified", Assert.Single(await poller.StatusAsync(CancellationToken.None)).LastStatus);
    }

    [Fact]
    public async Task A_feed_is_not_fetched_again_before_its_interval()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/feed.xml", SitePages.Rss(), "application/rss+xml");
        await using var harness = SourcesHarness.Create(Feeds(("Herald", site.Url("/feed.xml"))));
        var poller = harness.Get<FeedPoller>();

        await poller.PollDueAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(10));
        await poller.PollDueAsync(CancellationToken.None);

        Assert.Equal(1, site.CountOf("/feed.xml"));
    }

    [Fact]
    public async Task Broken_feeds_each_cost_one_log_line_and_the_good_feed_goes_on()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/broken.xml", "<rss version=\"2.0\"><channel><item><title>Kaputt</title></channel>", "application/rss+xml");
        site.Serve("/page-not-feed", SitePages.German);
        site.Status("/server-error.xml", 503);
        site.Serve("/news/harbour-ferry-returns", SitePages.English);
        site.Serve("/good.xml", SitePages.Rss(("Harbour ferry returns", site.Url("/news/harbour-ferry-returns"), null)), "application/rss+xml");
        await using var harness = SourcesHarness.Create(Feeds(
            ("Kaputt", site.Url("/broken.xml")),
            ("Webseite", site.Url("/page-not-feed")),
            ("Fehlt", site.Url("/missing.xml")),
            ("Server", site.Url("/server-error.xml")),
            ("Herald", site.Url("/good.xml"))));

        var added = await harness.Get<FeedPoller>().PollDueAsync(CancellationToken.None);

        Assert.Equal(1, added);
        Assert.Single(Directory.GetFiles(Path.Combine(harness.Corpus, "feeds")));
        var warnings = harness.Logs.Warnings;
        Assert.Equal(4, warnings.Count);
        Assert.Contains(warnings, w => w.StartsWith("Feed Kaputt", StringComparison.Ordinal) && w.Contains("malformed XML", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("Feed Webseite", StringComparison.Ordinal) && w.Contains("HTML page", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("Feed Fehlt", StringComparison.Ordinal) && w.Contains("HTTP 404", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("Feed Server", StringComparison.Ordinal) && w.Contains("HTTP 503", StringComparison.Ordinal));
        var states = await harness.Get<FeedPoller>().StatusAsync(CancellationToken.None);
        var now = harness.Time.GetUtcNow();
        // A failure backs off: the next try is at least the interval away (doubling from there).
        Assert.All(states.Where(s => s.Name != "Herald"), s => Assert.True(s.NextFetch >= now + TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public async Task A_republished_item_with_the_same_text_is_not_a_new_article_and_an_update_replaces_the_file()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/news/harbour-ferry-returns", SitePages.English);
        site.Serve("/news/harbour-ferry-returns-copy", SitePages.English.Replace("<meta property=\"og:url\" content=\"{BASE}/news/harbour-ferry-returns\">", "", StringComparison.Ordinal));
        site.Serve("/feed.xml", SitePages.Rss(
            ("Harbour ferry returns", site.Url("/news/harbour-ferry-returns"), null),
            ("Harbour ferry returns (republished)", site.Url("/news/harbour-ferry-returns-copy"), null)), "application/rss+xml");
        await using var harness = SourcesHarness.Create(Feeds(("Herald", site.Url("/feed.xml"))));

        Assert.Equal(1, await harness.Get<FeedPoller>().PollDueAsync(CancellationToken.None));
        var file = Assert.Single(Directory.GetFiles(Path.Combine(harness.Corpus, "feeds")));

        // The same URL comes again with a corrected paragraph: its file is replaced, no second file appears.
        site.Serve("/news/harbour-ferry-returns", SitePages.English.Replace("£4.2 million", "£4.4 million", StringComparison.Ordinal));
        site.Serve("/feed.xml", SitePages.Rss(("Harbour ferry returns (corrected)", site.Url("/news/harbour-ferry-returns") + "?utm_source=rss", null)), "application/rss+xml");
        harness.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(1, await harness.Get<FeedPoller>().PollDueAsync(CancellationToken.None));

        Assert.Equal(file, Assert.Single(Directory.GetFiles(Path.Combine(harness.Corpus, "feeds"))));
        Assert.Contains("£4.4 million", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_whose_page_fails_uses_its_own_content_marked_so()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Status("/news/gone-page", 500);
        const string Summary = "<p>The harbour ferry between Northport and the island returned to service on Tuesday, two years after corrosion forced the council to take it out of the water.</p>";
        site.Serve("/feed.xml", SitePages.Rss(("Harbour ferry returns", site.Url("/news/gone-page"), Summary)), "application/rss+xml");
        await using var harness = SourcesHarness.Create(Feeds(("Herald", site.Url("/feed.xml"))));

        Assert.Equal(1, await harness.Get<FeedPoller>().PollDueAsync(CancellationToken.None));

        var text = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(harness.Corpus, "feeds"))));
        Assert.Contains("extracted: \"feed-content\"", text, StringComparison.Ordinal);
        Assert.Contains("title: \"Harbour ferry returns\"", text, StringComparison.Ordinal);
        Assert.Contains("returned to service on Tuesday", text, StringComparison.Ordinal);
        Assert.Contains(harness.Logs.Warnings, w => w.Contains("Feed Herald: page", StringComparison.Ordinal) && w.Contains("HTTP 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_feed_is_disabled_after_repeated_410s()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Status("/gone.xml", 410);
        var admins = new RecordingSender();
        await using var harness = SourcesHarness.Create(
            new Dictionary<string, string?>(Feeds(("Alt", site.Url("/gone.xml")))) { ["Sources:GoneBeforeDisable"] = "2", ["Digest:AdminChats:0"] = "telegram:42" },
            services => services.AddSingleton<IChatSender>(admins));
        var poller = harness.Get<FeedPoller>();
        var notes = new List<string>();
        poller.FeedDisabled += (_, note) => notes.Add(note);

        await poller.PollDueAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromDays(1));
        await poller.PollDueAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromDays(1));
        await poller.PollDueAsync(CancellationToken.None);

        Assert.Equal(2, site.CountOf("/gone.xml"));
        var status = Assert.Single(await poller.StatusAsync(CancellationToken.None));
        Assert.True(status.Disabled);
        Assert.Null(status.NextFetch);
        Assert.Contains("Alt", Assert.Single(notes), StringComparison.Ordinal);
        var sent = Assert.Single(admins.Sent);
        Assert.Equal("42", sent.ChatId);
        Assert.Contains("Feed Alt", sent.Text, StringComparison.Ordinal);
        Assert.Contains("410", sent.Text, StringComparison.Ordinal);
    }

    private sealed class RecordingSender : IChatSender
    {
        public List<(string ChatId, string Text)> Sent { get; } = [];

        public string Platform => Platforms.Telegram;

        public Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken)
        {
            Sent.Add((chatId, reply.PlainText));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_429_waits_as_long_as_retry_after_asks()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Status("/busy.xml", 429, r => r.Headers.RetryAfter = "7200");
        await using var harness = SourcesHarness.Create(Feeds(("Busy", site.Url("/busy.xml"))));
        var poller = harness.Get<FeedPoller>();

        await poller.PollDueAsync(CancellationToken.None);

        var status = Assert.Single(await poller.StatusAsync(CancellationToken.None));
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromHours(2), status.NextFetch);
        Assert.Contains("429", status.LastStatus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_in_a_third_language_is_kept_and_marked_but_not_indexed()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/fr/bibliotheque", """
            <html lang="fr"><head><title>La bibliothèque ouvre jusqu'à minuit</title></head><body><article><h1>La bibliothèque ouvre jusqu'à minuit</h1>
            <p>La bibliothèque municipale de Leipzig restera ouverte jusqu'à minuit en semaine à partir du mois prochain, a décidé le conseil municipal mercredi soir.</p>
            <p>Les étudiants réclamaient depuis des années des soirées plus longues et avaient recueilli plus de huit mille signatures.</p></article></body></html>
            """);
        site.Serve("/feed.xml", SitePages.Rss(("Bibliothèque", site.Url("/fr/bibliotheque"), null)), "application/rss+xml");
        await using var harness = SourcesHarness.Create(Feeds(("Presse", site.Url("/feed.xml"))));

        Assert.Equal(1, await harness.Get<FeedPoller>().PollDueAsync(CancellationToken.None));

        var text = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(harness.Corpus, "feeds"))));
        Assert.Contains("language: \"fr\"", text, StringComparison.Ordinal);
        Assert.Empty(harness.Get<FileCorpusProvider>().Reload().Articles);
    }

    [Fact]
    public async Task A_non_utf8_page_is_decoded_by_its_declared_charset()
    {
        await using var site = await FakeNewsSite.StartAsync();
        var latin = NewsBot.Retrieval.Articles.Html.HtmlDecoding.ForName("windows-1252")!;
        site.ServeBytes("/artikel-latin1", latin.GetBytes(SitePages.German.Replace("<meta charset=\"utf-8\">", "", StringComparison.Ordinal)), "text/html; charset=ISO-8859-1");
        site.Serve("/feed.xml", SitePages.Rss(("Bibliothek", site.Url("/artikel-latin1"), null)), "application/rss+xml");
        await using var harness = SourcesHarness.Create(Feeds(("Rundschau", site.Url("/feed.xml"))));

        Assert.Equal(1, await harness.Get<FeedPoller>().PollDueAsync(CancellationToken.None));

        var text = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(harness.Corpus, "feeds"))), Encoding.UTF8);
        Assert.Contains("Bürgermeisterin", text.Replace("Kulturbürgermeisterin", "Bürgermeisterin", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("„Eine Bibliothek, die um sechs Uhr schließt", text, StringComparison.Ordinal);
    }
}
