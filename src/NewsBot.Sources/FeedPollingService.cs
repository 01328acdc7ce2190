using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsBot.Sources;

/// <summary>Runs <see cref="FeedPoller.PollDueAsync"/> every <see cref="SourcesOptions.PollTick"/> while the bot runs.</summary>
public sealed partial class FeedPollingService(FeedPoller poller, IOptions<FeedsOptions> feeds, IOptions<SourcesOptions> options, TimeProvider time, ILogger<FeedPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (feeds.Value.Feeds.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PollTick, time);
        do
        {
            try
            {
                await poller.PollDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One bad round (a damaged state file, a full disk) must not stop the feeds for good.
                LogRoundFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A round of feed fetching failed; trying again at the next tick")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
