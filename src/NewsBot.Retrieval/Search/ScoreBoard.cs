using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// Per-query score accumulator: a dense array indexed by passage plus the list of passages touched, reused across queries
/// on the same thread, and a partial top-k selection instead of sorting every scored passage. Keeps a query allocation-light.
/// Its per-posting and per-passage methods are inlined into the search or compiled optimised at once: a bot answers a few
/// questions a minute, so they would otherwise run unoptimised (and instrumented) for much of its first hundreds of queries.
/// </summary>
internal sealed class ScoreBoard
{
    [ThreadStatic]
    private static ScoreBoard? _cached;

    private double[] _scores = [];
    private bool[] _seen = [];
    private readonly List<int> _touched = [];

    public int Count => _touched.Count;

    /// <summary>A cleared board for <paramref name="size"/> passages; give it back with <see cref="Return"/>.</summary>
    public static ScoreBoard Rent(int size)
    {
        var board = _cached ?? new ScoreBoard();
        _cached = null;
        if (board._scores.Length < size)
        {
            board._scores = new double[size];
            board._seen = new bool[size];
        }

        return board;
    }

    [MethodImpl(HotPath.Options)]
    public void Return()
    {
        foreach (var passage in _touched)
        {
            _scores[passage] = 0;
            _seen[passage] = false;
        }

        _touched.Clear();
        _cached = this;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int passage, double score)
    {
        if (!_seen[passage])
        {
            _seen[passage] = true;
            _touched.Add(passage);
        }

        _scores[passage] += score;
    }

    public double this[int passage] => _scores[passage];

    /// <summary>The passages touched so far (in first-touch order).</summary>
    public IReadOnlyList<int> Touched => _touched;

    /// <summary>The best <paramref name="limit"/> passages, highest score first, ties by lower passage number (as a full sort would).</summary>
    [MethodImpl(HotPath.Options)]
    public List<(int Passage, double Score)> Top(int limit)
    {
        // The best so far kept sorted, best first (limit is small: the re-ranking's 20): a touched passage that does not beat
        // the worst kept costs one comparison, O(n) for n touched passages rather than sorting them all.
        var size = Math.Min(limit, _touched.Count);
        if (size <= 0)
        {
            return [];
        }

        var best = new int[size];
        var count = 0;
        foreach (var passage in _touched)
        {
            var score = _scores[passage];
            if (count == size)
            {
                if (!Better(score, passage, best[count - 1]))
                {
                    continue;
                }

                count--;
            }

            var at = count;
            while (at > 0 && Better(score, passage, best[at - 1]))
            {
                best[at] = best[at - 1];
                at--;
            }

            best[at] = passage;
            count++;
        }

        var result = new List<(int, double)>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add((best[i], _scores[best[i]]));
        }

        return result;
    }

    /// <summary>Whether (score, passage) ranks before <paramref name="other"/>: a higher score, or the same and a lower number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Better(double score, int passage, int other)
    {
        var otherScore = _scores[other];
        return score > otherScore || (score == otherScore && passage < other);
    }
}
