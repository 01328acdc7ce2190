using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Storage;
using NewsBot.Storage.Postgres;
using NewsBot.Storage.Sqlite;

namespace NewsBot.Benchmarks.State;

/// <summary>
/// How many state writes per second one store takes with many chats at once: each chat runs the state traffic of a
/// question (read the chat's settings and recent memory, append the turn) in a loop; every tenth turn also writes a
/// setting and a key-value (a /lang, a Telegram offset). SQLite in a temp folder; PostgreSQL in a throwaway database
/// when a server is given (--postgres "Host=...", or NEWSBOT_TEST_POSTGRES).
/// </summary>
internal static class StateBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var chats = Option(args, "--chats", smoke ? 5 : 50);
        var turns = Option(args, "--turns", smoke ? 4 : 200);
        var server = Value(args, "--postgres") ?? Environment.GetEnvironmentVariable("NEWSBOT_TEST_POSTGRES");

        Console.WriteLine($"State writes, {chats} concurrent chats x {turns} questions each ({Environment.ProcessorCount} cores)");
        Console.WriteLine("| store | writes | writes/s | questions/s | append p50 | append p95 | append p99 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");

        var folder = Path.Combine(Path.GetTempPath(), "newsbot-bench-state-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var sqliteOptions = Options.Create(new StorageOptions { ConnectionString = Path.Combine(folder, "bench.db") });
            using (var sqlite = new SqliteDatabase(sqliteOptions, NullLogger<SqliteDatabase>.Instance))
            {
                var store = new SqliteStateStore(sqlite, sqliteOptions, TimeProvider.System, NullLogger<SqliteStateStore>.Instance);
                await sqlite.EnsureInitializedAsync(CancellationToken.None);
                Report("SQLite (WAL, synchronous=FULL)", await RunAsync(store, store, store, chats, turns));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        if (string.IsNullOrWhiteSpace(server))
        {
            Console.WriteLine("PostgreSQL: not measured (pass --postgres \"Host=...;Username=...\" or set NEWSBOT_TEST_POSTGRES)");
            return 0;
        }

        var name = "newsbot_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\";");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            var options = Options.Create(new StorageOptions { Provider = StorageOptions.PostgresProvider, ConnectionString = connection });
            using var postgres = new PostgresDatabase(options, NullLogger<PostgresDatabase>.Instance);
            var store = new PostgresStateStore(postgres, options, TimeProvider.System, NullLogger<PostgresStateStore>.Instance);
            await postgres.EnsureInitializedAsync(CancellationToken.None);
            Report($"PostgreSQL {await ServerVersionAsync(server)}", await RunAsync(store, store, store, chats, turns));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);");
        }

        return 0;
    }

    private sealed record Result(int Writes, int Questions, TimeSpan Elapsed, List<double> AppendMs);

    private static async Task<Result> RunAsync(IChatSettingsStore settings, IConversationStore memory, IKeyValueStore values, int chats, int turns)
    {
        var appendMs = new List<double>(chats * turns);
        var writes = 0;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, chats).Select(async c =>
        {
            await start.Task;
            var chat = new ChatKey("telegram", (-1001000000 - c).ToString(CultureInfo.InvariantCulture));
            var local = new List<double>(turns);
            var localWrites = 0;
            for (var t = 0; t < turns; t++)
            {
                _ = await settings.GetAsync(chat, CancellationToken.None);
                _ = await memory.GetRecentAsync(chat, 6, DateTimeOffset.UtcNow.AddHours(-2), CancellationToken.None);
                var watch = Stopwatch.StartNew();
                await memory.AppendAsync(chat, new ConversationTurn($"question {t} from chat {c}", new string('a', 400), DateTimeOffset.UtcNow), CancellationToken.None);
                local.Add(watch.Elapsed.TotalMilliseconds);
                localWrites++;
                if (t % 10 == 0)
                {
                    await settings.SetAsync(chat, new ChatSettings { Language = t % 20 == 0 ? Language.German : Language.English }, CancellationToken.None);
                    await values.SetAsync($"bench:{c}:offset", t.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
                    localWrites += 2;
                }
            }

            lock (appendMs)
            {
                appendMs.AddRange(local);
                writes += localWrites;
            }
        }).ToList();

        var total = Stopwatch.StartNew();
        start.SetResult();
        await Task.WhenAll(workers);
        return new Result(writes, chats * turns, total.Elapsed, appendMs);
    }

    private static void Report(string store, Result r)
    {
        r.AppendMs.Sort();
        double P(double q) => r.AppendMs[Math.Min(r.AppendMs.Count - 1, (int)(q * r.AppendMs.Count))];
        var seconds = r.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {store} | {r.Writes:N0} | {r.Writes / seconds:N0} | {r.Questions / seconds:N0} | {P(0.50):0.00} ms | {P(0.95):0.00} ms | {P(0.99):0.00} ms |"));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> ServerVersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection.PostgreSqlVersion.ToString();
    }

    private static int Option(string[] args, string name, int fallback) =>
        Value(args, name) is { } v && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
