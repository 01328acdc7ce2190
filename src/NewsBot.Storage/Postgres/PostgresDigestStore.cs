using System.Text.Json;
using Npgsql;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;

namespace NewsBot.Storage.Postgres;

/// <summary>Digest subscriptions, the digest outbox and the last digest per target, in PostgreSQL.</summary>
public sealed class PostgresDigestStore(PostgresDatabase database, TimeProvider timeProvider)
    : IDigestSubscriptionStore, IDigestOutbox, IDigestHistoryStore
{
    private const string SubscriptionColumns = "name, platform, chat_id, cron, time_zone, language, max_articles, disabled, disabled_reason";
    private const string OutboxColumns = "key, platform, chat_id, payload, created_at, sent_at, attempts, last_error, abandoned_at";

    public Task AddAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command(
                        """
                        INSERT INTO digest_subscriptions (name, platform, chat_id, cron, time_zone, language, max_articles, disabled, disabled_reason, disabled_at, updated_at)
                        VALUES (@name, @platform, @chat, @cron, @zone, @language, @max, @disabled, @reason, @disabledAt, @now)
                        ON CONFLICT (name) DO UPDATE SET
                            platform = excluded.platform, chat_id = excluded.chat_id, cron = excluded.cron, time_zone = excluded.time_zone,
                            language = excluded.language, max_articles = excluded.max_articles, disabled = excluded.disabled,
                            disabled_reason = excluded.disabled_reason, disabled_at = excluded.disabled_at, updated_at = excluded.updated_at;
                        """,
                        transaction)
                    .With("name", subscription.Name)
                    .With(subscription.Target)
                    .With("cron", subscription.Cron)
                    .With("zone", subscription.TimeZone)
                    .With("language", subscription.Language.ToCode())
                    .With("max", subscription.MaxArticles)
                    .With("disabled", subscription.Disabled)
                    .With("reason", subscription.Disabled ? subscription.DisabledReason : null)
                    .With("now", now);
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("disabledAt", subscription.Disabled ? now.ToUniversalTime() : null));
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command("DELETE FROM digest_subscriptions WHERE name = @name;", transaction).With("name", name);
                return await command.ExecuteNonQueryAsync(ct) > 0;
            },
            cancellationToken);

    async Task<DigestSubscription?> IDigestSubscriptionStore.GetAsync(string name, CancellationToken cancellationToken)
    {
        var found = await QuerySubscriptionsAsync($"SELECT {SubscriptionColumns} FROM digest_subscriptions WHERE name = @name;", c => c.With("name", name), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<DigestSubscription>> ListAsync(ChatKey target, CancellationToken cancellationToken) =>
        QuerySubscriptionsAsync(
            $"SELECT {SubscriptionColumns} FROM digest_subscriptions WHERE platform = @platform AND chat_id = @chat ORDER BY name COLLATE \"C\";",
            c => c.With(target),
            cancellationToken);

    public Task<IReadOnlyList<DigestSubscription>> ListAllAsync(CancellationToken cancellationToken) =>
        QuerySubscriptionsAsync($"SELECT {SubscriptionColumns} FROM digest_subscriptions ORDER BY name COLLATE \"C\";", _ => { }, cancellationToken);

    public Task<bool> DisableAsync(string name, string reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        return database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command(
                        "UPDATE digest_subscriptions SET disabled = true, disabled_reason = @reason, disabled_at = @now, updated_at = @now WHERE name = @name;",
                        transaction)
                    .With("name", name)
                    .With("reason", reason)
                    .With("now", now);
                return await command.ExecuteNonQueryAsync(ct) > 0;
            },
            cancellationToken);
    }

    public Task<bool> TryAddAsync(OutboxEntry entry, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                // The key is the primary key: a second add of the same occurrence, from any instance, changes nothing.
                await using var command = connection.Command(
                        $"""
                        INSERT INTO outbox ({OutboxColumns}) VALUES (@key, @platform, @chat, @payload, @created, @sent, @attempts, @error, @abandoned)
                        ON CONFLICT (key) DO NOTHING;
                        """,
                        transaction)
                    .With("key", entry.Key)
                    .With(entry.Target)
                    .With("payload", entry.Payload)
                    .With("created", entry.CreatedAt)
                    .With("attempts", entry.Attempts)
                    .With("error", entry.LastError);
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("sent", entry.SentAt?.ToUniversalTime()));
                command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("abandoned", entry.AbandonedAt?.ToUniversalTime()));
                return await command.ExecuteNonQueryAsync(ct) == 1;
            },
            cancellationToken);

    async Task<OutboxEntry?> IDigestOutbox.GetAsync(string key, CancellationToken cancellationToken)
    {
        var found = await QueryOutboxAsync($"SELECT {OutboxColumns} FROM outbox WHERE key = @key;", c => c.With("key", key), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public Task<IReadOnlyList<OutboxEntry>> GetUnsentAsync(CancellationToken cancellationToken) =>
        QueryOutboxAsync(
            $"SELECT {OutboxColumns} FROM outbox WHERE sent_at IS NULL AND abandoned_at IS NULL ORDER BY created_at, key COLLATE \"C\";",
            _ => { },
            cancellationToken);

    public Task MarkSentAsync(string key, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command("UPDATE outbox SET sent_at = @at WHERE key = @key;", transaction)
                    .With("key", key)
                    .With("at", at);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    public Task<int> RecordFailureAsync(string key, string error, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command(
                        "UPDATE outbox SET attempts = attempts + 1, last_error = @error WHERE key = @key RETURNING attempts;",
                        transaction)
                    .With("key", key)
                    .With("error", error);
                return await command.ExecuteScalarAsync(ct) is int attempts ? attempts : 0;
            },
            cancellationToken);

    public Task AbandonAsync(string key, string reason, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command("UPDATE outbox SET abandoned_at = @at, last_error = @reason WHERE key = @key;", transaction)
                    .With("key", key)
                    .With("reason", reason)
                    .With("at", at);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    public Task<LastDigest?> GetLastDigestAsync(string targetKey, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, ct) =>
            {
                await using var command = connection.Command("SELECT last_article_added_at, article_ids FROM last_digests WHERE target_key = @target;")
                    .With("target", targetKey);
                await using var reader = await command.ExecuteReaderAsync(ct);
                if (!await reader.ReadAsync(ct))
                {
                    return null;
                }

                var ids = JsonSerializer.Deserialize<List<string>>(reader.GetString(1)) ?? [];
                return new LastDigest(reader.GetTime(0), ids);
            },
            cancellationToken);

    public Task SetLastDigestAsync(string targetKey, DateTimeOffset lastArticleAddedAt, IReadOnlyList<string> articleIds, CancellationToken cancellationToken)
    {
        var ids = JsonSerializer.Serialize(articleIds);
        var now = timeProvider.GetUtcNow();
        return database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command(
                        """
                        INSERT INTO last_digests (target_key, last_article_added_at, article_ids, updated_at) VALUES (@target, @last, @ids, @now)
                        ON CONFLICT (target_key) DO UPDATE SET
                            last_article_added_at = excluded.last_article_added_at, article_ids = excluded.article_ids, updated_at = excluded.updated_at;
                        """,
                        transaction)
                    .With("target", targetKey)
                    .With("last", lastArticleAddedAt)
                    .With("ids", ids)
                    .With("now", now);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);
    }

    private Task<IReadOnlyList<DigestSubscription>> QuerySubscriptionsAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<DigestSubscription>>(
            async (connection, ct) =>
            {
                await using var command = connection.Command(sql);
                bind(command);
                var list = new List<DigestSubscription>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    list.Add(new DigestSubscription(
                        reader.GetString(0),
                        new ChatKey(reader.GetString(1), reader.GetString(2)),
                        reader.GetString(3),
                        reader.GetString(4),
                        LanguageCodes.TryParse(reader.GetString(5)) ?? Language.English,
                        reader.GetInt32(6),
                        reader.GetBoolean(7))
                    {
                        DisabledReason = reader.GetStringOrNull(8),
                    });
                }

                return list;
            },
            cancellationToken);

    private Task<IReadOnlyList<OutboxEntry>> QueryOutboxAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OutboxEntry>>(
            async (connection, ct) =>
            {
                await using var command = connection.Command(sql);
                bind(command);
                var list = new List<OutboxEntry>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    list.Add(new OutboxEntry(
                        reader.GetString(0),
                        new ChatKey(reader.GetString(1), reader.GetString(2)),
                        reader.GetString(3),
                        reader.GetTime(4),
                        reader.GetTimeOrNull(5),
                        reader.GetInt32(6),
                        reader.GetStringOrNull(7))
                    {
                        AbandonedAt = reader.GetTimeOrNull(8),
                    });
                }

                return list;
            },
            cancellationToken);
}
