using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Discord.Rendering;

namespace NewsBot.Discord.Tests;

public sealed class DiscordMarkdownFormatterTests
{
    private readonly DiscordMarkdownFormatter _formatter = new();

    private string One(Reply reply) => Assert.Single(_formatter.Format(reply));

    [Theory]
    [InlineData("**bold**")]
    [InlineData("_italic_")]
    [InlineData("`code`")]
    [InlineData("~~gone~~")]
    [InlineData("||spoiler||")]
    [InlineData("> quote")]
    [InlineData("# Heading")]
    [InlineData("- item")]
    [InlineData("[click](https://evil.example)")]
    [InlineData(@"back\slash")]
    public void MarkdownInArticleTextIsEscaped(string text)
    {
        var rendered = One(Reply.Text(Language.English, text));

        // Every markdown character is preceded by a backslash that is not itself escaped.
        for (var i = 0; i < rendered.Length; i++)
        {
            if (@"*_`~|>#-[]()".Contains(rendered[i], StringComparison.Ordinal))
            {
                Assert.True(i > 0 && rendered[i - 1] == '\\', $"'{rendered[i]}' at {i} in {rendered} is not escaped");
            }
        }

        Assert.Equal(text, Unescape(rendered));
    }

    [Theory]
    [InlineData("Hello @everyone")]
    [InlineData("@here look")]
    [InlineData("@EVERYONE")]
    [InlineData("ping <@123456789012345678> and <@!123456789012345678> and <@&55> and <#66>")]
    public void MentionsNeverAppearRaw(string text)
    {
        var rendered = One(Reply.Text(Language.English, text));

        Assert.DoesNotContain("@everyone", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@here", rendered, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<@[!&]?\d+>", rendered);
        Assert.DoesNotMatch(@"<#\d+>", rendered);
        Assert.Equal(text, Unescape(rendered));
    }

    [Fact]
    public void BlocksGetDiscordMarkupAndCitationsANumberedSourceList()
    {
        var reply = new Reply(
            Language.German,
            [
                new ReplyBlock(ReplyBlockKind.Heading, "Treffen in Riad"),
                new ReplyBlock(ReplyBlockKind.Paragraph, "Rubio und Lawrow trafen sich [1]."),
                new ReplyBlock(ReplyBlockKind.Quote, "Wir wollen reden"),
            ],
            [
                new Citation(1, "a1", "Gespräche_in Riad", "2025-02", "Tagesschau", "https://example.org/a?b=1"),
                new Citation(2, "a2", "Ohne Link", "", "", "javascript:alert(1)"),
            ]);

        var rendered = One(reply);

        Assert.StartsWith("**Treffen in Riad**", rendered, StringComparison.Ordinal);
        Assert.Contains("\n> Wir wollen reden", rendered, StringComparison.Ordinal);
        Assert.Contains("**Quellen**", rendered, StringComparison.Ordinal);
        Assert.Contains(@"**\[1\]** [Gespräche\_in Riad](<https://example.org/a?b=1>) \(2025\-02\) · Tagesschau", rendered, StringComparison.Ordinal);
        Assert.Contains(@"**\[2\]** Ohne Link", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void ANumberedLineDoesNotTurnIntoAList()
    {
        var rendered = One(Reply.Text(Language.English, "1. first\n2. second and 3. not a marker"));

        Assert.Equal("1\\. first\n2\\. second and 3. not a marker", rendered);
    }

    [Fact]
    public void ALongAnswerSplitsIntoPartsOfAtMost2000WithNothingLost()
    {
        var sentences = Enumerable.Range(1, 120).Select(i => $"Satz {i} erklärt die Lage in der Stadt genauer.").ToList();
        var text = string.Join(' ', sentences);
        Assert.True(text.Length > 5000);

        var parts = _formatter.Format(Reply.Text(Language.German, text));

        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, DiscordMarkdownFormatter.MaxMessageLength));
        Assert.Equal(text, string.Join(' ', parts));
        Assert.All(parts.SkipLast(1), p => Assert.EndsWith(".", p, StringComparison.Ordinal));
    }

    [Fact]
    public void EscapingThatDoublesTheTextStillFitsTheLimit()
    {
        var text = string.Concat(Enumerable.Repeat("*_~ @everyone ", 400));

        var parts = _formatter.Format(Reply.Text(Language.English, text));

        Assert.All(parts, p => Assert.InRange(p.Length, 1, DiscordMarkdownFormatter.MaxMessageLength));
        Assert.All(parts, p => Assert.DoesNotContain("@everyone", p, StringComparison.Ordinal));
    }

    [Fact]
    public void SplittingNeverCutsASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 2500));

        var parts = _formatter.Format(Reply.Text(Language.English, text));

        Assert.True(parts.Count >= 3);
        Assert.All(parts, p =>
        {
            Assert.InRange(p.Length, 1, DiscordMarkdownFormatter.MaxMessageLength);
            Assert.False(char.IsLowSurrogate(p[0]));
            Assert.False(char.IsHighSurrogate(p[^1]));
        });
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void APreviewIsOneMessageAndEscaped()
    {
        var preview = _formatter.FormatPreview(string.Join(' ', Enumerable.Repeat("Hallo @here, wie geht's?", 200)), Language.German);

        Assert.InRange(preview.Length, 1, DiscordMarkdownFormatter.MaxMessageLength);
        Assert.EndsWith("…", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", preview, StringComparison.Ordinal);
    }

    [Fact]
    public void SilentRepliesRenderNothing() => Assert.Empty(_formatter.Format(Reply.Silent));

    private static string Unescape(string text)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            builder.Append(text[i]);
        }

        return builder.ToString().Replace("\u200B", "", StringComparison.Ordinal);
    }
}
