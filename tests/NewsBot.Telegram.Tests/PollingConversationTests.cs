using System.Text.Json.Nodes;
using NewsBot.Core.Chat;
using NewsBot.Telegram.Tests.Fakes;

namespace NewsBot.Telegram.Tests;

public sealed class PollingConversationTests : IAsyncLifetime
{
    private FakeBotApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PrivateQuestionGetsACitedHtmlAnswerReplyingToIt()
    {
        await using var bot = await TelegramBotHarness.StartAsync(_server);
        var updateId = _server.PushMessage(chatId: 501, "Wo trafen sich Rubio und Lawrow?", userId: 501, languageCode: "de");

        var calls = await _server.WaitForAsync(c => c.Any(x => x.Method == "sendMessage" && x.Succeeded));

        var answer = Assert.Single(calls, c => c.Method == "sendMessage");
        Assert.Equal(501, answer.ChatId);
        Assert.Equal("html", answer.ParseMode, ignoreCase: true);
        Assert.Equal(100 + updateId, answer.ReplyToMessageId);
        Assert.Contains("Answer to: Wo trafen sich Rubio und Lawrow? [1]", answer.Text);
        Assert.Contains("<b>Quellen</b>", answer.Text);
        Assert.Contains("[1] <a href=\"https://news.example/rubio?a=1&amp;b=2\">Rubio meets Lavrov</a> (Example News, 2025-02)", answer.Text);
        Assert.Contains(calls, c => c.Method == "sendChatAction" && c.ChatId == 501 && c.Sequence < answer.Sequence);

        var request = Assert.Single(bot.Pipeline.Requests);
        Assert.Equal(Platforms.Telegram, request.Platform);
        Assert.Equal("501", request.ChatId);
        Assert.Equal("501", request.UserId);
        Assert.Equal("ada501", request.UserName);
        Assert.Equal("de", request.UserLocale);
        Assert.False(request.IsGroup);
    }

    [Fact]
    public async Task GroupAnswersCommandsMentionsAndRepliesToTheBotAndIgnoresTheRest()
    {
        const long group = -100200300;
        await using var bot = await TelegramBotHarness.StartAsync(_server);
        var mention = "@" + FakeBotApiServer.BotUsername;

        _server.PushMessage(group, "Has anyone read the NATO piece?", chatType: "supergroup");
        _server.PushMessage(group, $"{mention} what did Hegseth say about NATO?", chatType: "supergroup",
            entities: new JsonArray(new JsonObject { ["type"] = "mention", ["offset"] = 0, ["length"] = mention.Length }));
        _server.PushMessage(group, "replying to a person", chatType: "supergroup", replyToMessageId: 7, replyToUserId: 99);
        _server.PushMessage(group, "and in German?", chatType: "supergroup", replyToMessageId: 8);
        _server.PushMessage(group, "/who@OtherBot Lavrov", chatType: "supergroup");
        _server.PushMessage(group, $"/who@{FakeBotApiServer.BotUsername} Lavrov", chatType: "supergroup");
        _server.PushMessage(group, "/summary Ukraine", chatType: "supergroup");
        _server.PushMessage(group, $"thanks {mention.ToUpperInvariant()}", chatType: "supergroup");

        // The chat is answered in order, so once the last one is answered every earlier one was seen.
        await _server.WaitForAsync(_ => _server.MessagesTo(group).Count == 5);

        Assert.Equal(
            ["what did Hegseth say about NATO?", "and in German?", "/who Lavrov", "/summary Ukraine", "thanks"],
            bot.Pipeline.Requests.Select(r => r.Text));
        Assert.All(bot.Pipeline.Requests, r => Assert.True(r.IsGroup));
        Assert.Equal([false, true, false, false, false], bot.Pipeline.Requests.Select(r => r.IsReplyToBot));
    }

    [Fact]
    public async Task AnAnswerThatBlocksItsThreadHoldsUpNeitherPollingNorOtherChats()
    {
        using var release = new ManualResetEventSlim();
        var pipeline = new FakeChatPipeline();
        pipeline.Answer = (request, _, ct) =>
        {
            if (request.Text == "heavy")
            {
                release.Wait(TimeSpan.FromSeconds(20), ct); // synchronous CPU-bound work, as an engine without awaits would do
            }

            return Task.FromResult(Reply.Text(NewsBot.Retrieval.Languages.Language.English, "done: " + request.Text));
        };
        await using var bot = await TelegramBotHarness.StartAsync(_server, pipeline: pipeline);
        _server.PushMessage(41, "heavy");
        _server.PushMessage(42, "light");

        await _server.WaitForAsync(_ => _server.MessagesTo(42).Count == 1, TimeSpan.FromSeconds(10));
        Assert.Empty(_server.MessagesTo(41));
        release.Set();
        await _server.WaitForAsync(_ => _server.MessagesTo(41).Count == 1);
    }

