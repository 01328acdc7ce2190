using System.Text.RegularExpressions;
using NewsBot.Core.Chat;

namespace NewsBot.Core.Tests.Chat;

public sealed partial class LangAndWhoListTests
{
    private static readonly TestCorpus Seed = TestCorpus.From(TestCorpus.Seed());

    [Fact]
    public async Task Lang_alone_shows_the_chats_setting_and_where_it_comes_from()
    {
        using var services = TestPipeline.Services(Seed);

        var automatic = await services.Send("/lang");
        await services.Send("/lang de");
        var set = await services.Send("/lang");

        Assert.NotEqual(ReplyKind.Error, automatic.Kind);
        Assert.StartsWith("Answer language in this chat: automatic", automatic.PlainText, StringComparison.Ordinal);
        Assert.Contains("English, the bot's default", automatic.PlainText, StringComparison.Ordinal);
        Assert.StartsWith("Antwortsprache in diesem Chat: Deutsch, festgelegt mit /lang de", set.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_who_list_is_sorted_as_it_says_and_marks_original_roles_once()
    {
        using var services = TestPipeline.Services(Seed);

        var reply = await services.Send("/who", locale: "en");

        Assert.Contains("most mentioned first", reply.Blocks[0].Text, StringComparison.Ordinal);
        var items = reply.Blocks.Where(b => b.Kind == ReplyBlockKind.ListItem).ToList();
        Assert.Equal(10, items.Count);
        var mentions = items.Select(i => int.Parse(Mentions().Match(i.Text).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(mentions.OrderByDescending(m => m), mentions);
        Assert.DoesNotContain(items, i => i.Text.Contains("words", StringComparison.Ordinal));
        Assert.Equal(new ReplyBlock(ReplyBlockKind.Note, "Roles from German articles are given as the article words them."), Assert.Single(reply.Blocks, b => b.Kind == ReplyBlockKind.Note));
    }

    [GeneratedRegex(@"– (\d+) mentions? in ")]
    private static partial Regex Mentions();
}
