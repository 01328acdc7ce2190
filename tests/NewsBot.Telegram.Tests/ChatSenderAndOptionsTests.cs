using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Core.Languages;
using NewsBot.Telegram.Tests.Fakes;

namespace NewsBot.Telegram.Tests;

public sealed class ChatSenderAndOptionsTests : IAsyncLifetime
{
    private FakeBotApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ChatSenderDeliversADigestToAGroupInParts()
    {
        await using var bot = await TelegramBotHarness.StartAsync(_server);
        var sender = Assert.Single(bot.Host.Services.GetServices<IChatSender>(), s => s.Platform == "telegram");

        await sender.SendAsync("-100555", new Reply(Language.German, FakeChatPipeline.LongParagraphs(5000), [FakeChatPipeline.Source()]), CancellationToken.None);

        var parts = _server.MessagesTo(-100555);
        Assert.Equal(2, parts.Count);
        Assert.All(parts, p => Assert.Null(p.ReplyToMessageId));
        Assert.StartsWith("P001 ", parts[0].Text);
        Assert.Contains("<b>Quellen</b>", parts[1].Text);
    }

    [Theory]
    [InlineData(403, "Forbidden: bot was blocked by the user")]
    [InlineData(400, "Bad Request: chat not found")]
    public async Task ChatSenderReportsGoneChatsAsPermanentFailures(int code, string description)
    {
        await using var bot = await TelegramBotHarness.StartAsync(_server);
        var sender = bot.Host.Services.GetServices<IChatSender>().Single(s => s.Platform == "telegram");
        _server.FailNext("sendMessage", code, description);

        var error = await Assert.ThrowsAsync<ChatSendException>(() => sender.SendAsync("12345", Reply.Text(Language.English, "digest"), CancellationToken.None));

        Assert.True(error.IsPermanent);
        Assert.Contains(description, error.Message);
    }

    [Fact]
    public async Task CancelStopsTheRunningAnswerAndIsHandledRightAway()
    {
        var pipeline = new FakeChatPipeline();
        var slowStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        pipeline.Answer = async (request, _, ct) =>
        {
            if (request.Text == "slow")
            {
                slowStarted.TrySetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }

            return Reply.Text(Language.English, "done: " + request.Text);
        };
        await using var bot = await TelegramBotHarness.StartAsync(_server, pipeline: pipeline);
        _server.PushMessage(70, "slow");
        _server.PushMessage(70, "queued behind");
        await slowStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _server.PushMessage(70, "/cancel");

        await _server.WaitForAsync(_ => _server.MessagesTo(70).Count == 1);

        Assert.Equal("Cancelled.", _server.MessagesTo(70)[0].Text);
        Assert.Equal(100 + 3, _server.MessagesTo(70)[0].ReplyToMessageId);
        Assert.Equal(["slow"], pipeline.Requests.Select(r => r.Text));
    }

    [Fact]
    public async Task CancelMarksAStreamedDraftAsStoppedAndKeepsItsText()
    {
        await using var bot = await TelegramBotHarness.StartAsync(_server, pipeline: StreamsAndNeverEnds("Rubio und Lawrow trafen sich in Riad, wo"));
        _server.PushMessage(71, "Wo trafen sich Rubio und Lawrow?", languageCode: "de");
        await _server.WaitForAsync(_ => _server.MessagesTo(71).Count == 1);
        _server.PushMessage(71, "/cancel", languageCode: "de");

        var calls = await _server.WaitForAsync(c => c.Any(x => x.Method == "editMessageText" && x.ChatId == 71) && _server.MessagesTo(71).Count == 2);

        var draft = _server.MessagesTo(71)[0];
        var edit = Assert.Single(calls, c => c.Method == "editMessageText" && c.ChatId == 71);
        Assert.Equal(draft.SentMessageId, edit.MessageId);
        Assert.Equal("Rubio und Lawrow trafen sich in Riad, wo\n\n⏹ Antwort abgebrochen.", edit.Text);
        Assert.Equal("Abgebrochen.", _server.MessagesTo(71)[1].Text);
    }

    [Fact]
    public async Task CancelWhileTheDraftIsStillOnItsWayWaitsForItAndMarksIt()
    {
        await using var bot = await TelegramBotHarness.StartAsync(_server, pipeline: StreamsAndNeverEnds("Rubio und Lawrow trafen sich in Riad, wo"));
        var draftAnswer = _server.HoldNext("sendMessage");
        _server.PushMessage(72, "Wo trafen sich Rubio und Lawrow?", languageCode: "de");
        await _server.WaitForAsync(_ => _server.MessagesTo(72).Count == 1);
        var cancel = _server.PushMessage(72, "/cancel", languageCode: "de");

        // The poller asks for updates after /cancel only once it has dispatched it: the answer is cancelled by then,
        // while Telegram has not yet answered the draft's sendMessage.
        await _server.WaitForAsync(c => c.Any(x => x.Method == "getUpdates" && x.Body["offset"]?.GetValue<int>() > cancel));
        draftAnswer.SetResult();
        var calls = await _server.WaitForAsync(c => c.Any(x => x.Method == "editMessageText" && x.ChatId == 72) && _server.MessagesTo(72).Count == 2);

        var edit = Assert.Single(calls, c => c.Method == "editMessageText" && c.ChatId == 72);
        Assert.Equal(_server.MessagesTo(72)[0].SentMessageId, edit.MessageId);
        Assert.EndsWith("\n\n⏹ Antwort abgebrochen.", edit.Text);
        Assert.Equal("Abgebrochen.", _server.MessagesTo(72)[1].Text);
    }

    [Fact]
    public void WithoutATokenNothingRunsAndNoSenderIsRegistered()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTelegram(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telegram:Mode"] = "Webhook" }).Build());
        using var provider = services.BuildServiceProvider();

        Assert.Empty(provider.GetServices<IHostedService>());
        Assert.Empty(provider.GetServices<IChatSender>());
        Assert.Equal(TelegramMode.Webhook, provider.GetRequiredService<IOptions<TelegramOptions>>().Value.Mode);
    }

    [Theory]
    [InlineData("WebhookUrl", null, "Telegram:WebhookUrl is required when Telegram:Mode is Webhook.")]
    [InlineData("WebhookSecret", null, "Telegram:WebhookSecret is required when Telegram:Mode is Webhook.")]
    [InlineData("WebhookSecret", "has spaces in it", "Telegram:WebhookSecret must be 1-256 characters of A-Z, a-z, 0-9, _ and -.")]
    [InlineData("BotToken", "not-a-token", "Telegram:BotToken is not a bot token (expected '<bot id>:<secret>' as issued by BotFather).")]
    [InlineData("ApiBaseUrl", "localhost:8081", "Telegram:ApiBaseUrl must be an absolute http(s) URL, e.g. http://localhost:8081.")]
    public void BadSettingsFailAtStartWithOneLineNamingTheKey(string key, string? value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApiServer.Token,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example.org/hook",
            ["Telegram:WebhookSecret"] = "secret",
        };
        settings["Telegram:" + key] = value;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTelegram(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TelegramOptions>>().Value);

        Assert.Equal([expected], error.Failures);
        Assert.DoesNotContain(FakeBotApiServer.Token, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A pipeline that shows <paramref name="partial"/> as a draft and then works until it is cancelled.</summary>
    private static FakeChatPipeline StreamsAndNeverEnds(string partial) => new()
    {
        Answer = async (_, progress, ct) =>
        {
            progress?.Report(partial);
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return Reply.Text(Language.German, "never");
        },
    };
}
