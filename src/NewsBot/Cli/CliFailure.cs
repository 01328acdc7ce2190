namespace NewsBot.Cli;

/// <summary>
/// How the command line reports a failure: one line on stderr, and with --json also one object <c>{"error": "..."}</c> on
/// stdout, so a script that reads stdout learns why there is no answer.
/// </summary>
public static class CliFailure
{
    public static int Report(TextWriter stdout, TextWriter stderr, bool json, string message, int exitCode)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        stderr.WriteLine("newsbot: " + line);
        if (json)
        {
            stdout.WriteLine(CliOutput.Write(new CliOutput.ErrorJson(line)));
        }

        return exitCode;
    }
}
