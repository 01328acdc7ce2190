using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Telemetry;

namespace NewsBot.Discord.Client;

/// <summary>What GET /gateway/bot tells: where to connect and how many IDENTIFYs are left.</summary>
public sealed record GatewayBotInfo(string Url, int Remaining, TimeSpan ResetAfter, int MaxConcurrency);

/// <summary>
/// Discord's REST API over HttpClient: auth, User-Agent and JSON headers; per-bucket rate limits from the
/// X-RateLimit-* headers (keyed by route and major id, one request at a time per bucket so order is kept);
/// 429 waits retry_after (global ones pause every request); 5xx retried a few times with backoff; 401 stops everything.
/// Logs name route templates only: ids are fine but interaction tokens and the bot token never reach a log.
/// </summary>
public sealed partial class DiscordRestClient
{
    public const string UserAgent = "DiscordBot (https://github.com/newsbot/newsbot, 0.1.0)";

    private const int MaxIdleBuckets = 1000;

    private readonly HttpClient _http;
    private readonly string _token;
    private readonly string _baseUrl;
    private readonly TimeProvider _time;
    private readonly DiscordTimings _timings;
    private readonly ILogger<DiscordRestClient> _logger;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _globalLock = new();
    private DateTimeOffset _globalResetAt = DateTimeOffset.MinValue;
    private volatile bool _unauthorized;

    public DiscordRestClient(HttpClient http, string token, string apiBaseUrl, TimeProvider time, DiscordTimings timings, ILogger<DiscordRestClient> logger)
    {
        _http = http;
        _token = token;
        _baseUrl = apiBaseUrl.TrimEnd('/') + "/";
        _time = time;
        _timings = timings;
        _logger = logger;
    }

