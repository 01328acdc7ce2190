using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.State;

namespace NewsBot.Sources;

/// <summary>
/// Runs <see cref="FeedPoller.PollDueAsync"/> every <see cref="SourcesOptions.PollTick"/> while the bot runs. With a shared
/// store (<see cref="ILeaseStore"/> registered), only the instance that holds the feeds lease fetches, so several instances
/// on one corpus folder never fetch and write the same item twice; another takes over when the holder stops or dies.
/// </summary>
public sealed partial class FeedPollingService(
    FeedPoller poller,
    IOptions<FeedsOptions> feeds,
    IOptions<SourcesOptions> options,
    TimeProvider time,
    ILogger<FeedPollingService> logger,
    ILeaseStore? leases = null,
    InstanceIdentity? instance = null) : BackgroundService
{
    public const string LeaseName = "feeds:polling";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (feeds.Value.Feeds.Count == 0)
        {
            return Task.CompletedTask;
        }

        if (leases is null)
        {
            return PollAsync(stoppingToken);
        }

        var lease = new LeaderLease(leases, LeaseName, (instance ?? new InstanceIdentity()).Id, LeaderLeaseTimings.Default, time, logger);
        return lease.RunAsync(PollAsync, stoppingToken);
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollTick, time);
        do
        {
            try
            {
                await poller.PollDueAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad round (a damaged state file, a full disk) must not stop the feeds for good.
                LogRoundFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of feed fetching failed; trying again at the next tick")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
