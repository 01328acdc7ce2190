using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace NewsBot.Ai;

/// <summary>
/// Retries a model request answered with 429 or 5xx a bounded number of times, waiting as the server's
/// Retry-After says (or backing off exponentially). A wait longer than <paramref name="maxDelay"/> is not
/// worth it: the response goes back as it is and the caller falls back at once.
/// </summary>
internal sealed class LlmRetryHandler(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, TimeProvider time, ILogger logger)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Buffer the body once so that every attempt can send the same bytes.
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var attempt = 0;
        var current = request;
        while (true)
        {
            var response = await base.SendAsync(current, cancellationToken);
            if (!IsTransient(response.StatusCode) || attempt >= maxRetries)
            {
                return response;
            }

            var delay = RetryDelay(response, attempt);
            if (delay > maxDelay)
            {
                LlmLog.RetryAfterTooLong(logger, (int)response.StatusCode, delay.TotalSeconds);
                return response;
            }

            attempt++;
            LlmLog.Retrying(logger, (int)response.StatusCode, attempt, maxRetries, delay.TotalSeconds);
            response.Dispose();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken);
            }

            current = Clone(request, body);
        }
    }

    internal static bool IsTransient(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    internal TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        // OpenAI also sends a millisecond variant, more precise than Retry-After.
        if (response.Headers.TryGetValues("retry-after-ms", out var ms)
            && double.TryParse(ms.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return baseDelay * Math.Pow(2, attempt);
    }

    private static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? body)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, VersionPolicy = request.VersionPolicy };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            clone.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)clone.Options)[option.Key] = option.Value;
        }

        return clone;
    }
}
