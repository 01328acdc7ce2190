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

/// <summary>An incoming update waiting in its chat's inbox.</summary>
public sealed record InboxUpdate(long UpdateId, string Payload);

/// <summary>
/// Incoming platform updates shared by every instance (webhook mode behind a load balancer): an update delivered twice
/// is stored once, and a chat's updates are handled in id order by whichever instance holds the chat's lock.
/// </summary>
public interface IUpdateInbox
{
    /// <summary>Stores the update for its chat; false when it was stored before (a redelivery), by this instance or another.</summary>
    Task<bool> TryAddAsync(string scope, string chat, long updateId, string payload, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// The chat's lock across instances, or null while another holder has it. Disposing releases it; a holder that dies
    /// releases it with its connection.
    /// </summary>
    Task<IAsyncDisposable?> TryLockChatAsync(string scope, string chat, CancellationToken cancellationToken);

    /// <summary>The chat's updates not yet handled, in update id order.</summary>
    Task<IReadOnlyList<InboxUpdate>> PendingAsync(string scope, string chat, CancellationToken cancellationToken);

    Task MarkHandledAsync(string scope, long updateId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Chats with an update received before <paramref name="receivedBefore"/> and not handled yet (its instance may have died).</summary>
    Task<IReadOnlyList<string>> StalledChatsAsync(string scope, DateTimeOffset receivedBefore, CancellationToken cancellationToken);
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
