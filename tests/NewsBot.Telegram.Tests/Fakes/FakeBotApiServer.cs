using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsBot.Telegram.Tests.Fakes;

/// <summary>One request the bot made, in arrival order, with the status the fake answered.</summary>
public sealed record ApiCall(int Sequence, string Method, JsonObject Body, int StatusCode)
{
    public bool Succeeded => StatusCode == 200;

    public long? ChatId => Body["chat_id"] is JsonValue v
        ? v.TryGetValue<long>(out var id) ? id : long.TryParse(v.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null
        : null;

    public string? Text => Body["text"]?.GetValue<string>();

    public string? ParseMode => Body["parse_mode"]?.GetValue<string>();

    public int? ReplyToMessageId => Body["reply_parameters"]?["message_id"]?.GetValue<int>();

    public int? MessageId => Body["message_id"]?.GetValue<int>();

    /// <summary>The message id the fake assigned to a sent message.</summary>
    public int? SentMessageId { get; init; }
}

/// <summary>
/// A loopback Telegram Bot API for tests, driven through the real Telegram.Bot client: getMe, getUpdates (offset,
/// confirmation, long poll that returns as soon as an update is pushed), sendMessage, editMessageText, sendChatAction,
/// setMyCommands, setWebhook, deleteWebhook, getChatMember. Errors (401, 409, 429 with retry_after, 400, dropped
/// connections) are injected on demand. Every call is recorded.
/// </summary>
public sealed class FakeBotApiServer : IAsyncDisposable
{
    public const long BotId = 7700123456;
    public const string BotUsername = "NewsTestBot";
    public const string Token = "7700123456:AAFakeTokenForTests_abcdefghijklmnop-XYZ";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<ApiCall> _calls = [];
    private readonly List<JsonObject> _updates = [];
    private readonly Dictionary<string, Queue<Failure>> _failNext = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Method, int Nth), Failure> _failAt = [];
    private readonly Dictionary<string, int> _methodCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _holdNext = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();
    private int _confirmedBelow;
    private int _nextUpdateId = 1;
    private int _nextMessageId = 5000;

