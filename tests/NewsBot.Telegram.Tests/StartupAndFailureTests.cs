using Microsoft.Extensions.Logging;
using NewsBot.Telegram.Tests.Fakes;

namespace NewsBot.Telegram.Tests;

public sealed class StartupAndFailureTests : IAsyncLifetime
{
    private FakeBotApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task RejectedTokenAtStartStopsTheHostWithOneClearError()
    {
        _server.RejectToken = true;
        await using var bot = await TelegramBotHarness.StartAsync(_server);

        await bot.Stopping.WaitAsync(TimeSpan.FromSeconds(10));

        var errors = bot.Logs.Entries.Where(e => e.Level >= LogLevel.Error).ToList();
        var error = Assert.Single(errors);
        Assert.Equal(LogLevel.Critical, error.Level);
        Assert.Contains("Telegram:BotToken", error.Message);
        Assert.Null(error.Exception);
        Assert.DoesNotContain(_server.Calls, c => c.Method == "getUpdates");
        Assert.Single(_server.Calls, c => c.Method == "getMe");
    }

    [Fact]
    public async Task CommandMenuIsRegisteredInEnglishAndGerman()
    {
        await using var bot = await TelegramBotHarness.StartAsync(_server);

        var calls = await _server.WaitForAsync(c => c.Count(x => x.Method == "setMyCommands") == 2 && c.Any(x => x.Method == "getUpdates"));

        var menus = calls.Where(c => c.Method == "setMyCommands").ToList();
        var english = Assert.Single(menus, m => m.Body["language_code"] is null);
        var german = Assert.Single(menus, m => m.Body["language_code"]?.GetValue<string>() == "de");
        string[] expected = ["start", "help", "ask", "summary", "who", "articles", "digest", "lang", "reset", "cancel"];
        Assert.Equal(expected, english.Body["commands"]!.AsArray().Select(c => c!["command"]!.GetValue<string>()));
        Assert.Equal(expected, german.Body["commands"]!.AsArray().Select(c => c!["command"]!.GetValue<string>()));
        Assert.Contains(german.Body["commands"]!.AsArray(), c => c!["description"]!.GetValue<string>() == "Eine Frage zu den Nachrichten stellen");
        Assert.Contains(calls, c => c.Method == "deleteWebhook");
    }

