using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
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
}
