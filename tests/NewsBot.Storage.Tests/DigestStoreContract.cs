using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Storage.Tests.Fakes;

namespace NewsBot.Storage.Tests;

/// <summary>Digest subscriptions, outbox and history: the same behaviour on every provider.</summary>
public abstract class DigestStoreContract : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ChatKey Channel = new("telegram", "-100200");
    private static readonly ChatKey Guild = new("discord", "-100200");
    private TestStore? _store;

    private IDigestSubscriptionStore Subscriptions => Db.Subscriptions;

    private IDigestOutbox Outbox => Db.Outbox;

    private IDigestHistoryStore History => Db.History;

    private TestStore Db => _store ??= CreateStore();

    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh, empty store of the provider under test.</summary>
    protected abstract TestStore CreateStore(Action<StorageOptions>? configure = null);

    [Fact]
    public async Task Subscriptions_are_listed_per_chat_and_in_all_and_survive_a_reopen()
    {
        await Subscriptions.AddAsync(new DigestSubscription("morning", Channel, "0 7 * * *", "Europe/Berlin", Language.German, 5, false), None);
        await Subscriptions.AddAsync(new DigestSubscription("evening", Guild, "0 19 * * 1-5", "America/New_York", Language.English, 8, false), None);
        Db.Reopen();

        var forChannel = await Subscriptions.ListAsync(Channel, None);
        var all = await Subscriptions.ListAllAsync(None);

        var morning = Assert.Single(forChannel);
        Assert.Equal(new DigestSubscription("morning", Channel, "0 7 * * *", "Europe/Berlin", Language.German, 5, false), morning);
        Assert.Equal(["evening", "morning"], all.Select(s => s.Name));
        Assert.Equal(Guild, all[0].Target);
        Assert.Equal(Language.English, all[0].Language);
    }

    [Fact]
    public async Task Adding_the_same_name_replaces_the_subscription()
    {
        await Subscriptions.AddAsync(new DigestSubscription("s", Channel, "0 7 * * *", "Europe/Berlin", Language.German, 5, false), None);
        await Subscriptions.DisableAsync("s", "403 Forbidden", None);

        await Subscriptions.AddAsync(new DigestSubscription("s", Channel, "30 6 * * *", "Europe/Berlin", Language.English, 3, false), None);

        var only = Assert.Single(await Subscriptions.ListAllAsync(None));
        Assert.Equal("30 6 * * *", only.Cron);
        Assert.Equal(Language.English, only.Language);
        Assert.False(only.Disabled);
        Assert.Null(only.DisabledReason);
    }

    [Fact]
    public async Task Remove_and_disable_report_whether_the_subscription_existed()
    {
        await Subscriptions.AddAsync(new DigestSubscription("s", Channel, "0 7 * * *", "UTC", Language.German, 5, false), None);

        Assert.True(await Subscriptions.DisableAsync("s", "chat not found", None));
        Assert.False(await Subscriptions.DisableAsync("missing", "x", None));
        Db.Reopen();

        var disabled = await Subscriptions.GetAsync("s", None);
        Assert.NotNull(disabled);
        Assert.True(disabled.Disabled);
        Assert.Equal("chat not found", disabled.DisabledReason);

        Assert.True(await Subscriptions.RemoveAsync("s", None));
        Assert.False(await Subscriptions.RemoveAsync("s", None));
        Assert.Null(await Subscriptions.GetAsync("s", None));
        Assert.Empty(await Subscriptions.ListAsync(Channel, None));
    }

    [Fact]
    public async Task Adding_the_same_outbox_key_twice_keeps_one_entry()
    {
        var first = NewEntry("morning@2026-11-24T06:00:00Z", "{\"text\":\"first\"}");
        var second = first with { Payload = "{\"text\":\"second\"}" };

        Assert.True(await Outbox.TryAddAsync(first, None));
        Assert.False(await Outbox.TryAddAsync(second, None));

        var unsent = Assert.Single(await Outbox.GetUnsentAsync(None));
        Assert.Equal("{\"text\":\"first\"}", unsent.Payload);
    }

    [Fact]
    public async Task A_sent_occurrence_cannot_be_added_again()
    {
        var entry = NewEntry("morning@2026-11-24T06:00:00Z");
        await Outbox.TryAddAsync(entry, None);
        await Outbox.MarkSentAsync(entry.Key, Db.Time.GetUtcNow(), None);
        Db.Reopen();

        Assert.False(await Outbox.TryAddAsync(entry, None));
        Assert.Empty(await Outbox.GetUnsentAsync(None));
    }

    [Fact]
    public async Task Unsent_entries_survive_a_reopen_oldest_first_and_leave_once_marked_sent()
    {
        var older = NewEntry("a@2026-11-24T06:00:00Z", createdAt: Db.Time.GetUtcNow());
        var newer = NewEntry("b@2026-11-24T07:00:00Z", createdAt: Db.Time.GetUtcNow().AddHours(1));
        await Outbox.TryAddAsync(newer, None);
        await Outbox.TryAddAsync(older, None);
        Db.Reopen();

        var unsent = await Outbox.GetUnsentAsync(None);
        Assert.Equal([older, newer], unsent);

        var sentAt = Db.Time.GetUtcNow().AddHours(2);
        await Outbox.MarkSentAsync(older.Key, sentAt, None);
        Db.Reopen();

        Assert.Equal([newer], await Outbox.GetUnsentAsync(None));
        Assert.Equal(sentAt, (await Outbox.GetAsync(older.Key, None))?.SentAt);
    }

    [Fact]
    public async Task Failures_are_counted_and_abandoned_entries_are_no_longer_unsent()
    {
        var entry = NewEntry("a@2026-11-24T06:00:00Z");
        await Outbox.TryAddAsync(entry, None);

        Assert.Equal(1, await Outbox.RecordFailureAsync(entry.Key, "429 Too Many Requests", None));
        Assert.Equal(2, await Outbox.RecordFailureAsync(entry.Key, "403 Forbidden", None));
        Assert.Equal(0, await Outbox.RecordFailureAsync("unknown", "x", None));
        Db.Reopen();

        var failed = Assert.Single(await Outbox.GetUnsentAsync(None));
        Assert.Equal(2, failed.Attempts);
        Assert.Equal("403 Forbidden", failed.LastError);

        var at = Db.Time.GetUtcNow();
        await Outbox.AbandonAsync(entry.Key, "target disabled", at, None);

        Assert.Empty(await Outbox.GetUnsentAsync(None));
        var abandoned = await Outbox.GetAsync(entry.Key, None);
        Assert.Equal(at, abandoned?.AbandonedAt);
        Assert.Null(abandoned?.SentAt);
        Assert.False(await Outbox.TryAddAsync(entry, None));
    }

    [Fact]
    public async Task Last_digest_per_target_round_trips_and_is_replaced()
    {
        Assert.Null(await History.GetLastDigestAsync(Channel.ToString(), None));

        var first = new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.FromHours(1));
        await History.SetLastDigestAsync(Channel.ToString(), first, ["a1", "a2"], None);
        await History.SetLastDigestAsync(Guild.ToString(), first.AddDays(-1), ["z"], None);
        var second = first.AddHours(5);
        await History.SetLastDigestAsync(Channel.ToString(), second, ["a3"], None);
        Db.Reopen();

        var last = await History.GetLastDigestAsync(Channel.ToString(), None);
        Assert.NotNull(last);
        Assert.Equal(second, last.LastArticleAddedAt);
        Assert.Equal(["a3"], last.ArticleIds);
        Assert.Equal(["z"], (await History.GetLastDigestAsync(Guild.ToString(), None))?.ArticleIds);
    }

    private OutboxEntry NewEntry(string key, string payload = "{}", DateTimeOffset? createdAt = null) =>
        new(key, Channel, payload, createdAt ?? Db.Time.GetUtcNow(), null, 0, null);
}

public sealed class SqliteDigestStoreTests : DigestStoreContract
{
    protected override TestStore CreateStore(Action<StorageOptions>? configure = null) => new SqliteTestStore(configure);
}

public sealed class PostgresDigestStoreTests : DigestStoreContract
{
    protected override TestStore CreateStore(Action<StorageOptions>? configure = null) => new PostgresTestStore(configure);
}
