using System.Text.Json;
using NewsBot.Discord.Adapter;
using NewsBot.Discord.Tests.Fakes;

namespace NewsBot.Discord.Tests;

public sealed class DiscordEventsTests
{
    private static JsonElement Message(string json) => JsonDocument.Parse(json).RootElement;

    private const string Bot = FakeIds.Bot;

    [Theory]
    [InlineData($$$"""{"id":"1","channel_id":"2","guild_id":"3","content":"<@{{{Bot}}}> Wo trafen sich Rubio und Lawrow?","author":{"id":"7"},"mentions":[{"id":"{{{Bot}}}"}]}""", "Wo trafen sich Rubio und Lawrow?", false)]
    [InlineData($$$"""{"id":"1","channel_id":"2","guild_id":"3","content":"Hey <@!{{{Bot}}}>   who is Lavrov","author":{"id":"7"},"mentions":[{"id":"{{{Bot}}}"}]}""", "Hey who is Lavrov", false)]
    [InlineData("""{"id":"1","channel_id":"2","content":"What did Hegseth say?","author":{"id":"7"},"mentions":[]}""", "What did Hegseth say?", false)]
    [InlineData($$$$"""{"id":"1","channel_id":"2","guild_id":"3","content":"und warum?","author":{"id":"7"},"mentions":[],"referenced_message":{"id":"0","author":{"id":"{{{{Bot}}}}"}}}""", "und warum?", true)]
    [InlineData($$$"""{"id":"1","channel_id":"2","guild_id":"3","content":"<@{{{Bot}}}> ask <@42> too","author":{"id":"7"},"mentions":[{"id":"{{{Bot}}}"},{"id":"42"}]}""", "ask <@42> too", false)]
    public void MentionsDmsAndRepliesToTheBotAreQuestions(string json, string text, bool replyToBot)
    {
        var question = DiscordEvents.Classify(Message(json), Bot);

        Assert.NotNull(question);
        Assert.Equal(text, question.Text);
        Assert.Equal(replyToBot, question.IsReplyToBot);
    }

    [Theory]
    [InlineData("""{"id":"1","channel_id":"2","guild_id":"3","content":"just chatting","author":{"id":"7"},"mentions":[]}""")]
    [InlineData($$$"""{"id":"1","channel_id":"2","guild_id":"3","content":"<@{{{Bot}}}> hi","author":{"id":"8","bot":true},"mentions":[{"id":"{{{Bot}}}"}]}""")]
    [InlineData($$$"""{"id":"1","channel_id":"2","guild_id":"3","content":"<@{{{Bot}}}> hi","webhook_id":"99","author":{"id":"8"},"mentions":[{"id":"{{{Bot}}}"}]}""")]
    [InlineData($$$"""{"id":"1","channel_id":"2","content":"my own answer","author":{"id":"{{{Bot}}}","bot":true},"mentions":[]}""")]
    [InlineData("""{"id":"1","channel_id":"2","guild_id":"3","content":"reply to someone","author":{"id":"7"},"mentions":[],"referenced_message":{"id":"0","author":{"id":"55"}}}""")]
    public void OtherMessagesBotsWebhooksAndItselfAreIgnored(string json) =>
        Assert.Null(DiscordEvents.Classify(Message(json), Bot));

    [Theory]
    [InlineData("""{"name":"who","options":[{"name":"name","type":3,"value":"Lavrov"}]}""", "/who Lavrov")]
    [InlineData("""{"name":"summary"}""", "/summary")]
    [InlineData("""{"name":"ask","options":[{"name":"question","type":3,"value":"  Was sagte Hegseth? "}]}""", "/ask Was sagte Hegseth?")]
    [InlineData("""{"name":"lang","options":[{"name":"language","type":3,"value":"de"}]}""", "/lang de")]
    public void SlashCommandsBecomeRouterText(string data, string text) =>
        Assert.Equal(text, DiscordCommands.ToRouterText(Message(data)));

    [Theory]
    [InlineData("8", true)]
    [InlineData("32", true)]
    [InlineData("2147483648", false)]
    public void AdministratorsAndServerManagersAreAdmins(string permissions, bool admin) =>
        Assert.Equal(admin, DiscordEvents.IsAdmin(Message($$$$"""{"member":{"permissions":"{{{{permissions}}}}","user":{"id":"1"}}}""")));
}
