using NewsBot.Core.State;

namespace NewsBot.Storage.Sqlite;

/// <summary>
/// Leases and the update inbox in SQLite. One file serves one machine, but the semantics match PostgreSQL's,
/// so the scheduler and adapters run the same code on either store.
/// </summary>
public sealed class SqliteCoordinationStore(SqliteDatabase database) : ILeaseStore, IUpdateInbox
{
    private readonly HashSet<string> _locks = new(StringComparer.Ordinal);

    private static readonly TimeSpan UpdateRetention = TimeSpan.FromDays(2);

    public Task<bool> TryAcquireAsync(string name, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command(
                        """
                        INSERT INTO leases (name, owner, expires_at, acquired_at) VALUES ($name, $owner, $until, $now)
                        ON CONFLICT (name) DO UPDATE SET
                            owner = excluded.owner, expires_at = excluded.expires_at,
                            acquired_at = CASE WHEN leases.owner = excluded.owner THEN leases.acquired_at ELSE excluded.acquired_at END
                        WHERE leases.owner = excluded.owner OR leases.expires_at <= excluded.acquired_at;
                        """,
                        transaction)
                    .With("$name", name)
                    .With("$owner", owner)
                    .With("$until", until.ToDbTime())
                    .With("$now", now.ToDbTime());
                return await command.ExecuteNonQueryAsync(ct) == 1;
            },
            cancellationToken);

    public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var command = connection.Command("DELETE FROM leases WHERE name = $name AND owner = $owner;", transaction)
                    .With("$name", name)
                    .With("$owner", owner);
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    public Task<bool> TryAddAsync(string scope, string chat, long updateId, string payload, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                await using var insert = connection.Command(
                        """
                        INSERT INTO update_inbox (scope, update_id, chat, payload, received_at) VALUES ($scope, $id, $chat, $payload, $at)
                        ON CONFLICT DO NOTHING;
                        """,
                        transaction)
                    .With("$scope", scope)
                    .With("$id", updateId)
                    .With("$chat", chat)
                    .With("$payload", payload)
                    .With("$at", at.ToDbTime());
                var first = await insert.ExecuteNonQueryAsync(ct) == 1;

                await using var prune = connection.Command("DELETE FROM update_inbox WHERE received_at < $cutoff AND handled_at IS NOT NULL;", transaction)
                    .With("$cutoff", (at - UpdateRetention).ToDbTime());
                await prune.ExecuteNonQueryAsync(ct);
                return first;
            },
            cancellationToken);

    /// <summary>One file serves one process, so the chat lock is a process-local one.</summary>
    public Task<IAsyncDisposable?> TryLockChatAsync(string scope, string chat, CancellationToken cancellationToken)
    {
        var key = $"{scope}:{chat}";
        lock (_locks)
        {
            return Task.FromResult<IAsyncDisposable?>(_locks.Add(key) ? new ChatLock(this, key) : null);
        }
    }

    public Task<IReadOnlyList<InboxUpdate>> PendingAsync(string scope, string chat, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<InboxUpdate>>(
            async (connection, ct) =>
            {
                await using var command = connection.Command(
                        "SELECT update_id, payload FROM update_inbox WHERE scope = $scope AND chat = $chat AND handled_at IS NULL ORDER BY update_id;")
                    .With("$scope", scope)
                    .With("$chat", chat);
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
                await using var command = connection.Command("UPDATE update_inbox SET handled_at = $at WHERE scope = $scope AND update_id = $id;", transaction)
                    .With("$scope", scope)
                    .With("$id", updateId)
                    .With("$at", at.ToDbTime());
                await command.ExecuteNonQueryAsync(ct);
            },
            cancellationToken);

    public Task<IReadOnlyList<string>> StalledChatsAsync(string scope, DateTimeOffset receivedBefore, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(
            async (connection, ct) =>
            {
                await using var command = connection.Command(
                        "SELECT DISTINCT chat FROM update_inbox WHERE scope = $scope AND handled_at IS NULL AND received_at < $before AND chat <> '';")
                    .With("$scope", scope)
                    .With("$before", receivedBefore.ToDbTime());
                var chats = new List<string>();
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    chats.Add(reader.GetString(0));
                }

                return chats;
            },
            cancellationToken);

    private sealed class ChatLock(SqliteCoordinationStore owner, string key) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lock (owner._locks)
            {
                owner._locks.Remove(key);
            }

            return ValueTask.CompletedTask;
        }
    }
}
