namespace NewsBot.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema as ordered migrations; <c>schema_migrations</c> records each one applied (and by whom).
/// Append new migrations at the end; never edit one that has shipped. Times are <c>timestamptz</c>.
/// </summary>
public static class PostgresSchema
{
    /// <summary>The advisory lock held while migrating, so instances starting together migrate once, one after another.</summary>
    public const long MigrationLockKey = 0x4E657773426F7401; // "NewsBot" + 1

    public static IReadOnlyList<PostgresMigration> Migrations { get; } =
    [
        new(1, "chat settings, conversation memory, key-value", """
            CREATE TABLE chat_settings (
                platform   text NOT NULL,
                chat_id    text NOT NULL,
                settings   text NOT NULL,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (platform, chat_id)
            );

            CREATE TABLE conversation_turns (
                id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                platform text NOT NULL,
                chat_id  text NOT NULL,
                question text NOT NULL,
                answer   text NOT NULL,
                at       timestamptz NOT NULL
            );
            CREATE INDEX ix_conversation_turns_chat ON conversation_turns (platform, chat_id, id);

            CREATE TABLE key_values (
                key        text NOT NULL PRIMARY KEY,
                value      text NOT NULL,
                updated_at timestamptz NOT NULL
            );
            """),
        new(2, "digest subscriptions, outbox, last digest per target", """
            CREATE TABLE digest_subscriptions (
                name            text NOT NULL PRIMARY KEY,
                platform        text NOT NULL,
                chat_id         text NOT NULL,
                cron            text NOT NULL,
                time_zone       text NOT NULL,
                language        text NOT NULL,
                max_articles    integer NOT NULL,
                disabled        boolean NOT NULL DEFAULT false,
                disabled_reason text,
                disabled_at     timestamptz,
                updated_at      timestamptz NOT NULL
            );
            CREATE INDEX ix_digest_subscriptions_target ON digest_subscriptions (platform, chat_id);

            CREATE TABLE outbox (
                key          text NOT NULL PRIMARY KEY,
                platform     text NOT NULL,
                chat_id      text NOT NULL,
                payload      text NOT NULL,
                created_at   timestamptz NOT NULL,
                sent_at      timestamptz,
                attempts     integer NOT NULL DEFAULT 0,
                last_error   text,
                abandoned_at timestamptz
            );
            CREATE INDEX ix_outbox_unsent ON outbox (created_at) WHERE sent_at IS NULL AND abandoned_at IS NULL;

            CREATE TABLE last_digests (
                target_key            text NOT NULL PRIMARY KEY,
                last_article_added_at timestamptz NOT NULL,
                article_ids           text NOT NULL,
                updated_at            timestamptz NOT NULL
            );
            """),
        new(3, "leases between instances, the shared update inbox", """
            CREATE TABLE leases (
                name        text NOT NULL PRIMARY KEY,
                owner       text NOT NULL,
                expires_at  timestamptz NOT NULL,
                acquired_at timestamptz NOT NULL
            );

            CREATE TABLE update_inbox (
                scope       text NOT NULL,
                update_id   bigint NOT NULL,
                chat        text NOT NULL,
                payload     text NOT NULL,
                received_at timestamptz NOT NULL,
                handled_at  timestamptz,
                PRIMARY KEY (scope, update_id)
            );
            CREATE INDEX ix_update_inbox_pending ON update_inbox (scope, chat, update_id) WHERE handled_at IS NULL;
            CREATE INDEX ix_update_inbox_received ON update_inbox (received_at);
            """),
        new(4, "answer log and votes", """
            CREATE TABLE answers (
                id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                platform          text NOT NULL,
                chat_id           text NOT NULL,
                command           text NOT NULL,
                question          text NOT NULL,
                backend           text NOT NULL,
                language          text NOT NULL,
                citations         text NOT NULL,
                prompt_tokens     bigint NOT NULL DEFAULT 0,
                completion_tokens bigint NOT NULL DEFAULT 0,
                at                timestamptz NOT NULL
            );
            CREATE INDEX ix_answers_chat ON answers (platform, chat_id, id);
            CREATE INDEX ix_answers_at ON answers (at);

            CREATE TABLE answer_citations (
                answer_id  bigint NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
                article_id text NOT NULL,
                title      text NOT NULL,
                PRIMARY KEY (answer_id, article_id)
            );
            CREATE INDEX ix_answer_citations_article ON answer_citations (article_id);

            CREATE TABLE votes (
                answer_id  bigint NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
                platform   text NOT NULL,
                user_id    text NOT NULL,
                vote       text NOT NULL CHECK (vote IN ('good', 'bad')),
                at         timestamptz NOT NULL,
                PRIMARY KEY (answer_id, platform, user_id)
            );
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;
}

/// <summary>One schema step: the SQL that takes the database from <c>Version - 1</c> to <c>Version</c>.</summary>
public sealed record PostgresMigration(int Version, string Description, string Sql);
