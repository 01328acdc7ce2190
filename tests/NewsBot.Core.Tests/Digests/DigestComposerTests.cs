using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Chat;
using NewsBot.Core.Digests;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Digests;

public sealed class DigestComposerTests
{
    [Fact]
    public async Task Articles_on_the_same_story_stand_together_newest_first_with_citations_in_the_target_language()
    {
        var at = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var strike1 = DigestTestData.Article("strike1", "Harbour dock workers strike over pay in Hamburg harbour", at, "2026-05-03");
        var tram = DigestTestData.Article("tram", "City council approves new tram line through the old town", at, "2026-05-02");
        var strike2 = DigestTestData.Article("strike2", "Hamburg harbour dock workers extend strike over pay", at, "2026-05-01");
        using var services = new DigestHarness(at).Build([]);
        var composer = services.GetRequiredService<DigestComposer>();

        var digest = await composer.ComposeAsync([strike2, tram, strike1], Language.German, 10, CancellationToken.None);

        Assert.Equal(["strike1", "tram", "strike2"], digest.Items.Select(i => i.Article.Id));
        Assert.Equal(digest.Items[0].Group, digest.Items[2].Group);
        Assert.NotEqual(digest.Items[0].Group, digest.Items[1].Group);
        Assert.Equal(Language.German, digest.Reply.Language);
        Assert.StartsWith("Nachrichtenüberblick", digest.Reply.Blocks[0].Text, StringComparison.Ordinal);

        // The story's second article follows its first, before the unrelated one.
        var kinds = digest.Reply.Blocks.Skip(1).Select(b => (b.Kind, b.Text)).ToList();
        Assert.Contains("Hamburg harbour dock workers extend", kinds[1].Text, StringComparison.Ordinal);
        Assert.Equal(ReplyBlockKind.Quote, kinds[1].Kind);
        Assert.Equal(3, digest.Reply.Citations.Count);
    }
}
