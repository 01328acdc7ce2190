namespace NewsBot.Core.Digests;

/// <summary>
/// Lets tests wait for a background loop to reach its idle point (work done, next timer armed) instead of sleeping.
/// </summary>
internal sealed class LoopSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Pulse"/> after this call.</summary>
    public Task Next()
    {
        lock (_gate)
        {
            return _next.Task;
        }
    }

    public void Pulse()
    {
        TaskCompletionSource current;
        lock (_gate)
        {
            current = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        current.TrySetResult();
    }
}
