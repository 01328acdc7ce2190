namespace NewsBot.Retrieval.Search;

/// <summary>
/// Per-query score accumulator: a dense array indexed by passage plus the list of passages touched, reused across queries
/// on the same thread, and a partial top-k selection instead of sorting every scored passage. Keeps a query allocation-light.
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
    public List<(int Passage, double Score)> Top(int limit)
    {
        // A min-heap of the best so far: O(n log k) rather than sorting all n touched passages.
        var heap = new PriorityQueue<int, (double Score, int NegPassage)>(Math.Min(limit, _touched.Count) + 1);
        foreach (var passage in _touched)
        {
            var key = (_scores[passage], -passage);
            if (heap.Count < limit)
            {
                heap.Enqueue(passage, key);
            }
            else if (heap.TryPeek(out _, out var worst) && key.CompareTo(worst) > 0)
            {
                heap.EnqueueDequeue(passage, key);
            }
        }

        var result = new List<(int, double)>(heap.Count);
        while (heap.TryDequeue(out var passage, out var key))
        {
            result.Add((passage, key.Score));
        }

        result.Reverse();
        return result;
    }
}
