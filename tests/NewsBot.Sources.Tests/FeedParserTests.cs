namespace NewsBot.Sources.Tests;

public sealed class FeedParserTests
{
    private static readonly Uri Feed = new("https://zeitung.example/feeds/leipzig.xml");

    [Fact]
    public void Atom_entries_give_the_alternate_link_date_and_summary()
    {
        var items = FeedParser.Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Rundschau</title>
              <entry><title>Bibliothek öffnet länger</title><id>tag:zeitung.example,2025:100</id>
                <link rel="alternate" href="/leipzig/bibliothek-100.html"/><link rel="enclosure" href="/bild.jpg"/>
                <published>2025-03-06T09:30:00+01:00</published><summary>Bis Mitternacht.</summary></entry>
            </feed>
            """, Feed);

        var item = Assert.Single(items);
        Assert.Equal("https://zeitung.example/leipzig/bibliothek-100.html", item.Link);
        Assert.Equal("tag:zeitung.example,2025:100", item.Id);
        Assert.Equal(new DateTimeOffset(2025, 3, 6, 9, 30, 0, TimeSpan.FromHours(1)), item.Published);
        Assert.Equal("Bis Mitternacht.", item.Content);
    }

    [Fact]
    public void Rss_1_0_items_are_read()
    {
        var items = FeedParser.Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://zeitung.example/"><title>Rundschau</title></channel>
              <item rdf:about="https://zeitung.example/a"><title>A</title><link>https://zeitung.example/a</link><dc:date>2025-03-05</dc:date><description>Text A.</description></item>
              <item rdf:about="https://zeitung.example/b"><title>B</title><link>https://zeitung.example/b</link></item>
            </rdf:RDF>
            """, Feed);

        Assert.Equal(["https://zeitung.example/a", "https://zeitung.example/b"], items.Select(i => i.Link).ToArray());
        Assert.Equal(new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero), items[0].Published);
    }

    [Fact]
    public void Rss_2_0_prefers_content_encoded_and_reads_rfc822_dates()
    {
        var items = FeedParser.Parse("""
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
              <item><title>A</title><link>https://zeitung.example/a</link><pubDate>Thu, 06 Mar 2025 08:30:00 +0100</pubDate>
                <description>Kurz.</description><content:encoded><![CDATA[<p>Lang und vollständig.</p>]]></content:encoded></item>
              <item><title>Ohne Link</title><guid isPermaLink="false">x-1</guid></item>
            </channel></rss>
            """, Feed);

        var item = Assert.Single(items);
        Assert.Equal("<p>Lang und vollständig.</p>", item.Content);
        Assert.Equal(new DateTimeOffset(2025, 3, 6, 8, 30, 0, TimeSpan.FromHours(1)), item.Published);
    }

    [Theory]
    [InlineData("<rss><channel><item></channel>", "malformed XML")]
    [InlineData("<!DOCTYPE html><html><body>Seite</body></html>", "HTML page")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><rss>&e;</rss>", "malformed XML")]
    [InlineData("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>", "neither RSS nor Atom")]
    public void Bad_feeds_are_refused_with_a_reason(string xml, string expected) =>
        Assert.Contains(expected, Assert.Throws<FeedFormatException>(() => FeedParser.Parse(xml, Feed)).Message, StringComparison.Ordinal);
}
