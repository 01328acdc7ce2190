using Microsoft.Extensions.Logging;
using NewsBot.Telegram.Logging;
using NewsBot.Telegram.Tests.Fakes;

namespace NewsBot.Telegram.Tests;

public sealed partial class TokenRedactionTests : IAsyncLifetime
{
    private static readonly string SecretHalf = FakeBotApiServer.Token[(FakeBotApiServer.Token.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private FakeBotApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task TheTokenNeverAppearsInAnyLogLineThroughAnswersErrorsAndRetries()
    {
        _server.DropNext("getMe");
        _server.FailNext("getUpdates", 409, "Conflict: terminated by other getUpdates request");
        _server.DropNext("getUpdates");
        _server.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        _server.DropNext("sendMessage");
        _server.FailNext("setMyCommands", 404, "Not Found");
        var pipeline = new FakeChatPipeline();
        pipeline.Answer = (request, _, _) => request.Text == "boom"
            ? throw new InvalidOperationException($"engine failed calling {_server.BaseUrl}/bot{FakeBotApiServer.Token}/getMe")
            : Task.FromResult(NewsBot.Core.Chat.Reply.Text(NewsBot.Retrieval.Languages.Language.English, "ok " + request.Text));
        await using var bot = await TelegramBotHarness.StartAsync(_server, pipeline: pipeline);
        _server.PushMessage(81, "hello");
        _server.PushMessage(81, "boom");

        await _server.WaitForAsync(_ => _server.MessagesTo(81).Count == 2, TimeSpan.FromSeconds(30));
        await bot.StopAsync();

        var entries = bot.Logs.Entries;
        Assert.Contains(entries, e => e.Category.EndsWith("TelegramHttpLoggingHandler", StringComparison.Ordinal) && e.Message.Contains("getUpdates", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Level == LogLevel.Error && e.Exception is not null && e.Exception.Contains("engine failed", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Message.Contains("409", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Message.Contains("429", StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain(SecretHalf, e.AllText, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Category.StartsWith("System.Net.Http", StringComparison.Ordinal));
    }

    [Fact]
    public void RedactingLoggerRemovesTheTokenFromMessagesValuesAndExceptions()
    {
        var capture = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        var logger = new RedactingLogger<TokenRedactionTests>(factory, new TokenRedactor(FakeBotApiServer.Token));
        var url = $"https://api.telegram.org/bot{FakeBotApiServer.Token}/sendMessage";
        var encoded = $"https://api.telegram.org/bot{Uri.EscapeDataString(FakeBotApiServer.Token)}/getMe";

        LogRequestFailed(logger, url, encoded, new HttpRequestException($"failed: {url}"));
        LogOtherBot(logger, "https://api.telegram.org/bot123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef/getMe");

        var entries = capture.Entries;
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.DoesNotContain(SecretHalf, e.AllText, StringComparison.Ordinal));
        Assert.DoesNotContain("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef", entries[1].AllText, StringComparison.Ordinal);
        Assert.Contains("https://api.telegram.org/bot***/sendMessage", entries[0].Message, StringComparison.Ordinal);
        Assert.Contains("HttpRequestException", entries[0].Exception, StringComparison.Ordinal);
        Assert.Contains("bot***/sendMessage", entries[0].Exception, StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request to {Url} and {Encoded} failed")]
    private static partial void LogRequestFailed(ILogger logger, string url, string encoded, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another bot: {Url}")]
    private static partial void LogOtherBot(ILogger logger, string url);
}
