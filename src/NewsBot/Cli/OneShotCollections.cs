namespace NewsBot.Cli;

/// <summary>
/// Garbage collection in a process that does one thing and exits: a <c>newsbot ingest</c> that brings existing files up to
/// date, and a one-shot <c>ask</c> or <c>summary</c> on an index already on disk. Most of what they allocate they keep until they exit (the article
/// cache's facts, the index, the people's results), and the workstation GC stops every thread while it collects on one core:
/// adding 100 articles to 9,268 allocated 131 MB and collected 7 times (3 of them full, while the cache, index and people
/// files were read), 155–285 ms of pauses at load 8. A fresh answer over the 9,318 bench articles allocates about 80 MB and
/// collected three times (two of them, one full, while answering, over everything the start had read), one over 1,000
/// articles once: the first answer's collections grew with the archive.
/// Their first <see cref="Budget"/> bytes are therefore allocated without a collection (a no-GC region). So are those of
/// a cold ingest of a corpus too small for the server GC's child (see <see cref="ServerGcIngest"/>): at 1,000 articles it
/// allocates about 95 MB in all and collected 6–7 times, 3 of them gen2, 90–130 ms of pauses while one core waited, a fifth
/// of its wall time. Not for a large cold ingest: it allocates about 690 MB (at 9,268 articles), and deferring its first
/// collections only raised its peak (321 → 384 MB) without saving CPU time.
/// </summary>
internal static class OneShotCollections
{
    /// <summary>What such a process may allocate before its first collection; the memory is taken only as it is allocated.</summary>
    public const long Budget = 256L << 20;

    public static void Defer()
    {
        try
        {
            // False when the runtime cannot set the budget aside: the update then collects as usual, as it does once the
            // budget is used up (a larger corpus).
            _ = GC.TryStartNoGCRegion(Budget);
        }
        catch (ArgumentOutOfRangeException)
        {
            // A budget larger than a heap with a hard limit allows (a small container): collect as usual.
        }
    }
}
