using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Core.Telemetry;

namespace NewsBot.Discord.Client;

/// <summary>One gateway event (op 0) handed to the adapter.</summary>
public sealed record GatewayDispatch(string Type, JsonElement Data, int? Sequence);

/// <summary>What ends a connection, and what to do next.</summary>
public enum GatewayNext
{
    Resume,
    Reidentify,
    Fatal,
    Shutdown,
}

public sealed record GatewayOutcome(GatewayNext Next, string Reason, int? CloseCode = null);

/// <summary>
/// The Discord gateway (v10, JSON): GET /gateway/bot, HELLO, heartbeats with initial jitter and zombie detection,
/// IDENTIFY or RESUME, op 7/9, close codes, reconnect with exponential backoff and jitter, IDENTIFY spacing.
/// One receive loop per connection; it only parses and hands dispatches to <see cref="Dispatches"/> (unbounded), so
/// command work never holds it up. Sends are serialised, because ClientWebSocket allows one send at a time.
/// </summary>
public sealed partial class DiscordGatewayClient
{
    private const int MaxOutgoingFrameBytes = 4096;

    /// <summary>Discord closes a connection that sends more than 120 frames in 60 s; stay a little below.</summary>
    private const int MaxSendsPerWindow = 115;
    private static readonly TimeSpan SendWindow = TimeSpan.FromSeconds(60);

    private const int MaxFailedResumes = 3;

    private readonly DiscordRestClient _rest;
    private readonly string _token;
    private readonly int _intents;
    private readonly TimeProvider _time;
    private readonly DiscordTimings _timings;
    private readonly ILogger<DiscordGatewayClient> _logger;
    private readonly Channel<GatewayDispatch> _dispatches = Channel.CreateUnbounded<GatewayDispatch>(new UnboundedChannelOptions { SingleReader = true });
    private DateTimeOffset _lastIdentifyAt = DateTimeOffset.MinValue;

    private readonly IdentifyGate? _identifyGate;

    public DiscordGatewayClient(
        DiscordRestClient rest,
        string token,
        int intents,
        TimeProvider time,
        DiscordTimings timings,
        ILogger<DiscordGatewayClient> logger,
        int shardId = 0,
        int shardCount = 1,
        IdentifyGate? identifyGate = null)
    {
        ShardId = shardId;
        ShardCount = shardCount;
        _identifyGate = identifyGate;
        _rest = rest;
        _token = token;
        _intents = intents;
        _time = time;
        _timings = timings;
        _logger = logger;
    }

    public ChannelReader<GatewayDispatch> Dispatches => _dispatches.Reader;

    /// <summary>This connection's shard: sent as <c>[ShardId, ShardCount]</c> with IDENTIFY. DMs arrive on shard 0.</summary>
    public int ShardId { get; }

    public int ShardCount { get; }

    public int Intents => _intents;

    public string? SessionId { get; private set; }

    public string? ResumeGatewayUrl { get; private set; }

    /// <summary>The last sequence number received; sent with heartbeats and RESUME.</summary>
    public int? Sequence => _sequence;

    public string? BotUserId { get; private set; }

    public string? ApplicationId { get; private set; }

    /// <summary>Why the client stopped for good (fatal close code or 401), once it has.</summary>
    public GatewayOutcome? StopReason { get; private set; }

    /// <summary>Connected from READY or RESUMED until the connection ends; read by the readiness check.</summary>
    public PlatformStatus Status { get; } = new(Platforms.Discord);

    // Read by the heartbeat loop, written by the receive loop: -1 stands for "none yet".
    private long _sequenceValue = -1;

    private int? _sequence
    {
        get => Interlocked.Read(ref _sequenceValue) is var v && v >= 0 ? (int)v : null;
        set => Interlocked.Exchange(ref _sequenceValue, value ?? -1);
    }

