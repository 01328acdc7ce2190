namespace NewsBot.Core.Turns;

/// <summary>
/// Runs work items one after another per key (a chat) and concurrently across keys. Items of one key start in the
/// order they were queued; idle keys hold no state.
/// </summary>
internal sealed class ChatLanes<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Lane> _lanes = [];
    private readonly Lock _gate = new();

    /// <summary>Queues work behind the key's earlier items; returns at once with the work's task.</summary>
    public Task RunAsync(TKey key, Func<Task> work)
    {
        lock (_gate)
        {
            if (!_lanes.TryGetValue(key, out var lane))
            {
                lane = new Lane();
                _lanes[key] = lane;
            }

            lane.Pending++;
            var task = RunAfterAsync(lane.Tail, work);
            lane.Tail = task.ContinueWith(_ => Release(key, lane), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return task;
        }
    }

    /// <summary>Completes when every item queued so far has finished.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_lanes.Values.Select(l => l.Tail).ToList());
        }
    }

    private static async Task RunAfterAsync(Task previous, Func<Task> work)
    {
        // Always continue on the thread pool: the caller (a receiving loop) must never run an item's synchronous part,
        // and RunAsync holds its lock until this method first yields. 'previous' never faults (it is a release continuation).
        await previous.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        await work();
    }

    private void Release(TKey key, Lane lane)
    {
        lock (_gate)
        {
            if (--lane.Pending == 0)
            {
                _lanes.Remove(key);
            }
        }
    }

    private sealed class Lane
    {
        public Task Tail { get; set; } = Task.CompletedTask;

        public int Pending { get; set; }
    }
}
