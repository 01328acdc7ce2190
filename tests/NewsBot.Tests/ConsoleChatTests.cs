using NewsBot.Tests.Shared;

namespace NewsBot.Tests;

public sealed class ConsoleChatTests
{
    [Fact]
    public async Task Console_chat_answers_questions_and_commands_and_ends_cleanly_at_end_of_input()
    {
        var input = "Wo trafen sich Rubio und Lawrow?\n/lang en\nWo trafen sich Rubio und Lawrow?\n/articles\n/frobnicate\n";
        var result = await CliRunner.RunAsync(["--corpus", TestPaths.SeedCorpus], input);

        Assert.Equal(0, result.ExitCode);
        var stdout = result.Stdout;
        Assert.Contains("Quellen", stdout, StringComparison.Ordinal);
        Assert.Contains("From the German article", stdout, StringComparison.Ordinal);
        Assert.Contains("000_59b4a59a8a957c04", stdout, StringComparison.Ordinal);
        Assert.Contains("/frobnicate", stdout, StringComparison.Ordinal);
        Assert.True(stdout.IndexOf("Quellen", StringComparison.Ordinal) < stdout.IndexOf("From the German article", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_with_the_default_settings_uses_the_sample_corpus()
    {
        var result = await CliRunner.RunAsync(["run"], "/articles\n");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2025-03-04-hafen-hamburg", result.Stdout, StringComparison.Ordinal);
    }
}
