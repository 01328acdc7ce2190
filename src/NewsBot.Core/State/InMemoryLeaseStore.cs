namespace NewsBot.Core.State;

/// <summary>Leases inside one process: for a single instance without a shared store, and for tests.</summary>
public sealed class InMemoryLeaseStore : ILeaseStore
{
    private readonly Dictionary<string, (string Owner, DateTimeOffset Until)> _leases = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task<bool> TryAcquireAsync(string name, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(name, out var held) && held.Owner != owner && held.Until > now)
            {
                return Task.FromResult(false);
            }

            _leases[name] = (owner, until);
            return Task.FromResult(true);
        }
    }

    public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(name, out var held) && held.Owner == owner)
            {
                _leases.Remove(name);
            }
        }

        return Task.CompletedTask;
    }
}
