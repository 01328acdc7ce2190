using Microsoft.Extensions.Options;

namespace NewsBot.Core.Policies;

/// <summary>
/// The global limit on answers computed at once (<see cref="LoadOptions.MaxConcurrentAnswers"/>). Requests beyond it
/// wait in order of arrival; only when <see cref="LoadOptions.MaxQueuedAnswers"/> are already waiting does a request
/// get an explicit "busy" refusal. Nothing is dropped silently.
/// </summary>
public sealed class AnswerSlots : IDisposable
{
    private readonly SemaphoreSlim _slots;
    private readonly int _queueLimit;
    private int _queued;

    public AnswerSlots(IOptions<LoadOptions> options)
    {
        var load = options.Value;
        Capacity = load.EffectiveConcurrency;
        _queueLimit = load.MaxQueuedAnswers;
        _slots = new SemaphoreSlim(Capacity, Capacity);
    }

    public int Capacity { get; }

    /// <summary>Requests waiting for a slot.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Answers holding a slot.</summary>
    public int Running => Capacity - _slots.CurrentCount;

    /// <summary>Waits for a slot (asynchronous waiters are served first come, first served); null when the queue is full.</summary>
    public async Task<IDisposable?> AcquireAsync(CancellationToken cancellationToken)
    {
        if (_slots.Wait(0, CancellationToken.None))
        {
            return new Slot(_slots);
        }

        if (Interlocked.Increment(ref _queued) > _queueLimit)
        {
            Interlocked.Decrement(ref _queued);
            return null;
        }

        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }

        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
