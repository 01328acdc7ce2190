using System.Diagnostics;
using NewsBot.Core.State;
using NewsBot.Storage.Tests.Fakes;

namespace NewsBot.Storage.Tests;

public sealed class CrashTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_process_killed_mid_write_loses_no_acknowledged_write()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.ArgumentList.Add(Program.CrashWriterVerb);
        start.ArgumentList.Add(_db.FilePath);

        using var writer = Process.Start(start)!;
        var acknowledged = -1;
        try
        {
            // Kill it while it is writing: after 40 acknowledged rounds, at an arbitrary point of the next one.
            while (acknowledged < 40)
            {
                var line = await writer.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("The writer exited early: " + await writer.StandardError.ReadToEndAsync(timeout.Token));
                acknowledged = int.Parse(line["ack ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            writer.Kill(entireProcessTree: true);
            await writer.WaitForExitAsync(timeout.Token);
        }

        // Lines read after the kill were acknowledged too.
        while (await writer.StandardOutput.ReadLineAsync(timeout.Token) is { } more)
        {
            acknowledged = int.Parse(more["ack ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        }

        // The file opens cleanly (quick_check passes) and holds every acknowledged write.
        IKeyValueStore values = _db.State;
        IDigestOutbox outbox = _db.Digests;
        for (var n = 0; n <= acknowledged; n++)
        {
            Assert.Equal(new string('v', 1000 + n), await values.GetAsync($"key{n}", timeout.Token));
            Assert.NotNull(await outbox.GetAsync($"occurrence{n}", timeout.Token));
        }
    }
}
