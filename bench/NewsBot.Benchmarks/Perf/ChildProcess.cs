using System.Diagnostics;

namespace NewsBot.Benchmarks.Perf;

/// <summary>Runs a child process to completion, capturing its output and wall time (start to exit).</summary>
internal static class ChildProcess
{
    /// <summary>The dotnet host running this benchmark, so children use the same runtime.</summary>
    public static string Dotnet { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, TimeSpan? Cpu);

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var cpuBefore = CpuClock.Children();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        var cpu = CpuClock.Children() - cpuBefore;
        return new Result(process.ExitCode, await stdout, await stderr, watch.Elapsed, cpu);
    }
}
