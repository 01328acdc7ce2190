using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Policies;

/// <summary>
/// What every answer passes through, in this order: one answer in flight per user (a second one is refused with
/// "still working", not queued, so one user cannot fill the queue), the user's rate limit, then a global slot
/// (queued when all are busy). A request stopped by /cancel ends silently: the /cancel reply says "Cancelled".
/// </summary>
public sealed partial class AnswerGate(RunningAnswers running, UserRateLimiter limiter, AnswerSlots slots, ILogger<AnswerGate> logger)
{
    public async Task<Reply> RunAsync(ChatRequest request, Language language, Func<CancellationToken, Task<Reply>> answer, CancellationToken cancellationToken)
    {
        var user = UserKey.Of(request);
        using var run = running.TryStart(user, cancellationToken);
        if (run is null)
        {
            return Reply.Text(language, Texts.StillWorking(language), ReplyKind.Refusal);
        }

        if (limiter.TryTake(user) is { } wait)
        {
            LogRateLimited(logger, request.Platform, request.UserId);
            return Reply.Text(language, Texts.RateLimited(language, WholeSeconds(wait)), ReplyKind.Refusal);
        }

        try
        {
            using var slot = await slots.AcquireAsync(run.Token);
            if (slot is null)
            {
                LogQueueFull(logger, slots.Capacity, slots.Queued);
                return Reply.Text(language, Texts.Busy(language), ReplyKind.Refusal);
            }

            var reply = await answer(run.Token);
            return run.Finish() && !cancellationToken.IsCancellationRequested ? Reply.Silent with { Language = language } : reply;
        }
        catch (OperationCanceledException) when (run.CancelledByUser && !cancellationToken.IsCancellationRequested)
        {
            return Reply.Silent with { Language = language };
        }
    }

    /// <summary>Rounded up, ignoring floating-point dust (12.000000001 s is "12 s"), and never "0 s".</summary>
    private static int WholeSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds - 0.001));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rate limit: {Platform} user {UserId} asked too often")]
    private static partial void LogRateLimited(ILogger logger, string platform, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "All {Capacity} answer slots busy and {Queued} requests waiting: refused one as busy (raise Bot:MaxConcurrentAnswers or Bot:MaxQueuedAnswers)")]
    private static partial void LogQueueFull(ILogger logger, int capacity, int queued);
}
