using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Core.State;
using NewsBot.Storage.Sqlite;

namespace NewsBot.Storage.Tests;

/// <summary>
/// Entry point of the test assembly. The test runner never calls it; <see cref="CrashTests"/> runs
/// <c>dotnet NewsBot.Storage.Tests.dll crash-writer &lt;file&gt;</c> to get a process it can kill mid-write.
/// </summary>
public static class Program
{
    public const string CrashWriterVerb = "crash-writer";

    public static async Task<int> Main(string[] args)
    {
        if (args is not [CrashWriterVerb, var path])
        {
            return 0;
        }

        var options = Options.Create(new StorageOptions { ConnectionString = path });
        var database = new SqliteDatabase(options, NullLogger<SqliteDatabase>.Instance);
        IKeyValueStore values = new SqliteStateStore(database, options, TimeProvider.System, NullLogger<SqliteStateStore>.Instance);
        IDigestOutbox outbox = new SqliteDigestStore(database, TimeProvider.System);

        // Writes until killed; a line is printed only after the write has returned (been acknowledged).
        for (var n = 0; ; n++)
        {
            await values.SetAsync($"key{n}", new string('v', 1000 + n), CancellationToken.None);
            await outbox.TryAddAsync(new OutboxEntry($"occurrence{n}", new ChatKey("telegram", "1"), "{}", DateTimeOffset.UtcNow, null, 0, null), CancellationToken.None);
            await Console.Out.WriteLineAsync($"ack {n}");
            await Console.Out.FlushAsync();
        }
    }
}
