using NewsBot.Core.Chat;

namespace NewsBot.Core.State;

/// <summary>One answer the bot gave, as kept for votes and /stats.</summary>
public sealed record AnswerRecord
{
    public required string Platform { get; init; }

    public required string ChatId { get; init; }

    /// <summary>"ask", "summary" or "who".</summary>
    public required string Command { get; init; }

    public required string Question { get; init; }

    /// <summary>"extractive" or "llm".</summary>
    public required string Backend { get; init; }

    public required string Language { get; init; }

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>👍 or 👎.</summary>
public enum Vote
{
    Good,
    Bad,
}

/// <summary>How a vote went: recorded (first time), changed (the user had voted the other way), unchanged, or no such answer.</summary>
public enum VoteOutcome
{
    Recorded,
    Changed,
    Unchanged,
    UnknownAnswer,
}

/// <summary>What /stats and <c>newsbot stats</c> show, for one chat or the whole bot.</summary>
public sealed record AnswerStats
{
    /// <summary>Requests counted since <see cref="Since"/> (every question or command the router handled with an answer engine).</summary>
    public long Questions { get; init; }

    public IReadOnlyDictionary<string, long> AnswersByBackend { get; init; } = new Dictionary<string, long>();

    public long GoodVotes { get; init; }

    public long BadVotes { get; init; }

    /// <summary>Good votes among all votes; null with no votes.</summary>
    public double? HelpfulShare => GoodVotes + BadVotes == 0 ? null : (double)GoodVotes / (GoodVotes + BadVotes);

    /// <summary>The articles answers cited most, most first: (title, answers citing it).</summary>
    public IReadOnlyList<(string Title, long Answers)> TopTopics { get; init; } = [];

    /// <summary>Prompt and completion tokens since <see cref="TokensSince"/>.</summary>
    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    public DateTimeOffset TokensSince { get; init; }
}

/// <summary>
/// The answers the bot gave and the votes on them (one per user and answer, changeable). Kept apart from the other
/// state stores so each storage provider adds it on its own (SQLite and PostgreSQL: migration 4).
/// </summary>
public interface IAnswerLog
{
    /// <summary>Stores an answer and returns its id (the id the vote buttons carry).</summary>
    Task<long> RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken);

    /// <summary>Records or changes <paramref name="userId"/>'s vote on an answer.</summary>
    Task<VoteOutcome> VoteAsync(long answerId, string platform, string userId, Vote vote, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The newest answer given in a chat, if any (the console's /good and /bad vote on it).</summary>
    Task<long?> LastAnswerAsync(ChatKey chat, CancellationToken cancellationToken);

    /// <summary>Counts for one chat (or all when null); tokens counted from <paramref name="tokensSince"/>.</summary>
    Task<AnswerStats> GetStatsAsync(ChatKey? chat, DateTimeOffset tokensSince, int topTopics, CancellationToken cancellationToken);
}
