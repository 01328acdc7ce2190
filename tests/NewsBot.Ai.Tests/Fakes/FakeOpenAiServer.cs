using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsBot.Ai.Tests.Fakes;

/// <summary>One request the fake server received.</summary>
public sealed record RecordedRequest(string Path, string? Authorization, JsonNode Body)
{
    /// <summary>Azure's key header.</summary>
    public string? ApiKey { get; init; }

    public string Model => Body["model"]!.GetValue<string>();

    public bool Stream => Body["stream"]?.GetValue<bool>() ?? false;

    public IReadOnlyList<(string Role, string Content)> Messages =>
        Body["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), ContentOf(m!["content"]))).ToList();

    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };
}

/// <summary>What the fake does with the next requests.</summary>
public enum FakeBehavior
{
    Answer,
    ServerError,
    Unauthorized,

    /// <summary>429 with Retry-After: 0, then answers normally.</summary>
    RateLimitedOnce,

    /// <summary>Accepts the request and never answers (until the client gives up).</summary>
    Hang,

    /// <summary>Accepts the request and answers normally once <see cref="FakeOpenAiServer.Release"/> is called.</summary>
    Hold,
}

/// <summary>
/// A loopback OpenAI-compatible chat-completions server (POST /v1/chat/completions) on Kestrel, plain JSON and SSE.
/// By default it behaves like a grounded model: it cites the first numbered source that holds <see cref="Keyword"/>.
/// </summary>
public sealed partial class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _rateLimited;
    private TaskCompletionSource _received = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public FakeBehavior Behavior { get; set; } = FakeBehavior.Answer;

    public string Keyword { get; set; } = "Riad";

    /// <summary>Reasoning the fake emits before the answer, as some local models do.</summary>
    public string? Thinking { get; set; }

    /// <summary>Size of the pieces a streamed answer is cut into.</summary>
    public int ChunkSize { get; set; } = 7;

    /// <summary>The reply to the people pass (its system message asks for "the people named in one news article").</summary>
    public string PeopleReply { get; set; } = "{\"people\":[]}";

    public string BaseUrl { get; private set; } = "";

    /// <summary>Lets held requests (<see cref="FakeBehavior.Hold"/>) answer.</summary>
    public void Release() => _released.TrySetResult();

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync);
        app.MapPost("/api/chat", server.HandleOllamaAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>The answer a grounded model would give for this request.</summary>
    public string AnswerFor(RecordedRequest request)
    {
        if (request.Messages[0].Content.Contains("search terms", StringComparison.Ordinal))
        {
            return "Rubio, Lawrow, Treffen, Riad";
        }

        if (request.Messages[0].Content.Contains("people named in one news article", StringComparison.Ordinal))
        {
            return PeopleReply;
        }

        if (request.Messages[0].Content.Contains("roles in the news", StringComparison.Ordinal))
        {
            // A recognisable "translation" of each numbered role line, in order.
            var lines = request.Messages[^1].Content.Split('\n');
            return string.Join('\n', lines.Select(l => l.Insert(l.IndexOf(". ", StringComparison.Ordinal) + 2, "EN ")));
        }

        var user = request.Messages.Last(m => m.Role == "user").Content;
        foreach (Match source in SourceBlock().Matches(user))
        {
            if (source.Groups["text"].Value.Contains(Keyword, StringComparison.Ordinal))
            {
                return $"Rubio and Lavrov met in Riyadh, Saudi Arabia [{source.Groups["n"].Value}].";
            }
        }

        return "The articles do not say.";
    }

    /// <summary>Waits until a request that matches has been received (and returns it); the timeout is only a safety net.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            var signal = Volatile.Read(ref _received).Task;
            if (_requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await signal.WaitAsync(cts.Token);
        }
    }

    private void Record(RecordedRequest request)
    {
        _requests.Enqueue(request);
        Interlocked.Exchange(ref _received, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }

    [GeneratedRegex("<source n=\"(?<n>\\d+)\"[^>]*>(?<text>.*?)</source>", RegexOptions.Singleline)]
    private static partial Regex SourceBlock();

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var request = new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization.ToString(), body!) { ApiKey = context.Request.Headers["api-key"].ToString() };
        Record(request);

        switch (Behavior)
        {
            case FakeBehavior.ServerError:
                context.Response.StatusCode = 500;
                context.Response.Headers.RetryAfter = "0";
                await context.Response.WriteAsJsonAsync(Error("The server had an error while processing your request.", "server_error"));
                return;
            case FakeBehavior.Unauthorized:
                // Like the real service, echo (part of) the key: the client must not log it.
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(Error($"Incorrect API key provided: {request.Authorization?.Replace("Bearer ", "", StringComparison.Ordinal)}.", "invalid_api_key"));
                return;
            case FakeBehavior.RateLimitedOnce when Interlocked.Exchange(ref _rateLimited, 1) == 0:
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "0";
                await context.Response.WriteAsJsonAsync(Error("Rate limit reached.", "rate_limit_exceeded"));
                return;
            case FakeBehavior.Hold:
                await _released.Task.WaitAsync(context.RequestAborted);
                break;
            case FakeBehavior.Hang:
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                return;
        }

        var answer = (Thinking is null ? "" : $"<think>{Thinking}</think>") + AnswerFor(request);
        if (request.Stream)
        {
            await StreamAsync(context, answer);
        }
        else
        {
            await context.Response.WriteAsJsonAsync(new JsonObject
            {
                ["id"] = "chatcmpl-fake",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = request.Model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
            });
        }
    }

    /// <summary>Ollama's native /api/chat: one JSON object, or newline-delimited JSON when streaming (the default).</summary>
    private async Task HandleOllamaAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var request = new RecordedRequest(context.Request.Path, null, body!);
        Record(request);
        if (Behavior == FakeBehavior.ServerError)
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = "model crashed" });
            return;
        }

        var answer = AnswerFor(request);
        JsonObject Line(string content, bool done) => new()
        {
            ["model"] = request.Model,
            ["created_at"] = "2026-01-01T00:00:00Z",
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
            ["done"] = done,
            ["done_reason"] = done ? "stop" : null,
        };

        context.Response.ContentType = "application/x-ndjson";
        if (request.Body["stream"]?.GetValue<bool>() ?? true)
        {
            for (var i = 0; i < answer.Length; i += ChunkSize)
            {
                await context.Response.WriteAsync(Line(answer.Substring(i, Math.Min(ChunkSize, answer.Length - i)), false).ToJsonString() + "\n");
                await context.Response.Body.FlushAsync();
            }

            await context.Response.WriteAsync(Line("", true).ToJsonString() + "\n");
        }
        else
        {
            await context.Response.WriteAsync(Line(answer, true).ToJsonString() + "\n");
        }
    }

    private async Task StreamAsync(HttpContext context, string answer)
    {
        context.Response.ContentType = "text/event-stream";
        var model = _requests.Last().Model;
        for (var i = 0; i < answer.Length; i += ChunkSize)
        {
            var piece = answer.Substring(i, Math.Min(ChunkSize, answer.Length - i));
            await WriteEventAsync(context, Chunk(model, new JsonObject { ["content"] = piece }, null));
        }

        await WriteEventAsync(context, Chunk(model, new JsonObject(), "stop"));
        await context.Response.WriteAsync("data: [DONE]\n\n");
        await context.Response.Body.FlushAsync();
    }

    private static JsonObject Chunk(string model, JsonObject delta, string? finish) => new()
    {
        ["id"] = "chatcmpl-fake",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_700_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
    };

    private static async Task WriteEventAsync(HttpContext context, JsonObject json)
    {
        await context.Response.WriteAsync("data: " + json.ToJsonString() + "\n\n", Encoding.UTF8);
        await context.Response.Body.FlushAsync();
    }

    private static JsonObject Error(string message, string code) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["type"] = code, ["code"] = code } };
}
