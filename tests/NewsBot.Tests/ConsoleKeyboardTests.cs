using NewsBot.Tests.Shared;

namespace NewsBot.Tests;

/// <summary>
/// The console chat of the built binary, driven as a person drives it: each question is answered while the input is
/// still open (through a pipe kept open, and at a pseudo-terminal), before the next one is typed.
/// </summary>
public sealed class ConsoleKeyboardTests
{
    [Fact]
    public async Task Through_a_pipe_kept_open_each_answer_comes_before_the_next_question()
    {
        await using var bot = LiveNewsbot.Start(["--corpus", TestPaths.SeedCorpus]);

        await bot.WriteLineAsync("Wo trafen sich Rubio und Lawrow?");
        var first = await bot.WaitForOutputAsync(o => o.Contains("Quellen", StringComparison.Ordinal));
        Assert.Contains("Riad", first, StringComparison.Ordinal);

        var mark = bot.Output.Length;
        await bot.WriteLineAsync("Where did Rubio and Lavrov meet?");
        var second = await bot.WaitForOutputAsync(o => o.Contains("Sources", StringComparison.Ordinal), mark);
        Assert.Contains("From the German article", second, StringComparison.Ordinal);

        bot.CloseInput();
        Assert.Equal(0, await bot.WaitForExitAsync());
    }

    [Fact]
    public async Task At_a_terminal_the_start_is_quiet_and_questions_commands_and_ctrl_d_work()
    {
        await using var bot = LiveNewsbot.Start(["--corpus", TestPaths.SeedCorpus], terminal: true);

        var start = await bot.WaitForOutputAsync(o => o.Contains("\n> ", StringComparison.Ordinal));
        Assert.Contains("/help", start, StringComparison.Ordinal);
        Assert.Contains("Ctrl+D", start, StringComparison.Ordinal);
        Assert.DoesNotContain(" info: ", start, StringComparison.Ordinal);

        var mark = bot.Output.Length;
        await bot.WriteLineAsync("Wo trafen sich Rubio und Lawrow?");
        var german = await bot.WaitForOutputAsync(o => o.Contains("Quellen", StringComparison.Ordinal) && o.TrimEnd().EndsWith('>'), mark);
        Assert.Contains("Riad", german, StringComparison.Ordinal);

        mark = bot.Output.Length;
        await bot.WriteLineAsync("Where did Rubio and Lavrov meet?");
        var english = await bot.WaitForOutputAsync(o => o.Contains("Sources", StringComparison.Ordinal) && o.TrimEnd().EndsWith('>'), mark);
        Assert.Contains("From the German article", english, StringComparison.Ordinal);

        mark = bot.Output.Length;
        await bot.WriteLineAsync("/cancel");
        await bot.WaitForOutputAsync(o => o.Contains("No answer is running.", StringComparison.Ordinal), mark);

        mark = bot.Output.Length;
        await bot.WriteLineAsync("/frobnicate");
        await bot.WaitForOutputAsync(o => o.Contains("I don't know the command /frobnicate", StringComparison.Ordinal), mark);

        await bot.WriteAsync("\u0004");
        Assert.Equal(0, await bot.WaitForExitAsync());
    }

    [Fact]
    public async Task With_no_token_and_no_input_it_says_in_one_line_why_it_stops()
    {
        var result = await CliRunner.RunAsync(["run", "--corpus", TestPaths.SeedCorpus], stdin: null);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        var lines = result.Stderr.Trim().Split('\n');
        Assert.Contains(lines, l => l.Contains("nothing to serve", StringComparison.Ordinal) && l.Contains("Telegram__BotToken", StringComparison.Ordinal));
    }
}
