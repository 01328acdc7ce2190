using NewsBot.Core.Answers;
using NewsBot.Core.State;
using NewsBot.Storage.Tests.Fakes;

namespace NewsBot.Storage.Tests;

/// <summary>Concurrent use of one store: nothing lost, the outbox key decides.</summary>
public abstract class ConcurrencyContract : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private TestStore? _store;

    private TestStore Db => _store ??= CreateStore();

    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh, empty store of the provider under test.</summary>
    protected abstract TestStore CreateStore(Action<StorageOptions>? configure = null);

    [Fact]
    public async Task Hundreds_of_concurrent_writes_are_all_persisted()
    {
        const int Users = 40;
        const int PerUser = 10;
        IConversationStore memory = Db.Memory;
        IKeyValueStore values = Db.Values;
        IChatSettingsStore settings = Db.Settings;
        IDigestOutbox outbox = Db.Outbox;

        // Every task starts at once and mixes reads and writes across all tables.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, Users * PerUser).Select(async n =>
        {
            await start.Task;
            var chat = new ChatKey(n % 2 == 0 ? "telegram" : "discord", $"user{n % Users}");
            await memory.AppendAsync(chat, new ConversationTurn($"q{n}", $"a{n}", Db.Time.GetUtcNow()), None);
            await values.SetAsync($"key{n}", $"value{n}", None);
            await settings.SetAsync(chat, new ChatSettings(), None);
            _ = await memory.GetRecentAsync(chat, 5, DateTimeOffset.MinValue, None);

            // Pairs of tasks race to add the same occurrence: exactly one of each pair wins.
            return await outbox.TryAddAsync(new OutboxEntry($"occurrence{n / 2}", chat, "{}", Db.Time.GetUtcNow(), null, 0, null), None);
        }).ToList();
        start.SetResult();
        var added = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));

        Db.Reopen();
        memory = Db.Memory;
        values = Db.Values;
        outbox = Db.Outbox;

        Assert.Equal(Users * PerUser / 2, added.Count(a => a));
        Assert.Equal(Users * PerUser / 2, (await outbox.GetUnsentAsync(None)).Count);

        var turns = 0;
        foreach (var platform in new[] { "telegram", "discord" })
        {
            for (var u = 0; u < Users; u++)
            {
                turns += (await memory.GetRecentAsync(new ChatKey(platform, $"user{u}"), 1000, DateTimeOffset.MinValue, None)).Count;
            }
        }

        Assert.Equal(Users * PerUser, turns);
        for (var n = 0; n < Users * PerUser; n++)
        {
            Assert.Equal($"value{n}", await values.GetAsync($"key{n}", None));
        }
    }

    [Fact]
    public async Task Concurrent_first_use_initializes_the_database_once()
    {
        IKeyValueStore values = Db.Values;
        var writes = Enumerable.Range(0, 50).Select(n => values.SetAsync($"k{n}", "v", None));

        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("v", await values.GetAsync("k49", None));
    }
}

public sealed class SqliteConcurrencyTests : ConcurrencyContract
{
    protected override TestStore CreateStore(Action<StorageOptions>? configure = null) => new SqliteTestStore(configure);
}

public sealed class PostgresConcurrencyTests : ConcurrencyContract
{
    protected override TestStore CreateStore(Action<StorageOptions>? configure = null) => new PostgresTestStore(configure);
}
