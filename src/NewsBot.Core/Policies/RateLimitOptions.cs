using System.ComponentModel.DataAnnotations;

namespace NewsBot.Core.Policies;

/// <summary>The per-user question limit, <c>Bot:RateLimit</c>: a token bucket per user.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Bot:RateLimit";

    /// <summary>Sustained questions per user and minute; 0 turns the limit off.</summary>
    [Range(0, 10_000, ErrorMessage = "Bot:RateLimit:QuestionsPerMinute must be between 0 (off) and 10000.")]
    public int QuestionsPerMinute { get; set; } = 5;

    /// <summary>How many questions a user may ask at once before the per-minute pace applies.</summary>
    [Range(1, 10_000, ErrorMessage = "Bot:RateLimit:Burst must be between 1 and 10000.")]
    public int Burst { get; set; } = 5;
}

/// <summary>How many answers run at once (<c>Bot:MaxConcurrentAnswers</c>) and how many wait (<c>Bot:MaxQueuedAnswers</c>).</summary>
public sealed class LoadOptions
{
    public const string SectionName = "Bot";

    /// <summary>Answers computed at the same time; 0 means twice the processor count.</summary>
    [Range(0, 1_000, ErrorMessage = "Bot:MaxConcurrentAnswers must be between 0 (2 × cores) and 1000.")]
    public int MaxConcurrentAnswers { get; set; }

    /// <summary>Requests that wait for a free slot, oldest first; beyond that a request gets a "busy" reply.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Bot:MaxQueuedAnswers must be between 0 and 1000000.")]
    public int MaxQueuedAnswers { get; set; } = 1_000;

    public int EffectiveConcurrency => MaxConcurrentAnswers > 0 ? MaxConcurrentAnswers : 2 * Environment.ProcessorCount;
}
