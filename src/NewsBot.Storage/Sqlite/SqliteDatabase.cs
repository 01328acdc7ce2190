using System.Globalization;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsBot.Storage.Sqlite;

/// <summary>
/// One SQLite database file: opens short-lived pooled connections, creates and migrates the schema once
/// (at start through <see cref="StorageInitializer"/>, or at first use), and runs every write as one
/// committed transaction. Writes from this process are serialized here so they never contend for SQLite's
/// write lock; the busy timeout covers other processes.
/// </summary>
public sealed class SqliteDatabase : IStorageDatabase, IDisposable
{
    private readonly string _connectionString;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lock _initLock = new();
    private Task? _initialization;

    public SqliteDatabase(IOptions<StorageOptions> options, ILogger<SqliteDatabase> logger)
    {
        var value = options.Value;
        FilePath = ResolveDatabasePath(value);
        _connectionString = BuildConnectionString(value, FilePath);
        _logger = logger;
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    public string DisplayName => FilePath;

    /// <summary>
    /// The database file named by <see cref="StorageOptions.ConnectionString"/> (a connection string or a bare path),
    /// or the default file in <see cref="DataFolder"/>. Throws <see cref="ArgumentException"/> when it names no file.
    /// </summary>
    public static string ResolveDatabasePath(StorageOptions options)
    {
        var configured = options.ConnectionString?.Trim();
        if (string.IsNullOrEmpty(configured))
        {
            return DataFolder.DefaultDatabasePath();
        }

        string path;
        if (configured.Contains('=', StringComparison.Ordinal))
        {
            var builder = new SqliteConnectionStringBuilder(configured);
            if (builder.Mode == SqliteOpenMode.Memory)
            {
                throw new ArgumentException("an in-memory database does not survive a restart; name a file.");
            }

            path = builder.DataSource;
        }
        else
        {
            path = configured;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("it names no Data Source file.");
        }

        if (path == ":memory:" || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{path}' is not a file path; name a file such as /var/lib/newsbot/newsbot.db.");
        }

        return Path.GetFullPath(path);
    }

    /// <summary>Creates and migrates the schema once; later calls return the same outcome (a failure is kept).</summary>
    public Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        var initialization = Volatile.Read(ref _initialization);
        if (initialization is null)
        {
            lock (_initLock)
            {
                // Not tied to one caller's token: every caller shares the outcome.
                initialization = _initialization ??= Task.Run(InitializeAsync, CancellationToken.None);
            }
        }

        return initialization.IsCompletedSuccessfully ? Task.CompletedTask : initialization.WaitAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="read"/> on an open connection (WAL: readers never wait for the writer).</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        return await read(connection, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="write"/> inside one immediate transaction and commits before returning:
    /// once this returns the change is on disk (synchronous=FULL); if it throws, nothing was changed.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = await write(connection, transaction, cancellationToken);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    public Task WriteAsync(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, transaction, ct) =>
            {
                await write(connection, transaction, ct);
                return true;
            },
            cancellationToken);

    /// <summary>Closes the pooled connections so the file is released (and its WAL checkpointed).</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _writeGate.Dispose();
    }

    private static string BuildConnectionString(StorageOptions options, string path)
    {
        var configured = options.ConnectionString?.Trim();
        var builder = !string.IsNullOrEmpty(configured) && configured.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(configured)
            : new SqliteConnectionStringBuilder();
        builder.DataSource = path;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = true;

        // Microsoft.Data.Sqlite retries busy/locked statements until this many seconds have passed.
        builder.DefaultTimeout = options.BusyTimeoutSeconds;
        return builder.ToString();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per connection (pooled connections keep it, but a new one starts at the library default):
            // FULL syncs the WAL at every commit, so an acknowledged write survives a power cut too, not only a crash.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task InitializeAsync()
    {
        var folder = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(folder))
        {
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new StorageStartupException($"Storage: cannot create the folder '{folder}' for database '{FilePath}': {ex.Message}", ex);
            }
        }

        try
        {
            await using var connection = await OpenAsync(CancellationToken.None);

            // WAL is a property of the file: readers and the writer do not block each other, and a commit is one append.
            var journalMode = Convert.ToString(await ScalarAsync(connection, "PRAGMA journal_mode = WAL;"), CultureInfo.InvariantCulture);
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                Log.NoWal(_logger, FilePath, journalMode ?? "?");
            }

            var check = Convert.ToString(await ScalarAsync(connection, "PRAGMA quick_check;"), CultureInfo.InvariantCulture);
            if (!string.Equals(check, "ok", StringComparison.Ordinal))
            {
                throw new StorageStartupException($"Storage: cannot open database '{FilePath}': the file is damaged ({check}).");
            }

            var from = await SqliteSchema.GetVersionAsync(connection, CancellationToken.None);
            if (from > SqliteSchema.LatestVersion)
            {
                throw new StorageStartupException(
                    $"Storage: cannot open database '{FilePath}': its schema version {from} is newer than this NewsBot understands ({SqliteSchema.LatestVersion}).");
            }

            var stopwatch = Stopwatch.StartNew();
            var to = await SqliteSchema.MigrateAsync(connection, SqliteSchema.LatestVersion, CancellationToken.None);
            if (to != from)
            {
                Log.Migrated(_logger, FilePath, from, to, stopwatch.ElapsedMilliseconds);
            }

            Log.Opened(_logger, FilePath, to);
        }
        catch (SqliteException ex)
        {
            throw new StorageStartupException($"Storage: cannot open database '{FilePath}': {Describe(ex)}", ex);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static string Describe(SqliteException ex) => ex.SqliteErrorCode switch
    {
        SqliteErrorCodes.Busy or SqliteErrorCodes.Locked => "database is locked (is another NewsBot or tool holding it?)",
        SqliteErrorCodes.NotADatabase => "file is not a database",
        SqliteErrorCodes.Corrupt => "database disk image is malformed",
        SqliteErrorCodes.CannotOpen => "unable to open database file (check the path and its permissions)",
        SqliteErrorCodes.ReadOnly => "the file is read-only",
        _ => ex.Message,
    };

    private static class SqliteErrorCodes
    {
        public const int Busy = 5;
        public const int Locked = 6;
        public const int ReadOnly = 8;
        public const int Corrupt = 11;
        public const int CannotOpen = 14;
        public const int NotADatabase = 26;
    }
}
