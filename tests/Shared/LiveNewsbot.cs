using System.Diagnostics;
using System.Text;

namespace NewsBot.Tests.Shared;

/// <summary>
/// The built newsbot as a running process that a test talks to line by line, as a person would: its input stays open
/// between lines, and its output is read while it runs, so a test sees each answer when the bot writes it (not when the
/// input closes). With <c>terminal: true</c> it runs under util-linux <c>script</c>, so newsbot's input and output are
/// a pseudo-terminal, as at a keyboard.
/// </summary>
internal sealed class LiveNewsbot : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly Lock _gate = new();
    private readonly Task _readers;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveNewsbot(Process process)
    {
        _process = process;
        _readers = Task.WhenAll(PumpAsync(process.StandardOutput, _output), PumpAsync(process.StandardError, _errors));
    }

    /// <summary>Everything written to stdout so far (with a terminal: the terminal's whole screen output, echo included).</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToString();
            }
        }
    }

    public static LiveNewsbot Start(IEnumerable<string> args, IDictionary<string, string>? environment = null, bool terminal = false)
    {
        var newsbot = new List<string> { DotnetHost(), Path.Combine(AppContext.BaseDirectory, "newsbot.dll") };
        newsbot.AddRange(args);
        ProcessStartInfo info;
        if (terminal)
        {
            // -q no banner, -f flush each write, -e pass the exit code on, -c the command; the typescript goes nowhere.
            info = new ProcessStartInfo("script");
            foreach (var arg in new[] { "-qfec", string.Join(' ', newsbot.Select(ShellQuote)), "/dev/null" })
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["TERM"] = "dumb";
        }
        else
        {
            info = new ProcessStartInfo(newsbot[0]);
            foreach (var arg in newsbot.Skip(1))
            {
                info.ArgumentList.Add(arg);
            }
        }

        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.StandardOutputEncoding = Encoding.UTF8;
        info.StandardErrorEncoding = Encoding.UTF8;
        info.WorkingDirectory = TestPaths.NewTempFolder();
        info.Environment["NEWSBOT_DATA"] = TestPaths.NewTempFolder();
        info.Environment["DOTNET_ENVIRONMENT"] = "Test";
        info.Environment["Search__SnapshotFolder"] = TestPaths.DictionarySnapshotFolder;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new LiveNewsbot(Process.Start(info)!);
    }

    /// <summary>Types one line (the input stays open).</summary>
    public async Task WriteLineAsync(string line)
    {
        await _process.StandardInput.WriteAsync(line + "\n");
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Writes raw characters, e.g. Ctrl+D ("\u0004") at a terminal.</summary>
    public async Task WriteAsync(string text)
    {
        await _process.StandardInput.WriteAsync(text);
        await _process.StandardInput.FlushAsync();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Sends SIGTERM, as docker stop or systemd would.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        await kill.WaitForExitAsync();
    }

    /// <summary>
    /// Waits until stdout (from <paramref name="from"/> on) satisfies <paramref name="condition"/>; fails with what was seen.
    /// The timeout is only a safety net (generous: the first wait includes the process start on a loaded machine).
    /// </summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> condition, int from = 0, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var text = _output.ToString();
                var seen = text[Math.Min(from, text.Length)..];
                if (condition(seen))
                {
                    return seen;
                }

                if (_process.HasExited && _readers.IsCompleted)
                {
                    throw new InvalidOperationException($"newsbot exited ({_process.ExitCode}) before the expected output.\nstdout:\n{text}\nstderr:\n{_errors}");
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The expected output did not come.\nstdout:\n{Output}\nstderr:\n{Errors}");
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        await _process.WaitForExitAsync(cts.Token);
        await _readers;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task PumpAsync(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            Append(into, buffer.AsSpan(0, read));
        }

        Append(into, []);
    }

    private void Append(StringBuilder into, ReadOnlySpan<char> text)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            into.Append(text);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
