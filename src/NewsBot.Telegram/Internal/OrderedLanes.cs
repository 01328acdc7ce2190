namespace NewsBot.Telegram.Internal;

/// <summary>
/// Runs work items one after another per key (a chat) and concurrently across keys. Items of one key start in the
/// order they were queued; idle keys hold no state.
/// </summary>
internal sealed class OrderedLanes<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Lane> _lanes = [];
    private readonly Lock _gate = new();
    private readonly CancellationToken _shutdown;

    public OrderedLanes(CancellationToken shutdown)
    {
        _shutdown = shutdown;
    }

    public int ActiveKeys
    {
        get
        {
            lock (_gate)
            {
                return _lanes.Count;
            }
        }
    }

    /// <summary>Queues work behind the key's earlier items. The token passed to the work is cancelled by shutdown.</summary>
    public Task<T> RunAsync<T>(TKey key, Func<CancellationToken, Task<T>> work)
    {
        lock (_gate)
        {
            if (!_lanes.TryGetValue(key, out var lane))
            {
                lane = new Lane(CancellationTokenSource.CreateLinkedTokenSource(_shutdown));
                _lanes[key] = lane;
            }

            lane.Pending++;
            var task = RunAfterAsync(lane.Tail, work, lane.Cancellation.Token);
            lane.Tail = task.ContinueWith(_ => Release(key, lane), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return task;
        }
    }

    public Task RunAsync(TKey key, Func<CancellationToken, Task> work) =>
        RunAsync(key, async token =>
        {
            await work(token);
            return true;
        });

    /// <summary>Completes when every item queued so far has finished.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_lanes.Values.Select(l => l.Tail).ToList());
        }
    }

    private static async Task<T> RunAfterAsync<T>(Task previous, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        // Always continue on the thread pool: the caller (the polling loop) must never run an item's synchronous part,
        // and RunAsync holds its lock until this method first yields. 'previous' never faults (it is a release continuation).
        await previous.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        cancellationToken.ThrowIfCancellationRequested();
        return await work(cancellationToken);
    }

    private void Release(TKey key, Lane lane)
    {
        lock (_gate)
        {
            if (--lane.Pending > 0)
            {
                return;
            }

            _lanes.Remove(key);
        }

        lane.Cancellation.Dispose();
    }

    private sealed class Lane(CancellationTokenSource cancellation)
    {
        public Task Tail { get; set; } = Task.CompletedTask;

        public int Pending { get; set; }

        public CancellationTokenSource Cancellation { get; } = cancellation;
    }
}
