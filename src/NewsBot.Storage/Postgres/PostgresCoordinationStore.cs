using NewsBot.Core.State;

namespace NewsBot.Storage.Postgres;

/// <summary>Leases and the log of handled updates in PostgreSQL: what lets several instances share one bot.</summary>
public sealed class PostgresCoordinationStore(PostgresDatabase database) : ILeaseStore, IUpdateLog
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

    public Task<bool> TryRecordAsync(string scope, long updateId, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                // The primary key decides: of two instances given the same update, exactly one inserts it.
                await using var insert = connection.Command(
                        "INSERT INTO processed_updates (scope, update_id, recorded_at) VALUES (@scope, @id, @at) ON CONFLICT DO NOTHING;",
                        transaction)
                    .With("scope", scope)
                    .With("id", updateId)
                    .With("at", at);
                var first = await insert.ExecuteNonQueryAsync(ct) == 1;

                await using var prune = connection.Command("DELETE FROM processed_updates WHERE recorded_at < @cutoff;", transaction)
                    .With("cutoff", at - UpdateRetention);
                await prune.ExecuteNonQueryAsync(ct);
                return first;
            },
            cancellationToken);
}
