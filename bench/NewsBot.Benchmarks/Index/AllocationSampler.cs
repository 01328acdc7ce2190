using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace NewsBot.Benchmarks.Index;

/// <summary>
/// What a step allocates, by type: the runtime's allocation ticks (one event per ~100 KB allocated, naming the type that crossed
/// the mark), summed. A sample, not a count: types allocated in small amounts may not show (<c>--profile-ingest … --allocations</c>).
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.Payload is not { } payload || e.PayloadNames is not { } names)
        {
            return;
        }

        var type = names.IndexOf("TypeName") is var t and >= 0 ? payload[t] as string ?? "?" : "?";
        var amount = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(payload[a], CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    public void Reset() => _bytes.Clear();

    /// <summary>The types with the most bytes since the last <see cref="Reset"/>, one line each.</summary>
    public void Report(string step, int top = 15)
    {
        foreach (var (type, bytes) in _bytes.OrderByDescending(kv => kv.Value).Take(top))
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {step}: {bytes / 1048576.0,7:0.0} MB {type}"));
        }
    }
}