    private FakeBotApiServer(WebApplication app)
    {
        _app = app;
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>(chat, user) pairs getChatMember reports as the group's creator.</summary>
    public HashSet<(long Chat, long User)> Admins { get; } = [];

    /// <summary>When true every method answers 401 Unauthorized, like Telegram for a revoked token.</summary>
    public bool RejectToken { get; set; }

    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    public static async Task<FakeBotApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeBotApiServer(app);
        app.MapPost("/bot{token}/{method}", server.HandleAsync);
        app.MapGet("/bot{token}/{method}", server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    public IEnumerable<ApiCall> CallsOf(string method) => Calls.Where(c => c.Method == method);

    /// <summary>The successful sendMessage calls to one chat, in the order the server received them.</summary>
    public IReadOnlyList<ApiCall> MessagesTo(long chatId) => CallsOf("sendMessage").Where(c => c.Succeeded && c.ChatId == chatId).ToList();

    /// <summary>Queues a text message from a user and returns its update id (the message id is 100 + update id).</summary>
    public int PushMessage(long chatId, string text, long userId = 42, string chatType = "private", string? languageCode = "en", int? replyToMessageId = null, long? replyToUserId = null, JsonArray? entities = null)
    {
        lock (_gate)
        {
            var updateId = _nextUpdateId++;
            var message = new JsonObject
            {
                ["message_id"] = 100 + updateId,
                ["date"] = 1_760_000_000 + updateId,
                ["chat"] = chatType == "private"
                    ? new JsonObject { ["id"] = chatId, ["type"] = chatType, ["first_name"] = "Ada" }
                    : new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = "Test group" },
                ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Ada", ["username"] = "ada" + userId, ["language_code"] = languageCode },
                ["text"] = text,
            };
            if (entities is not null)
            {
                message["entities"] = entities;
            }
            else if (text.StartsWith('/'))
            {
                var end = text.IndexOf(' ', StringComparison.Ordinal);
                message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = end < 0 ? text.Length : end });
            }

            if (replyToMessageId is int replyTo)
            {
                var fromBot = replyToUserId is null or BotId;
                message["reply_to_message"] = new JsonObject
                {
                    ["message_id"] = replyTo,
                    ["date"] = 1_760_000_000,
                    ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType },
                    ["from"] = fromBot
                        ? new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "News", ["username"] = BotUsername }
                        : new JsonObject { ["id"] = replyToUserId, ["is_bot"] = false, ["first_name"] = "Bob" },
                    ["text"] = "earlier message",
                };
            }

            _updates.Add(new JsonObject { ["update_id"] = updateId, ["message"] = message });
            Signal();
            return updateId;
        }
    }

    /// <summary>Queues a press of an inline keyboard button under one of the bot's messages; returns the update id.</summary>
    public int PushCallbackQuery(long chatId, int messageId, string data, long userId = 42, string? languageCode = "en")
    {
        lock (_gate)
        {
            var updateId = _nextUpdateId++;
            _updates.Add(new JsonObject
            {
                ["update_id"] = updateId,
                ["callback_query"] = new JsonObject
                {
                    ["id"] = "cbq-" + updateId,
                    ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Ada", ["username"] = "ada" + userId, ["language_code"] = languageCode },
                    ["message"] = new JsonObject
                    {
                        ["message_id"] = messageId,
                        ["date"] = 1_760_000_000,
                        ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "supergroup" : "private" },
                        ["from"] = BotUser(),
                        ["text"] = "answer",
                    },
                    ["chat_instance"] = "ci-" + chatId,
                    ["data"] = data,
                },
            });
            Signal();
            return updateId;
        }
    }

    /// <summary>The JSON Telegram would post to a webhook for a private text message.</summary>
    public static string WebhookUpdateJson(int updateId, long chatId, string text) => new JsonObject
    {
        ["update_id"] = updateId,
        ["message"] = new JsonObject
        {
            ["message_id"] = 100 + updateId,
            ["date"] = 1_760_000_000,
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = "private" },
            ["from"] = new JsonObject { ["id"] = chatId, ["is_bot"] = false, ["first_name"] = "Ada", ["language_code"] = "en" },
            ["text"] = text,
        },
    }.ToJsonString();

    /// <summary>The next <paramref name="times"/> calls of a method fail with this Bot API error.</summary>
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null, int times = 1)
    {
        lock (_gate)
        {
            if (!_failNext.TryGetValue(method, out var queue))
            {
                _failNext[method] = queue = new Queue<Failure>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(new Failure(errorCode, description, retryAfter));
            }
        }
    }

    /// <summary>Forgets the failures still queued by <see cref="FailNext"/> (the outage is over).</summary>
    public void ClearFailures()
    {
        lock (_gate)
        {
            _failNext.Clear();
        }
    }

    /// <summary>The <paramref name="nth"/> call (1-based, counted from server start) of a method fails.</summary>
    public void FailAt(string method, int nth, int errorCode, string description, int? retryAfter = null)
    {
        lock (_gate)
        {
            _failAt[(method, nth)] = new Failure(errorCode, description, retryAfter);
        }
    }

    /// <summary>The next calls of a method lose their connection without an answer (a network error for the client).</summary>
    public void DropNext(string method, int times = 1)
    {
        lock (_gate)
        {
            if (!_failNext.TryGetValue(method, out var queue))
            {
                _failNext[method] = queue = new Queue<Failure>();
            }

            for (var i = 0; i < times; i++)
            {
                queue.Enqueue(new Failure(0, "drop", null));
            }
        }
    }

    /// <summary>
    /// The next successful call of a method is recorded at once but answered only when the returned signal is set, as
    /// when Telegram is slow: the client is left waiting for its response.
    /// </summary>
    public TaskCompletionSource HoldNext(string method)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _holdNext[method] = release;
        }

        return release;
    }

    /// <summary>Makes confirmed updates deliverable again, as if the bot had died before its next getUpdates confirmed them.</summary>
    public void ForgetConfirmations()
    {
        lock (_gate)
        {
            _confirmedBelow = 0;
        }
    }

    /// <summary>Waits, without sleeping, until the recorded calls satisfy the condition.</summary>
    public async Task<IReadOnlyList<ApiCall>> WaitForAsync(Func<IReadOnlyList<ApiCall>, bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_calls))
                {
                    return _calls.ToList();
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Condition not met; calls so far: {string.Join(", ", Calls.Select(c => $"{c.Method}:{c.StatusCode}"))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var body = await ReadBodyAsync(context.Request);
        Failure? failure = null;
        int nth;
        lock (_gate)
        {
            nth = _methodCounts[method] = _methodCounts.GetValueOrDefault(method) + 1;
            if (token != Token || RejectToken)
            {
                failure = new Failure(401, "Unauthorized", null);
            }
            else if (_failAt.Remove((method, nth), out var at))
            {
                failure = at;
            }
            else if (_failNext.TryGetValue(method, out var queue) && queue.Count > 0)
            {
                failure = queue.Dequeue();
            }
        }

        if (failure is { ErrorCode: 0 })
        {
            Record(method, body, 0);
            context.Abort();
            return;
        }

        if (failure is { } f)
        {
            Record(method, body, f.ErrorCode);
            await WriteAsync(context, f.ErrorCode, new JsonObject
            {
                ["ok"] = false,
                ["error_code"] = f.ErrorCode,
                ["description"] = f.Description,
                ["parameters"] = f.RetryAfter is int after ? new JsonObject { ["retry_after"] = after } : null,
            });
            return;
        }

        if (method == "getUpdates")
        {
            await GetUpdatesAsync(context, body);
            return;
        }

        JsonNode result;
        int? sentId = null;
        switch (method)
        {
            case "getMe":
                result = BotUser();
                break;
            case "sendMessage":
                sentId = Interlocked.Increment(ref _nextMessageId);
                result = SentMessage(body, sentId.Value);
                break;
            case "editMessageText":
                result = SentMessage(body, body["message_id"]!.GetValue<int>());
                break;
            case "getChatMember":
                var user = body["user_id"]!.GetValue<long>();
                bool admin;
                lock (_gate)
                {
                    admin = Admins.Contains((new ApiCall(0, "", body, 0).ChatId ?? 0, user));
                }

                result = new JsonObject
                {
                    ["status"] = admin ? "creator" : "member",
                    ["user"] = new JsonObject { ["id"] = user, ["is_bot"] = false, ["first_name"] = "Ada" },
                    ["is_anonymous"] = admin ? false : null,
                };
                break;
            case "editMessageReplyMarkup":
                result = SentMessage(body, body["message_id"]!.GetValue<int>());
                break;
            case "sendChatAction" or "setMyCommands" or "setWebhook" or "deleteWebhook" or "answerCallbackQuery":
                result = true;
                break;
            default:
                Record(method, body, 404);
                await WriteAsync(context, 404, new JsonObject { ["ok"] = false, ["error_code"] = 404, ["description"] = "Not Found: method not found" });
                return;
        }

        Record(method, body, 200, sentId);
        TaskCompletionSource? hold;
        lock (_gate)
        {
            _holdNext.Remove(method, out hold);
        }

        if (hold is not null)
        {
            try
            {
                await hold.Task.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up waiting
            }
        }

        await WriteAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = result });
    }

    private async Task GetUpdatesAsync(HttpContext context, JsonObject body)
    {
        var offset = body["offset"]?.GetValue<int>();
        var limit = body["limit"]?.GetValue<int>() ?? 100;
        var timeout = TimeSpan.FromSeconds(body["timeout"]?.GetValue<int>() ?? 0);
        Record("getUpdates", body, 200);
        using var expired = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        expired.CancelAfter(timeout);
        while (true)
        {
            Task changed;
            JsonObject[] batch;
            lock (_gate)
            {
                if (offset is int o && o > _confirmedBelow)
                {
                    _confirmedBelow = o; // Telegram forgets confirmed updates
                }

                batch = _updates.Where(u => u["update_id"]!.GetValue<int>() >= _confirmedBelow).Take(limit).Select(u => (JsonObject)u.DeepClone()).ToArray();
                changed = _changed.Task;
            }

            if (batch.Length > 0 || expired.IsCancellationRequested)
            {
                await WriteAsync(context, 200, new JsonObject { ["ok"] = true, ["result"] = new JsonArray(batch) });
                return;
            }

            try
            {
                await changed.WaitAsync(expired.Token);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                // Long-poll timeout: answer with an empty list on the next turn.
            }
        }
    }

    private void Record(string method, JsonObject body, int status, int? sentId = null)
    {
        lock (_gate)
        {
            _calls.Add(new ApiCall(_calls.Count + 1, method, body, status) { SentMessageId = sentId });
            Signal();
        }
    }

    private void Signal()
    {
        var old = _changed;
        _changed = NewSignal();
        old.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static JsonObject BotUser() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = "News",
        ["username"] = BotUsername,
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    private static JsonObject SentMessage(JsonObject body, int messageId)
    {
        var chatId = new ApiCall(0, "", body, 0).ChatId ?? 0;
        return new JsonObject
        {
            ["message_id"] = messageId,
            ["date"] = 1_760_000_000,
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "supergroup" : "private" },
            ["from"] = BotUser(),
            ["text"] = body["text"]?.GetValue<string>() ?? "",
        };
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var obj = new JsonObject();
            foreach (var (key, value) in form)
            {
                obj[key] = value.ToString();
            }

            return obj;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text)!.AsObject();
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject payload)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(payload.ToJsonString());
    }

    private sealed record Failure(int ErrorCode, string Description, int? RetryAfter);
}
