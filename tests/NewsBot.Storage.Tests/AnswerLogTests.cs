using NewsBot.Core.Chat;
using NewsBot.Core.State;
using NewsBot.Storage.Sqlite;
using NewsBot.Storage.Tests.Fakes;

namespace NewsBot.Storage.Tests;

/// <summary>The answer log contract, run against SQLite, PostgreSQL (migration 4 in both) and the in-memory log alike.</summary>
public sealed class AnswerLogTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private PostgresTestStore? _postgres;

    public static TheoryData<string> Logs => ["sqlite", "postgres", "memory"];

    public void Dispose()
    {
        _db.Dispose();
        _postgres?.Dispose();
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public async Task One_vote_per_user_and_answer_changeable_and_counted_per_chat_or_for_the_whole_bot(string kind)
    {
        var log = Create(kind);
        var telegram = new ChatKey(Platforms.Telegram, "-100");
        var discord = new ChatKey(Platforms.Discord, "-100");
        var first = await log.RecordAnswerAsync(Answer(telegram, "llm", "lisbon", 100, 20, Monday.AddDays(1)), None);
        var second = await log.RecordAnswerAsync(Answer(telegram, "extractive", "lisbon", 0, 0, Monday.AddDays(2)), None);
        var third = await log.RecordAnswerAsync(Answer(discord, "llm", "hamburg", 50, 5, Monday.AddDays(-1)), None);
        Assert.Equal(3, new[] { first, second, third }.Distinct().Count());

        Assert.Equal(VoteOutcome.Recorded, await log.VoteAsync(first, Platforms.Telegram, "ada", Vote.Good, Monday, None));
        Assert.Equal(VoteOutcome.Unchanged, await log.VoteAsync(first, Platforms.Telegram, "ada", Vote.Good, Monday, None));
        Assert.Equal(VoteOutcome.Changed, await log.VoteAsync(first, Platforms.Telegram, "ada", Vote.Bad, Monday, None));
        Assert.Equal(VoteOutcome.Recorded, await log.VoteAsync(first, Platforms.Telegram, "bob", Vote.Good, Monday, None));
        Assert.Equal(VoteOutcome.Recorded, await log.VoteAsync(third, Platforms.Discord, "ada", Vote.Good, Monday, None));
        Assert.Equal(VoteOutcome.UnknownAnswer, await log.VoteAsync(third + 1000, Platforms.Discord, "ada", Vote.Good, Monday, None));

        Assert.Equal(second, await log.LastAnswerAsync(telegram, None));
        Assert.Null(await log.LastAnswerAsync(new ChatKey(Platforms.Console, "console"), None));

        var chat = await log.GetStatsAsync(telegram, Monday, 5, None);
        Assert.Equal(2, chat.Questions);
        Assert.Equal(1, chat.AnswersByBackend["llm"]);
        Assert.Equal(1, chat.AnswersByBackend["extractive"]);
        Assert.Equal((1, 1), (chat.GoodVotes, chat.BadVotes));
        Assert.Equal(0.5, chat.HelpfulShare);
        Assert.Equal(("Article lisbon", 2L), Assert.Single(chat.TopTopics));
        Assert.Equal((100, 20), (chat.PromptTokens, chat.CompletionTokens));

        // The whole bot: the Discord answer from last week counts as a question, not in this week's tokens.
        var all = await log.GetStatsAsync(null, Monday, 5, None);
        Assert.Equal(3, all.Questions);
        Assert.Equal((2, 1), (all.GoodVotes, all.BadVotes));
        Assert.Equal([("Article lisbon", 2L), ("Article hamburg", 1L)], all.TopTopics);
        Assert.Equal((100, 20), (all.PromptTokens, all.CompletionTokens));
        var ever = await log.GetStatsAsync(null, DateTimeOffset.MinValue, 5, None);
        Assert.Equal((150, 25), (ever.PromptTokens, ever.CompletionTokens));
    }

    [Fact]
    public async Task Votes_survive_a_restart_on_the_same_file()
    {
        var chat = new ChatKey(Platforms.Telegram, "1");
        var id = await new SqliteAnswerLog(_db.Database).RecordAnswerAsync(Answer(chat, "llm", "lisbon", 1, 1, Monday), None);
        await new SqliteAnswerLog(_db.Database).VoteAsync(id, Platforms.Telegram, "ada", Vote.Good, Monday, None);

        _db.Reopen();

        var log = new SqliteAnswerLog(_db.Database);
        Assert.Equal(VoteOutcome.Unchanged, await log.VoteAsync(id, Platforms.Telegram, "ada", Vote.Good, Monday, None));
        Assert.Equal(1, (await log.GetStatsAsync(chat, Monday, 5, None)).GoodVotes);
    }

    private IAnswerLog Create(string kind) => kind switch
    {
        "sqlite" => new SqliteAnswerLog(_db.Database),
        "postgres" => new NewsBot.Storage.Postgres.PostgresAnswerLog((_postgres ??= new PostgresTestStore()).PostgresDatabase),
        _ => new InMemoryAnswerLog(),
    };

    private static AnswerRecord Answer(ChatKey chat, string backend, string article, long prompt, long completion, DateTimeOffset at) => new()
    {
        Platform = chat.Platform,
        ChatId = chat.ChatId,
        Command = "ask",
        Question = "Where?",
        Backend = backend,
        Language = "en",
        // Cited twice: counts once for the topic.
        Citations = [new Citation(1, article, "Article " + article, "2025-03-05", "src"), new Citation(2, article, "Article " + article, "2025-03-05", "src")],
        PromptTokens = prompt,
        CompletionTokens = completion,
        At = at,
    };
}
