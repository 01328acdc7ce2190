using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Chat;
using NewsBot.Core.Policies;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Policies;

/// <summary>
/// /cancel either stops an answer (its reply said "Cancelled", so the answer never follows) or finds none running: the
/// extractive engine finishes without looking at its token, and the console showed "Cancelled." and then the whole answer.
/// </summary>
public sealed class CancelRaceTests
{
    private static readonly ChatRequest Request = new() { Platform = "console", ChatId = "c", UserId = "ada", Text = "Was kostet das Projekt?" };

    [Fact]
    public async Task An_answer_finished_after_a_cancel_is_not_shown()
    {
        using var harness = PolicyHarness.Create();
        var running = harness.Services.GetRequiredService<RunningAnswers>();
        var cancelled = false;
        var reply = await harness.Services.GetRequiredService<AnswerGate>().RunAsync(Request, Language.German, _ =>
        {
            // /cancel arrives while the engine works; the engine never looks at its token.
            cancelled = running.TryCancel(UserKey.Of(Request));
            return Task.FromResult(Reply.Text(Language.German, "rund 14 Millionen Euro"));
        }, CancellationToken.None);

        Assert.True(cancelled);
        Assert.Equal(ReplyKind.Silent, reply.Kind);
    }

    [Fact]
    public async Task A_cancel_after_the_answer_is_made_finds_nothing_to_stop()
    {
        using var harness = PolicyHarness.Create();
        var running = harness.Services.GetRequiredService<RunningAnswers>();
        var reply = await harness.Services.GetRequiredService<AnswerGate>().RunAsync(Request, Language.German, _ => Task.FromResult(Reply.Text(Language.German, "rund 14 Millionen Euro")), CancellationToken.None);

        Assert.NotEqual(ReplyKind.Silent, reply.Kind);
        Assert.False(running.TryCancel(UserKey.Of(Request)));
    }
}
