using NewsBot.Core.Policies;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;

namespace NewsBot.Core.Commands.Handlers;

/// <summary>/cancel: stops the user's running answer (which then ends silently); says so when nothing runs.</summary>
public sealed class CancelHandler(RunningAnswers running) : IChatCommandHandler
{
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

    public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var language = context.Language;
        return Task.FromResult(running.TryCancel(UserKey.Of(context.Request), context.Request.StopsQuestionsArrivedBy)
            ? Reply.Text(language, Texts.Cancelled(language))
            : Reply.Text(language, Texts.NothingToCancel(language)));
    }
}
