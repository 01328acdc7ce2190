using System.Text.Json;
using NewsBot.Tests.Shared;

namespace NewsBot.Tests;

public sealed class SourceVerbsCliTests
{
    private static readonly string GermanPage = Path.Combine(TestPaths.RepositoryRoot, "tests", "NewsBot.Sources.Tests", "Pages", "de-stadtbibliothek.html");

    private static JsonElement Json(CliRunner.Result result)
    {
        using var doc = JsonDocument.Parse(result.Stdout);
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Extract_prints_the_page_as_one_json_object()
    {
        var page = Path.Combine(TestPaths.NewTempFolder(), "artikel.html");
        await File.WriteAllTextAsync(page, (await File.ReadAllTextAsync(GermanPage)).Replace("{BASE}", "https://rundschau.example", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("extract", page, "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = Json(result);
        Assert.Equal("Stadtbibliothek öffnet bis Mitternacht", json.GetProperty("title").GetString());
        Assert.Equal("2025-03-06", json.GetProperty("date").GetString());
        Assert.Equal("de", json.GetProperty("language").GetString());
        Assert.Equal("Anna Schmidt", json.GetProperty("author").GetString());
        Assert.Equal("https://rundschau.example/leipzig/stadtbibliothek-mitternacht-100.html", json.GetProperty("url").GetString());
        var text = json.GetProperty("text").GetString()!;
        Assert.StartsWith("Die Leipziger Stadtbibliothek bleibt", text, StringComparison.Ordinal);
        Assert.Contains("\n\nTeilen der Bevölkerung war das lange zu wenig", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kommentare", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Citations_carry_the_article_url_in_json_and_on_the_console()
    {
        var corpus = TestPaths.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(corpus, "bibliothek.txt"), "---\ntitle: \"Stadtbibliothek öffnet bis Mitternacht\"\ndate: \"2025-03-06\"\nurl: \"https://zeitung.example/leipzig/bibliothek-100.html\"\nfeed: \"Rundschau\"\nlanguage: \"de\"\n---\n\nDie Leipziger Stadtbibliothek bleibt vom kommenden Monat an werktags bis Mitternacht geöffnet, hat der Stadtrat beschlossen.\n\nDie zusätzlichen Stunden kosten nach Angaben der Stadt rund 400.000 Euro im Jahr.\n");

        var json = Json(await CliRunner.RunAsync("ask", "Wie lange ist die Stadtbibliothek geöffnet?", "--corpus", corpus, "--json"));
        var text = await CliRunner.RunAsync("ask", "Wie lange ist die Stadtbibliothek geöffnet?", "--corpus", corpus);

        var citation = Assert.Single(json.GetProperty("citations").EnumerateArray().ToList());
        Assert.Equal("https://zeitung.example/leipzig/bibliothek-100.html", citation.GetProperty("url").GetString());
        Assert.Contains("https://zeitung.example/leipzig/bibliothek-100.html", text.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file:// URLs are refused")]
    [InlineData("http://127.0.0.1/admin", "private-network")]
    public async Task Add_refuses_local_urls_with_one_line(string url, string expected)
    {
        var result = await CliRunner.RunAsync("add", url, "--corpus", TestPaths.NewTempFolder(), "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, Json(result).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Feeds_lists_the_configured_feeds()
    {
        var result = await CliRunner.RunAsync("feeds", "--json", "--Corpus:Feeds:0:Name=Rundschau", "--Corpus:Feeds:0:Url=https://zeitung.example/rss.xml");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var feed = Assert.Single(Json(result).GetProperty("feeds").EnumerateArray().ToList());
        Assert.Equal("Rundschau", feed.GetProperty("name").GetString());
        Assert.Equal(0, feed.GetProperty("articleCount").GetInt32());
        Assert.False(feed.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task A_bad_feed_setting_stops_the_start_with_one_line_naming_the_key()
    {
        var result = await CliRunner.RunAsync("feeds", "--Corpus:Feeds:0:Name=Lokal", "--Corpus:Feeds:0:Url=file:///etc/passwd");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Corpus:Feeds:0:Url must be an absolute http or https URL", result.Stderr, StringComparison.Ordinal);
    }
}
