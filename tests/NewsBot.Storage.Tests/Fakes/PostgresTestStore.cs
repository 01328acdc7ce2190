using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using NewsBot.Core.State;
using NewsBot.Storage.Postgres;

namespace NewsBot.Storage.Tests.Fakes;

/// <summary>
/// A fresh database on the test PostgreSQL server (<c>NEWSBOT_TEST_POSTGRES</c>), dropped at the end. Without that
/// variable the tests fail with a line saying how to start one: they are never skipped silently.
/// </summary>
public sealed class PostgresTestStore : TestStore
{
    public const string EnvironmentVariable = "NEWSBOT_TEST_POSTGRES";

    private readonly PostgresTestStore? _first;
    private readonly List<PostgresTestStore> _instances = [];
    private readonly FakeTimeProvider _time;

    public PostgresTestStore(Action<StorageOptions>? configure = null)
    {
        DatabaseName = "newsbot_test_" + Guid.NewGuid().ToString("N");
        using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\";", admin);
            create.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = DatabaseName }.ConnectionString;
        Options = new StorageOptions { Provider = StorageOptions.PostgresProvider, ConnectionString = ConnectionString, BusyTimeoutSeconds = 5 };
        configure?.Invoke(Options);
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero));
        Open();
    }

    private PostgresTestStore(PostgresTestStore first)
    {
        _first = first;
        DatabaseName = first.DatabaseName;
        ConnectionString = first.ConnectionString;
        Options = first.Options;
        _time = first._time;
        Open();
    }

    private static readonly Lazy<string> Server = new(FindOrStartServer, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The server the tests may create databases on: <c>NEWSBOT_TEST_POSTGRES</c> when set (CI sets it), else a throwaway
    /// cluster this test process starts with <c>.ci/postgres</c> and stops when it exits, so <c>dotnet test</c> alone
    /// works wherever PostgreSQL is installed; a clear failure (never a skip) where it is not.
    /// </summary>
    public static string AdminConnectionString => Server.Value;

    private static string FindOrStartServer()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var script = Path.Combine(NewsBot.Tests.Shared.TestPaths.RepositoryRoot, ".ci", "postgres");
        var start = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add("start");
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var exports = output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, "^export (\\w+)='([^']*)'$"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        if (process.ExitCode != 0 || !exports.TryGetValue(EnvironmentVariable, out var connection) || !exports.TryGetValue(EnvironmentVariable + "_DIR", out var folder))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set and no throwaway PostgreSQL could be started ({errors.Result.Trim()}). "
                + "Install PostgreSQL (Debian: apt-get install postgresql), or point the variable at a server where the user may create databases.");
        }

        // Child processes started by the tests see the same server; it goes when this process ends.
        Environment.SetEnvironmentVariable(EnvironmentVariable, connection);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            var stop = new System.Diagnostics.ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            stop.ArgumentList.Add(script);
            stop.ArgumentList.Add("stop");
            stop.ArgumentList.Add(folder);
            using var stopping = System.Diagnostics.Process.Start(stop);
            stopping?.WaitForExit(30_000);
        };
        return connection;
    }

    public string DatabaseName { get; }

    public string ConnectionString { get; }

    public override FakeTimeProvider Time => _time;

    public override StorageOptions Options { get; }

    public PostgresDatabase PostgresDatabase { get; private set; } = null!;

    public override IStorageDatabase Database => PostgresDatabase;

    public PostgresStateStore State { get; private set; } = null!;

    public PostgresDigestStore Digests { get; private set; } = null!;

    public PostgresCoordinationStore Coordination { get; private set; } = null!;

    public override IChatSettingsStore Settings => State;

    public override IConversationStore Memory => State;

    public override IKeyValueStore Values => State;

    public override IDigestSubscriptionStore Subscriptions => Digests;

    public override IDigestOutbox Outbox => Digests;

    public override IDigestHistoryStore History => Digests;

    public override ILeaseStore Leases => Coordination;

    public override IUpdateInbox Inbox => Coordination;

    public PostgresDatabase CreateDatabase() =>
        new(Microsoft.Extensions.Options.Options.Create(Options), NullLogger<PostgresDatabase>.Instance);

    public override void Reopen()
    {
        PostgresDatabase.Dispose();
        Open();
    }

    public override TestStore OpenSecondInstance()
    {
        var other = new PostgresTestStore(this);
        _instances.Add(other);
        return other;
    }

    public override void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        PostgresDatabase.Dispose();
        if (_first is not null)
        {
            return;
        }

        using var admin = new NpgsqlConnection(AdminConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE);", admin);
        drop.ExecuteNonQuery();
    }

    private void Open()
    {
        PostgresDatabase = CreateDatabase();
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        State = new PostgresStateStore(PostgresDatabase, options, _time, NullLogger<PostgresStateStore>.Instance);
        Digests = new PostgresDigestStore(PostgresDatabase, _time);
        Coordination = new PostgresCoordinationStore(PostgresDatabase);
    }
}
