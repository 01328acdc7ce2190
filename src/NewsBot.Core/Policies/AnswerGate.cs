using NewsBot.Core.Chat;
using NewsBot.Core.Languages;

namespace NewsBot.Core.Policies;

/// <summary>
/// What every answer passes through, in this order: one answer in flight per user (a second one is refused with
/// "still working", not queued, so a user cannot fill the queue), the user's rate limit, then a global slot
/// (queued when all are busy). A request stopped by /cancel ends silently: the /cancel reply says "Cancelled".
/// </summary>
public sealed class AnswerGate(RunningAnswers running, UserRateLimiter limiter, AnswerSlots slots)
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
            return Reply.Text(language, Texts.RateLimited(language, WholeSeconds(wait)), ReplyKind.Refusal);
        }

        try
        {
            using var slot = await slots.AcquireAsync(run.Token);
            if (slot is null)
            {
                return Reply.Text(language, Texts.Busy(language), ReplyKind.Refusal);
            }

            return await answer(run.Token);
        }
        catch (OperationCanceledException) when (run.CancelledByUser && !cancellationToken.IsCancellationRequested)
        {
            return Reply.Silent;
        }
    }

    /// <summary>Rounded up, ignoring floating-point dust (12.000000001 s is "12 s"), and never "0 s".</summary>
    private static int WholeSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds - 0.001));
}
