using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.State;

/// <summary>A digest schedule for one target chat, added at run time with <c>/digest subscribe</c> (or mirrored from configuration).</summary>
/// <param name="Name">Unique name of the schedule (for example "telegram:-100123"); adding the same name again replaces it.</param>
/// <param name="Cron">Cron expression (Cronos syntax).</param>
/// <param name="TimeZone">IANA time zone id, such as "Europe/Berlin".</param>
public sealed record DigestSubscription(string Name, ChatKey Target, string Cron, string TimeZone, Language Language, int MaxArticles, bool Disabled)
{
    /// <summary>Why the schedule was disabled (the last delivery error), when it was.</summary>
    public string? DisabledReason { get; init; }
}

/// <summary>One digest occurrence waiting to be (or already) delivered.</summary>
/// <param name="Key">Schedule name + occurrence time (ISO 8601); unique, so an occurrence is stored at most once.</param>
/// <param name="Payload">The reply to send, serialized as JSON by the caller.</param>
/// <param name="Attempts">Failed delivery attempts so far.</param>
public sealed record OutboxEntry(string Key, ChatKey Target, string Payload, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Attempts, string? LastError)
{
    /// <summary>Set when the caller gave up on the entry (target disabled); abandoned entries are no longer "unsent".</summary>
    public DateTimeOffset? AbandonedAt { get; init; }
}

/// <summary>What the last digest to a target covered, so the next one includes only articles added since.</summary>
public sealed record LastDigest(DateTimeOffset LastArticleAddedAt, IReadOnlyList<string> ArticleIds);

/// <summary>Digest schedules added from chat; they survive restarts.</summary>
public interface IDigestSubscriptionStore
{
    /// <summary>Adds the subscription, or replaces the one with the same name (re-subscribing changes cron, language and re-enables).</summary>
    Task AddAsync(DigestSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Removes the subscription; false when there was none by that name.</summary>
    Task<bool> RemoveAsync(string name, CancellationToken cancellationToken);

    /// <summary>The subscription by that name, or null.</summary>
    Task<DigestSubscription?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>The subscriptions of one chat, ordered by name.</summary>
    Task<IReadOnlyList<DigestSubscription>> ListAsync(ChatKey target, CancellationToken cancellationToken);

    /// <summary>All subscriptions, disabled ones included, ordered by name.</summary>
    Task<IReadOnlyList<DigestSubscription>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Marks the subscription disabled with a reason; false when there was none by that name.</summary>
    Task<bool> DisableAsync(string name, string reason, CancellationToken cancellationToken);
}

/// <summary>
/// The digest outbox: an occurrence is written before it is sent and marked after the platform accepted it.
/// The unique key is what prevents double posts.
/// </summary>
public interface IDigestOutbox
{
    /// <summary>Stores the entry; false (and nothing changes) when an entry with the same key exists.</summary>
    Task<bool> TryAddAsync(OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>The entry with that key, or null.</summary>
    Task<OutboxEntry?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Entries neither sent nor abandoned, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> GetUnsentAsync(CancellationToken cancellationToken);

    Task MarkSentAsync(string key, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt and keeps the error; returns the number of attempts so far.</summary>
    Task<int> RecordFailureAsync(string key, string error, CancellationToken cancellationToken);

    /// <summary>Gives up on the entry (for example when its target was disabled): it is no longer returned as unsent.</summary>
    Task AbandonAsync(string key, string reason, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Per-target record of the last digest sent.</summary>
public interface IDigestHistoryStore
{
    /// <param name="targetKey">Any stable key for the target, for example <see cref="ChatKey.ToString"/>.</param>
    Task<LastDigest?> GetLastDigestAsync(string targetKey, CancellationToken cancellationToken);

    Task SetLastDigestAsync(string targetKey, DateTimeOffset lastArticleAddedAt, IReadOnlyList<string> articleIds, CancellationToken cancellationToken);
}
