using NewsBot.Core.Policies;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;

namespace NewsBot.Core.Commands.Handlers;

/// <summary>
/// /cancel: stops the user's running answer (which then ends silently) and confirms once the stopped draft shows where it
/// ended; says so when nothing runs.
/// </summary>
public sealed class CancelHandler(RunningAnswers running, TimeProvider time) : IChatCommandHandler
{
    /// <summary>How long the confirmation waits for a stopped turn to end its draft (a platform that does not answer).</summary>
    private static readonly TimeSpan StoppedTurnWait = TimeSpan.FromSeconds(10);

    public IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("cancel", new("Die laufende Antwort abbrechen", "Stop the current answer"))
        {
            Aliases = ["abbrechen"],
            GermanName = "abbrechen",
            Help = new("deine laufende Antwort (und deine wartenden Fragen) abbrechen", "cancel your running answer (and your waiting questions)"),
            Order = 90,
            RunsAtOnce = true,
        },
    ];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var user = UserKey.Of(context.Request);
        if (!running.TryCancel(user, context.Request.StopsQuestionsArrivedBy))
        {
            return Reply.Text(language, Texts.NothingToCancel(language));
        }

        try
        {
            await running.TurnsEnded(user).WaitAsync(StoppedTurnWait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The stopped answer is stopped all the same; only its draft's note is late.
        }

        return Reply.Text(language, Texts.Cancelled(language));
    }
}
