using NewsBot.Tests.Shared;

namespace NewsBot.Sources.Tests.Pages;

/// <summary>The article pages written for these tests (in the shape of a German and an English news site), and feed builders.</summary>
internal static class SitePages
{
    public static string German => Read("de-stadtbibliothek.html");

    public static string English => Read("en-harbour-ferry.html");

    public static string Rss(params (string Title, string Link, string? Description)[] items) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Rundschau Leipzig</title><link>{BASE}/leipzig</link>"
        + string.Concat(items.Select(i => $"<item><title>{i.Title}</title><link>{i.Link}</link><guid>{i.Link}</guid><pubDate>Thu, 06 Mar 2025 08:30:00 GMT</pubDate>"
            + (i.Description is null ? "" : $"<description><![CDATA[{i.Description}]]></description>") + "</item>"))
        + "</channel></rss>";

    private static string Read(string name) => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "NewsBot.Sources.Tests", "Pages", name));
}
