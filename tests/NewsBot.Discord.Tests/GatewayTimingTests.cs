using Microsoft.Extensions.Time.Testing;
using NewsBot.Discord.Client;
using NewsBot.Discord.Tests.Fakes;

namespace NewsBot.Discord.Tests;

/// <summary>Gateway waits measured on fake time: IDENTIFY spacing and the daily session start limit.</summary>
public sealed class GatewayTimingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new();
    private readonly DiscordTimings _timings = new() { HelloTimeout = TimeSpan.FromHours(1) };
    private LogCapture _logs = null!;
    private FakeDiscord _fake = null!;
    private DiscordGatewayClient _gateway = null!;
    private Task _run = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _logs = new LogCapture(_time);
        _fake = await FakeDiscord.StartAsync();
        _fake.Clock = _time;
    }

    private void Start()
    {
        var rest = new DiscordRestClient(_http, GatewayHarness.Token, _fake.ApiBaseUrl, _time, _timings, _logs.For<DiscordRestClient>());
        _gateway = new DiscordGatewayClient(rest, GatewayHarness.Token, GatewayIntents.Default, _time, _timings, _logs.For<DiscordGatewayClient>());
        _run = _gateway.RunAsync(_stop.Token);
    }

    /// <summary>Advances fake time in small steps until the task completes.</summary>
    private async Task<T> DriveAsync<T>(Task<T> work)
    {
        for (var i = 0; i < 2000 && !work.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(work, Task.Delay(5));
        }

        return await work.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private IReadOnlyList<DateTimeOffset> IdentifyTimes() =>
        _logs.Entries.Where(e => e.Message.Contains("identifying with intents", StringComparison.Ordinal)).Select(e => e.At).ToList();

    [Fact]
    public async Task IdentifiesAreAtLeastFiveSecondsApart()
    {
        Start();
        var first = await DriveAsync(_fake.NextConnectionAsync());
        await first.ReceiveOpAsync(2);
        await first.SendReadyAsync(_fake.ResumeUrl);

        await first.CloseAsync(4007);
        var second = await DriveAsync(_fake.NextConnectionAsync(TimeSpan.FromSeconds(15)));
        await second.ReceiveOpAsync(2);

        var times = IdentifyTimes();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= _timings.IdentifyInterval, $"identified again after {times[1] - times[0]}");
    }

    [Fact]
    public async Task AnExhaustedSessionStartLimitIsWaitedOut()
    {
        var start = _time.GetUtcNow();
        _fake.RespondOnce(
            r => r.Path == "gateway/bot",
            new FakeResponse(200, $$$"""{"url":"{{{_fake.GatewayUrl}}}","shards":1,"session_start_limit":{"total":1000,"remaining":0,"reset_after":30000,"max_concurrency":1}}"""));
        Start();

        var connection = await DriveAsync(_fake.NextConnectionAsync(TimeSpan.FromSeconds(15)));
        await connection.ReceiveOpAsync(2);

        Assert.True(IdentifyTimes().Single() - start >= TimeSpan.FromSeconds(30));
        Assert.Contains(_logs.Entries, e => e.Message.Contains("IDENTIFY limit", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        await _fake.DisposeAsync();
        _stop.Dispose();
    }
}