    /// <summary>True once Discord refused the token; every later call fails at once.</summary>
    public bool IsUnauthorized => _unauthorized;

    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken)
    {
        var json = await SendAsync(HttpMethod.Get, DiscordRoute.GatewayBot(), null, cancellationToken)
            ?? throw new DiscordHttpException("GET gateway/bot returned no body.");
        var limit = json.TryGetProperty("session_start_limit", out var l) ? l : default;
        return new GatewayBotInfo(
            json.GetProperty("url").GetString() ?? throw new DiscordHttpException("GET gateway/bot returned no url."),
            limit.ValueKind == JsonValueKind.Object && limit.TryGetProperty("remaining", out var r) ? r.GetInt32() : 1,
            limit.ValueKind == JsonValueKind.Object && limit.TryGetProperty("reset_after", out var ra) ? TimeSpan.FromMilliseconds(ra.GetDouble()) : TimeSpan.Zero,
            limit.ValueKind == JsonValueKind.Object && limit.TryGetProperty("max_concurrency", out var mc) ? mc.GetInt32() : 1);
    }

    /// <summary>Sends one request, waiting out rate limits; returns the JSON body, or null for an empty one.</summary>
    public async Task<JsonElement?> SendAsync(HttpMethod method, DiscordRoute route, JsonNode? body, CancellationToken cancellationToken)
    {
        ThrowIfUnauthorized();
        if (_buckets.Count > MaxIdleBuckets)
        {
            PruneIdleBuckets();
        }

        var bucket = _buckets.GetOrAdd($"{method.Method} {route.Template} {route.MajorId}", _ => new Bucket());
        var payload = body?.ToJsonString();
        await bucket.Gate.WaitAsync(cancellationToken);
        try
        {
            var rateLimited = 0;
            var serverErrors = 0;
            while (true)
            {
                await WaitForGlobalAsync(method, route, cancellationToken);
                var bucketWait = bucket.Remaining == 0 ? bucket.ResetAt - _time.GetUtcNow() : TimeSpan.Zero;
                if (bucketWait > TimeSpan.Zero)
                {
                    LogBucketWait(method.Method, route.Template, bucketWait.TotalMilliseconds);
                    await Task.Delay(bucketWait, _time, cancellationToken);
                }

                ThrowIfUnauthorized();
                using var request = new HttpRequestMessage(method, _baseUrl + route.Path);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _token);
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (payload is not null)
                {
                    request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
                }

                using var response = await _http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                UpdateBucket(bucket, response);

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var (retryAfter, global) = ReadRetryAfter(response, text);
                    NewsBotTelemetry.PlatformRateLimited.Add(1, new KeyValuePair<string, object?>("platform", "discord"));
                    if (++rateLimited > _timings.MaxRateLimitRetries)
                    {
                        throw new DiscordHttpException(response.StatusCode, null, $"Discord kept rate-limiting {method.Method} {route.Template}; gave up after {rateLimited - 1} retries.");
                    }

                    NewsBotTelemetry.PlatformRetries.Add(1, new KeyValuePair<string, object?>("platform", "discord"));
                    if (global)
                    {
                        lock (_globalLock)
                        {
                            var until = _time.GetUtcNow() + retryAfter;
                            if (until > _globalResetAt)
                            {
                                _globalResetAt = until;
                            }
                        }

                        LogGlobalRateLimited(method.Method, route.Template, retryAfter.TotalMilliseconds);
                    }
                    else
                    {
                        bucket.Remaining = 0;
                        bucket.ResetAt = _time.GetUtcNow() + retryAfter;
                        LogRouteRateLimited(method.Method, route.Template, retryAfter.TotalMilliseconds);
                    }

                    continue;
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    _unauthorized = true;
                    LogUnauthorized(method.Method, route.Template);
                    throw new DiscordUnauthorizedException();
                }

                if ((int)response.StatusCode >= 500)
                {
                    if (serverErrors < _timings.MaxServerErrorRetries)
                    {
                        var delay = _timings.ServerErrorBaseDelay * Math.Pow(2, serverErrors++);
                        NewsBotTelemetry.PlatformRetries.Add(1, new KeyValuePair<string, object?>("platform", "discord"));
                        LogServerErrorRetry(method.Method, route.Template, (int)response.StatusCode, serverErrors, delay.TotalMilliseconds);
                        await Task.Delay(delay, _time, cancellationToken);
                        continue;
                    }

                    throw new DiscordHttpException(response.StatusCode, null, $"Discord answered {method.Method} {route.Template} with {(int)response.StatusCode} after {serverErrors} retries.");
                }

                if (!response.IsSuccessStatusCode)
                {
                    var (code, message) = ReadError(text);
                    LogClientError(method.Method, route.Template, (int)response.StatusCode, code, message);
                    throw new DiscordHttpException(response.StatusCode, code, $"Discord answered {method.Method} {route.Template} with {(int)response.StatusCode}: {message}");
                }

                if (string.IsNullOrWhiteSpace(text))
                {
                    return null;
                }

                using var document = JsonDocument.Parse(text);
                return document.RootElement.Clone();
            }
        }
        finally
        {
            bucket.Gate.Release();
        }
    }

    /// <summary>Every interaction has its own webhook buckets; forget those that are idle and past their reset.</summary>
    private void PruneIdleBuckets()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.Gate.CurrentCount == 1 && bucket.ResetAt <= now)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private void ThrowIfUnauthorized()
    {
        if (_unauthorized)
        {
            throw new DiscordUnauthorizedException();
        }
    }

    private async Task WaitForGlobalAsync(HttpMethod method, DiscordRoute route, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_globalLock)
            {
                wait = _globalResetAt - _time.GetUtcNow();
            }

            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            LogGlobalWait(method.Method, route.Template, wait.TotalMilliseconds);
            await Task.Delay(wait, _time, cancellationToken);
        }
    }

    private void UpdateBucket(Bucket bucket, HttpResponseMessage response)
    {
        if (TryHeader(response, "X-RateLimit-Remaining") is { } remaining && int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r))
        {
            bucket.Remaining = r;
        }

        if (TryHeader(response, "X-RateLimit-Reset-After") is { } resetAfter && double.TryParse(resetAfter, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            bucket.ResetAt = _time.GetUtcNow() + TimeSpan.FromSeconds(seconds);
        }
    }

    private static (TimeSpan RetryAfter, bool Global) ReadRetryAfter(HttpResponseMessage response, string body)
    {
        double? seconds = null;
        var global = string.Equals(TryHeader(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("retry_after", out var ra) && ra.ValueKind == JsonValueKind.Number)
                {
                    seconds = ra.GetDouble();
                }

                if (root.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True)
                {
                    global = true;
                }
            }
        }
        catch (JsonException)
        {
            // Cloudflare's HTML 429 page: fall back to the headers.
        }

        if (seconds is null && TryHeader(response, "Retry-After") is { } header && double.TryParse(header, NumberStyles.Float, CultureInfo.InvariantCulture, out var h))
        {
            seconds = h;
        }

        return (TimeSpan.FromSeconds(Math.Clamp(seconds ?? 1, 0, 3600)), global);
    }

    private static (int? Code, string Message) ReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : (int?)null;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, "(no JSON error body)");
        }
    }

    private static string? TryHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed class Bucket
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int? Remaining { get; set; }

        public DateTimeOffset ResetAt { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord bucket for {Method} {Route} exhausted; waiting {DelayMs} ms")]
    private partial void LogBucketWait(string method, string route, double delayMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord global rate limit active; {Method} {Route} waits {DelayMs} ms")]
    private partial void LogGlobalWait(string method, string route, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord global rate limit (429) on {Method} {Route}; pausing all requests for {DelayMs} ms")]
    private partial void LogGlobalRateLimited(string method, string route, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord rate limit (429) on {Method} {Route}; retrying in {DelayMs} ms")]
    private partial void LogRouteRateLimited(string method, string route, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord answered {Method} {Route} with {Status}; retry {Attempt} in {DelayMs} ms")]
    private partial void LogServerErrorRetry(string method, string route, int status, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord rejected the bot token (401) on {Method} {Route}; check Discord:BotToken. No further Discord requests are sent.")]
    private partial void LogUnauthorized(string method, string route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord answered {Method} {Route} with {Status} (code {Code}): {Message}")]
    private partial void LogClientError(string method, string route, int status, int? code, string message);
}
