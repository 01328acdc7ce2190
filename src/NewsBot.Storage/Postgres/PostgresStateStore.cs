using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Answers;
using NewsBot.Core.State;
using NewsBot.Storage.Sqlite;

namespace NewsBot.Storage.Postgres;

/// <summary>Per-chat settings, conversation memory and small named values in PostgreSQL, keyed by (platform, chat id).</summary>
public sealed class PostgresStateStore(
    PostgresDatabase database,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<PostgresStateStore> logger) : IChatSettingsStore, IConversationStore, IKeyValueStore
{
    async Task<ChatSettings> IChatSettingsStore.GetAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        var json = await database.ReadAsync(
            async (connection, ct) =>
            {
                await using var command = connection.Command("SELECT settings FROM chat_settings WHERE platform = @platform AND chat_id = @chat;").With(chat);
                return await command.ExecuteScalarAsync(ct) as string;
            },
            cancellationToken);

        if (json is null)
        {
            return new ChatSettings();
        }

        try
        {
            // The same JSON document as in SQLite, so a new setting needs no migration here either.
            return JsonSerializer.Deserialize<ChatSettings>(json, SqliteStateStore.Json) ?? new ChatSettings();
        }
        catch (JsonException ex)
        {
            Log.UnreadableSettings(logger, chat.ToString(), ex);
            return new ChatSettings();
        }
    }

    Task IChatSettingsStore.SetAsync(ChatKey chat, ChatSettings settings, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(settings, SqliteStateStore.Json);
        var now = timeProvider.GetUtcNow();
        return database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command(
                        """
                        INSERT INTO chat_settings (platform, chat_id, settings, updated_at) VALUES (@platform, @chat, @settings, @now)
                        ON CONFLICT (platform, chat_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at;
                        """,
                        transaction)
                    .With(chat)
                    .With("settings", json)
                    .With("now", now);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ConversationTurn>> GetRecentAsync(ChatKey chat, int maxTurns, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (maxTurns <= 0)
        {
            return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
        }

        return database.ReadAsync<IReadOnlyList<ConversationTurn>>(
            async (connection, ct) =>
            {
                await using var command = connection.Command(
                        """
                        SELECT question, answer, at FROM conversation_turns
                        WHERE platform = @platform AND chat_id = @chat AND at >= @since
                        ORDER BY id DESC LIMIT @max;
                        """)
                    .With(chat)
                    .With("since", since)
                    .With("max", maxTurns);
                var turns = new List<ConversationTurn>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    turns.Add(new ConversationTurn(reader.GetString(0), reader.GetString(1), reader.GetTime(2)));
                }

                turns.Reverse();
                return turns;
            },
            cancellationToken);
    }

    public Task AppendAsync(ChatKey chat, ConversationTurn turn, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var cutoff = timeProvider.GetUtcNow().AddDays(-limits.ConversationRetentionDays);
        return database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using (var insert = connection.Command(
                        "INSERT INTO conversation_turns (platform, chat_id, question, answer, at) VALUES (@platform, @chat, @question, @answer, @at);",
                        transaction)
                    .With(chat)
                    .With("question", turn.Question)
                    .With("answer", turn.Answer)
                    .With("at", turn.At))
                {
                    await insert.ExecuteNonQueryAsync(ct);
                }

                // Keep the table bounded: the newest MaxTurnsPerChat turns of this chat, none older than the retention.
                await using var prune = connection.Command(
                        """
                        DELETE FROM conversation_turns
                        WHERE platform = @platform AND chat_id = @chat
                          AND (at < @cutoff OR id < (
                                SELECT min(id) FROM (
                                    SELECT id FROM conversation_turns WHERE platform = @platform AND chat_id = @chat
                                    ORDER BY id DESC LIMIT @keep) AS newest));
                        """,
                        transaction)
                    .With(chat)
                    .With("cutoff", cutoff)
                    .With("keep", limits.MaxTurnsPerChat);
                await prune.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    public Task ClearAsync(ChatKey chat, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command("DELETE FROM conversation_turns WHERE platform = @platform AND chat_id = @chat;", transaction)
                    .With(chat);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    Task<string?> IKeyValueStore.GetAsync(string key, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, ct) =>
            {
                await using var command = connection.Command("SELECT value FROM key_values WHERE key = @key;").With("key", key);
                return await command.ExecuteScalarAsync(ct) as string;
            },
            cancellationToken);

    Task IKeyValueStore.SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command(
                        """
                        INSERT INTO key_values (key, value, updated_at) VALUES (@key, @value, @now)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
                        """,
                        transaction)
                    .With("key", key)
                    .With("value", value)
                    .With("now", now);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }
}
