using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.State;

namespace NewsBot.Storage.Tests.Fakes;

/// <summary>
/// A fresh, empty store of one provider with every interface over it; <see cref="Reopen"/> simulates a restart.
/// The contract suites run the same tests against each provider through this.
/// </summary>
public abstract class TestStore : IDisposable
{
    public virtual FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero));

    public abstract StorageOptions Options { get; }

    public abstract IStorageDatabase Database { get; }

    public abstract IChatSettingsStore Settings { get; }

    public abstract IConversationStore Memory { get; }

    public abstract IKeyValueStore Values { get; }

    public abstract IDigestSubscriptionStore Subscriptions { get; }

    public abstract IDigestOutbox Outbox { get; }

    public abstract IDigestHistoryStore History { get; }

    public abstract ILeaseStore Leases { get; }

    public abstract IUpdateInbox Inbox { get; }

    /// <summary>Closes every connection and opens new store instances on the same data, as a restarted process would.</summary>
    public abstract void Reopen();

    /// <summary>Another instance (as a second process would have) on the same data, with its own connections.</summary>
    public abstract TestStore OpenSecondInstance();

    public abstract void Dispose();
}

/// <summary>SQLite through <see cref="TempDatabase"/>.</summary>
public sealed class SqliteTestStore(Action<StorageOptions>? configure = null) : TestStore
{
    private readonly TempDatabase _db = new(configure);
    public override FakeTimeProvider Time => _db.Time;

    public override StorageOptions Options => _db.Options;

    public override IStorageDatabase Database => _db.Database;

    public override IChatSettingsStore Settings => _db.State;

    public override IConversationStore Memory => _db.State;

    public override IKeyValueStore Values => _db.State;

    public override IDigestSubscriptionStore Subscriptions => _db.Digests;

    public override IDigestOutbox Outbox => _db.Digests;

    public override IDigestHistoryStore History => _db.Digests;

    public override ILeaseStore Leases => _db.Coordination;

    public override IUpdateInbox Inbox => _db.Coordination;

    public override void Reopen() => _db.Reopen();

    public override TestStore OpenSecondInstance() => throw new NotSupportedException("SQLite serves one machine; use the PostgreSQL store for several instances.");

    public override void Dispose() => _db.Dispose();
}
