using NewsBot.Core.State;

namespace NewsBot.Discord.Client;

/// <summary>
/// Discord allows one IDENTIFY per rate-limit bucket (shard id mod <c>max_concurrency</c>) every 5 s, for the whole bot,
/// whichever process runs the shard. Each IDENTIFY takes its bucket's lease for <see cref="DiscordTimings.IdentifyInterval"/>
/// under a fresh owner name, so the next one, in this process or another on the same store, waits until it has run out.
/// </summary>
public sealed class IdentifyGate(ILeaseStore leases, TimeProvider time, DiscordTimings timings)
{
    public static string LeaseName(int bucket) => $"discord:identify:{bucket}";

    /// <summary>Returns once this IDENTIFY may be sent.</summary>
    public async Task WaitAsync(int bucket, CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        var poll = TimeSpan.FromTicks(Math.Max(timings.IdentifyInterval.Ticks / 10, TimeSpan.FromMilliseconds(20).Ticks));
        while (true)
        {
            var now = time.GetUtcNow();
            if (await leases.TryAcquireAsync(LeaseName(bucket), owner, now, now + timings.IdentifyInterval, cancellationToken))
            {
                return;
            }

            await Task.Delay(poll, time, cancellationToken);
        }
    }
}
