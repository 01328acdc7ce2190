using System.Net;
using Microsoft.SemanticKernel;

namespace NewsBot.Ai;

/// <summary>
/// A model call failed: timeout, refused key, rate limit or server error after retries, or any connector error.
/// The message is safe to log: the configured key is redacted from it and from what it wraps.
/// </summary>
public sealed class LlmUnavailableException : Exception
{
    public LlmUnavailableException(string cause, string message, Exception? inner)
        : base(message, inner)
    {
        Cause = cause;
    }

    /// <summary>One short phrase: "timeout after 60 s", "HTTP 401 (key refused)", ...</summary>
    public string Cause { get; }

    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>True when no call was made because the model failed moments ago (already logged then).</summary>
    public bool IsCooldown { get; init; }

    internal static LlmUnavailableException From(Exception error, bool timedOut, LlmOptions options)
    {
        if (error is LlmUnavailableException known)
        {
            return known;
        }

        var status = StatusOf(error);
        var cause = timedOut || IsHttpClientTimeout(error)
            ? $"timeout after {options.TimeoutSeconds:0.##} s"
            : status switch
            {
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"HTTP {(int)status} (key refused)",
                HttpStatusCode.TooManyRequests => "HTTP 429 (rate limited)",
                { } s => $"HTTP {(int)s}",
                null when Root(error) is HttpRequestException http => $"connection failed: {http.HttpRequestError}",
                null => $"connector error: {error.GetType().Name}",
            };

        var message = Redact($"{cause}: {error.Message}", options.ApiKey);
        // Keep the original for its stack trace unless something in it (a server echoing the key) would leak the secret.
        var inner = Mentions(error, options.ApiKey) ? null : error;
        return new LlmUnavailableException(cause, message, inner) { StatusCode = status };
    }

    internal static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);

    private static bool Mentions(Exception error, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return false;
        }

        for (var e = error; e is not null; e = e.InnerException)
        {
            // The response body is kept apart from the message; a log sink or a debugger may still show it.
            if (e.ToString().Contains(secret, StringComparison.Ordinal)
                || (e is HttpOperationException { ResponseContent: { } body } && body.Contains(secret, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static HttpStatusCode? StatusOf(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case HttpOperationException { StatusCode: { } s }:
                    return s;
                case HttpRequestException { StatusCode: { } s }:
                    return s;
                case System.ClientModel.ClientResultException { Status: > 0 } result:
                    // The OpenAI client's own error (the streaming path raises it without an HTTP exception inside).
                    return (HttpStatusCode)result.Status;
            }
        }

        return null;
    }

    private static bool IsHttpClientTimeout(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Root(Exception error)
    {
        var e = error;
        while (e.InnerException is not null && e is not HttpRequestException)
        {
            e = e.InnerException;
        }

        return e;
    }
}
