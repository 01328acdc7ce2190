namespace NewsBot.Core.Telemetry;

/// <summary>
/// Counts the model's tokens for the request being handled: the router opens a scope, the model engine reports into it
/// from whatever call it makes (answer, query translation), and the router stores the totals with the answer.
/// Flows with the async context, so concurrent requests never mix.
/// </summary>
public sealed class TokenUsage
{
    private static readonly AsyncLocal<TokenUsage?> s_current = new();
    private long _prompt;
    private long _completion;

    public long Prompt => Interlocked.Read(ref _prompt);

    public long Completion => Interlocked.Read(ref _completion);

    /// <summary>Starts counting for the current request; the returned scope ends it.</summary>
    public static TokenUsage Begin() => s_current.Value = new TokenUsage();

    /// <summary>Adds tokens to the current request's count (if any) and to the token metric.</summary>
    public static void Report(long prompt, long completion)
    {
        if (prompt > 0)
        {
            NewsBotTelemetry.LlmTokens.Add(prompt, new KeyValuePair<string, object?>("kind", "prompt"));
        }

        if (completion > 0)
        {
            NewsBotTelemetry.LlmTokens.Add(completion, new KeyValuePair<string, object?>("kind", "completion"));
        }

        if (s_current.Value is { } usage)
        {
            Interlocked.Add(ref usage._prompt, Math.Max(0, prompt));
            Interlocked.Add(ref usage._completion, Math.Max(0, completion));
        }
    }
}
