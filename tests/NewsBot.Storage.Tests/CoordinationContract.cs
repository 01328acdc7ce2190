using NewsBot.Core.State;
using NewsBot.Storage.Tests.Fakes;

namespace NewsBot.Storage.Tests;

/// <summary>Leases and the handled-update log: the same behaviour on every provider.</summary>
public abstract class CoordinationContract : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private TestStore? _store;

    private TestStore Db => _store ??= CreateStore();

    private DateTimeOffset Now => Db.Time.GetUtcNow();

    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected abstract TestStore CreateStore();

    [Fact]
    public async Task A_lease_has_one_holder_until_it_runs_out_then_another_takes_it()
    {
        Assert.True(await Db.Leases.TryAcquireAsync("telegram:poller", "a", Now, Now + Lease, None));
        Assert.False(await Db.Leases.TryAcquireAsync("telegram:poller", "b", Now, Now + Lease, None));
        Assert.True(await Db.Leases.TryAcquireAsync("other", "b", Now, Now + Lease, None));

        Db.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await Db.Leases.TryAcquireAsync("telegram:poller", "a", Now, Now + Lease, None)); // renewed by its holder
        Db.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(await Db.Leases.TryAcquireAsync("telegram:poller", "b", Now, Now + Lease, None));

        Db.Time.Advance(Lease);
        Assert.True(await Db.Leases.TryAcquireAsync("telegram:poller", "b", Now, Now + Lease, None));
        Assert.False(await Db.Leases.TryAcquireAsync("telegram:poller", "a", Now, Now + Lease, None));
    }

    [Fact]
    public async Task A_released_lease_can_be_taken_at_once_and_only_its_holder_can_release_it()
    {
        await Db.Leases.TryAcquireAsync("l", "a", Now, Now + Lease, None);

        await Db.Leases.ReleaseAsync("l", "b", None);
        Assert.False(await Db.Leases.TryAcquireAsync("l", "b", Now, Now + Lease, None));

        await Db.Leases.ReleaseAsync("l", "a", None);
        Db.Reopen();
        Assert.True(await Db.Leases.TryAcquireAsync("l", "b", Now, Now + Lease, None));
    }

    [Fact]
    public async Task Of_many_owners_racing_for_one_lease_exactly_one_wins()
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var now = Now;
        var races = Enumerable.Range(0, 20).Select(async n =>
        {
            await start.Task;
            return await Db.Leases.TryAcquireAsync("digest:x", $"owner{n}", now, now + Lease, None);
        }).ToList();
        start.SetResult();

        var won = await Task.WhenAll(races).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Single(won, w => w);
    }

    [Fact]
    public async Task An_update_is_stored_once_per_scope_even_when_delivered_concurrently()
    {
        Assert.True(await Db.Inbox.TryAddAsync("telegram:1", "42", 100, "{}", Now, None));
        Assert.False(await Db.Inbox.TryAddAsync("telegram:1", "42", 100, "{}", Now, None));
        Assert.True(await Db.Inbox.TryAddAsync("telegram:2", "42", 100, "{}", Now, None));
        Db.Reopen();
        Assert.False(await Db.Inbox.TryAddAsync("telegram:1", "42", 100, "{}", Now, None));

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var now = Now;
        var deliveries = Enumerable.Range(0, 10).Select(async _ =>
        {
            await start.Task;
            return await Db.Inbox.TryAddAsync("telegram:1", "42", 101, "{}", now, None);
        }).ToList();
        start.SetResult();

        Assert.Single(await Task.WhenAll(deliveries).WaitAsync(TimeSpan.FromSeconds(60)), first => first);
    }

    [Fact]
    public async Task Pending_updates_of_a_chat_come_in_id_order_until_handled()
    {
        await Db.Inbox.TryAddAsync("t", "chat-a", 12, "twelve", Now, None);
        await Db.Inbox.TryAddAsync("t", "chat-b", 11, "eleven", Now, None);
        await Db.Inbox.TryAddAsync("t", "chat-a", 10, "ten", Now, None);

        Assert.Equal([new InboxUpdate(10, "ten"), new InboxUpdate(12, "twelve")], await Db.Inbox.PendingAsync("t", "chat-a", None));

        await Db.Inbox.MarkHandledAsync("t", 10, Now, None);
        Db.Reopen();

        Assert.Equal([new InboxUpdate(12, "twelve")], await Db.Inbox.PendingAsync("t", "chat-a", None));
        Assert.Equal([new InboxUpdate(11, "eleven")], await Db.Inbox.PendingAsync("t", "chat-b", None));
        Assert.False(await Db.Inbox.TryAddAsync("t", "chat-a", 10, "ten again", Now, None));
    }

    [Fact]
    public async Task A_chat_lock_has_one_holder_and_is_free_again_once_released()
    {
        var held = await Db.Inbox.TryLockChatAsync("t", "chat-a", None);
        Assert.NotNull(held);
        Assert.Null(await Db.Inbox.TryLockChatAsync("t", "chat-a", None));

        var other = await Db.Inbox.TryLockChatAsync("t", "chat-b", None);
        Assert.NotNull(other);

        await held.DisposeAsync();
        var again = await Db.Inbox.TryLockChatAsync("t", "chat-a", None);
        Assert.NotNull(again);
        await again.DisposeAsync();
        await other.DisposeAsync();
    }

    [Fact]
    public async Task Chats_with_updates_waiting_too_long_are_found()
    {
        await Db.Inbox.TryAddAsync("t", "old", 1, "{}", Now.AddMinutes(-5), None);
        await Db.Inbox.TryAddAsync("t", "handled", 2, "{}", Now.AddMinutes(-5), None);
        await Db.Inbox.MarkHandledAsync("t", 2, Now, None);
        await Db.Inbox.TryAddAsync("t", "fresh", 3, "{}", Now, None);
        await Db.Inbox.TryAddAsync("other", "old", 4, "{}", Now.AddMinutes(-5), None);

        Assert.Equal(["old"], await Db.Inbox.StalledChatsAsync("t", Now.AddMinutes(-1), None));
    }

    [Fact]
    public async Task Handled_updates_are_forgotten_after_two_days()
    {
        await Db.Inbox.TryAddAsync("t", "c", 7, "{}", Now, None);
        await Db.Inbox.MarkHandledAsync("t", 7, Now, None);

        Db.Time.Advance(TimeSpan.FromDays(3));
        await Db.Inbox.TryAddAsync("t", "c", 8, "{}", Now, None);

        Assert.True(await Db.Inbox.TryAddAsync("t", "c", 7, "{}", Now, None));
    }
}

public sealed class SqliteCoordinationTests : CoordinationContract
{
    protected override TestStore CreateStore() => new SqliteTestStore();
}

public sealed class PostgresCoordinationTests : CoordinationContract
{
    protected override TestStore CreateStore() => new PostgresTestStore();
}
