using System.Text;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Articles.Html;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Articles;

public sealed class HtmlExtractionTests
{
    private const string Lead = "Die Stadt Leipzig verlängert die Öffnungszeiten ihrer Bibliothek bis Mitternacht, wie der Stadtrat am Dienstag beschlossen hat.";
    private const string Second = "Teilen der Bevölkerung war das zu wenig: Studierende hatten seit Jahren längere Abende gefordert und Unterschriften gesammelt.";
    private const string Third = "Die Kosten von rund 400.000 Euro im Jahr trägt die Stadt, ein Teil kommt aus Landesmitteln für Bildung und Kultur.";

    [Fact]
    public void Html5_header_inside_article_keeps_its_h1_as_title()
    {
        var page = HtmlArticleExtractor.Extract($"""
            <!DOCTYPE html><html lang="de"><head><title>Leipziger Zeitung | Nachrichten</title></head><body>
            <header class="site"><nav><a href="/">Start</a><a href="/politik">Politik</a></nav></header>
            <main><article><header><h1>Bibliothek öffnet bis Mitternacht</h1><p class="byline">Von Anna Schmidt</p></header>
            <p>{Lead}</p><p>{Second}</p><p>{Third}</p></article></main></body></html>
            """);

        Assert.Equal("Bibliothek öffnet bis Mitternacht", page.Title);
        Assert.Equal("de", page.Language);
        Assert.Equal([Lead, Second, Third], page.Blocks.Select(b => b.Text).ToArray());
    }

    [Fact]
    public void Meta_date_canonical_and_author_are_read_in_any_attribute_order()
    {
        var page = HtmlArticleExtractor.Extract($"""
            <html><head>
            <meta content="2025-03-06T09:30:00+01:00" property="article:published_time">
            <link href="https://zeitung.example/leipzig/bibliothek-123" rel="canonical">
            <meta content="Anna Schmidt" name="author">
            <meta content="Bibliothek öffnet länger" property="og:title">
            </head><body><article><p>{Lead}</p><p>{Second}</p></article></body></html>
            """);

        Assert.Equal("2025-03-06", page.Date);
        Assert.Equal("https://zeitung.example/leipzig/bibliothek-123", page.Url);
        Assert.Equal("Anna Schmidt", page.Author);
        Assert.Equal("Bibliothek öffnet länger", page.Title);
    }

    [Fact]
    public void Json_ld_news_article_gives_headline_date_and_authors()
    {
        var page = HtmlArticleExtractor.Extract($$"""
            <html><head><title>Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
              {"@type":"NewsArticle","headline":"Harbour ferry returns after two years","datePublished":"2025-02-18T07:00:00Z",
               "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Tom Lee"}],"url":"https://news.example/harbour"}]}</script>
            </head><body><article><p>The harbour ferry is back in service after two years of repairs, the city council said on Tuesday morning.</p></article></body></html>
            """);

        Assert.Equal("Harbour ferry returns after two years", page.Title);
        Assert.Equal("2025-02-18", page.Date);
        Assert.Equal("Jane Doe, Tom Lee", page.Author);
        Assert.Equal("https://news.example/harbour", page.Url);
        Assert.Equal("en", page.Language);
    }

    [Fact]
    public void Paragraphs_without_closing_tags_do_not_merge()
    {
        var page = HtmlArticleExtractor.Extract($"<html><body><article><h1>Titel</h1><p>{Lead}<p>{Second}<h2>Kosten</h2><p>{Third}</article></body></html>");

        Assert.Equal([Lead, Second, "Kosten", Third], page.Blocks.Select(b => b.Text).ToArray());
        Assert.Equal(BlockKind.Heading, page.Blocks[2].Kind);
    }

    [Fact]
    public void Navigation_cookie_banner_share_related_and_comments_are_left_out()
    {
        var page = HtmlArticleExtractor.Extract($"""
            <html lang="de"><body>
            <div id="cookie-consent" class="consent-banner"><p>Wir verwenden Cookies, um Ihnen ein besseres Nutzungserlebnis zu bieten. Mit der Nutzung stimmen Sie zu.</p><button>OK</button></div>
            <nav class="main-menu"><ul><li><a href="/">Startseite</a></li><li><a href="/sport">Sport</a></li><li><a href="/kultur">Kultur</a></li></ul></nav>
            <div class="content"><article class="article">
              <h1>Bibliothek öffnet bis Mitternacht</h1>
              <div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Mail</a></div>
              <div class="article-body"><p>{Lead}</p><p>{Second}</p><p>{Third}</p></div>
              <aside class="related"><h3>Mehr zum Thema</h3><ul><li><a href="/a">Stadtrat beschließt neuen Haushalt für das kommende Jahr</a></li><li><a href="/b">Neue Buslinie fährt ab Montag durch die Innenstadt</a></li></ul></aside>
            </article>
            <section id="comments" class="comments"><h2>Kommentare</h2><div class="comment"><p>Endlich! Das hätte man schon vor Jahren machen sollen, finde ich jedenfalls als Studentin.</p></div></section>
            </div>
            <footer><p>© 2025 Leipziger Zeitung. Alle Rechte vorbehalten.</p></footer>
            </body></html>
            """);

        Assert.Equal([Lead, Second, Third], page.Blocks.Select(b => b.Text).ToArray());
    }

