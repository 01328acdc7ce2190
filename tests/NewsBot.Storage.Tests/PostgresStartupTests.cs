using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Storage.Postgres;
using NewsBot.Storage.Tests.Fakes;

namespace NewsBot.Storage.Tests;

/// <summary>Starting on PostgreSQL: registration, migrations under the lock, and one clear line when the server is not there.</summary>
public sealed class PostgresStartupTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly PostgresTestStore _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Instances_starting_together_migrate_once_and_all_find_the_latest_schema()
    {
        _db.PostgresDatabase.Dispose();
        var instances = Enumerable.Range(0, 6).Select(_ => _db.CreateDatabase()).ToList();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var starts = instances.Select(async d =>
            {
                await start.Task;
                await d.EnsureInitializedAsync(None);
            }).ToList();
            start.SetResult();
            await Task.WhenAll(starts).WaitAsync(TimeSpan.FromSeconds(120));

            // Exactly one instance applied the migrations; the others waited on the lock and found them done.
            Assert.Equal([PostgresSchema.Migrations.Count, 0, 0, 0, 0, 0], instances.Select(d => d.MigrationsApplied).OrderDescending());
            Assert.Equal(
                PostgresSchema.Migrations.Select(m => m.Version),
                await QueryAsync("SELECT version FROM schema_migrations ORDER BY version;", r => r.GetInt32(0)));
        }
        finally
        {
            instances.ForEach(d => d.Dispose());
        }
    }

    [Fact]
    public async Task A_restart_finds_the_schema_in_place_and_migrates_nothing()
    {
        await _db.PostgresDatabase.EnsureInitializedAsync(None);
        Assert.Equal(PostgresSchema.Migrations.Count, _db.PostgresDatabase.MigrationsApplied);

        _db.Reopen();
        await _db.PostgresDatabase.EnsureInitializedAsync(None);

        Assert.Equal(0, _db.PostgresDatabase.MigrationsApplied);
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_and_left_alone()
    {
        await _db.PostgresDatabase.EnsureInitializedAsync(None);
        var newer = PostgresSchema.LatestVersion + 1;
        await QueryAsync($"INSERT INTO schema_migrations (version, description, applied_by) VALUES ({newer}, 'future', 'test') RETURNING version;", r => r.GetInt32(0));
        _db.Reopen();

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => _db.PostgresDatabase.EnsureInitializedAsync(None));

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {newer} is newer", error.Message, StringComparison.Ordinal);
        Assert.Equal(PostgresSchema.LatestVersion + 1, (await QueryAsync("SELECT count(*)::int FROM schema_migrations;", r => r.GetInt32(0))).Single());
    }

    [Fact]
    public async Task A_server_that_is_down_stops_the_start_with_one_line_naming_the_setting_without_the_password()
    {
        var port = ClosedPort();
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = $"Host=127.0.0.1;Port={port};Database=newsbot;Username=bot;Password=hunter2-secret",
        });

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => StorageStartup.EnsureReadyAsync(host.Services, None));

        Assert.StartsWith($"Storage: cannot use PostgreSQL (Storage:ConnectionString 'Host=127.0.0.1;Port={port};Database=newsbot;Username=bot;Password=***'): the server is not reachable", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_database_that_does_not_exist_is_named_as_such()
    {
        var missing = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Database = "newsbot_missing_" + Guid.NewGuid().ToString("N") };
        using var database = new PostgresDatabase(
            Options.Create(new StorageOptions { Provider = "Postgres", ConnectionString = missing.ConnectionString }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PostgresDatabase>.Instance);

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => database.EnsureInitializedAsync(None));

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("the database does not exist", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Database=newsbot")]
    [InlineData("NoSuchKeyword=1")]
    public void Unusable_connection_strings_are_rejected_naming_the_key(string connectionString)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = "postgres", ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains("Storage:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStorage_with_Postgres_registers_every_store_on_the_server_and_state_survives_a_host_restart()
    {
        var chat = new ChatKey("telegram", "5");
        var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = _db.ConnectionString };
        using (var host = BuildHost(settings))
        {
            await host.StartAsync(None);
            Assert.IsType<DegradingStateStore>(host.Services.GetRequiredService<IChatSettingsStore>());
            Assert.IsType<DegradingStateStore>(host.Services.GetRequiredService<IConversationStore>());
            Assert.IsType<PostgresStateStore>(host.Services.GetRequiredService<IKeyValueStore>());
            Assert.IsType<PostgresDigestStore>(host.Services.GetRequiredService<IDigestSubscriptionStore>());
            Assert.IsType<PostgresDigestStore>(host.Services.GetRequiredService<IDigestOutbox>());
            Assert.IsType<PostgresDigestStore>(host.Services.GetRequiredService<IDigestHistoryStore>());
            Assert.IsType<PostgresCoordinationStore>(host.Services.GetRequiredService<ILeaseStore>());
            Assert.IsType<PostgresCoordinationStore>(host.Services.GetRequiredService<IUpdateInbox>());
            await host.Services.GetRequiredService<IChatSettingsStore>().SetAsync(chat, new ChatSettings { Language = Language.German }, None);
            await host.StopAsync(None);
        }

        using (var host = BuildHost(settings))
        {
            await host.StartAsync(None);
            Assert.Equal(Language.German, (await host.Services.GetRequiredService<IChatSettingsStore>().GetAsync(chat, None)).Language);
            await host.StopAsync(None);
        }
    }

    [Fact]
    public async Task A_setting_written_through_one_instance_is_read_by_another()
    {
        var other = _db.OpenSecondInstance();
        var chat = new ChatKey("telegram", "-100");

        await _db.Settings.SetAsync(chat, new ChatSettings { Language = Language.German }, None);
        await other.Memory.AppendAsync(chat, new NewsBot.Core.Answers.ConversationTurn("q", "a", _db.Time.GetUtcNow()), None);

        Assert.Equal(Language.German, (await other.Settings.GetAsync(chat, None)).Language);
        Assert.Single(await _db.Memory.GetRecentAsync(chat, 10, DateTimeOffset.MinValue, None));
    }

    [Fact]
    public async Task A_chat_lock_held_by_an_instance_that_dies_is_free_again()
    {
        var other = (PostgresTestStore)_db.OpenSecondInstance();
        Assert.NotNull(await other.Inbox.TryLockChatAsync("t", "c", None));
        Assert.Null(await _db.Inbox.TryLockChatAsync("t", "c", None));

        // The holder's process goes away without releasing: its session ends, and the server drops the lock with it.
        // Only this test's database (other tests share the server), and wait until the backend is gone (up to 10 s):
        // termination is a signal, and the lock goes only when the backend has exited.
        await QueryAsync(
            """
            SELECT pg_terminate_backend(pid, 10000) FROM pg_locks
            WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database());
            """,
            r => r.GetBoolean(0));

        var taken = await _db.Inbox.TryLockChatAsync("t", "c", None);
        Assert.NotNull(taken);
        await taken.DisposeAsync();
    }

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(_db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A local port nothing listens on: bound and released, so connecting is refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddStorage(builder.Configuration);
        return builder.Build();
    }
}
