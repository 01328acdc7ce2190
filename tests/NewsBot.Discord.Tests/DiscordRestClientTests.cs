using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Discord.Client;
using NewsBot.Discord.Rendering;
using NewsBot.Discord.Tests.Fakes;

namespace NewsBot.Discord.Tests;

public sealed class DiscordRestClientTests : IAsyncLifetime
{
    private const string ChannelA = "100000000000000001";
    private const string ChannelB = "100000000000000002";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private readonly LogCapture _logs = new();
    private FakeDiscord _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscord.StartAsync();
        _fake.Clock = _time;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    private DiscordRestClient Client(TimeProvider? time = null) =>
        new(_http, GatewayHarness.Token, _fake.ApiBaseUrl, time ?? _time, GatewayHarness.FastTimings, _logs.For<DiscordRestClient>());

    private static bool Messages(RecordedRequest r, string channel) => r.Method == "POST" && r.Path == $"channels/{channel}/messages";

    /// <summary>Moves fake time forward in small steps until the work is done.</summary>
    private async Task DriveAsync(Task work)
    {
        for (var i = 0; i < 2000 && !work.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(work, Task.Delay(5));
        }

        await work.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task RequestsCarryBotAuthorizationUserAgentJsonAndNoMentions()
    {
        await Client().CreateMessageAsync(ChannelA, "hello", null, CancellationToken.None);

        var request = Assert.Single(_fake.Requests);
        Assert.Equal("Bot " + GatewayHarness.Token, request.Authorization);
        Assert.StartsWith("DiscordBot (", request.UserAgent, StringComparison.Ordinal);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(0, request.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task ARoute429IsWaitedOutAndTheMessageArrivesOnce()
    {
        _fake.RespondOnce(r => Messages(r, ChannelA), FakeResponse.RateLimited(2, global: false));

        var send = Client().CreateMessageAsync(ChannelA, "hello", null, CancellationToken.None);
        await _logs.WaitForAsync(e => e.Message.Contains("rate limit (429)", StringComparison.Ordinal));
        await DriveAsync(send);

        var calls = _fake.Requests.Where(r => Messages(r, ChannelA)).ToList();
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(2), "retried before retry_after");
        Assert.All(calls, c => Assert.Equal("hello", c.Json.GetProperty("content").GetString()));
    }

    [Fact]
    public async Task AGlobal429PausesEveryRouteAndNothingIsLost()
    {
        _fake.RespondOnce(r => Messages(r, ChannelA), FakeResponse.RateLimited(3, global: true));
        var client = Client();

        var first = client.CreateMessageAsync(ChannelA, "first", null, CancellationToken.None);
        await _logs.WaitForAsync(e => e.Message.Contains("global rate limit", StringComparison.Ordinal));
        var other = client.CreateMessageAsync(ChannelB, "other", null, CancellationToken.None);
        await DriveAsync(Task.WhenAll(first, other));

        var limited = _fake.Requests.Single(r => r.Status == 429);
        var delivered = _fake.Requests.Where(r => r.Status == 200).ToList();
        Assert.Equal(["first", "other"], delivered.Select(r => r.Json.GetProperty("content").GetString()).Order());
        Assert.All(delivered, r => Assert.True(r.At - limited.At >= TimeSpan.FromSeconds(3), $"{r.Path} went out during the global pause"));
    }

    [Fact]
    public async Task AnExhaustedBucketWaitsForResetAfterWhileOtherChannelsGoOn()
    {
        _fake.RespondOnce(r => Messages(r, ChannelA), new FakeResponse(200, """{"id":"1"}""", new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "5",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset-After"] = "1.5",
            ["X-RateLimit-Bucket"] = "abc",
        }));
        var client = Client();
        await client.CreateMessageAsync(ChannelA, "1", null, CancellationToken.None);
        var start = _time.GetUtcNow();

        var sameChannel = client.CreateMessageAsync(ChannelA, "2", null, CancellationToken.None);
        await client.CreateMessageAsync(ChannelB, "3", null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(sameChannel.IsCompleted);
        await DriveAsync(sameChannel);

        var requests = _fake.Requests;
        Assert.Equal(start, requests.Single(r => Messages(r, ChannelB)).At);
        var a = requests.Where(r => Messages(r, ChannelA)).ToList();
        Assert.Equal(2, a.Count);
        Assert.True(a[1].At - a[0].At >= TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task ServerErrorsAreRetriedWithBackoffThenSucceed()
    {
        _fake.RespondOnce(r => Messages(r, ChannelA), new FakeResponse(502));
        _fake.RespondOnce(r => Messages(r, ChannelA), new FakeResponse(503));

        var result = await Client(TimeProvider.System).CreateMessageAsync(ChannelA, "hello", null, CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal([502, 503, 200], _fake.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task ServerErrorsGiveUpAfterBoundedRetries()
    {
        for (var i = 0; i < 10; i++)
        {
            _fake.RespondOnce(r => Messages(r, ChannelA), new FakeResponse(500));
        }

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => Client(TimeProvider.System).CreateMessageAsync(ChannelA, "hello", null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.Equal(1 + GatewayHarness.FastTimings.MaxServerErrorRetries, _fake.Requests.Count);
    }

    [Fact]
    public async Task UnauthorizedStopsEveryFurtherRequestWithAClearErrorAndNeverLogsTheToken()
    {
        _fake.RespondOnce(_ => true, new FakeResponse(401, """{"message":"401: Unauthorized","code":0}"""));
        var client = Client();

        var first = await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => client.CreateMessageAsync(ChannelA, "hello", null, CancellationToken.None));
        await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => client.TriggerTypingAsync(ChannelB, CancellationToken.None));

        Assert.Contains("Discord:BotToken", first.Message, StringComparison.Ordinal);
        Assert.Single(_fake.Requests);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("Discord:BotToken", StringComparison.Ordinal));
        Assert.DoesNotContain(GatewayHarness.Token, _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClientErrorsCarryDiscordsErrorCode()
    {
        _fake.RespondOnce(_ => true, new FakeResponse(403, """{"message":"Missing Access","code":50001}"""));

        var error = await Assert.ThrowsAsync<DiscordHttpException>(() => Client().CreateMessageAsync(ChannelA, "hello", null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        Assert.Equal(50001, error.DiscordCode);
        Assert.Single(_fake.Requests);
    }

    [Theory]
    [InlineData(403, true)]
    [InlineData(404, true)]
    [InlineData(400, true)]
    [InlineData(500, false)]
    public async Task TheChatSenderMarksRefusalsThatRetriesCannotFixAsPermanent(int status, bool permanent)
    {
        for (var i = 0; i < 10; i++)
        {
            _fake.RespondOnce(_ => true, new FakeResponse(status, """{"message":"no","code":10003}"""));
        }

        var sender = new DiscordChatSender(Client(TimeProvider.System), new DiscordMarkdownFormatter());
        var error = await Assert.ThrowsAsync<ChatSendException>(() => sender.SendAsync(ChannelA, Reply.Text(Language.English, "digest"), CancellationToken.None));

        Assert.Equal(permanent, error.IsPermanent);
        Assert.Equal(Platforms.Discord, sender.Platform);
    }

    [Fact]
    public async Task TheChatSenderPostsALongDigestInPartsThatFitWithNoMentions()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"Absatz {i}: Die Lage wurde am Abend erneut beraten, sagte ein Sprecher @everyone."));
        var sender = new DiscordChatSender(Client(), new DiscordMarkdownFormatter());

        await sender.SendAsync(ChannelA, Reply.Text(Language.German, text), CancellationToken.None);

        var posts = _fake.Requests.Where(r => Messages(r, ChannelA)).ToList();
        Assert.True(posts.Count >= 2);
        Assert.All(posts, p =>
        {
            var content = p.Json.GetProperty("content").GetString()!;
            Assert.InRange(content.Length, 1, 2000);
            Assert.DoesNotContain("@everyone", content, StringComparison.Ordinal);
            Assert.Equal(0, p.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        });
    }
}
