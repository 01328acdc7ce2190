using NewsBot.Core.Telemetry;

namespace NewsBot.Ai;

/// <summary>Reads the token counts a connector puts into a reply's metadata ("Usage") and reports them.</summary>
internal static class LlmUsage
{
    public static void Report(IEnumerable<IReadOnlyDictionary<string, object?>?> metadata)
    {
        long prompt = 0, completion = 0;
        foreach (var usage in metadata.Select(m => m is not null && m.TryGetValue("Usage", out var u) ? u : null))
        {
            switch (usage)
            {
                // The OpenAI connector (OpenAI, Azure OpenAI, compatible servers).
                case OpenAI.Chat.ChatTokenUsage openAi:
                    prompt += openAi.InputTokenCount;
                    completion += openAi.OutputTokenCount;
                    break;

                // Connectors built on Microsoft.Extensions.AI (Ollama through OllamaSharp).
                case Microsoft.Extensions.AI.UsageDetails details:
                    prompt += details.InputTokenCount ?? 0;
                    completion += details.OutputTokenCount ?? 0;
                    break;
            }
        }

        TokenUsage.Report(prompt, completion);
    }

    /// <summary>A short, fixed-set tag for a failure's cause (the cause text itself carries numbers and type names).</summary>
    public static string CauseTag(LlmUnavailableException failure) => failure switch
    {
        { IsCooldown: true } => "cooldown",
        { StatusCode: System.Net.HttpStatusCode.TooManyRequests } => "rate_limited",
        { StatusCode: System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden } => "key_refused",
        { StatusCode: { } status } when (int)status >= 500 => "server_error",
        { StatusCode: not null } => "http_error",
        // Some paths (the retry handler) name the status only in the cause.
        _ when failure.Cause.Contains("key refused", StringComparison.Ordinal) => "key_refused",
        _ when failure.Cause.StartsWith("HTTP 429", StringComparison.Ordinal) => "rate_limited",
        _ when failure.Cause.StartsWith("HTTP 5", StringComparison.Ordinal) => "server_error",
        _ when failure.Cause.StartsWith("HTTP", StringComparison.Ordinal) => "http_error",
        _ when failure.Cause.StartsWith("timeout", StringComparison.Ordinal) => "timeout",
        _ when failure.Cause.StartsWith("connection", StringComparison.Ordinal) => "connection",
        _ when failure.Cause.StartsWith("empty", StringComparison.Ordinal) || failure.Cause.StartsWith("bad", StringComparison.Ordinal) => "bad_reply",
        _ => "other",
    };
}
