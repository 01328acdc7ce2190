using NewsBot.Telegram.Receiving;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Telegram.Tests;

public sealed class TelegramUpdateClassifierTests
{
    private static readonly User Bot = new() { Id = 555, IsBot = true, FirstName = "News", Username = "NewsTestBot" };

    [Theory]
    [InlineData("/help", "/help")]
    [InlineData("/who@NewsTestBot Lavrov", "/who Lavrov")]
    [InlineData("/who@newstestbot Lavrov", "/who Lavrov")]
    [InlineData("What did Rubio say?", "What did Rubio say?")]
    [InlineData("@NewsTestBot summarise", "summarise")]
    public void PrivateChatsAnswerEveryTextMessage(string text, string expected)
    {
        var message = Classify(ChatType.Private, text);

        Assert.NotNull(message);
        Assert.Equal(expected, message.Request.Text);
        Assert.False(message.Request.IsGroup);
    }

    [Theory]
    [InlineData("good morning all", null)]
    [InlineData("/who@OtherBot Lavrov", null)]
    [InlineData("mail me at someone@NewsTestBotany.org", null)]
    [InlineData("/articles", "/articles")]
    [InlineData("/summary@NewsTestBot", "/summary")]
    [InlineData("@NewsTestBot, wer ist Lawrow?", "wer ist Lawrow?")]
    [InlineData("Wer ist Lawrow, @NewsTestBot?", "Wer ist Lawrow?")]
    [InlineData("what did @NewsTestBot say about it ?", "what did say about it?")]
    public void GroupsAnswerOnlyCommandsAndMentions(string text, string? expected)
    {
        var message = Classify(ChatType.Supergroup, text);

        Assert.Equal(expected, message?.Request.Text);
    }

    [Fact]
    public void GroupRepliesToTheBotAreAnsweredAndRepliesToOthersAreNot()
    {
        var toBot = Classify(ChatType.Group, "and then?", replyTo: Bot);
        var toOther = Classify(ChatType.Group, "and then?", replyTo: new User { Id = 9, FirstName = "Bob" });

        Assert.NotNull(toBot);
        Assert.True(toBot.Request.IsReplyToBot);
        Assert.Null(toOther);
    }

    [Fact]
    public void ChannelsOtherBotsAndNonTextAreIgnored()
    {
        Assert.Null(Classify(ChatType.Channel, "/help"));
        Assert.Null(TelegramUpdateClassifier.Classify(Update(ChatType.Private, "/help", from: new User { Id = 8, IsBot = true, FirstName = "Spam" }), Bot));
        Assert.Null(TelegramUpdateClassifier.Classify(new Update { Id = 1, Message = new Message { Id = 1, Chat = new Chat { Id = 1, Type = ChatType.Private }, From = new User { Id = 1, FirstName = "A" } } }, Bot));
        Assert.Null(TelegramUpdateClassifier.Classify(new Update { Id = 1, EditedMessage = Update(ChatType.Private, "edited").Message }, Bot));
    }

    [Fact]
    public void RequestCarriesUserDetails()
    {
        var message = TelegramUpdateClassifier.Classify(Update(ChatType.Private, "hallo", from: new User { Id = 77, FirstName = "Grace", LastName = "Hopper", LanguageCode = "de" }), Bot)!;

        Assert.Equal("telegram", message.Request.Platform);
        Assert.Equal("77", message.Request.UserId);
        Assert.Equal("Grace Hopper", message.Request.UserName);
        Assert.Equal("de", message.Request.UserLocale);
        Assert.Equal(12, message.MessageId);
    }

    private static IncomingMessage? Classify(ChatType type, string text, User? replyTo = null) =>
        TelegramUpdateClassifier.Classify(Update(type, text, replyTo: replyTo), Bot);

    private static Update Update(ChatType type, string text, User? from = null, User? replyTo = null) => new()
    {
        Id = 3,
        Message = new Message
        {
            Id = 12,
            Chat = new Chat { Id = type == ChatType.Private ? 42 : -1001, Type = type },
            From = from ?? new User { Id = 42, FirstName = "Ada", Username = "ada", LanguageCode = "en" },
            Text = text,
            ReplyToMessage = replyTo is null ? null : new Message { Id = 11, Chat = new Chat { Id = -1001, Type = type }, From = replyTo, Text = "earlier" },
        },
    };
}