    [Fact]
    public async Task MissingSetMyCommandsIsLoggedAndTheBotStillAnswers()
    {
        _server.FailNext("setMyCommands", 404, "Not Found: method not found", times: 2);
        await using var bot = await TelegramBotHarness.StartAsync(_server);
        _server.PushMessage(61, "still there?");

        await _server.WaitForAsync(_ => _server.MessagesTo(61).Count == 1);

        Assert.Contains(bot.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("command menu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConflictOnPollingLogsAClearErrorBacksOffAndRecovers()
    {
        _server.FailNext("getUpdates", 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running", times: 3);
        await using var bot = await TelegramBotHarness.StartAsync(_server);
        _server.PushMessage(62, "after the conflict");

        await _server.WaitForAsync(_ => _server.MessagesTo(62).Count == 1);

        var conflicts = bot.Logs.Entries.Where(e => e.Level == LogLevel.Error && e.Message.Contains("409", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, conflicts.Count);
        Assert.All(conflicts, c => Assert.Contains("another instance", c.Message));
        Assert.False(bot.Stopping.IsCompleted);
    }

    [Fact]
    public async Task NetworkErrorsWhilePollingReconnectWithBackoff()
    {
        _server.DropNext("getUpdates", times: 2);
        await using var bot = await TelegramBotHarness.StartAsync(_server);
        _server.PushMessage(63, "after the outage");

        await _server.WaitForAsync(_ => _server.MessagesTo(63).Count == 1);

        Assert.Equal(2, bot.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("reconnecting", StringComparison.Ordinal)));
        Assert.Contains(bot.Logs.Entries, e => e.Message.Contains("polling works again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NetworkErrorAtStartIsRetriedUntilGetMeWorks()
    {
        _server.DropNext("getMe", times: 2);
        await using var bot = await TelegramBotHarness.StartAsync(_server);
        _server.PushMessage(64, "hello");

        await _server.WaitForAsync(_ => _server.MessagesTo(64).Count == 1);

        Assert.Equal(3, _server.CallsOf("getMe").Count());
    }

    [Fact]
    public async Task MarkupRejectedByTelegramIsResentAsPlainText()
    {
        _server.FailNext("sendMessage", 400, "Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 3");
        await using var bot = await TelegramBotHarness.StartAsync(_server);
        _server.PushMessage(65, "plain please");

        await _server.WaitForAsync(_ => _server.MessagesTo(65).Count == 1);

        var plain = Assert.Single(_server.MessagesTo(65));
        Assert.Null(plain.ParseMode);
        Assert.Contains("Answer to: plain please [1]", plain.Text);
        Assert.Contains("[1] Rubio meets Lavrov (" + FakeChatPipeline.SourceUrl + ") (Example News, 2025-02)", plain.Text);
        Assert.DoesNotContain("<b>", plain.Text);
        Assert.Equal(101, plain.ReplyToMessageId);
    }

    [Fact]
    public async Task StreamingAnswerGrowsInOneDraftThatBecomesTheFinalReply()
    {
        var pipeline = new FakeChatPipeline();
        pipeline.Answer = async (request, progress, ct) =>
        {
            progress!.Report("Rubio");
            await _server.WaitForAsync(c => c.Any(x => x.Method == "sendMessage" && x.Succeeded));
            foreach (var more in new[] { "Rubio and", "Rubio and Lavrov", "Rubio and Lavrov met in Riyadh." })
            {
                progress.Report(more);
                await Task.Yield();
            }

            return new NewsBot.Core.Chat.Reply(NewsBot.Retrieval.Languages.Language.English, NewsBot.Core.Chat.Reply.Paragraphs("Rubio and Lavrov met in Riyadh. [1]"), [FakeChatPipeline.Source()]);
        };

        // With an hour between edits, only the first partial text and the final reply may reach Telegram.
        await using var bot = await TelegramBotHarness.StartAsync(_server, s => s["Telegram:StreamingEditInterval"] = "01:00:00", pipeline);
        var updateId = _server.PushMessage(66, "stream it");

        var calls = await _server.WaitForAsync(c => c.Any(x => x.Method == "editMessageText" && x.ChatId == 66));

        var draft = Assert.Single(calls, c => c.Method == "sendMessage" && c.ChatId == 66);
        Assert.Null(draft.ParseMode);
        Assert.Equal(100 + updateId, draft.ReplyToMessageId);
        Assert.Equal("Rubio", draft.Text);
        var final = Assert.Single(calls, c => c.Method == "editMessageText");
        Assert.Equal(draft.SentMessageId, final.MessageId);
        Assert.Equal("html", final.ParseMode, ignoreCase: true);
        Assert.StartsWith("Rubio and Lavrov met in Riyadh. [1]", final.Text);
        Assert.Contains("Rubio meets Lavrov</a>", final.Text);
    }

    [Fact]
    public async Task AnswerThatFinishesBeforeAnyDraftIsShownIsSentOnce()
    {
        await using var bot = await TelegramBotHarness.StartAsync(_server, s => s["Telegram:StreamingEditInterval"] = "01:00:00");
        _server.PushMessage(68, "/stream");

        // A draft may or may not have gone out first (on a loaded machine the answer can take longer than the draft delay),
        // so the final text is looked for in sent and in edited messages alike.
        List<string> Texts() => [.. _server.MessagesTo(68).Select(m => m.Text!).Concat(_server.CallsOf("editMessageText").Select(c => c.Text!))];
        await _server.WaitForAsync(_ => Texts().Any(t => t.Contains("Riyadh.", StringComparison.Ordinal)));
        _server.PushMessage(68, "next");
        await _server.WaitForAsync(_ => Texts().Any(t => t.Contains("next", StringComparison.Ordinal)));

        // The final text is there exactly once and nothing is left half-done.
        Assert.Single(Texts(), t => t.StartsWith("Rubio and Lavrov met in Riyadh.", StringComparison.Ordinal) && t.Contains("</a>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StreamingDraftIsEditedAsTheAnswerGrows()
    {
        var pipeline = new FakeChatPipeline();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pipeline.Answer = async (request, progress, ct) =>
        {
            progress!.Report("First words");
            await _server.WaitForAsync(c => c.Any(x => x.Method == "sendMessage" && x.Succeeded));
            progress.Report("First words and more");
            await _server.WaitForAsync(c => c.Any(x => x.Method == "editMessageText" && x.Text == "First words and more"));
            return NewsBot.Core.Chat.Reply.Text(NewsBot.Retrieval.Languages.Language.English, "First words and more, complete.");
        };
        await using var bot = await TelegramBotHarness.StartAsync(_server, pipeline: pipeline);
        _server.PushMessage(67, "go");

        var calls = await _server.WaitForAsync(c => c.Any(x => x.Method == "editMessageText" && x.Text == "First words and more, complete."));

        Assert.Equal(["First words and more", "First words and more, complete."], calls.Where(c => c.Method == "editMessageText").Select(c => c.Text));
        Assert.Single(calls, c => c.Method == "sendMessage");
    }
}
