using Microsoft.Extensions.Logging;

namespace NewsBot.Core.State;

/// <summary>
/// Runs a piece of work on one instance at a time (Telegram polling, a feed fetcher): the instance that holds the named
/// lease runs it and renews the lease every <see cref="LeaderLeaseTimings.RenewInterval"/>; the others try to take the
/// lease as often. When the holder stops, it gives the lease up and another takes over at its next try; when it dies or
/// loses the store, the lease runs out after <see cref="LeaderLeaseTimings.Duration"/>, so another takes over within
/// duration + renew interval. A holder that cannot renew stops its work before its lease can have run out.
/// </summary>
public sealed partial class LeaderLease(ILeaseStore leases, string name, string owner, LeaderLeaseTimings timings, TimeProvider time, ILogger logger)
{
    /// <summary>Runs <paramref name="work"/> whenever this instance holds the lease, until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var waiting = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (await TryAcquireAsync(now, cancellationToken) != true)
            {
                if (!waiting)
                {
                    LogStandingBy(logger, name, owner);
                    waiting = true;
                }

                await Task.Delay(timings.RenewInterval, time, cancellationToken);
                continue;
            }

            waiting = false;
            LogLeading(logger, name, owner);
            await LeadAsync(work, now + timings.Duration, cancellationToken);
        }
    }

    private async Task LeadAsync(Func<CancellationToken, Task> work, DateTimeOffset heldUntil, CancellationToken cancellationToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = Task.Run(() => work(lost.Token), CancellationToken.None);
        try
        {
            while (!running.IsCompleted)
            {
                var tick = Task.Delay(timings.RenewInterval, time, cancellationToken);
                await Task.WhenAny(running, tick);
                if (running.IsCompleted || cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                var now = time.GetUtcNow();
                var renewed = await TryAcquireAsync(now, cancellationToken);
                if (renewed == true)
                {
                    heldUntil = now + timings.Duration;
                }
                else if (renewed == false || now + timings.RenewInterval >= heldUntil)
                {
                    // Another may take it (or has): stop before two instances do the work at once.
                    LogLost(logger, name, owner);
                    await lost.CancelAsync();
                    break;
                }
            }

            try
            {
                await running;
            }
            catch (OperationCanceledException) when (lost.IsCancellationRequested)
            {
            }
        }
        finally
        {
            await lost.CancelAsync();
            try
            {
                await running.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
            }
            catch (Exception)
            {
                // Its own failures were its own to log; we only wait for it to stop.
            }

            if (cancellationToken.IsCancellationRequested)
            {
                await ReleaseAsync();
            }
        }
    }

    /// <summary>True when held, false when another instance holds it, null when the store cannot be reached.</summary>
    private async Task<bool?> TryAcquireAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await leases.TryAcquireAsync(name, owner, now, now + timings.Duration, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogStoreFailed(logger, e, name);
            return null;
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await leases.ReleaseAsync(name, owner, CancellationToken.None);
        }
        catch (Exception e)
        {
            // It runs out by itself.
            LogStoreFailed(logger, e, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This instance ({Owner}) now leads {Lease}")]
    private static partial void LogLeading(ILogger logger, string lease, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another instance leads {Lease}; this one ({Owner}) stands by")]
    private static partial void LogStandingBy(ILogger logger, string lease, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This instance ({Owner}) lost {Lease}; it stops that work")]
    private static partial void LogLost(ILogger logger, string lease, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease {Lease} could not be read or renewed")]
    private static partial void LogStoreFailed(ILogger logger, Exception exception, string lease);
}

/// <summary>How long a leader's lease lasts and how often it is renewed (and others try to take it).</summary>
public sealed record LeaderLeaseTimings(TimeSpan Duration, TimeSpan RenewInterval)
{
    /// <summary>Another instance takes over within 25 s of the holder's death.</summary>
    public static LeaderLeaseTimings Default { get; } = new(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5));
}
