using Microsoft.Extensions.Logging;

namespace NewsBot.Ai;

/// <summary>Log messages of the LLM backend. None of them carries a key, a header or a URL with a query.</summary>
internal static partial class LlmLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Model answered {Status}; retry {Attempt} of {MaxRetries} in {DelaySeconds:0.##} s")]
    public static partial void Retrying(ILogger logger, int status, int attempt, int maxRetries, double delaySeconds);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Model answered {Status} and asks to wait {DelaySeconds:0.##} s; not retrying")]
    public static partial void RetryAfterTooLong(ILogger logger, int status, double delaySeconds);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Language model unavailable for {Operation} ({Cause}); answering with the extractive engine")]
    public static partial void FellBack(ILogger logger, string operation, string cause, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Query expansion failed ({Cause}); searching without extra terms")]
    public static partial void ExpansionFailed(ILogger logger, string cause, Exception exception);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "Language model not called for {Operation} ({Cause}); answering with the extractive engine")]
    public static partial void SkippedModel(ILogger logger, string operation, string cause);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Language model backend: {Provider}, model {Model}")]
    public static partial void UsingModel(ILogger logger, LlmProvider provider, string model);
}