    [Fact]
    public void A_sentence_that_begins_with_a_label_word_is_not_boilerplate()
    {
        Assert.False(Boilerplate.IsBoilerplate(Second));
        Assert.True(Boilerplate.IsBoilerplate("Teilen"));
        Assert.True(Boilerplate.IsBoilerplate("Lesen Sie auch: Neue Buslinie durch die Innenstadt"));
        Assert.True(Boilerplate.IsBoilerplate("Read more"));
    }

    [Fact]
    public void Raw_text_keeps_a_paragraph_that_begins_with_teilen()
    {
        var article = TestCorpus.Parse("t", "t.txt", $"date 2025-03 Bitte aktivieren Sie Javascript\n\n{Lead}\n\n{Second}\n\nTeilen\n");

        Assert.Equal([Lead, Second], article.Paragraphs.ToArray());
    }

    [Fact]
    public void Charset_comes_from_the_header_the_meta_tag_or_the_bom()
    {
        var html = $"<html><head><meta charset=\"windows-1252\"></head><body><p>{Lead}</p></body></html>";
        var latin = HtmlDecoding.ForName("windows-1252")!.GetBytes(html);

        Assert.Contains("Öffnungszeiten", HtmlDecoding.Decode(latin), StringComparison.Ordinal);
        Assert.Contains("Öffnungszeiten", HtmlDecoding.Decode(HtmlDecoding.ForName("iso-8859-15")!.GetBytes(html.Replace("windows-1252", "", StringComparison.Ordinal)), "ISO-8859-15"), StringComparison.Ordinal);
        Assert.Contains("Öffnungszeiten", HtmlDecoding.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(html.Replace("windows-1252", "iso-8859-1", StringComparison.Ordinal))]), StringComparison.Ordinal);
        Assert.Equal("ISO-8859-1", HtmlDecoding.CharsetOf("text/html; charset=ISO-8859-1"));
    }

    [Fact]
    public void Html_corpus_file_goes_through_the_same_extractor()
    {
        var article = TestCorpus.Parse("h", "h.html", $"<!DOCTYPE html><html lang=\"de\"><head><meta content=\"2025-03-06\" name=\"date\"><title>Zeitung | Nachrichten</title></head><body><article><header><h1>Bibliothek öffnet bis Mitternacht</h1></header><p>{Lead}<p>{Second}</article></body></html>");

        Assert.Equal("Bibliothek öffnet bis Mitternacht", article.Title);
        Assert.Equal("2025-03-06", article.Date);
        Assert.Equal(Language.German, article.Language);
        Assert.Equal([Lead, Second], article.Paragraphs.ToArray());
    }

    [Fact]
    public void Front_matter_on_a_text_file_gives_title_date_and_url()
    {
        var article = TestCorpus.Parse("f", "f.txt", $"---\ntitle: \"Bibliothek öffnet bis Mitternacht\"\ndate: 2025-03-06\nurl: https://zeitung.example/a\nfeed: Leipzig\nlanguage: de\n---\n\n{Lead}\n\n{Second}\n");

        Assert.Equal("Bibliothek öffnet bis Mitternacht", article.Title);
        Assert.Equal("2025-03-06", article.Date);
        Assert.Equal("https://zeitung.example/a", article.Url);
        Assert.Equal([Lead, Second], article.Paragraphs.ToArray());
    }

    [Fact]
    public void A_file_marked_as_a_third_language_is_not_indexed()
    {
        var error = Assert.Throws<ArticleParseException>(() => TestCorpus.Parse("fr", "fr.txt", "---\ntitle: Bibliothèque\nlanguage: fr\n---\n\nLa bibliothèque de Leipzig reste ouverte jusqu'à minuit, a décidé le conseil municipal.\n"));

        Assert.Contains("'fr'", error.Message, StringComparison.Ordinal);
    }
}
