namespace NewsBot.Core.State;

/// <summary>Process-local digest state: for one-shot CLI verbs and unit tests. The bot uses the persistent store.</summary>
public sealed class InMemoryDigestStore : IDigestSubscriptionStore, IDigestOutbox, IDigestHistoryStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, DigestSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OutboxEntry> _outbox = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LastDigest> _lastDigests = new(StringComparer.Ordinal);

    public Task AddAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _subscriptions[subscription.Name] = subscription;
        }

        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_subscriptions.Remove(name));
        }
    }

    Task<DigestSubscription?> IDigestSubscriptionStore.GetAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_subscriptions.GetValueOrDefault(name));
        }
    }

    public Task<IReadOnlyList<DigestSubscription>> ListAsync(ChatKey target, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DigestSubscription> list = _subscriptions.Values.Where(s => s.Target == target).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<DigestSubscription>> ListAllAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DigestSubscription> list = _subscriptions.Values.ToList();
            return Task.FromResult(list);
        }
    }

    public Task<bool> DisableAsync(string name, string reason, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(name, out var existing))
            {
                return Task.FromResult(false);
            }

            _subscriptions[name] = existing with { Disabled = true, DisabledReason = reason };
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryAddAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_outbox.TryAdd(entry.Key, entry));
        }
    }

    Task<OutboxEntry?> IDigestOutbox.GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_outbox.GetValueOrDefault(key));
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> GetUnsentAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboxEntry> unsent = _outbox.Values
                .Where(e => e.SentAt is null && e.AbandonedAt is null)
                .OrderBy(e => e.CreatedAt)
                .ThenBy(e => e.Key, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(unsent);
        }
    }

    public Task MarkSentAsync(string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_outbox.TryGetValue(key, out var entry))
            {
                _outbox[key] = entry with { SentAt = at };
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> RecordFailureAsync(string key, string error, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_outbox.TryGetValue(key, out var entry))
            {
                return Task.FromResult(0);
            }

            _outbox[key] = entry with { Attempts = entry.Attempts + 1, LastError = error };
            return Task.FromResult(entry.Attempts + 1);
        }
    }

    public Task AbandonAsync(string key, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_outbox.TryGetValue(key, out var entry))
            {
                _outbox[key] = entry with { AbandonedAt = at, LastError = reason };
            }
        }

        return Task.CompletedTask;
    }

    public Task<LastDigest?> GetLastDigestAsync(string targetKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_lastDigests.GetValueOrDefault(targetKey));
        }
    }

    public Task SetLastDigestAsync(string targetKey, DateTimeOffset lastArticleAddedAt, IReadOnlyList<string> articleIds, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _lastDigests[targetKey] = new LastDigest(lastArticleAddedAt, articleIds.ToList());
        }

        return Task.CompletedTask;
    }
}
