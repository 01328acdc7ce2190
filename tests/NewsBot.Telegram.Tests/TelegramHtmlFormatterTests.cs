using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Telegram.Tests;

public sealed class TelegramHtmlFormatterTests
{
    private readonly TelegramHtmlFormatter _formatter = new();

    [Fact]
    public void ArticleTextCannotInjectMarkupOrMentionEveryone()
    {
        var reply = new Reply(Language.English,
            [new ReplyBlock(ReplyBlockKind.Paragraph, "<script>alert('x')</script> Q&A with @everyone and <b>bold</b> claims")],
            [new Citation(1, "a1", "Tom & Jerry <i>weekly</i>", "2025-03", "@here News", "https://example.org/x?a=1&b=\"2\"")]);

        var html = Assert.Single(_formatter.Format(reply));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Q&amp;A", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", html, StringComparison.Ordinal);
        Assert.Contains("@\u2060everyone", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/x?a=1&amp;b=%222%22\">Tom &amp; Jerry &lt;i&gt;weekly&lt;/i&gt;</a>", html, StringComparison.Ordinal);
        // Only our own tags remain.
        var tags = System.Text.RegularExpressions.Regex.Matches(html, "<(/?[a-z]+)").Select(m => m.Groups[1].Value).Distinct().Order();
        Assert.Equal(["/a", "/b", "a", "b"], tags);
    }

    [Fact]
    public void BlocksUseTelegramTagsAndCitationsWithoutUrlsStayPlain()
    {
        var reply = new Reply(Language.German,
            [
                new ReplyBlock(ReplyBlockKind.Heading, "Überblick"),
                new ReplyBlock(ReplyBlockKind.Quote, "Wir reden weiter."),
                new ReplyBlock(ReplyBlockKind.ListItem, "Erster Punkt"),
                new ReplyBlock(ReplyBlockKind.Note, "Hinweis"),
            ],
            [new Citation(1, "a1", "Treffen in Riad", "2025-02", "Beispiel"), new Citation(2, "a2", "Zweiter", "", "", "javascript:alert(1)")]);

        var html = Assert.Single(_formatter.Format(reply));

        Assert.Equal(
            "<b>Überblick</b>\n\n<blockquote>Wir reden weiter.</blockquote>\n\n• Erster Punkt\n\n<i>Hinweis</i>\n\n<b>Quellen</b>\n[1] Treffen in Riad (Beispiel, 2025-02)\n[2] Zweiter",
            html);
    }

    [Fact]
    public void LongEscapedTextSplitsIntoPartsThatFitAndNeverCutAnEntity()
    {
        var text = string.Join(" ", Enumerable.Repeat("Fish & chips <cheap> at \"Joe's\".", 600));
        var parts = _formatter.Format(new Reply(Language.English, [new ReplyBlock(ReplyBlockKind.Quote, text)], []));

        Assert.True(parts.Count > 1);
        Assert.All(parts, p =>
        {
            Assert.True(p.Length <= 4096);
            Assert.StartsWith("<blockquote>", p, StringComparison.Ordinal);
            Assert.EndsWith("</blockquote>", p, StringComparison.Ordinal);
            Assert.Equal(System.Text.RegularExpressions.Regex.Count(p, "&"), System.Text.RegularExpressions.Regex.Count(p, "&(amp|lt|gt);"));
        });
    }

    [Fact]
    public void PlainTextFallbackKeepsLinksAndDecodesEntities()
    {
        var plain = TelegramHtmlFormatter.HtmlToPlainText("<b>Sources</b>\n[1] <a href=\"https://x.example/?a=1&amp;b=2\">Tom &amp; Jerry</a> &lt;3");

        Assert.Equal("Sources\n[1] Tom & Jerry (https://x.example/?a=1&b=2) <3", plain);
    }
}
