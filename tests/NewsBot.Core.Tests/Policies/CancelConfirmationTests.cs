using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;
using NewsBot.Core.Commands.Handlers;
using NewsBot.Core.Policies;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Policies;

/// <summary>
/// /cancel confirms after the answer it stopped has ended its draft: the console once printed "Abgebrochen." on the
/// stopped draft's line, before the draft's own "⏹ Antwort abgebrochen.".
/// </summary>
public sealed class CancelConfirmationTests
{
    private static readonly ChatRequest Stop = new() { Platform = "console", ChatId = "c", UserId = "ada", Text = "/cancel" };

    private readonly RunningAnswers _running = new();
    private readonly FakeTimeProvider _time = new();

    private Task<Reply> Cancel() =>
        new CancelHandler(_running, _time).HandleAsync(new CommandContext(Stop, ChatCommand.Parse(Stop.Text), Language.English, null!, null, null!), CancellationToken.None);

    [Fact]
    public async Task The_confirmation_waits_until_the_stopped_turn_has_ended()
    {
        var turn = _running.TurnStarted(UserKey.Of(Stop));
        using var answer = _running.TryStart(UserKey.Of(Stop), CancellationToken.None);

        var confirmation = Cancel();

        Assert.True(answer!.Token.IsCancellationRequested);
        Assert.False(confirmation.IsCompleted, "confirmed while the stopped turn still shows its draft");
        turn.Dispose();
        Assert.Equal("Cancelled.", (await confirmation.WaitAsync(TimeSpan.FromSeconds(30))).PlainText);
    }

    [Fact]
    public async Task A_turn_that_never_ends_delays_the_confirmation_only_for_a_while()
    {
        using var turn = _running.TurnStarted(UserKey.Of(Stop));
        using var answer = _running.TryStart(UserKey.Of(Stop), CancellationToken.None);

        var confirmation = Cancel();
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("Cancelled.", (await confirmation.WaitAsync(TimeSpan.FromSeconds(30))).PlainText);
    }

    [Fact]
    public async Task Nothing_to_cancel_answers_at_once_even_while_another_users_turn_runs()
    {
        using var other = _running.TurnStarted(new UserKey("console", "bob"));
        using var answer = _running.TryStart(new UserKey("console", "bob"), CancellationToken.None);

        var confirmation = Cancel();

        Assert.True(confirmation.IsCompleted);
        Assert.Equal("No answer is running.", (await confirmation).PlainText);
        Assert.False(answer!.Token.IsCancellationRequested);
    }
}
