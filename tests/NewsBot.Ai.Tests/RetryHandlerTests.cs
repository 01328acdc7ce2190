using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace NewsBot.Ai.Tests;

public sealed class RetryHandlerTests
{
    [Fact]
    public async Task A_429_is_retried_after_the_servers_Retry_After_on_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        var inner = new ScriptedHandler(RateLimited(TimeSpan.FromSeconds(30)), Ok());
        using var client = Client(inner, time, maxRetries: 2);

        var pending = client.PostAsync("http://127.0.0.1:9/v1/chat/completions", new StringContent("{\"model\":\"m\"}"));
        await inner.Calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(30));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["{\"model\":\"m\"}", "{\"model\":\"m\"}"], inner.Bodies);
    }

    [Fact]
    public async Task A_5xx_is_retried_a_bounded_number_of_times_then_returned()
    {
        var time = new FakeTimeProvider();
        var inner = new ScriptedHandler(Status(HttpStatusCode.BadGateway), Status(HttpStatusCode.ServiceUnavailable), Status(HttpStatusCode.InternalServerError), Ok());
        using var client = Client(inner, time, maxRetries: 2);

        var pending = client.PostAsync("http://127.0.0.1:9/x", new StringContent("{}"));
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await inner.Calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            time.Advance(TimeSpan.FromSeconds(10));
        }

        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(3, inner.Bodies.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task A_refused_key_or_bad_request_is_not_retried(HttpStatusCode status)
    {
        var inner = new ScriptedHandler(Status(status), Ok());
        using var client = Client(inner, new FakeTimeProvider(), maxRetries: 3);

        using var response = await client.PostAsync("http://127.0.0.1:9/x", new StringContent("{}"));

        Assert.Equal(status, response.StatusCode);
        Assert.Single(inner.Bodies);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_time_budget_is_not_waited_for()
    {
        var inner = new ScriptedHandler(RateLimited(TimeSpan.FromMinutes(5)), Ok());
        using var client = Client(inner, new FakeTimeProvider(), maxRetries: 3);

        using var response = await client.PostAsync("http://127.0.0.1:9/x", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(inner.Bodies);
    }

    [Fact]
    public void The_delay_follows_retry_after_ms_then_Retry_After_then_doubles()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        using var handler = new LlmRetryHandler(3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), time, NullLogger.Instance);

        using var ms = RateLimited(TimeSpan.FromSeconds(9));
        ms.Headers.Add("retry-after-ms", "250");
        using var date = Status(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(7));
        using var none = Status(HttpStatusCode.InternalServerError);

        Assert.Equal(TimeSpan.FromMilliseconds(250), handler.RetryDelay(ms, 0));
        Assert.Equal(TimeSpan.FromSeconds(7), handler.RetryDelay(date, 0));
        Assert.Equal(TimeSpan.FromSeconds(1), handler.RetryDelay(none, 0));
        Assert.Equal(TimeSpan.FromSeconds(4), handler.RetryDelay(none, 2));
    }

    private static HttpClient Client(HttpMessageHandler inner, TimeProvider time, int maxRetries) =>
        new(new LlmRetryHandler(maxRetries, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), time, NullLogger.Instance) { InnerHandler = inner });

    private static HttpResponseMessage Ok() => new(HttpStatusCode.OK) { Content = new StringContent("{}") };

    private static HttpResponseMessage Status(HttpStatusCode status) => new(status) { Content = new StringContent("{}") };

    private static HttpResponseMessage RateLimited(TimeSpan retryAfter)
    {
        var response = Status(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(retryAfter);
        return response;
    }

    /// <summary>Answers with the given responses in turn and signals every call.</summary>
    private sealed class ScriptedHandler(params HttpResponseMessage[] responses) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<HttpResponseMessage> _responses = new(responses);
        private readonly ConcurrentQueue<string> _bodies = new();

        public System.Threading.Channels.Channel<int> Calls { get; } = System.Threading.Channels.Channel.CreateUnbounded<int>();

        public IReadOnlyList<string> Bodies => _bodies.ToList();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _bodies.Enqueue(request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken));
            Calls.Writer.TryWrite(_bodies.Count);
            return _responses.TryDequeue(out var next) ? next : Ok();
        }
    }
}
