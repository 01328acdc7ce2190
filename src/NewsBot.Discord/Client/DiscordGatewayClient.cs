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

    /// <summary>One WebSocket connection: HELLO, heartbeats, IDENTIFY/RESUME, receive loop.</summary>
    private sealed class Connection(DiscordGatewayClient owner)
    {
        private readonly ClientWebSocket _socket = new();
        private readonly SemaphoreSlim _sendLock = new(1, 1);
        private readonly Queue<DateTimeOffset> _sendTimes = new();
        private readonly CancellationTokenSource _ended = new();
        private GatewayOutcome? _outcome;
        private volatile bool _awaitingAck;

        /// <summary>True once READY or RESUMED arrived: the connection worked, so backoff starts over.</summary>
        public bool Healthy { get; private set; }

        public async Task<GatewayOutcome> RunAsync(string url, bool resume, CancellationToken cancellationToken)
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ended.Token);
            var token = linked.Token;
            Task heartbeat = Task.CompletedTask;
            try
            {
                await _socket.ConnectAsync(new Uri(WithQuery(url)), token);
                var buffer = new ArrayBufferWriter<byte>(16 * 1024);

                using (var helloTimer = new CancellationTokenSource(owner._timings.HelloTimeout, owner._time))
                using (var helloTimeout = CancellationTokenSource.CreateLinkedTokenSource(token, helloTimer.Token))
                {
                    using var hello = await ReceiveAsync(buffer, helloTimeout.Token);
                    if (hello is null)
                    {
                        return FromClose();
                    }

                    if (Op(hello.RootElement) != 10)
                    {
                        return new GatewayOutcome(GatewayNext.Resume, "first frame was not HELLO");
                    }

                    var interval = TimeSpan.FromMilliseconds(hello.RootElement.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
                    heartbeat = HeartbeatLoopAsync(interval, token);
                }

                if (resume)
                {
                    owner.LogResuming(owner.SessionId!, owner._sequence);
                    await SendAsync(new JsonObject
                    {
                        ["op"] = 6,
                        ["d"] = new JsonObject { ["token"] = owner._token, ["session_id"] = owner.SessionId, ["seq"] = owner._sequence },
                    }, token);
                }
                else
                {
                    owner._lastIdentifyAt = owner._time.GetUtcNow();
                    owner.LogIdentifying(owner._intents);
                    await SendAsync(new JsonObject
                    {
                        ["op"] = 2,
                        ["d"] = new JsonObject
                        {
                            ["token"] = owner._token,
                            ["intents"] = owner._intents,
                            ["properties"] = new JsonObject { ["os"] = "linux", ["browser"] = "newsbot", ["device"] = "newsbot" },
                            ["shard"] = new JsonArray(owner.ShardId, owner.ShardCount),
                        },
                    }, token);
                }

                // Shutdown closes with 1000 (the bot goes offline at once) and waits for the server's close frame;
                // cancelling a pending receive would abort the socket before the close could be sent.
                using var onShutdown = cancellationToken.Register(() => _ = CloseForShutdownAsync());
                while (true)
                {
                    using var message = await ReceiveAsync(buffer, _ended.Token);
                    if (message is null)
                    {
                        return cancellationToken.IsCancellationRequested ? new GatewayOutcome(GatewayNext.Shutdown, "shutdown") : FromClose();
                    }

                    if (Handle(message.RootElement) is { } outcome)
                    {
                        await CloseForReconnectAsync(outcome);
                        return outcome;
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, "shutdown");
                return new GatewayOutcome(GatewayNext.Shutdown, "shutdown");
            }
            catch (Exception ex) when (_outcome is not null && ex is OperationCanceledException or WebSocketException or IOException)
            {
                return _outcome;
            }
            catch (OperationCanceledException) when (!_ended.IsCancellationRequested)
            {
                return new GatewayOutcome(GatewayNext.Resume, "no HELLO in time");
            }
            catch (Exception ex) when (ex is WebSocketException or IOException)
            {
                owner.LogDropped(ex);
                return new GatewayOutcome(GatewayNext.Resume, "connection dropped without a close frame");
            }
            finally
            {
                await _ended.CancelAsync();
                try
                {
                    await heartbeat;
                }
                catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
                {
                }

                _socket.Dispose();
                _ended.Dispose();
            }
        }

        /// <summary>Handles one frame; returns an outcome when the connection must end.</summary>
        private GatewayOutcome? Handle(JsonElement frame)
        {
            var data = frame.TryGetProperty("d", out var d) ? d : default;
            switch (Op(frame))
            {
                case 0:
                    if (frame.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
                    {
                        owner._sequence = s.GetInt32();
                    }

                    var type = frame.TryGetProperty("t", out var t) ? t.GetString() ?? "" : "";
                    if (type == "READY")
                    {
                        owner.SessionId = data.GetProperty("session_id").GetString();
                        owner.ResumeGatewayUrl = data.TryGetProperty("resume_gateway_url", out var ru) ? ru.GetString() : null;
                        owner.BotUserId = data.GetProperty("user").GetProperty("id").GetString();
                        owner.ApplicationId = data.TryGetProperty("application", out var app) ? app.GetProperty("id").GetString() : owner.BotUserId;
                        Healthy = true;
                        owner.Status.SetConnected();
                        owner.LogReady(owner.BotUserId);
                    }
                    else if (type == "RESUMED")
                    {
                        Healthy = true;
                        owner.Status.SetConnected();
                        owner.LogResumed(owner._sequence);
                    }

                    // Unbounded: never waits, so the receive loop keeps reading (and answering heartbeats).
                    owner._dispatches.Writer.TryWrite(new GatewayDispatch(type, data.ValueKind == JsonValueKind.Undefined ? default : data.Clone(), owner._sequence));
                    return null;
                case 1:
                    _ = SendHeartbeatSafelyAsync();
                    return null;
                case 7:
                    return new GatewayOutcome(GatewayNext.Resume, "Discord asked to reconnect (op 7)");
                case 9:
                    return data.ValueKind == JsonValueKind.True
                        ? new GatewayOutcome(GatewayNext.Resume, "invalid session (op 9), resumable")
                        : new GatewayOutcome(GatewayNext.Reidentify, "invalid session (op 9), not resumable");
                case 11:
                    _awaitingAck = false;
                    return null;
                default:
                    return null;
            }
        }

        private async Task HeartbeatLoopAsync(TimeSpan interval, CancellationToken cancellationToken)
        {
            // Jitter the first beat so a fleet of reconnecting clients does not beat in step.
            await Task.Delay(interval * Random.Shared.NextDouble(), owner._time, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (_awaitingAck)
                {
                    owner.LogZombie(interval.TotalMilliseconds);
                    await EndAsync(new GatewayOutcome(GatewayNext.Resume, "no heartbeat ACK (zombie connection)"));
                    return;
                }

                _awaitingAck = true;
                await SendHeartbeatAsync(cancellationToken);
                await Task.Delay(interval, owner._time, cancellationToken);
            }
        }

        private Task SendHeartbeatAsync(CancellationToken cancellationToken) =>
            SendAsync(new JsonObject { ["op"] = 1, ["d"] = owner._sequence }, cancellationToken);

        private async Task SendHeartbeatSafelyAsync()
        {
            try
            {
                await SendHeartbeatAsync(_ended.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
            {
                // The connection is ending; the receive loop reports why.
            }
        }

        /// <summary>Ends the connection from outside the receive loop, keeping the session resumable.</summary>
        private async Task EndAsync(GatewayOutcome outcome)
        {
            Interlocked.CompareExchange(ref _outcome, outcome, null);
            await CloseAsync((WebSocketCloseStatus)4000, "reconnecting");
            await _ended.CancelAsync();
        }

        private async Task CloseForShutdownAsync()
        {
            try
            {
                Interlocked.CompareExchange(ref _outcome, new GatewayOutcome(GatewayNext.Shutdown, "shutdown"), null);
                await CloseAsync(WebSocketCloseStatus.NormalClosure, "shutdown");
                await Task.Delay(TimeSpan.FromSeconds(2), owner._time, _ended.Token);
                await _ended.CancelAsync();
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                // The connection ended on its own.
            }
        }

        private async Task CloseForReconnectAsync(GatewayOutcome outcome)
        {
            Interlocked.CompareExchange(ref _outcome, outcome, null);

            // Any code but 1000/1001 keeps the session alive for RESUME; a fresh IDENTIFY does not need it.
            await CloseAsync(outcome.Next == GatewayNext.Reidentify ? WebSocketCloseStatus.NormalClosure : (WebSocketCloseStatus)4000, "reconnecting");
        }

        private async Task CloseAsync(WebSocketCloseStatus status, string description)
        {
            if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            {
                return;
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), owner._time);
            try
            {
                await _sendLock.WaitAsync(timeout.Token);
                try
                {
                    await _socket.CloseOutputAsync(status, description, timeout.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
            {
                _socket.Abort();
            }
        }

        private GatewayOutcome FromClose()
        {
            var code = (int?)_socket.CloseStatus;
            var outcome = FromCloseCode(code, _socket.CloseStatusDescription);
            if (_socket.State == WebSocketState.CloseReceived)
            {
                _ = CloseAsync(WebSocketCloseStatus.NormalClosure, "closing");
            }

            return outcome;
        }

        private async Task SendAsync(JsonObject payload, CancellationToken cancellationToken)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
            if (bytes.Length > MaxOutgoingFrameBytes)
            {
                throw new InvalidOperationException($"Gateway payload of {bytes.Length} bytes exceeds {MaxOutgoingFrameBytes}.");
            }

            await _sendLock.WaitAsync(cancellationToken);
            try
            {
                // Sliding window of send times, under the send lock so the count is exact.
                var now = owner._time.GetUtcNow();
                while (_sendTimes.Count > 0 && now - _sendTimes.Peek() >= SendWindow)
                {
                    _sendTimes.Dequeue();
                }

                if (_sendTimes.Count >= MaxSendsPerWindow)
                {
                    await Task.Delay(_sendTimes.Peek() + SendWindow - now, owner._time, cancellationToken);
                    _sendTimes.Dequeue();
                }

                await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
                _sendTimes.Enqueue(owner._time.GetUtcNow());
            }
            finally
            {
                _sendLock.Release();
            }
        }

        /// <summary>Reads one whole message, however many frames it spans; null when the server closed.</summary>
        private async Task<JsonDocument?> ReceiveAsync(ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
        {
            buffer.ResetWrittenCount();
            while (true)
            {
                var result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                buffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    return JsonDocument.Parse(buffer.WrittenMemory);
                }
            }
        }

        private static int Op(JsonElement frame) => frame.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.Number ? op.GetInt32() : -1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: identifying with intents {Intents}")]
    private partial void LogIdentifying(int intents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: resuming session {SessionId} at sequence {Sequence}")]
    private partial void LogResuming(string sessionId, int? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: ready as user {UserId}")]
    private partial void LogReady(string? userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: resumed at sequence {Sequence}")]
    private partial void LogResumed(int? sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK within {IntervalMs} ms; closing the zombie connection to resume")]
    private partial void LogZombie(double intervalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: {Reason}; will resume (close code {CloseCode})")]
    private partial void LogWillResume(int? closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: {Reason}; identifying anew in {DelayMs} ms (close code {CloseCode})")]
    private partial void LogReidentify(int? closeCode, string reason, double delayMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway stopped for good (close code {CloseCode}): {Reason}. Not reconnecting.")]
    private partial void LogFatal(int? closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: {Failures} reconnects in a row failed; starting a new session")]
    private partial void LogGivingUpResume(int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: reconnect attempt {Failures} after {DelayMs} ms")]
    private partial void LogBackoff(int failures, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: daily IDENTIFY limit reached; waiting {Seconds} s")]
    private partial void LogSessionLimit(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: connecting failed")]
    private partial void LogConnectFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: connection dropped")]
    private partial void LogDropped(Exception exception);
}
