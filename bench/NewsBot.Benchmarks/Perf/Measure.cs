using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace NewsBot.Benchmarks.Perf;

/// <summary>Latency samples and their percentiles (nearest rank), in milliseconds.</summary>
internal sealed class Latencies
{
    private readonly List<double> _ms = [];

    public int Count => _ms.Count;

    public void Add(TimeSpan elapsed) => _ms.Add(elapsed.TotalMilliseconds);

    public void Add(long stopwatchTicks) => _ms.Add(stopwatchTicks * 1000.0 / Stopwatch.Frequency);

    public double Percentile(double p)
    {
        if (_ms.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _ms.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public double P50 => Percentile(50);

    public double P95 => Percentile(95);

    public double P99 => Percentile(99);

    public string Summary() => string.Create(CultureInfo.InvariantCulture, $"p50 {Ms(P50)} · p95 {Ms(P95)} · p99 {Ms(P99)}");

    public static string Ms(double ms) => ms switch
    {
        < 1 => ms.ToString("0.000", CultureInfo.InvariantCulture) + " ms",
        < 100 => ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        _ => ms.ToString("0", CultureInfo.InvariantCulture) + " ms",
    };
}

/// <summary>The machine the numbers were taken on.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = "unknown CPU";
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
            }
        }
        catch (IOException)
        {
        }

        var ramGb = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu}), {ramGb:0.0} GB RAM, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}");
    }
}
