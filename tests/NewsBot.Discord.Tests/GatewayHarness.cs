using NewsBot.Discord.Client;
using NewsBot.Discord.Tests.Fakes;

namespace NewsBot.Discord.Tests;

/// <summary>The real REST and gateway clients pointed at a <see cref="FakeDiscord"/>, with short waits.</summary>
internal sealed class GatewayHarness : IAsyncDisposable
{
    public const string Token = "bot-token-NEVER-LOG-ME";

    public static readonly DiscordTimings FastTimings = new()
    {
        IdentifyInterval = TimeSpan.FromMilliseconds(20),
        InvalidSessionDelayMin = TimeSpan.FromMilliseconds(5),
        InvalidSessionDelayMax = TimeSpan.FromMilliseconds(20),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        HelloTimeout = TimeSpan.FromSeconds(5),
        ServerErrorBaseDelay = TimeSpan.FromMilliseconds(10),
    };

    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new();

    private GatewayHarness(FakeDiscord fake, int intents)
    {
        Fake = fake;
        Rest = new DiscordRestClient(_http, Token, fake.ApiBaseUrl, TimeProvider.System, FastTimings, Logs.For<DiscordRestClient>());
        Gateway = new DiscordGatewayClient(Rest, Token, intents, TimeProvider.System, FastTimings, Logs.For<DiscordGatewayClient>());
        Run = Gateway.RunAsync(_stop.Token);
    }

    public FakeDiscord Fake { get; }

    public LogCapture Logs { get; } = new();

    public DiscordRestClient Rest { get; }

    public DiscordGatewayClient Gateway { get; }

    public Task Run { get; }

    public static async Task<GatewayHarness> StartAsync(int intents = GatewayIntents.Default, Action<FakeDiscord>? configure = null)
    {
        var fake = await FakeDiscord.StartAsync();
        configure?.Invoke(fake);
        return new GatewayHarness(fake, intents);
    }

    /// <summary>Accepts the first connection, checks IDENTIFY, sends READY (in frames) and one event, and waits until the client read it.</summary>
    public async Task<FakeGatewayConnection> ConnectAndReadyAsync()
    {
        var connection = await Fake.NextConnectionAsync();
        await connection.ReceiveOpAsync(2);
        await connection.SendReadyAsync(Fake.ResumeUrl, sequence: 1);
        await connection.SendDispatchAsync("MESSAGE_CREATE", """{"id":"1","channel_id":"2","content":"hi","author":{"id":"3"}}""", 2);
        await NextDispatchAsync("MESSAGE_CREATE");
        return connection;
    }

    public async Task<GatewayDispatch> NextDispatchAsync(string type)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var dispatch = await Gateway.Dispatches.ReadAsync(cts.Token);
            if (dispatch.Type == type)
            {
                return dispatch;
            }
        }
    }

    public Task StopAsync() => _stop.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Run.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        await Fake.DisposeAsync();
        _stop.Dispose();
    }
}
