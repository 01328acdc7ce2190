using Microsoft.Data.Sqlite;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Storage.Sqlite;
using NewsBot.Storage.Tests.Fakes;

namespace NewsBot.Storage.Tests;

public sealed class StartupTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDatabase _db = new(o => o.BusyTimeoutSeconds = 1);

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_new_file_is_created_in_WAL_mode_at_the_latest_schema_version()
    {
        await _db.Database.EnsureInitializedAsync(None);

        Assert.True(File.Exists(_db.FilePath));
        await using var connection = OpenRaw(_db.FilePath);
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteSchema.LatestVersion, Scalar(connection, "PRAGMA user_version;"));
    }

    [Fact]
    public async Task A_missing_folder_is_created()
    {
        var nested = Path.Combine(_db.Folder, "a", "b", "state.db");
        var database = _db.CreateDatabase(new StorageOptions { ConnectionString = nested });

        await database.EnsureInitializedAsync(None);

        Assert.True(File.Exists(nested));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_gives_one_clear_error_naming_it()
    {
        await File.WriteAllBytesAsync(_db.FilePath, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7 % 251)).ToArray());

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => _db.Database.EnsureInitializedAsync(None));

        Assert.Equal($"Storage: cannot open database '{_db.FilePath}': file is not a database", error.Message);

        // Every store operation reports the same startup failure rather than a raw SQLite error.
        IKeyValueStore values = _db.State;
        var again = await Assert.ThrowsAsync<StorageStartupException>(() => values.GetAsync("k", None));
        Assert.Contains(_db.FilePath, again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_locked_by_another_connection_gives_one_clear_error_naming_it()
    {
        await _db.Database.EnsureInitializedAsync(None);
        _db.Reopen();

        await using var locker = OpenRaw(_db.FilePath);
        Execute(locker, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;");

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => _db.Database.EnsureInitializedAsync(None));

        Assert.StartsWith($"Storage: cannot open database '{_db.FilePath}': database is locked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_from_a_newer_version_is_refused_and_left_alone()
    {
        await using (var connection = OpenRaw(_db.FilePath))
        {
            Execute(connection, $"PRAGMA user_version = {SqliteSchema.LatestVersion + 1};");
        }

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => _db.Database.EnsureInitializedAsync(None));

        Assert.Contains($"'{_db.FilePath}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
        await using var check = OpenRaw(_db.FilePath);
        Assert.Equal((long)SqliteSchema.LatestVersion + 1, Scalar(check, "PRAGMA user_version;"));
    }

    [Fact]
    public async Task A_version_1_file_is_migrated_keeping_its_data()
    {
        var chat = new ChatKey("telegram", "42");
        await using (var connection = OpenRaw(_db.FilePath))
        {
            Assert.Equal(1, await SqliteSchema.MigrateAsync(connection, targetVersion: 1, None));
            Execute(connection, """
                INSERT INTO chat_settings (platform, chat_id, settings, updated_at) VALUES ('telegram', '42', '{"language":"German"}', '2026-01-01T00:00:00.0000000+00:00');
                INSERT INTO key_values (key, value, updated_at) VALUES ('telegram:offset', '99', '2026-01-01T00:00:00.0000000+00:00');
                """);
            Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'outbox';"));
        }

        IChatSettingsStore settings = _db.State;
        IKeyValueStore values = _db.State;
        IDigestOutbox outbox = _db.Digests;

        Assert.Equal(Language.German, (await settings.GetAsync(chat, None)).Language);
        Assert.Equal("99", await values.GetAsync("telegram:offset", None));
        Assert.True(await outbox.TryAddAsync(new OutboxEntry("k", chat, "{}", _db.Time.GetUtcNow(), null, 0, null), None));
        await using var check = OpenRaw(_db.FilePath);
        Assert.Equal((long)SqliteSchema.LatestVersion, Scalar(check, "PRAGMA user_version;"));
    }

    [Fact]
    public async Task Migrations_are_numbered_in_order_from_one()
    {
        Assert.Equal(Enumerable.Range(1, SqliteSchema.Migrations.Count), SqliteSchema.Migrations.Select(m => m.Version));

        // Migrating twice is harmless.
        await using var connection = OpenRaw(_db.FilePath);
        Assert.Equal(SqliteSchema.LatestVersion, await SqliteSchema.MigrateAsync(connection, SqliteSchema.LatestVersion, None));
        Assert.Equal(SqliteSchema.LatestVersion, await SqliteSchema.MigrateAsync(connection, SqliteSchema.LatestVersion, None));
    }

    [Fact]
    public async Task An_acknowledged_write_is_in_the_file_even_when_the_process_never_closes_its_connections()
    {
        // The writer's pool is left open (as in a crash); a fresh, unpooled connection reads the file and its WAL.
        IConversationStore memory = _db.State;
        await memory.AppendAsync(new ChatKey("discord", "1"), new ConversationTurn("q", "a", _db.Time.GetUtcNow()), None);

        await using var reader = OpenRaw(_db.FilePath);
        Assert.Equal(1L, Scalar(reader, "SELECT count(*) FROM conversation_turns;"));
    }

    private static SqliteConnection OpenRaw(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 1 }.ToString());
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
