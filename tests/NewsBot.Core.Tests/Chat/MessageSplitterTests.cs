using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Chat;

public sealed class MessageSplitterTests
{
    [Fact]
    public void Splits_on_paragraphs_first()
    {
        var text = new string('a', 30) + ". " + new string('b', 30) + "\n\n" + new string('c', 40);
        var parts = MessageSplitter.Split(text, 70);
        Assert.Equal(2, parts.Count);
        Assert.EndsWith("b", parts[0], StringComparison.Ordinal);
        Assert.Equal(new string('c', 40), parts[1]);
    }

    [Fact]
    public void Splits_on_sentences_then_words_and_never_beyond_the_limit()
    {
        var sentence = "Rubio und Lawrow einigten sich bei den Gesprächen in Riad auf Unterhändler. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 60));
        var parts = MessageSplitter.Split(text, 500);
        Assert.All(parts, p => Assert.True(p.Length <= 500));
        Assert.All(parts, p => Assert.EndsWith("Unterhändler.", p, StringComparison.Ordinal));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), string.Concat(parts).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Never_splits_inside_a_word_when_spaces_exist()
    {
        var text = string.Join(' ', Enumerable.Repeat("Friedensverhandlungen", 50));
        var parts = MessageSplitter.Split(text, 100);
        Assert.All(parts, p => Assert.All(p.Split(' '), w => Assert.Equal("Friedensverhandlungen", w)));
    }

    [Fact]
    public void Never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 100));
        foreach (var limit in new[] { 7, 10, 33 })
        {
            var parts = MessageSplitter.Split(text, limit);
            Assert.All(parts, p =>
            {
                Assert.True(p.Length <= limit);
                Assert.False(char.IsLowSurrogate(p[0]));
                Assert.False(char.IsHighSurrogate(p[^1]));
            });
            Assert.Equal(text, string.Concat(parts));
        }
    }

    [Fact]
    public void Formatter_keeps_every_part_within_the_limit_and_lists_sources_once()
    {
        var blocks = Enumerable.Range(0, 40).Select(i => new ReplyBlock(ReplyBlockKind.Paragraph, $"Absatz {i}: " + string.Join(' ', Enumerable.Repeat("Wort", 30)) + ". [1]")).ToList();
        var reply = new Reply(Language.German, blocks, [new Citation(1, "a", "Titel", "2025-02", "a.txt")]);

        var parts = new PlainTextFormatter().Format(reply, 400);

        Assert.All(parts, p => Assert.True(p.Length <= 400));
        Assert.Single(parts, p => p.Contains("Quellen", StringComparison.Ordinal));
        Assert.Contains("[1] Titel (2025-02)", parts[^1], StringComparison.Ordinal);
        Assert.Equal(40, parts.Sum(p => p.Split("Absatz ").Length - 1));
    }
}
