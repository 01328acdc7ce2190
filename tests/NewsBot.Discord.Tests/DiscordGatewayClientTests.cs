using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsBot.Discord.Client;

namespace NewsBot.Discord.Tests;

public sealed class DiscordGatewayClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task IdentifyCarriesTokenAndDefaultIntentsAndAReadySplitAcrossFramesIsRead()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var connection = await harness.Fake.NextConnectionAsync();
        Assert.Contains("v=10", connection.Query, StringComparison.Ordinal);
        Assert.Contains("encoding=json", connection.Query, StringComparison.Ordinal);

        var identify = (await connection.ReceiveOpAsync(2)).GetProperty("d");
        Assert.Equal(GatewayHarness.Token, identify.GetProperty("token").GetString());
        Assert.Equal(4609, identify.GetProperty("intents").GetInt32());
        Assert.Equal("newsbot", identify.GetProperty("properties").GetProperty("browser").GetString());

        await connection.SendReadyAsync(harness.Fake.ResumeUrl, sessionId: "abc", frames: 4);
        var ready = await harness.NextDispatchAsync("READY");

        Assert.Equal("abc", ready.Data.GetProperty("session_id").GetString());
        Assert.Equal("abc", harness.Gateway.SessionId);
        Assert.Equal(harness.Fake.ResumeUrl, harness.Gateway.ResumeGatewayUrl);
        Assert.Equal(Fakes.FakeIds.Bot, harness.Gateway.BotUserId);
        Assert.Equal(Fakes.FakeIds.Application, harness.Gateway.ApplicationId);
        Assert.Equal(1, harness.Gateway.Sequence);
    }

    [Fact]
    public async Task MessageContentIntentAddsThePrivilegedBit()
    {
        var options = new DiscordOptions { MessageContentIntent = true };
        await using var harness = await GatewayHarness.StartAsync(options.Intents);
        var connection = await harness.Fake.NextConnectionAsync();

        var identify = (await connection.ReceiveOpAsync(2)).GetProperty("d");

        Assert.Equal(4609 | 32768, identify.GetProperty("intents").GetInt32());
    }

    [Fact]
    public async Task AServerHeartbeatRequestIsAnsweredAtOnceWithTheLastSequence()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var connection = await harness.ConnectAndReadyAsync();

        await connection.SendAsync("""{"op":1,"d":null}""");
        var beat = await connection.ReceiveOpAsync(1);

        Assert.Equal(2, beat.GetProperty("d").GetInt32());
    }

    [Fact]
    public async Task AWithheldHeartbeatAckClosesTheZombieAndResumesWithTheLastSequence()
    {
        await using var harness = await GatewayHarness.StartAsync(configure: f => f.HeartbeatIntervalMs = 200);
        var first = await harness.ConnectAndReadyAsync();

        // Wait until a beat carries the last sequence, then stop acknowledging.
        while ((await first.ReceiveOpAsync(1)).GetProperty("d") is var d && (d.ValueKind != JsonValueKind.Number || d.GetInt32() != 2))
        {
        }

        first.AutoAck = false;
        var closeCode = await first.Closed.WaitAsync(Timeout);
        var second = await harness.Fake.NextConnectionAsync();
        var resume = (await second.ReceiveOpAsync(6)).GetProperty("d");

        Assert.NotEqual(1000, closeCode);
        Assert.NotEqual(1001, closeCode);
        Assert.Equal("resume", second.Kind);
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        Assert.Equal(2, resume.GetProperty("seq").GetInt32());
        Assert.Equal(GatewayHarness.Token, resume.GetProperty("token").GetString());
        await harness.Logs.WaitForAsync(e => e.Message.Contains("zombie", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Op7ReconnectResumesAtTheResumeUrlWithTheLastSequence()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var first = await harness.ConnectAndReadyAsync();

        await first.SendAsync("""{"op":7,"d":null}""");
        var second = await harness.Fake.NextConnectionAsync();
        var resume = (await second.ReceiveOpAsync(6)).GetProperty("d");

        Assert.Equal("resume", second.Kind);
        Assert.Equal(2, resume.GetProperty("seq").GetInt32());
        Assert.Equal("session-1", resume.GetProperty("session_id").GetString());
        var code = await first.Closed.WaitAsync(Timeout);
        Assert.True(code is not (1000 or 1001), $"closed with {code}, which would end the session");

        // Replayed events and RESUMED arrive on the new connection.
        await second.SendDispatchAsync("MESSAGE_CREATE", """{"id":"9","channel_id":"2","content":"missed","author":{"id":"3"}}""", 3);
        await second.SendDispatchAsync("RESUMED", "{}", 4);
        await harness.NextDispatchAsync("RESUMED");
        Assert.Equal(4, harness.Gateway.Sequence);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    public async Task CloseCodesThatAllowItLeadToResumeWithTheLastSequence(int code)
    {
        await using var harness = await GatewayHarness.StartAsync();
        var first = await harness.ConnectAndReadyAsync();

        await first.CloseAsync(code);
        var second = await harness.Fake.NextConnectionAsync();
        var resume = (await second.ReceiveOpAsync(6)).GetProperty("d");

        Assert.Equal("resume", second.Kind);
        Assert.Equal(2, resume.GetProperty("seq").GetInt32());
    }

    [Fact]
    public async Task AResumeUrlThatKeepsFailingEndsInAFreshSessionInsteadOfAStorm()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var first = await harness.Fake.NextConnectionAsync();
        await first.ReceiveOpAsync(2);
        await first.SendReadyAsync("ws://127.0.0.1:1/nothing-listens-here");
        await harness.NextDispatchAsync("READY");

        await first.CloseAsync(4000);
        var second = await harness.Fake.NextConnectionAsync();
        await second.ReceiveOpAsync(2);

        Assert.Equal("gateway", second.Kind);
        await harness.Logs.WaitForAsync(e => e.Message.Contains("starting a new session", StringComparison.Ordinal));
        Assert.Equal(3, harness.Logs.Entries.Count(e => e.Message.StartsWith("Discord gateway: reconnect attempt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ShutdownClosesWith1000SoTheBotGoesOfflineAtOnce()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var connection = await harness.ConnectAndReadyAsync();

        await harness.StopAsync();
        await harness.Run.WaitAsync(Timeout);

        Assert.Equal(1000, await connection.Closed.WaitAsync(Timeout));
        Assert.Equal(1, harness.Fake.ConnectionCount);
    }

    [Fact]
    public async Task InvalidSessionTrueResumes()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var first = await harness.ConnectAndReadyAsync();

        await first.SendAsync("""{"op":9,"d":true}""");
        var second = await harness.Fake.NextConnectionAsync();
        var resume = (await second.ReceiveOpAsync(6)).GetProperty("d");

        Assert.Equal(2, resume.GetProperty("seq").GetInt32());
    }

    [Fact]
    public async Task InvalidSessionFalseForgetsTheSessionAndIdentifiesAnew()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var first = await harness.ConnectAndReadyAsync();

        await first.SendAsync("""{"op":9,"d":false}""");
        var second = await harness.Fake.NextConnectionAsync();
        var frame = await second.ReceiveOpAsync(2);

        Assert.Equal("gateway", second.Kind);
        Assert.Equal(GatewayHarness.Token, frame.GetProperty("d").GetProperty("token").GetString());
        Assert.Null(harness.Gateway.SessionId);
        Assert.Equal(2, harness.Fake.Requests.Count(r => r.Path == "gateway/bot"));
    }

    [Theory]
    [InlineData(4003)]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task CloseCodesThatInvalidateTheSessionLeadToAFreshIdentify(int code)
    {
        await using var harness = await GatewayHarness.StartAsync();
        var first = await harness.ConnectAndReadyAsync();

        await first.CloseAsync(code);
        var second = await harness.Fake.NextConnectionAsync();
        await second.ReceiveOpAsync(2);

        Assert.Equal("gateway", second.Kind);
        Assert.Null(harness.Gateway.Sequence);

        // The fresh session works like the first.
        await second.SendReadyAsync(harness.Fake.ResumeUrl, sessionId: "session-2");
        await harness.NextDispatchAsync("READY");
        Assert.Equal("session-2", harness.Gateway.SessionId);
    }

    [Theory]
    [InlineData(4004, "Discord:BotToken")]
    [InlineData(4014, "Discord:MessageContentIntent")]
    [InlineData(4013, "invalid intents")]
    public async Task FatalCloseCodesStopWithoutReconnectingAndSayWhy(int code, string explanation)
    {
        await using var harness = await GatewayHarness.StartAsync();
        var first = await harness.Fake.NextConnectionAsync();
        await first.ReceiveOpAsync(2);

        await first.CloseAsync(code);
        await harness.Run.WaitAsync(Timeout);

        Assert.Equal(1, harness.Fake.ConnectionCount);
        Assert.Equal(code, harness.Gateway.StopReason?.CloseCode);
        var log = await harness.Logs.WaitForAsync(e => e.Level == LogLevel.Critical);
        Assert.Contains(explanation, log.Message, StringComparison.Ordinal);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), log.Message, StringComparison.Ordinal);
        Assert.True(harness.Gateway.Dispatches.Completion.IsCompleted);
    }

    [Fact]
    public async Task ARejectedTokenOnGatewayBotStopsWithoutConnecting()
    {
        await using var harness = await GatewayHarness.StartAsync(configure: f => f.RespondOnce(r => r.Path == "gateway/bot", new Fakes.FakeResponse(401, """{"message":"401: Unauthorized","code":0}""")));

        await harness.Run.WaitAsync(Timeout);

        Assert.Equal(0, harness.Fake.ConnectionCount);
        Assert.Equal(GatewayNext.Fatal, harness.Gateway.StopReason?.Next);
        Assert.DoesNotContain(GatewayHarness.Token, harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReceiveLoopKeepsReadingWhenNobodyConsumesEvents()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var connection = await harness.Fake.NextConnectionAsync();
        await connection.ReceiveOpAsync(2);
        await connection.SendReadyAsync(harness.Fake.ResumeUrl);
        for (var s = 2; s < 502; s++)
        {
            await connection.SendDispatchAsync("MESSAGE_CREATE", """{"id":"1","channel_id":"2","content":"x","author":{"id":"3"}}""", s);
        }

        // Nothing has read the events, yet a server heartbeat request is still answered with the newest sequence.
        await connection.SendAsync("""{"op":1,"d":null}""");
        var beat = await connection.ReceiveOpAsync(1);
        while (beat.GetProperty("d").GetInt32() != 501)
        {
            beat = await connection.ReceiveOpAsync(1);
        }

        Assert.Equal(501, harness.Gateway.Sequence);
    }

    [Fact]
    public async Task FailedConnectionsBackOffExponentiallyWithACap()
    {
        await using var harness = await GatewayHarness.StartAsync();
        var timings = GatewayHarness.FastTimings;

        var first = harness.Gateway.Backoff(1);
        var third = harness.Gateway.Backoff(3);
        var hundredth = harness.Gateway.Backoff(100);

        Assert.InRange(first, timings.ReconnectBaseDelay / 2, timings.ReconnectBaseDelay);
        Assert.InRange(third, timings.ReconnectBaseDelay * 2, timings.ReconnectBaseDelay * 4);
        Assert.InRange(hundredth, timings.ReconnectMaxDelay / 2, timings.ReconnectMaxDelay);
    }
}
