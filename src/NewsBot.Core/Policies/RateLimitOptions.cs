using Microsoft.Extensions.Options;
using NewsBot.Retrieval;

namespace NewsBot.Core.Policies;

/// <summary>The per-user question limit, <c>Bot:RateLimit</c>: a token bucket per user.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Bot:RateLimit";

    /// <summary>Sustained questions per user and minute; 0 turns the limit off.</summary>
    public int QuestionsPerMinute { get; set; } = 5;

    /// <summary>How many questions a user may ask at once before the per-minute pace applies.</summary>
    public int Burst { get; set; } = 5;
}

/// <summary>How many answers run at once (<c>Bot:MaxConcurrentAnswers</c>) and how many wait (<c>Bot:MaxQueuedAnswers</c>).</summary>
public sealed class LoadOptions
{
    public const string SectionName = "Bot";

    /// <summary>Answers computed at the same time; 0 means twice the processor count.</summary>
    public int MaxConcurrentAnswers { get; set; }

    /// <summary>Requests that wait for a free slot, oldest first; beyond that a request gets a "busy" reply.</summary>
    public int MaxQueuedAnswers { get; set; } = 1_000;

    public int EffectiveConcurrency => MaxConcurrentAnswers > 0 ? MaxConcurrentAnswers : 2 * Environment.ProcessorCount;
}

public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) => new OptionChecks<RateLimitOptions>()
        .Check(options.QuestionsPerMinute is >= 0 and <= 10_000, nameof(options.QuestionsPerMinute), "Bot:RateLimit:QuestionsPerMinute must be between 0 (off) and 10000.")
        .Check(options.Burst is >= 1 and <= 10_000, nameof(options.Burst), "Bot:RateLimit:Burst must be between 1 and 10000.")
        .Result;
}

public sealed class LoadOptionsValidator : IValidateOptions<LoadOptions>
{
    public ValidateOptionsResult Validate(string? name, LoadOptions options) => new OptionChecks<LoadOptions>()
        .Check(options.MaxConcurrentAnswers is >= 0 and <= 1_000, nameof(options.MaxConcurrentAnswers), "Bot:MaxConcurrentAnswers must be between 0 (2 × cores) and 1000.")
        .Check(options.MaxQueuedAnswers is >= 0 and <= 1_000_000, nameof(options.MaxQueuedAnswers), "Bot:MaxQueuedAnswers must be between 0 and 1000000.")
        .Result;
}