    [Fact]
    public async Task GroupCommandsCarryWhetherTheSenderAdministersTheGroup()
    {
        const long group = -100777;
        _server.Admins.Add((group, 1));
        await using var bot = await TelegramBotHarness.StartAsync(_server);
        _server.PushMessage(group, "/lang de", userId: 1, chatType: "supergroup");
        _server.PushMessage(group, "/lang en", userId: 2, chatType: "supergroup");
        _server.PushMessage(group, "/lang de", userId: 1, chatType: "supergroup");

        await _server.WaitForAsync(_ => _server.MessagesTo(group).Count == 3);

        Assert.Equal([true, false, true], bot.Pipeline.Requests.Select(r => r.IsPlatformAdmin));
        Assert.Equal(2, _server.CallsOf("getChatMember").Count()); // the admin's second command is answered from the cache
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A10000CharacterAnswerArrivesAsOrderedPartsOfAtMost4096(bool floodWaitAfterFirstPart)
    {
        if (floodWaitAfterFirstPart)
        {
            _server.FailAt("sendMessage", 2, 429, "Too Many Requests: retry after 1", retryAfter: 1);
        }

        await using var bot = await TelegramBotHarness.StartAsync(_server);
        var updateId = _server.PushMessage(777, "/long");

        var expected = FakeChatPipeline.LongParagraphs(10_000).Count;
        await _server.WaitForAsync(_ => _server.MessagesTo(777).Any(m => m.Text!.Contains("Rubio meets Lavrov", StringComparison.Ordinal)));
        var parts = _server.MessagesTo(777);

        Assert.InRange(parts.Count, 3, 5);
        Assert.All(parts, p => Assert.InRange(p.Text!.Length, 1, 4096));
        Assert.Equal(100 + updateId, parts[0].ReplyToMessageId);
        Assert.All(parts.Skip(1), p => Assert.Null(p.ReplyToMessageId));
        var numbers = parts.SelectMany(p => System.Text.RegularExpressions.Regex.Matches(p.Text!, @"P(\d{3}) ").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(Enumerable.Range(1, expected), numbers);
        Assert.Equal(floodWaitAfterFirstPart, _server.CallsOf("sendMessage").Any(c => c.StatusCode == 429));
    }

    [Fact]
    public async Task ABurstOf200MessagesFrom20ChatsWithA429IsAnsweredCompletelyAndInOrderPerChat()
    {
        _server.FailAt("sendMessage", 50, 429, "Too Many Requests: retry after 1", retryAfter: 1);
        await using var bot = await TelegramBotHarness.StartAsync(_server);
        var chats = Enumerable.Range(1, 20).Select(i => 9000L + i).ToArray();
        for (var n = 0; n < 10; n++)
        {
            foreach (var chat in chats)
            {
                _server.PushMessage(chat, $"question {n:00} from {chat}", userId: chat);
            }
        }

        await _server.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Succeeded) == 200, TimeSpan.FromSeconds(30));

        Assert.Contains(_server.CallsOf("sendMessage"), c => c.StatusCode == 429);
        foreach (var chat in chats)
        {
            var answered = _server.MessagesTo(chat).Select(m => m.Text!).ToList();
            var expected = Enumerable.Range(0, 10).Select(n => $"Answer to: question {n:00} from {chat} [1]").ToList();
            Assert.Equal(expected, answered.Select(a => a[..a.IndexOf("\n\n", StringComparison.Ordinal)]));
        }

        Assert.DoesNotContain(bot.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task ARestartResumesAfterTheLastHandledUpdateWithoutAnsweringItAgain()
    {
        var store = new NewsBot.Core.State.InMemoryStores();
        await using (var first = await TelegramBotHarness.StartAsync(_server, store: store))
        {
            _server.PushMessage(31, "one");
            _server.PushMessage(31, "two");
            _server.PushMessage(32, "three");
            await _server.WaitForAsync(c => c.Count(x => x.Method == "sendMessage" && x.Succeeded) == 3);
            await first.StopAsync();
        }

        var stored = await ((NewsBot.Core.State.IKeyValueStore)store).GetAsync($"telegram:{FakeBotApiServer.BotId}:last-update-id", CancellationToken.None);
        Assert.StartsWith("3;", stored);

        // As if the bot died before its next poll confirmed the updates: the server offers them again.
        _server.ForgetConfirmations();
        var pollsBefore = _server.CallsOf("getUpdates").Count();
        await using var second = await TelegramBotHarness.StartAsync(_server, store: store);
        _server.PushMessage(31, "four");
        await _server.WaitForAsync(_ => _server.MessagesTo(31).Count >= 3);

        Assert.Equal(4, _server.CallsOf("getUpdates").Skip(pollsBefore).First().Body["offset"]!.GetValue<int>());
        Assert.Equal(["four"], second.Pipeline.Requests.Select(r => r.Text));
        Assert.Equal(4, _server.CallsOf("sendMessage").Count(c => c.Succeeded));
    }
}
