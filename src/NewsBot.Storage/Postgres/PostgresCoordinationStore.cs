using NewsBot.Core.State;

namespace NewsBot.Storage.Postgres;

/// <summary>Leases and the shared update inbox in PostgreSQL: what lets several instances share one bot.</summary>
public sealed class PostgresCoordinationStore(PostgresDatabase database) : ILeaseStore, IUpdateInbox
{
    /// <summary>Telegram retries an update for up to a day; ids older than this cannot come again.</summary>
    internal static readonly TimeSpan UpdateRetention = TimeSpan.FromDays(2);

    public Task<bool> TryAcquireAsync(string name, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                // One statement: concurrent callers serialise on the row, and the loser sees the winner's lease in WHERE.
                await using var command = connection.Command(
                        """
                        INSERT INTO leases (name, owner, expires_at, acquired_at) VALUES (@name, @owner, @until, @now)
                        ON CONFLICT (name) DO UPDATE SET
                            owner = excluded.owner, expires_at = excluded.expires_at,
                            acquired_at = CASE WHEN leases.owner = excluded.owner THEN leases.acquired_at ELSE excluded.acquired_at END
                        WHERE leases.owner = excluded.owner OR leases.expires_at <= excluded.acquired_at;
                        """,
                        transaction)
                    .With("name", name)
                    .With("owner", owner)
                    .With("until", until)
                    .With("now", now);
                return await command.ExecuteNonQueryAsync(ct) == 1;
            },
            cancellationToken);

    public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command("DELETE FROM leases WHERE name = @name AND owner = @owner;", transaction)
                    .With("name", name)
                    .With("owner", owner);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    public Task<bool> TryAddAsync(string scope, string chat, long updateId, string payload, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                // The primary key decides: of two instances given the same update, exactly one inserts it.
                await using var insert = connection.Command(
                        """
                        INSERT INTO update_inbox (scope, update_id, chat, payload, received_at) VALUES (@scope, @id, @chat, @payload, @at)
                        ON CONFLICT DO NOTHING;
                        """,
                        transaction)
                    .With("scope", scope)
                    .With("id", updateId)
                    .With("chat", chat)
                    .With("payload", payload)
                    .With("at", at);
                var first = await insert.ExecuteNonQueryAsync(ct) == 1;

                await using var prune = connection.Command("DELETE FROM update_inbox WHERE received_at < @cutoff AND handled_at IS NOT NULL;", transaction)
                    .With("cutoff", at - UpdateRetention);
                await prune.ExecuteNonQueryAsync(ct);
                return first;
            },
            cancellationToken);

    public async Task<IAsyncDisposable?> TryLockChatAsync(string scope, string chat, CancellationToken cancellationToken)
    {
        await database.EnsureInitializedAsync(cancellationToken);

        // A session advisory lock on a connection kept for the holder: it goes away with the connection if the holder dies.
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var command = connection.Command("SELECT pg_try_advisory_lock(hashtextextended(@key, 0));")
                .With("key", $"inbox:{scope}:{chat}");
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new ChatLock(connection, $"inbox:{scope}:{chat}");
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public Task<IReadOnlyList<InboxUpdate>> PendingAsync(string scope, string chat, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<InboxUpdate>>(
            async (connection, ct) =>
            {
                await using var command = connection.Command(
                        "SELECT update_id, payload FROM update_inbox WHERE scope = @scope AND chat = @chat AND handled_at IS NULL ORDER BY update_id;")
                    .With("scope", scope)
                    .With("chat", chat);
                var list = new List<InboxUpdate>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    list.Add(new InboxUpdate(reader.GetInt64(0), reader.GetString(1)));
                }

                return list;
            },
            cancellationToken);

    public Task MarkHandledAsync(string scope, long updateId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command("UPDATE update_inbox SET handled_at = @at WHERE scope = @scope AND update_id = @id;", transaction)
                    .With("scope", scope)
                    .With("id", updateId)
                    .With("at", at);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    public Task<IReadOnlyList<string>> StalledChatsAsync(string scope, DateTimeOffset receivedBefore, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(
            async (connection, ct) =>
            {
                await using var command = connection.Command(
                        "SELECT DISTINCT chat FROM update_inbox WHERE scope = @scope AND handled_at IS NULL AND received_at < @before AND chat <> '';")
                    .With("scope", scope)
                    .With("before", receivedBefore);
                var chats = new List<string>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    chats.Add(reader.GetString(0));
                }

                return chats;
            },
            cancellationToken);

    private sealed class ChatLock(Npgsql.NpgsqlConnection connection, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = connection.Command("SELECT pg_advisory_unlock(hashtextextended(@key, 0));").With("key", key);
                await command.ExecuteNonQueryAsync();
            }
            catch (Npgsql.NpgsqlException)
            {
                // The connection is gone, and the server released the lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
