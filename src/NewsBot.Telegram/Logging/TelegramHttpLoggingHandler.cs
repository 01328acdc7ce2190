using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace NewsBot.Telegram.Logging;

/// <summary>
/// Replaces HttpClient's default request logging for the Bot API client (which would print the token-bearing URL):
/// logs only the Bot API method name, status and duration.
/// </summary>
internal sealed partial class TelegramHttpLoggingHandler(RedactingLogger<TelegramHttpLoggingHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri is { } uri ? uri.Segments[^1].Trim('/') : "?";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogResponse(logger, method, (int)response.StatusCode, elapsedMs);
            return response;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var errorType = e.GetType().Name;
            LogFailed(logger, method, errorType, e.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot API {ApiMethod} answered {StatusCode} in {ElapsedMs:0} ms")]
    private static partial void LogResponse(ILogger logger, string apiMethod, int statusCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot API {ApiMethod} failed: {ErrorType}: {ErrorMessage}")]
    private static partial void LogFailed(ILogger logger, string apiMethod, string errorType, string errorMessage);
}
