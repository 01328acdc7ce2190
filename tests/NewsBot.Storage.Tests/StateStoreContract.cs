using NewsBot.Core.Answers;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Storage.Tests.Fakes;

namespace NewsBot.Storage.Tests;

/// <summary>Settings, memory and key-values: the same behaviour on every provider.</summary>
public abstract class StateStoreContract : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private TestStore? _store;

    private IChatSettingsStore Settings => Db.Settings;

    private IConversationStore Memory => Db.Memory;

    private IKeyValueStore Values => Db.Values;

    private TestStore Db => _store ??= CreateStore();

    public void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh, empty store of the provider under test.</summary>
    protected abstract TestStore CreateStore(Action<StorageOptions>? configure = null);

    [Fact]
    public async Task Settings_of_an_unknown_chat_are_the_defaults()
    {
        var settings = await Settings.GetAsync(new ChatKey("telegram", "42"), None);

        Assert.Null(settings.Language);
    }

    [Fact]
    public async Task Settings_round_trip_and_survive_a_reopen()
    {
        var chat = new ChatKey("telegram", "-100123");
        await Settings.SetAsync(chat, new ChatSettings { Language = Language.German }, None);
        Assert.Equal(Language.German, (await Settings.GetAsync(chat, None)).Language);

        Db.Reopen();

        Assert.Equal(Language.German, (await Settings.GetAsync(chat, None)).Language);

        await Settings.SetAsync(chat, new ChatSettings { Language = null }, None);
        Db.Reopen();
        Assert.Null((await Settings.GetAsync(chat, None)).Language);
    }

    [Fact]
    public async Task The_same_chat_id_on_two_platforms_never_collides()
    {
        var onTelegram = new ChatKey("telegram", "12345");
        var onDiscord = new ChatKey("discord", "12345");

        await Settings.SetAsync(onTelegram, new ChatSettings { Language = Language.German }, None);
        await Settings.SetAsync(onDiscord, new ChatSettings { Language = Language.English }, None);
        await Memory.AppendAsync(onTelegram, new ConversationTurn("Wer ist Lawrow?", "Russlands Außenminister.", Db.Time.GetUtcNow()), None);

        Assert.Equal(Language.German, (await Settings.GetAsync(onTelegram, None)).Language);
        Assert.Equal(Language.English, (await Settings.GetAsync(onDiscord, None)).Language);
        Assert.Single(await Memory.GetRecentAsync(onTelegram, 10, DateTimeOffset.MinValue, None));
        Assert.Empty(await Memory.GetRecentAsync(onDiscord, 10, DateTimeOffset.MinValue, None));

        await Memory.ClearAsync(onDiscord, None);
        Assert.Single(await Memory.GetRecentAsync(onTelegram, 10, DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task Memory_returns_the_most_recent_turns_oldest_first_and_survives_a_reopen()
    {
        var chat = new ChatKey("discord", "777");
        var start = Db.Time.GetUtcNow();
        for (var i = 1; i <= 5; i++)
        {
            await Memory.AppendAsync(chat, new ConversationTurn($"question {i}", $"answer {i}", start.AddMinutes(i)), None);
        }

        Db.Reopen();
        var recent = await Memory.GetRecentAsync(chat, 3, DateTimeOffset.MinValue, None);

        Assert.Equal(["question 3", "question 4", "question 5"], recent.Select(t => t.Question));
        Assert.Equal("answer 5", recent[^1].Answer);
        Assert.Equal(start.AddMinutes(5), recent[^1].At);
    }

    [Fact]
    public async Task Memory_is_bounded_by_age_as_asked()
    {
        var chat = new ChatKey("telegram", "1");
        var now = Db.Time.GetUtcNow();
        await Memory.AppendAsync(chat, new ConversationTurn("old", "a", now.AddHours(-2)), None);
        await Memory.AppendAsync(chat, new ConversationTurn("recent", "b", now.AddMinutes(-5)), None);

        var recent = await Memory.GetRecentAsync(chat, 10, now.AddMinutes(-30), None);

        Assert.Equal(["recent"], recent.Select(t => t.Question));
    }

    [Fact]
    public async Task Times_with_an_offset_keep_their_instant_and_compare_correctly()
    {
        var chat = new ChatKey("telegram", "tz");
        var berlin = TimeSpan.FromHours(1);
        var at = new DateTimeOffset(2026, 11, 24, 8, 0, 0, berlin); // 07:00 UTC
        await Memory.AppendAsync(chat, new ConversationTurn("q", "a", at), None);

        var since = new DateTimeOffset(2026, 11, 24, 7, 30, 0, TimeSpan.Zero);
        Assert.Empty(await Memory.GetRecentAsync(chat, 10, since, None));

        var all = await Memory.GetRecentAsync(chat, 10, at.AddTicks(-1), None);
        Assert.Equal(at, Assert.Single(all).At);
    }

    [Fact]
    public async Task Stored_memory_is_pruned_to_the_configured_count_per_chat()
    {
        using var db = CreateStore(o => o.MaxTurnsPerChat = 3);
        IConversationStore memory = db.Memory;
        var chat = new ChatKey("telegram", "busy");
        var other = new ChatKey("telegram", "quiet");
        await memory.AppendAsync(other, new ConversationTurn("keep me", "x", db.Time.GetUtcNow()), None);
        for (var i = 1; i <= 6; i++)
        {
            await memory.AppendAsync(chat, new ConversationTurn($"q{i}", "a", db.Time.GetUtcNow()), None);
        }

        var stored = await memory.GetRecentAsync(chat, 100, DateTimeOffset.MinValue, None);

        Assert.Equal(["q4", "q5", "q6"], stored.Select(t => t.Question));
        Assert.Single(await memory.GetRecentAsync(other, 100, DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task Stored_memory_older_than_the_retention_is_pruned()
    {
        using var db = CreateStore(o => o.ConversationRetentionDays = 2);
        IConversationStore memory = db.Memory;
        var chat = new ChatKey("discord", "c");
        await memory.AppendAsync(chat, new ConversationTurn("three days ago", "a", db.Time.GetUtcNow()), None);

        db.Time.Advance(TimeSpan.FromDays(3));
        await memory.AppendAsync(chat, new ConversationTurn("today", "b", db.Time.GetUtcNow()), None);

        var stored = await memory.GetRecentAsync(chat, 100, DateTimeOffset.MinValue, None);
        Assert.Equal(["today"], stored.Select(t => t.Question));
    }

    [Fact]
    public async Task Clear_forgets_the_chat_and_stays_cleared_after_a_reopen()
    {
        var chat = new ChatKey("console", "local");
        await Memory.AppendAsync(chat, new ConversationTurn("q", "a", Db.Time.GetUtcNow()), None);

        await Memory.ClearAsync(chat, None);
        Db.Reopen();

        Assert.Empty(await Memory.GetRecentAsync(chat, 10, DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task Key_values_round_trip_overwrite_and_survive_a_reopen()
    {
        Assert.Null(await Values.GetAsync("telegram:offset", None));

        await Values.SetAsync("telegram:offset", "100", None);
        await Values.SetAsync("telegram:offset", "101", None);
        await Values.SetAsync("discord:commands", "hash-ä€", None);
        Db.Reopen();

        Assert.Equal("101", await Values.GetAsync("telegram:offset", None));
        Assert.Equal("hash-ä€", await Values.GetAsync("discord:commands", None));
    }

    [Fact]
    public async Task Text_that_looks_like_sql_is_stored_as_text()
    {
        var chat = new ChatKey("telegram", "x'); DROP TABLE chat_settings; --");
        await Memory.AppendAsync(chat, new ConversationTurn("'; DELETE FROM conversation_turns; --", "ok", Db.Time.GetUtcNow()), None);
        await Settings.SetAsync(chat, new ChatSettings { Language = Language.English }, None);

        Assert.Equal(Language.English, (await Settings.GetAsync(chat, None)).Language);
        Assert.Single(await Memory.GetRecentAsync(chat, 10, DateTimeOffset.MinValue, None));
    }
}

public sealed class SqliteStateStoreTests : StateStoreContract
{
    protected override TestStore CreateStore(Action<StorageOptions>? configure = null) => new SqliteTestStore(configure);
}

public sealed class PostgresStateStoreTests : StateStoreContract
{
    protected override TestStore CreateStore(Action<StorageOptions>? configure = null) => new PostgresTestStore(configure);
}
