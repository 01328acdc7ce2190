using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Policies;

public sealed class CancelTests
{
    private const string Question = "Wo trafen sich Rubio und Lawrow?";

    [Fact]
    public async Task Cancel_stops_the_users_running_answer_which_then_ends_silently()
    {
        using var bot = PolicyHarness.Create();
        bot.Engine.Close();

        var running = bot.Send(Question);
        Assert.Equal(Question, await bot.Engine.Started.ReadAsync().AsTask().Within());

        // Another user's /cancel does not touch it.
        Assert.Equal(Texts.NothingToCancel(Language.English), (await bot.Send("/cancel", user: "u2", locale: "en")).PlainText);
        Assert.False(running.IsCompleted);

        var cancel = await bot.Send("/cancel", locale: "de");
        Assert.Equal(Texts.Cancelled(Language.German), cancel.PlainText);
        Assert.Equal(ReplyKind.Silent, (await running.Within()).Kind);
        Assert.Equal(1, bot.Engine.Cancelled);

        Assert.Equal(Texts.NothingToCancel(Language.German), (await bot.Send("/abbrechen", locale: "de")).PlainText);

        // The user can ask again straight away.
        bot.Engine.Open();
        Assert.Equal(ReplyKind.Answer, (await bot.Send(Question).Within()).Kind);
    }

    [Fact]
    public async Task A_second_question_while_one_runs_is_refused_and_other_users_are_not_held_up()
    {
        using var bot = PolicyHarness.Create();
        bot.Engine.Close();

        var first = bot.Send(Question);
        await bot.Engine.Started.ReadAsync().AsTask().Within();

        var second = await bot.Send("Was sagte Selenskyj?").Within();
        Assert.Equal(ReplyKind.Refusal, second.Kind);
        Assert.Equal(Texts.StillWorking(Language.German), second.PlainText);

        var other = bot.Send(Question, user: "u2");
        await bot.Engine.Started.ReadAsync().AsTask().Within();

        bot.Engine.Open();
        Assert.Equal("answer: " + Question, (await first.Within()).PlainText);
        Assert.Equal(ReplyKind.Answer, (await other.Within()).Kind);
    }

    [Fact]
    public async Task Cancel_also_stops_an_answer_still_waiting_in_the_queue()
    {
        using var bot = PolicyHarness.Create(new() { ["Bot:MaxConcurrentAnswers"] = "1" });
        bot.Engine.Close();

        var holder = bot.Send(Question, user: "a");
        await bot.Engine.Started.ReadAsync().AsTask().Within();
        var queued = bot.Send(Question, user: "b");
        Assert.False(queued.IsCompleted);

        Assert.Equal(Texts.Cancelled(Language.English), (await bot.Send("/cancel", user: "b", locale: "en")).PlainText);
        Assert.Equal(ReplyKind.Silent, (await queued.Within()).Kind);

        bot.Engine.Open();
        Assert.Equal(ReplyKind.Answer, (await holder.Within()).Kind);
        Assert.Equal(0, bot.Engine.Cancelled);
    }

    [Fact]
    public async Task Shutdown_cancellation_still_propagates_to_the_adapter()
    {
        using var bot = PolicyHarness.Create();
        bot.Engine.Close();
        using var shutdown = new CancellationTokenSource();

        var running = bot.Send(Question, cancellationToken: shutdown.Token);
        await bot.Engine.Started.ReadAsync().AsTask().Within();
        await shutdown.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.Within());
    }
}
