namespace NewsBot.Core.State;

/// <summary>
/// Named leases shared by every instance on one store: one holder at a time, taken over by another once it runs out.
/// Times come from the caller's clock (the injected <see cref="TimeProvider"/>), so instances need roughly synchronised
/// clocks; a lease is far longer than any plausible skew.
/// </summary>
public interface ILeaseStore
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> for <paramref name="owner"/> until <paramref name="until"/>, or renews it when
    /// the owner holds it already. False while another owner's lease runs past <paramref name="now"/>.
    /// </summary>
    Task<bool> TryAcquireAsync(string name, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Gives the lease up (only when <paramref name="owner"/> holds it), so another instance may take it at once.</summary>
    Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken);
}

/// <summary>Incoming platform updates seen by any instance, so one delivered twice (a platform retry) is handled once.</summary>
public interface IUpdateLog
{
    /// <summary>Records the update; false when it was recorded before, by this instance or another.</summary>
    Task<bool> TryRecordAsync(string scope, long updateId, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>Who this process is among the instances sharing a store: the owner name of the leases it takes.</summary>
public sealed class InstanceIdentity(string id)
{
    public InstanceIdentity()
        : this($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}")
    {
    }

    public string Id { get; } = id;

    public override string ToString() => Id;
}
