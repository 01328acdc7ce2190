using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsBot.Discord.Tests.Fakes;

/// <summary>One REST call the fake received.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? UserAgent, string? ContentType, string Body, DateTimeOffset At, int Status)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>What the fake answered (a created message's id is in it).</summary>
    public string ResponseBody { get; init; } = "";

    public override string ToString() => $"{Method} {Path} -> {Status}";
}

/// <summary>A scripted REST answer.</summary>
public sealed record FakeResponse(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeResponse RateLimited(double retryAfterSeconds, bool global) => new(
        429,
        $$"""{"message":"You are being rate limited.","retry_after":{{retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":{{(global ? "true" : "false")}}}""",
        new Dictionary<string, string>
        {
            ["X-RateLimit-Scope"] = global ? "global" : "user",
            ["X-RateLimit-Global"] = global ? "true" : "false",
        });
}

/// <summary>
/// A loopback Discord: GET /gateway/bot points at its own WebSocket, which sends HELLO and lets a test script the rest
/// (READY across frames, withheld ACKs, op 7, op 9, close codes); REST routes answer like Discord and record every call.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<FakeGatewayConnection> _connections = Channel.CreateUnbounded<FakeGatewayConnection>();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(Func<RecordedRequest, bool> Match, FakeResponse Response)> _scripted = [];
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _messageIds = 1000;
    private int _connectionCount;

    private FakeDiscord(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Times recorded on each request; a FakeTimeProvider makes waits visible without a clock.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public int HeartbeatIntervalMs { get; set; } = 45_000;

    /// <summary>Whether new connections answer heartbeats with op 11.</summary>
    public bool AutoAck { get; set; } = true;

    public string BaseUrl { get; private set; } = "";

    public string ApiBaseUrl => BaseUrl + "/api/v10";

    public string GatewayUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/gw";

    public string ResumeUrl => BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal) + "/resume";

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return _requests.ToList();
            }
        }
    }

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (context.WebSockets.IsWebSocketRequest && (path.StartsWith("/gw", StringComparison.Ordinal) || path.StartsWith("/resume", StringComparison.Ordinal)))
            {
                await fake.AcceptGatewayAsync(context, path.StartsWith("/resume", StringComparison.Ordinal) ? "resume" : "gateway");
                return;
            }

            await next(context);
        });
        app.Map("/api/v10/{**route}", fake.HandleRestAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First().TrimEnd('/');
        return fake;
    }

    /// <summary>The next time a request matches, answer with this instead (once).</summary>
    public void RespondOnce(Func<RecordedRequest, bool> match, FakeResponse response)
    {
        lock (_lock)
        {
            _scripted.Add((match, response));
        }
    }

    public async Task<FakeGatewayConnection> NextConnectionAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _connections.Reader.ReadAsync(cts.Token);
    }

    /// <summary>Waits until the recorded requests satisfy a condition; returns them.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(Func<IReadOnlyList<RecordedRequest>, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = Task.Delay(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                var snapshot = _requests.ToList();
                if (condition(snapshot))
                {
                    return snapshot;
                }

                changed = _changed.Task;
            }

            if (await Task.WhenAny(changed, deadline) == deadline)
            {
                throw new TimeoutException("Expected requests did not arrive. Got: " + string.Join(", ", Requests));
            }
        }
    }

    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null) =>
        WaitForRequestsAsync(r => r.Any(match), timeout).ContinueWith(t => t.Result.First(match), TaskScheduler.Default);

    private async Task AcceptGatewayAsync(HttpContext context, string kind)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref _connectionCount);
        var connection = new FakeGatewayConnection(socket, kind, context.Request.QueryString.Value ?? "") { AutoAck = AutoAck };
        await connection.SendAsync($$"""{"op":10,"d":{"heartbeat_interval":{{HeartbeatIntervalMs}}},"s":null,"t":null}""");
        _connections.Writer.TryWrite(connection);
        await connection.RunAsync(context.RequestAborted);
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        var route = (string?)context.Request.RouteValues["route"] ?? "";
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var request = new RecordedRequest(
            context.Request.Method,
            route,
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.Headers.UserAgent.FirstOrDefault(),
            context.Request.ContentType,
            body,
            Clock.GetUtcNow(),
            0);

        FakeResponse? response = null;
        lock (_lock)
        {
            var index = _scripted.FindIndex(s => s.Match(request));
            if (index >= 0)
            {
                response = _scripted[index].Response;
                _scripted.RemoveAt(index);
            }
        }

        response ??= DefaultResponse(request);
        lock (_lock)
        {
            _requests.Add(request with { Status = response.Status, ResponseBody = response.Body });
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(response.Body);
        }
    }

    private FakeResponse DefaultResponse(RecordedRequest request)
    {
        var parts = request.Path.Split('/');
        return (request.Method, parts) switch
        {
            ("GET", ["gateway", "bot"]) => new(200, $$$"""{"url":"{{{GatewayUrl}}}","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":1}}"""),
            ("POST", ["channels", var channel, "messages"]) => new(200, $$"""{"id":"{{Interlocked.Increment(ref _messageIds)}}","channel_id":"{{channel}}"}"""),
            ("PATCH", ["channels", var channel, "messages", var message]) => new(200, $$"""{"id":"{{message}}","channel_id":"{{channel}}"}"""),
            ("DELETE", ["channels", _, "messages", _]) => new(204),
            ("POST", ["channels", _, "typing"]) => new(204),
            ("POST", ["interactions", _, _, "callback"]) => new(204),
            ("PATCH", ["webhooks", _, _, "messages", "@original"]) => new(200, $$"""{"id":"{{Interlocked.Increment(ref _messageIds)}}"}"""),
            ("DELETE", ["webhooks", _, _, "messages", "@original"]) => new(204),
            ("POST", ["webhooks", _, _]) => new(200, $$"""{"id":"{{Interlocked.Increment(ref _messageIds)}}"}"""),
            ("PUT", ["applications", ..]) => new(200, request.Body),
            _ => new(404, """{"message":"Unknown route","code":0}"""),
        };
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>One gateway connection as the server sees it.</summary>
public sealed class FakeGatewayConnection(WebSocket socket, string kind, string query)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Channel<JsonElement> _frames = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<JsonElement> _heartbeats = new();

    /// <summary>"gateway" (the url from /gateway/bot) or "resume" (resume_gateway_url).</summary>
    public string Kind => kind;

    public string Query => query;

    public bool AutoAck { get; set; }

    /// <summary>The close code the client sent (null: it dropped without one).</summary>
    public Task<int?> Closed => _closed.Task;

    public IReadOnlyCollection<JsonElement> Heartbeats => _heartbeats;

    public async Task SendAsync(string json)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends one message as several WebSocket frames.</summary>
    public async Task SendInFramesAsync(string json, int frames)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var size = (bytes.Length + frames - 1) / frames;
        await _sendLock.WaitAsync();
        try
        {
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                var count = Math.Min(size, bytes.Length - offset);
                await socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, offset + count >= bytes.Length, CancellationToken.None);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendDispatchAsync(string type, string dataJson, int sequence) =>
        SendAsync($$"""{"op":0,"t":"{{type}}","s":{{sequence}},"d":{{dataJson}}}""");

    public Task SendReadyAsync(string resumeUrl, string sessionId = "session-1", string botUserId = FakeIds.Bot, string applicationId = FakeIds.Application, int sequence = 1, int frames = 3) =>
        SendInFramesAsync(
            $$$"""{"op":0,"t":"READY","s":{{{sequence}}},"d":{"v":10,"session_id":"{{{sessionId}}}","resume_gateway_url":"{{{resumeUrl}}}","user":{"id":"{{{botUserId}}}","username":"NewsBot","bot":true},"application":{"id":"{{{applicationId}}}","flags":0},"guilds":[],"padding":"{{{new string('x', 3000)}}}"}}""",
            frames);

    public async Task CloseAsync(int code)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "scripted", CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The next frame with this op (others are skipped; heartbeats are kept in <see cref="Heartbeats"/>).</summary>
    public async Task<JsonElement> ReceiveOpAsync(int op, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var frame = await _frames.Reader.ReadAsync(cts.Token);
            if (frame.GetProperty("op").GetInt32() == op)
            {
                return frame;
            }
        }
    }

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, cancellationToken);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _closed.TrySetResult((int?)result.CloseStatus);
                        if (socket.State == WebSocketState.CloseReceived)
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                        }

                        _frames.Writer.TryComplete();
                        return;
                    }

                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                var frame = JsonDocument.Parse(message.ToArray()).RootElement.Clone();
                if (frame.GetProperty("op").GetInt32() == 1)
                {
                    _heartbeats.Enqueue(frame);
                    if (AutoAck)
                    {
                        await SendAsync("""{"op":11}""");
                    }
                }

                _frames.Writer.TryWrite(frame);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            _closed.TrySetResult(null);
            _frames.Writer.TryComplete();
        }
    }
}

public static class FakeIds
{
    public const string Bot = "900000000000000001";
    public const string Application = "900000000000000002";
    public const string Guild = "900000000000000003";
    public const string Channel = "900000000000000004";
    public const string User = "900000000000000005";
}
