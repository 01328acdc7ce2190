using NewsBot.Tests.Shared;

namespace NewsBot.Tests;

/// <summary>The newsbot binary run twice on the same data folder: a real process restart.</summary>
public sealed class PolicyCliTests
{
    [Fact]
    public async Task The_chat_language_and_the_conversation_carry_over_to_the_next_run()
    {
        var data = new Dictionary<string, string> { ["NEWSBOT_DATA"] = TestPaths.NewTempFolder() };
        string[] args = ["run", "--corpus", TestPaths.SeedCorpus];

        var first = await CliRunner.RunAsync(args, "/lang en\nWhat did Zelensky say?\n", data);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("I will answer in English", first.Stdout, StringComparison.Ordinal);

        var second = await CliRunner.RunAsync(args, "And what did he say about Europe?\nWo trafen sich Rubio und Lawrow?\n/lang auto\n", data);
        Assert.Equal(0, second.ExitCode);
        // The German question is answered in English: the first run's /lang en is still set.
        Assert.Equal(2, second.Stdout.Split("From the German article").Length - 1);
        Assert.Contains("Riad", second.Stdout, StringComparison.Ordinal);
        Assert.Contains("der Ukrainer betont, dass ein Friedensprozess nicht ohne sein Land und Europa", second.Stdout, StringComparison.Ordinal);

        var third = await CliRunner.RunAsync(args, "Wo trafen sich Rubio und Lawrow?\n", data);
        Assert.Contains("Quellen", third.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("From the German article", third.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_database_stops_run_with_one_line_naming_the_file()
    {
        var data = TestPaths.NewTempFolder();
        var database = Path.Combine(data, "newsbot.db");
        await File.WriteAllTextAsync(database, new string('x', 5000));

        var result = await CliRunner.RunAsync(["run", "--corpus", TestPaths.SeedCorpus], "What did Zelensky say?\n", new Dictionary<string, string> { ["NEWSBOT_DATA"] = data });

        Assert.Equal(1, result.ExitCode);
        var errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains("fail", StringComparison.Ordinal) || line.StartsWith("newsbot:", StringComparison.Ordinal))
            .ToList();
        Assert.Equal([$"newsbot: Storage: cannot open database '{database}': file is not a database"], errors);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Zelensky", result.Stdout, StringComparison.Ordinal);
    }
}
