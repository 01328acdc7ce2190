using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace NewsBot.Sources;

/// <summary>A fetch that failed: one line naming what went wrong, with the HTTP status and Retry-After when there were any.</summary>
public sealed class FetchException(string message, HttpStatusCode? status = null, TimeSpan? retryAfter = null) : Exception(message)
{
    public FetchException()
        : this("fetch failed")
    {
    }

    public FetchException(string message, Exception innerException)
        : this(message + ": " + innerException.Message)
    {
    }

    public HttpStatusCode? Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>What a successful (or not-modified) fetch returned.</summary>
public sealed record FetchedResource(HttpStatusCode Status, Uri Url, byte[] Body, string? ContentType, string? ETag, string? LastModified)
{
    public bool NotModified => Status == HttpStatusCode.NotModified;

    public string? Charset => NewsBot.Retrieval.Articles.Html.HtmlDecoding.CharsetOf(ContentType);
}

/// <summary>
/// Fetches one URL: conditional GET (If-None-Match / If-Modified-Since), gzip and deflate, a timeout, a size cap read as
/// the body streams in, redirects followed by hand (each hop checked by <see cref="UrlGuard"/>, loops and long chains
/// refused), and at least <see cref="SourcesOptions.PerHostInterval"/> between two requests to the same host.
/// </summary>
public sealed class PageFetcher(IHttpClientFactory httpClients, UrlGuard guard, IOptions<SourcesOptions> options, TimeProvider time)
{
    public const string HttpClientName = "NewsBot.Sources";

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostGates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _hostNext = new(StringComparer.OrdinalIgnoreCase);

    public async Task<FetchedResource> FetchAsync(Uri url, string? etag = null, string? lastModified = null, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = url;
        for (var hop = 0; ; hop++)
        {
            await guard.CheckAsync(current, cancellationToken);
            if (!seen.Add(current.AbsoluteUri))
            {
                throw new FetchException($"redirect loop at {current}");
            }

            if (hop > settings.MaxRedirects)
            {
                throw new FetchException($"more than {settings.MaxRedirects} redirects");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            try
            {
                await WaitForHostAsync(current, settings.PerHostInterval, timeout.Token);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.UserAgent.ParseAdd(settings.UserAgent);
                request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5");
                if (hop == 0 && etag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (hop == 0 && lastModified is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                }

                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = response.StatusCode;
                if ((int)status is >= 300 and < 400 && status != HttpStatusCode.NotModified)
                {
                    var location = response.Headers.Location ?? throw new FetchException($"HTTP {(int)status} without a Location header", status);
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                if (status == HttpStatusCode.NotModified)
                {
                    return new FetchedResource(status, current, [], null, etag, lastModified);
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new FetchException($"HTTP {(int)status} {response.ReasonPhrase}".TrimEnd(), status, RetryAfter(response.Headers.RetryAfter));
                }

                if (response.Content.Headers.ContentLength is { } length && length > settings.MaxResponseBytes)
                {
                    throw new FetchException($"response of {length:N0} bytes is over the limit of {settings.MaxResponseBytes:N0} (Sources:MaxResponseBytes)", status);
                }

                var body = await ReadCappedAsync(response.Content, settings.MaxResponseBytes, timeout.Token);
                return new FetchedResource(
                    status,
                    current,
                    body,
                    response.Content.Headers.ContentType?.ToString(),
                    response.Headers.ETag?.ToString(),
                    response.Content.Headers.LastModified?.ToString("R"));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new FetchException($"timed out after {settings.TimeoutSeconds} s (Sources:TimeoutSeconds)");
            }
            catch (HttpRequestException ex)
            {
                throw new FetchException("request failed: " + ex.Message, ex.StatusCode);
            }
        }
    }

    private async Task WaitForHostAsync(Uri url, TimeSpan interval, CancellationToken cancellationToken)
    {
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        var gate = _hostGates.GetOrAdd(url.Authority, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_hostNext.TryGetValue(url.Authority, out var next) && next > now)
            {
                await Task.Delay(next - now, time, cancellationToken);
                now = next;
            }

            _hostNext[url.Authority] = now + interval;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<byte[]> ReadCappedAsync(HttpContent content, long cap, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > cap)
            {
                throw new FetchException($"response is over the limit of {cap:N0} bytes (Sources:MaxResponseBytes)");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
}
