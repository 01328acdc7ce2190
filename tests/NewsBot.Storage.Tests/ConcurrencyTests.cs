using NewsBot.Core.Answers;
using NewsBot.Core.State;
using NewsBot.Storage.Tests.Fakes;

namespace NewsBot.Storage.Tests;

public sealed class ConcurrencyTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Hundreds_of_concurrent_writes_are_all_persisted()
    {
        const int Users = 40;
        const int PerUser = 10;
        IConversationStore memory = _db.State;
        IKeyValueStore values = _db.State;
        IChatSettingsStore settings = _db.State;
        IDigestOutbox outbox = _db.Digests;

        // Every task starts at once and mixes reads and writes across all tables.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, Users * PerUser).Select(async n =>
        {
            await start.Task;
            var chat = new ChatKey(n % 2 == 0 ? "telegram" : "discord", $"user{n % Users}");
            await memory.AppendAsync(chat, new ConversationTurn($"q{n}", $"a{n}", _db.Time.GetUtcNow()), None);
            await values.SetAsync($"key{n}", $"value{n}", None);
            await settings.SetAsync(chat, new ChatSettings(), None);
            _ = await memory.GetRecentAsync(chat, 5, DateTimeOffset.MinValue, None);

            // Pairs of tasks race to add the same occurrence: exactly one of each pair wins.
            return await outbox.TryAddAsync(new OutboxEntry($"occurrence{n / 2}", chat, "{}", _db.Time.GetUtcNow(), null, 0, null), None);
        }).ToList();
        start.SetResult();
        var added = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));

        _db.Reopen();
        memory = _db.State;
        values = _db.State;
        outbox = _db.Digests;

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
        IKeyValueStore values = _db.State;
        var writes = Enumerable.Range(0, 50).Select(n => values.SetAsync($"k{n}", "v", None));

        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("v", await values.GetAsync("k49", None));
    }
}
