using System.Text.Json;
using NewsBot.Core.State;
using NewsBot.Storage.Sqlite;

namespace NewsBot.Storage.Postgres;

/// <summary>The answer log and votes in PostgreSQL (migration 4), with the SQLite log's semantics: one vote per user and answer.</summary>
public sealed class PostgresAnswerLog(PostgresDatabase database) : IAnswerLog
{
    public Task<long> RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var insert = connection.Command(
                        """
                        INSERT INTO answers (platform, chat_id, command, question, backend, language, citations, prompt_tokens, completion_tokens, at)
                        VALUES (@platform, @chat, @command, @question, @backend, @language, @citations, @prompt, @completion, @at)
                        RETURNING id;
                        """,
                        transaction)
                    .With("platform", answer.Platform)
                    .With("chat", answer.ChatId)
                    .With("command", answer.Command)
                    .With("question", answer.Question)
                    .With("backend", answer.Backend)
                    .With("language", answer.Language)
                    .With("citations", JsonSerializer.Serialize(answer.Citations, SqliteStateStore.Json))
                    .With("prompt", answer.PromptTokens)
                    .With("completion", answer.CompletionTokens)
                    .With("at", answer.At);
                var id = (long)(await insert.ExecuteScalarAsync(ct))!;
                foreach (var citation in answer.Citations.DistinctBy(c => c.ArticleId))
                {
                    await using var cite = connection.Command(
                            "INSERT INTO answer_citations (answer_id, article_id, title) VALUES (@id, @article, @title);",
                            transaction)
                        .With("id", id)
                        .With("article", citation.ArticleId)
                        .With("title", citation.Title);
                    await cite.ExecuteNonQueryAsync(ct);
                }

                return id;
            },
            cancellationToken);

    public Task<VoteOutcome> VoteAsync(long answerId, string platform, string userId, Vote vote, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var exists = connection.Command("SELECT 1 FROM answers WHERE id = @id;", transaction).With("id", answerId);
                if (await exists.ExecuteScalarAsync(ct) is null)
                {
                    return VoteOutcome.UnknownAnswer;
                }

                // The row lock makes two presses of one user, on two instances at once, count as one vote.
                await using var before = connection.Command(
                        "SELECT vote FROM votes WHERE answer_id = @id AND platform = @platform AND user_id = @user FOR UPDATE;",
                        transaction)
                    .With("id", answerId)
                    .With("platform", platform)
                    .With("user", userId);
                var previous = await before.ExecuteScalarAsync(ct) as string;
                var value = vote == Vote.Good ? "good" : "bad";
                if (previous == value)
                {
                    return VoteOutcome.Unchanged;
                }

                await using var upsert = connection.Command(
                        """
                        INSERT INTO votes (answer_id, platform, user_id, vote, at) VALUES (@id, @platform, @user, @vote, @at)
                        ON CONFLICT (answer_id, platform, user_id) DO UPDATE SET vote = excluded.vote, at = excluded.at;
                        """,
                        transaction)
                    .With("id", answerId)
                    .With("platform", platform)
                    .With("user", userId)
                    .With("vote", value)
                    .With("at", at);
                await upsert.ExecuteNonQueryAsync(ct);
                return previous is null ? VoteOutcome.Recorded : VoteOutcome.Changed;
            },
            cancellationToken);

    public Task<long?> LastAnswerAsync(ChatKey chat, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, ct) =>
            {
                await using var command = connection.Command("SELECT max(id) FROM answers WHERE platform = @platform AND chat_id = @chat;").With(chat);
                return await command.ExecuteScalarAsync(ct) is long id ? id : (long?)null;
            },
            cancellationToken);

    public Task<AnswerStats> GetStatsAsync(ChatKey? chat, DateTimeOffset tokensSince, int topTopics, CancellationToken cancellationToken) =>
        database.ReadAsync(
            (connection, ct) => AnswerStatsQuery.ReadAsync(connection, chat, tokensSince, tokensSince.ToUniversalTime(), topTopics, "c.title COLLATE \"C\"", ct),
            cancellationToken);
}
