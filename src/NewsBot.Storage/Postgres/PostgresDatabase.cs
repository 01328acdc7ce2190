using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// One PostgreSQL database shared by any number of NewsBot instances: a pooled data source, the schema created and
/// migrated once at start under an advisory lock (instances starting together migrate once, the others wait and find
/// it done), and every write as one committed transaction.
/// </summary>
public sealed class PostgresDatabase : IStorageDatabase, IDisposable
{
    private static readonly TimeSpan[] OpenRetries = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(2)];

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgresDatabase> _logger;
    private readonly Lock _initLock = new();
    private Task? _initialization;

    public PostgresDatabase(IOptions<StorageOptions> options, ILogger<PostgresDatabase> logger)
    {
        var value = options.Value;
        var builder = ParseConnectionString(value.ConnectionString);
        if (!builder.ContainsKey("Timeout"))
        {
            builder.Timeout = value.BusyTimeoutSeconds;
        }

        DisplayName = Redact(builder);
        _dataSource = NpgsqlDataSource.Create(builder);
        _logger = logger;
    }

    /// <summary>The connection string with its password replaced, for messages and logs.</summary>
    public string DisplayName { get; }

    /// <summary>Migrations this instance applied itself at start (0 when another instance had done them).</summary>
    internal int MigrationsApplied { get; private set; }

    /// <summary>A Npgsql connection string; throws <see cref="ArgumentException"/> when it cannot be one.</summary>
    public static NpgsqlConnectionStringBuilder ParseConnectionString(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("it is empty; PostgreSQL needs one, such as 'Host=db;Database=newsbot;Username=newsbot;Password=...'.");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException(ex.Message, ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new ArgumentException("it names no Host (a server name, an address, or a Unix socket folder).");
        }

        return builder;
    }

    /// <summary>The connection string without its password: safe to print.</summary>
    public static string Redact(NpgsqlConnectionStringBuilder builder)
    {
        var copy = new NpgsqlConnectionStringBuilder(builder.ConnectionString);
        if (!string.IsNullOrEmpty(copy.Password))
        {
            copy.Password = "***";
        }

        return copy.ConnectionString;
    }

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

    public async Task<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        return await read(connection, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction and commits before returning: once this returns the change is
    /// durable on the server; if it throws before the commit, nothing was changed.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await write(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task WriteAsync(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, transaction, ct) =>
            {
                await write(connection, transaction, ct);
                return true;
            },
            cancellationToken);

    /// <summary>
    /// An open connection. Opening is retried a few times with backoff when the server is briefly unreachable: nothing
    /// has been sent yet, so a retry can neither double nor lose a write. Past that the caller gets the error.
    /// </summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await _dataSource.OpenConnectionAsync(cancellationToken);
            }
            catch (NpgsqlException ex) when (ex.IsTransient && attempt < OpenRetries.Length && !cancellationToken.IsCancellationRequested)
            {
                Log.PostgresRetry(_logger, DisplayName, OpenRetries[attempt].TotalMilliseconds, ex.Message);
                await Task.Delay(OpenRetries[attempt], cancellationToken);
            }
        }
    }

    public void Dispose() => _dataSource.Dispose();

    private async Task InitializeAsync()
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(CancellationToken.None);

            // One migrator at a time across all instances; the lock is the session's and goes with the connection.
            await ExecuteAsync(connection, null, "SET lock_timeout = '120s';");
            await using (var lockCommand = connection.Command("SELECT pg_advisory_lock(@key);").With("key", PostgresSchema.MigrationLockKey))
            {
                await lockCommand.ExecuteNonQueryAsync();
            }

            try
            {
                await MigrateAsync(connection);
            }
            finally
            {
                await using var unlock = connection.Command("SELECT pg_advisory_unlock(@key);").With("key", PostgresSchema.MigrationLockKey);
                await unlock.ExecuteNonQueryAsync();
            }
        }
        catch (StorageStartupException)
        {
            throw;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
        {
            throw new StorageStartupException($"Storage: cannot use PostgreSQL (Storage:ConnectionString '{DisplayName}'): {Describe(ex)}", ex);
        }
    }

    private async Task MigrateAsync(NpgsqlConnection connection)
    {
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version     integer NOT NULL PRIMARY KEY,
                description text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now(),
                applied_by  text NOT NULL
            );
            """);
        int from;
        await using (var current = connection.Command("SELECT coalesce(max(version), 0) FROM schema_migrations;"))
        {
            from = Convert.ToInt32(await current.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        if (from > PostgresSchema.LatestVersion)
        {
            throw new StorageStartupException(
                $"Storage: cannot use PostgreSQL (Storage:ConnectionString '{DisplayName}'): its schema version {from} is newer than this NewsBot understands ({PostgresSchema.LatestVersion}).");
        }

        var stopwatch = Stopwatch.StartNew();
        var applied = 0;
        foreach (var migration in PostgresSchema.Migrations.Where(m => m.Version > from).OrderBy(m => m.Version))
        {
            // The migration and its record commit together: a crash leaves the database at a whole version.
            await using var transaction = await connection.BeginTransactionAsync();
            await ExecuteAsync(connection, transaction, migration.Sql);
            await using (var record = connection.Command(
                    "INSERT INTO schema_migrations (version, description, applied_by) VALUES (@version, @description, @by);", transaction)
                .With("version", migration.Version)
                .With("description", migration.Description)
                .With("by", $"{Environment.MachineName}/{Environment.ProcessId}"))
            {
                await record.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            applied++;
        }

        MigrationsApplied = applied;
        if (applied > 0)
        {
            Log.Migrated(_logger, DisplayName, from, PostgresSchema.LatestVersion, stopwatch.ElapsedMilliseconds);
        }

        Log.Opened(_logger, DisplayName, PostgresSchema.LatestVersion);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        await using var command = connection.Command(sql, transaction);
        await command.ExecuteNonQueryAsync();
    }

    private static string Describe(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState switch
        {
            PostgresErrorCodes.InvalidCatalogName => $"the database does not exist ({pg.MessageText})",
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => $"the server refused the login ({pg.MessageText})",
            PostgresErrorCodes.LockNotAvailable => "another instance held the migration lock for too long",
            _ => pg.MessageText,
        },
        NpgsqlException { InnerException: SocketException socket } => $"the server is not reachable ({socket.Message})",
        NpgsqlException { InnerException: TimeoutException } => "the server did not answer in time",
        _ => ex.Message.ReplaceLineEndings(" "),
    };
}
