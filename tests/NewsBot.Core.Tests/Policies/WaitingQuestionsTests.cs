using NewsBot.Core.Policies;

namespace NewsBot.Core.Tests.Policies;

/// <summary>/cancel drops the questions that were waiting when it came, not the ones the user typed after it.</summary>
public sealed class WaitingQuestionsTests
{
    private static readonly UserKey Ada = new("console", "ada");

    [Fact]
    public void A_stop_drops_what_waited_before_it_and_keeps_what_came_after()
    {
        var running = new RunningAnswers();
        using var before = new CancellationTokenSource();
        using var after = new CancellationTokenSource();
        using var first = running.Wait(Ada, before);
        var stopArrived = running.Arrivals;
        using var second = running.Wait(Ada, after);

        Assert.True(running.TryCancel(Ada, stopArrived));

        Assert.True(before.IsCancellationRequested);
        Assert.False(after.IsCancellationRequested);
        Assert.True(running.TryCancel(Ada));
        Assert.True(after.IsCancellationRequested);
    }

    [Fact]
    public void Without_a_mark_every_waiting_question_of_the_user_is_dropped_and_no_one_elses()
    {
        var running = new RunningAnswers();
        using var mine = new CancellationTokenSource();
        using var theirs = new CancellationTokenSource();
        using var a = running.Wait(Ada, mine);
        using var b = running.Wait(new UserKey("console", "bob"), theirs);

        Assert.True(running.TryCancel(Ada));

        Assert.True(mine.IsCancellationRequested);
        Assert.False(theirs.IsCancellationRequested);
        Assert.False(running.TryCancel(Ada));
    }

    [Fact]
    public void A_question_taken_by_a_stop_does_not_start_and_a_started_one_is_not_reported_stopped()
    {
        var running = new RunningAnswers();
        using var dropped = new CancellationTokenSource();
        using var taken = running.Wait(Ada, dropped);
        Assert.True(running.TryCancel(Ada));
        Assert.False(taken.Start());

        using var kept = new CancellationTokenSource();
        using var started = running.Wait(Ada, kept);
        Assert.True(started.Start());
        // Off the waiting list and not yet running: the stop finds nothing, so it cannot say "Cancelled" and let the answer through.
        Assert.False(running.TryCancel(Ada));
        Assert.False(kept.IsCancellationRequested);
    }
}
