using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;

namespace NewsBot.Storage.Tests;

/// <summary>A database that goes away while the bot runs: answers go on without memory, and memory comes back with it.</summary>
public sealed class DegradingStateStoreTests
{
    private static readonly ChatKey Chat = new("telegram", "1");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero));
    private readonly InMemoryStores _real = new();
    private bool _down;
    private int _calls;

    [Fact]
    public async Task While_the_database_is_away_reads_give_defaults_without_waiting_and_it_is_tried_again_after_a_backoff()
    {
        var store = Create();
        await ((IChatSettingsStore)_real).SetAsync(Chat, new ChatSettings { Language = Language.German }, default);
        await _real.AppendAsync(Chat, new ConversationTurn("q", "a", _time.GetUtcNow()), default);
        IChatSettingsStore settings = store;

        _down = true;
        Assert.Null((await settings.GetAsync(Chat, default)).Language);
        Assert.True(store.Degraded);
        var callsWhenDown = _calls;

        // Inside the backoff the database is not asked at all: a question does not wait for connection attempts.
        Assert.Empty(await store.GetRecentAsync(Chat, 6, DateTimeOffset.MinValue, default));
        await store.AppendAsync(Chat, new ConversationTurn("lost", "x", _time.GetUtcNow()), default);
        Assert.Equal(callsWhenDown, _calls);

        _down = false;
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(Language.German, (await settings.GetAsync(Chat, default)).Language);
        Assert.False(store.Degraded);
        Assert.Equal(["q"], (await store.GetRecentAsync(Chat, 6, DateTimeOffset.MinValue, default)).Select(t => t.Question));
    }

    [Fact]
    public async Task Changing_a_setting_or_clearing_memory_fails_visibly_when_the_database_is_away()
    {
        var store = Create();
        _down = true;

        await Assert.ThrowsAsync<TimeoutException>(() => ((IChatSettingsStore)store).SetAsync(Chat, new ChatSettings { Language = Language.English }, default));
        await Assert.ThrowsAsync<TimeoutException>(() => store.ClearAsync(Chat, default));
    }

    private DegradingStateStore Create()
    {
        var settings = new Mock<IChatSettingsStore>();
        settings.Setup(s => s.GetAsync(It.IsAny<ChatKey>(), It.IsAny<CancellationToken>()))
            .Returns((ChatKey c, CancellationToken ct) => Call(() => ((IChatSettingsStore)_real).GetAsync(c, ct)));
        settings.Setup(s => s.SetAsync(It.IsAny<ChatKey>(), It.IsAny<ChatSettings>(), It.IsAny<CancellationToken>()))
            .Returns((ChatKey c, ChatSettings v, CancellationToken ct) => Call(async () =>
            {
                await ((IChatSettingsStore)_real).SetAsync(c, v, ct);
                return true;
            }));
        var memory = new Mock<IConversationStore>();
        memory.Setup(m => m.GetRecentAsync(It.IsAny<ChatKey>(), It.IsAny<int>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((ChatKey c, int n, DateTimeOffset since, CancellationToken ct) => Call(() => _real.GetRecentAsync(c, n, since, ct)));
        memory.Setup(m => m.AppendAsync(It.IsAny<ChatKey>(), It.IsAny<ConversationTurn>(), It.IsAny<CancellationToken>()))
            .Returns((ChatKey c, ConversationTurn t, CancellationToken ct) => Call(async () =>
            {
                await _real.AppendAsync(c, t, ct);
                return true;
            }));
        memory.Setup(m => m.ClearAsync(It.IsAny<ChatKey>(), It.IsAny<CancellationToken>()))
            .Returns((ChatKey c, CancellationToken ct) => Call(async () =>
            {
                await _real.ClearAsync(c, ct);
                return true;
            }));
        return new DegradingStateStore(settings.Object, memory.Object, _time, NullLogger<DegradingStateStore>.Instance);
    }

    private Task<T> Call<T>(Func<Task<T>> real)
    {
        _calls++;
        return _down ? Task.FromException<T>(new TimeoutException("the database is not reachable")) : real();
    }
}
