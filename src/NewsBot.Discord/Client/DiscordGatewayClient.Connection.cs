using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Core.Telemetry;

namespace NewsBot.Discord.Client;

public sealed partial class DiscordGatewayClient
{
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
}