    /// <summary>Connects and stays connected until cancelled or a fatal close; then completes <see cref="Dispatches"/>.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var resume = SessionId is not null && ResumeGatewayUrl is not null;
                GatewayOutcome outcome;
                var healthy = false;
                try
                {
                    string url;
                    if (resume)
                    {
                        url = ResumeGatewayUrl!;
                    }
                    else
                    {
                        var info = await _rest.GetGatewayBotAsync(cancellationToken);
                        url = info.Url;
                        await WaitForIdentifySlotAsync(info, cancellationToken);
                    }

                    var connection = new Connection(this);
                    outcome = await connection.RunAsync(url, resume, cancellationToken);
                    healthy = connection.Healthy;
                    Status.SetDisconnected("gateway " + outcome.Reason);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
                catch (DiscordUnauthorizedException)
                {
                    outcome = new GatewayOutcome(GatewayNext.Fatal, "Discord rejected the bot token (401); check Discord:BotToken");
                    Status.SetDisconnected("Discord rejected the bot token");
                }
                catch (Exception ex)
                {
                    // Network trouble, a timeout, a 5xx on /gateway/bot or a payload we could not read: back off and try again.
                    LogConnectFailed(ex);
                    outcome = new GatewayOutcome(GatewayNext.Resume, "connection failed");
                    Status.SetDisconnected($"gateway connection failed: {ex.GetType().Name}");
                }

                switch (outcome.Next)
                {
                    case GatewayNext.Shutdown:
                        return;
                    case GatewayNext.Fatal:
                        StopReason = outcome;
                        LogFatal(outcome.CloseCode, outcome.Reason);
                        return;
                    case GatewayNext.Reidentify:
                        ForgetSession();
                        var wait = Between(_timings.InvalidSessionDelayMin, _timings.InvalidSessionDelayMax);
                        LogReidentify(outcome.CloseCode, outcome.Reason, wait.TotalMilliseconds);
                        await Task.Delay(wait, _time, cancellationToken);
                        break;
                    default:
                        LogWillResume(outcome.CloseCode, outcome.Reason);
                        break;
                }

                failures = healthy ? 0 : failures + 1;
                if (failures >= MaxFailedResumes && SessionId is not null)
                {
                    // The resume URL keeps failing: start a new session rather than retry it forever.
                    LogGivingUpResume(failures);
                    ForgetSession();
                }

                if (failures > 0)
                {
                    var backoff = Backoff(failures);
                    LogBackoff(failures, backoff.TotalMilliseconds);
                    await Task.Delay(backoff, _time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _dispatches.Writer.TryComplete();
        }
    }

    /// <summary>Exponential, capped, with jitter in [50 %, 100 %] so many bots do not reconnect in step.</summary>
    internal TimeSpan Backoff(int failures)
    {
        var exponential = _timings.ReconnectBaseDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        var capped = exponential > _timings.ReconnectMaxDelay ? _timings.ReconnectMaxDelay : exponential;
        return capped * (0.5 + (Random.Shared.NextDouble() / 2));
    }

    private static TimeSpan Between(TimeSpan min, TimeSpan max) => min + ((max - min) * Random.Shared.NextDouble());

    private void ForgetSession()
    {
        SessionId = null;
        ResumeGatewayUrl = null;
        _sequence = null;
    }

    private async Task WaitForIdentifySlotAsync(GatewayBotInfo info, CancellationToken cancellationToken)
    {
        if (info.Remaining <= 0 && info.ResetAfter > TimeSpan.Zero)
        {
            LogSessionLimit(info.ResetAfter.TotalSeconds);
            await Task.Delay(info.ResetAfter, _time, cancellationToken);
        }

        var next = _lastIdentifyAt == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : _lastIdentifyAt + _timings.IdentifyInterval;
        var wait = next - _time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }

        if (_identifyGate is not null)
        {
            // Shards of one bot share the IDENTIFY budget of their bucket, across processes.
            await _identifyGate.WaitAsync(ShardId % Math.Max(1, info.MaxConcurrency), cancellationToken);
        }
    }

    private static string WithQuery(string url) => url.TrimEnd('/') + "/?v=10&encoding=json";

    internal static GatewayOutcome FromCloseCode(int? code, string? description) => code switch
    {
        4004 => new(GatewayNext.Fatal, "authentication failed: Discord rejected the bot token; check Discord:BotToken", code),
        4010 => new(GatewayNext.Fatal, "invalid shard sent when identifying", code),
        4011 => new(GatewayNext.Fatal, "sharding required: the bot is in too many guilds for one connection", code),
        4012 => new(GatewayNext.Fatal, "invalid API version", code),
        4013 => new(GatewayNext.Fatal, "invalid intents", code),
        4014 => new(GatewayNext.Fatal, "disallowed intents: enable the privileged Message Content intent in the developer portal, or set Discord:MessageContentIntent=false", code),
        4003 or 4005 or 4007 or 4008 or 4009 => new(GatewayNext.Reidentify, $"closed with {code} ({description})", code),
        _ => new(GatewayNext.Resume, $"closed with {code?.ToString() ?? "no code"} ({description})", code),
    };
}
