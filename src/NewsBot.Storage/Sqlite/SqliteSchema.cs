using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NewsBot.Storage.Sqlite;

/// <summary>
/// The schema as ordered migrations; <c>PRAGMA user_version</c> records the last one applied.
/// Append new migrations at the end; never edit one that has shipped.
/// Times are stored as ISO 8601 text in UTC (fixed width, so they sort and compare as text).
/// </summary>
public static class SqliteSchema
{
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new(1, "chat settings, conversation memory, key-value", """
            CREATE TABLE chat_settings (
                platform   TEXT NOT NULL,
                chat_id    TEXT NOT NULL,
                settings   TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (platform, chat_id)
            ) WITHOUT ROWID;

            CREATE TABLE conversation_turns (
                id       INTEGER PRIMARY KEY AUTOINCREMENT,
                platform TEXT NOT NULL,
                chat_id  TEXT NOT NULL,
                question TEXT NOT NULL,
                answer   TEXT NOT NULL,
                at       TEXT NOT NULL
            );
            CREATE INDEX ix_conversation_turns_chat ON conversation_turns (platform, chat_id, id);

            CREATE TABLE key_values (
                key        TEXT NOT NULL PRIMARY KEY,
                value      TEXT NOT NULL,
                updated_at TEXT NOT NULL
            ) WITHOUT ROWID;
            """),
        new(2, "digest subscriptions, outbox, last digest per target", """
            CREATE TABLE digest_subscriptions (
                name            TEXT NOT NULL PRIMARY KEY,
                platform        TEXT NOT NULL,
                chat_id         TEXT NOT NULL,
                cron            TEXT NOT NULL,
                time_zone       TEXT NOT NULL,
                language        TEXT NOT NULL,
                max_articles    INTEGER NOT NULL,
                disabled        INTEGER NOT NULL DEFAULT 0,
                disabled_reason TEXT,
                disabled_at     TEXT,
                updated_at      TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX ix_digest_subscriptions_target ON digest_subscriptions (platform, chat_id);

            CREATE TABLE outbox (
                key          TEXT NOT NULL PRIMARY KEY,
                platform     TEXT NOT NULL,
                chat_id      TEXT NOT NULL,
                payload      TEXT NOT NULL,
                created_at   TEXT NOT NULL,
                sent_at      TEXT,
                attempts     INTEGER NOT NULL DEFAULT 0,
                last_error   TEXT,
                abandoned_at TEXT
            ) WITHOUT ROWID;
            CREATE INDEX ix_outbox_unsent ON outbox (created_at) WHERE sent_at IS NULL AND abandoned_at IS NULL;

            CREATE TABLE last_digests (
                target_key            TEXT NOT NULL PRIMARY KEY,
                last_article_added_at TEXT NOT NULL,
                article_ids           TEXT NOT NULL,
                updated_at            TEXT NOT NULL
            ) WITHOUT ROWID;
            """),
        new(3, "leases between instances, the shared update inbox", """
            CREATE TABLE leases (
                name        TEXT NOT NULL PRIMARY KEY,
                owner       TEXT NOT NULL,
                expires_at  TEXT NOT NULL,
                acquired_at TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE update_inbox (
                scope       TEXT NOT NULL,
                update_id   INTEGER NOT NULL,
                chat        TEXT NOT NULL,
                payload     TEXT NOT NULL,
                received_at TEXT NOT NULL,
                handled_at  TEXT,
                PRIMARY KEY (scope, update_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_update_inbox_pending ON update_inbox (scope, chat, update_id) WHERE handled_at IS NULL;
            CREATE INDEX ix_update_inbox_received ON update_inbox (received_at);
            """),
        new(4, "answer log and votes", """
            CREATE TABLE answers (
                id                INTEGER PRIMARY KEY AUTOINCREMENT,
                platform          TEXT NOT NULL,
                chat_id           TEXT NOT NULL,
                command           TEXT NOT NULL,
                question          TEXT NOT NULL,
                backend           TEXT NOT NULL,
                language          TEXT NOT NULL,
                citations         TEXT NOT NULL,
                prompt_tokens     INTEGER NOT NULL DEFAULT 0,
                completion_tokens INTEGER NOT NULL DEFAULT 0,
                at                TEXT NOT NULL
            );
            CREATE INDEX ix_answers_chat ON answers (platform, chat_id, id);
            CREATE INDEX ix_answers_at ON answers (at);

            CREATE TABLE answer_citations (
                answer_id  INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
                article_id TEXT NOT NULL,
                title      TEXT NOT NULL,
                PRIMARY KEY (answer_id, article_id)
            ) WITHOUT ROWID;
            CREATE INDEX ix_answer_citations_article ON answer_citations (article_id);

            CREATE TABLE votes (
                answer_id  INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
                platform   TEXT NOT NULL,
                user_id    TEXT NOT NULL,
                vote       TEXT NOT NULL CHECK (vote IN ('good', 'bad')),
                at         TEXT NOT NULL,
                PRIMARY KEY (answer_id, platform, user_id)
            ) WITHOUT ROWID;
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;

    public static async Task<int> GetVersionAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Applies the migrations above the file's version up to <paramref name="targetVersion"/>, each in its own
    /// transaction together with its version bump, so a crash leaves the file at a whole version. Returns the version reached.
    /// </summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, int targetVersion, CancellationToken cancellationToken)
    {
        var version = await GetVersionAsync(connection, cancellationToken);
        foreach (var migration in Migrations.Where(m => m.Version <= targetVersion).OrderBy(m => m.Version))
        {
            if (migration.Version <= version)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction(deferred: false);

            // Another process may have migrated while we waited for the write lock.
            version = await GetVersionAsync(connection, cancellationToken, transaction);
            if (migration.Version <= version)
            {
                transaction.Rollback();
                continue;
            }

            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = migration.Sql + $"\nPRAGMA user_version = {migration.Version.ToString(CultureInfo.InvariantCulture)};";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            transaction.Commit();
            version = migration.Version;
        }

        return version;
    }
}

/// <summary>One schema step: the SQL that takes the file from <c>Version - 1</c> to <c>Version</c>.</summary>
public sealed record SqliteMigration(int Version, string Description, string Sql);
