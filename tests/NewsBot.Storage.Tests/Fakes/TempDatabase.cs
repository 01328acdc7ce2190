using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Storage.Sqlite;

namespace NewsBot.Storage.Tests.Fakes;

/// <summary>A real SQLite file in a fresh temp folder, with stores over it; <see cref="Reopen"/> simulates a restart.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly List<SqliteDatabase> _opened = [];

    public TempDatabase(Action<StorageOptions>? configure = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "newsbot-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "newsbot.db");
        Options = new StorageOptions { ConnectionString = $"Data Source={FilePath}", BusyTimeoutSeconds = 5 };
        configure?.Invoke(Options);
        Open();
    }

    public string Folder { get; }

    public string FilePath { get; }

    public StorageOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero));

    public SqliteDatabase Database { get; private set; } = null!;

    public SqliteStateStore State { get; private set; } = null!;

    public SqliteDigestStore Digests { get; private set; } = null!;

    public SqliteCoordinationStore Coordination { get; private set; } = null!;

    /// <summary>Closes every connection to the file and opens new store instances on it, as a restarted process would.</summary>
    public void Reopen()
    {
        Database.Dispose();
        Open();
    }

    public SqliteDatabase CreateDatabase(StorageOptions? options = null)
    {
        var database = new SqliteDatabase(Microsoft.Extensions.Options.Options.Create(options ?? Options), NullLogger<SqliteDatabase>.Instance);
        _opened.Add(database);
        return database;
    }

    public void Dispose()
    {
        foreach (var database in _opened)
        {
            database.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is unique per test.
        }
    }

    private void Open()
    {
        Database = CreateDatabase();
        State = new SqliteStateStore(Database, Microsoft.Extensions.Options.Options.Create(Options), Time, NullLogger<SqliteStateStore>.Instance);
        Digests = new SqliteDigestStore(Database, Time);
        Coordination = new SqliteCoordinationStore(Database);
    }
}
