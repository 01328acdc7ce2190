using NewsBot.Core.Chat;
using NewsBot.Sources.Tests.Fakes;
using NewsBot.Sources.Tests.Pages;

namespace NewsBot.Sources.Tests;

public sealed class AddCommandTests
{
    private static ChatRequest Request(string user, string text) => new()
    {
        Platform = Platforms.Telegram,
        ChatId = "-100200",
        UserId = user,
        Text = text,
        IsGroup = true,
    };

    [Fact]
    public async Task An_admin_adds_a_page_and_a_member_is_refused()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/leipzig/stadtbibliothek-mitternacht-100.html", SitePages.German);
        await using var harness = SourcesHarness.Create(new Dictionary<string, string?> { ["Access:Telegram:Admins:0"] = "42" });
        var pipeline = harness.Get<IChatPipeline>();
        var url = site.Url("/leipzig/stadtbibliothek-mitternacht-100.html");

        var refused = await pipeline.HandleAsync(Request("7", "/add " + url), null, CancellationToken.None);
        Assert.Equal(ReplyKind.Refusal, refused.Kind);
        Assert.Equal(0, site.CountOf("/leipzig/stadtbibliothek-mitternacht-100.html"));
        Assert.False(Directory.Exists(Path.Combine(harness.Corpus, "feeds")));

        var added = await pipeline.HandleAsync(Request("42", "/add " + url), null, CancellationToken.None);
        Assert.Equal(ReplyKind.Info, added.Kind);
        Assert.Contains("Stadtbibliothek öffnet bis Mitternacht", added.PlainText, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(harness.Corpus, "feeds"))));
        Assert.Contains("url: \"" + url + "\"", text, StringComparison.Ordinal);

        var again = await pipeline.HandleAsync(Request("42", "/add " + url), null, CancellationToken.None);
        Assert.Contains("unchanged", again.PlainText, StringComparison.OrdinalIgnoreCase);
        Assert.Single(Directory.GetFiles(Path.Combine(harness.Corpus, "feeds")));
    }

    [Theory]
    [InlineData("/add file:///etc/passwd", "file://")]
    [InlineData("/add http://192.168.1.1/admin", "private-network")]
    [InlineData("/add", "/add <")]
    public async Task Bad_urls_from_an_admin_get_a_clear_error(string text, string expected)
    {
        await using var harness = SourcesHarness.Create(new Dictionary<string, string?>
        {
            ["Access:Telegram:Admins:0"] = "42",
            ["Sources:AllowPrivateNetworks"] = "false",
        });

        var reply = await harness.Get<IChatPipeline>().HandleAsync(Request("42", text), null, CancellationToken.None);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(expected, reply.PlainText, StringComparison.Ordinal);
    }
}
