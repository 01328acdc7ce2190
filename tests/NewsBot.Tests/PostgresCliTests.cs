using System.Net;
using System.Net.Sockets;
using NewsBot.Tests.Shared;

namespace NewsBot.Tests;

/// <summary>The newsbot binary with Storage:Provider=Postgres.</summary>
public sealed class PostgresCliTests
{
    [Fact]
    public async Task A_database_that_is_down_stops_run_with_one_line_naming_the_setting_without_the_password()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var connection = $"Host=127.0.0.1;Port={port};Database=newsbot;Username=bot;Password=hunter2-secret";
        var result = await CliRunner.RunAsync(
            ["run", "--corpus", TestPaths.SeedCorpus, "--Storage:Provider=Postgres", $"--Storage:ConnectionString={connection}"],
            "What did Zelensky say?\n",
            new Dictionary<string, string> { ["NEWSBOT_DATA"] = TestPaths.NewTempFolder() });

        Assert.Equal(1, result.ExitCode);
        var errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains("fail", StringComparison.Ordinal) || line.StartsWith("newsbot: Storage", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(
            [$"newsbot: Storage: cannot use PostgreSQL (Storage:ConnectionString 'Host=127.0.0.1;Port={port};Database=newsbot;Username=bot;Password=***'): the server is not reachable (Connection refused)"],
            errors);
        Assert.DoesNotContain("hunter2", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
