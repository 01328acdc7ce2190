using System.Globalization;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Policies;
using NewsBot.Core.State;
using NewsBot.Core.Telemetry;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;

namespace NewsBot.Core.Commands.Handlers;

/// <summary>/good and /bad: a vote on the chat's last answer (the console's way to vote; platforms also have buttons).</summary>
public sealed class VoteHandler(IAnswerLog answers, TimeProvider time) : IChatCommandHandler
{
    public IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("good", new("Die letzte Antwort war hilfreich", "The last answer was helpful"))
        {
            Help = new(
                "die letzte Antwort als hilfreich bewerten (auf Telegram und Discord auch mit 👍 unter jeder Antwort)",
                "rate the last answer as helpful (on Telegram and Discord also with 👍 under every answer)"),
            Order = 70,
            ListedIn = CommandListing.Help,
        },
        new("bad", new("Die letzte Antwort war nicht hilfreich", "The last answer was not helpful"))
        {
            Help = new("die letzte Antwort als nicht hilfreich bewerten (oder 👎)", "rate the last answer as not helpful (or 👎)"),
            Order = 71,
            ListedIn = CommandListing.Help,
        },
    ];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var vote = context.Command.Name == "good" ? Vote.Good : Vote.Bad;
        var outcome = await answers.LastAnswerAsync(new ChatKey(request.Platform, request.ChatId), cancellationToken) is { } last
            ? await answers.VoteAsync(last, request.Platform, request.UserId, vote, time.GetUtcNow(), cancellationToken)
            : VoteOutcome.UnknownAnswer;
        if (outcome is VoteOutcome.Recorded or VoteOutcome.Changed)
        {
            NewsBotTelemetry.Votes.Add(1, [new("platform", request.Platform), new("vote", vote == Vote.Good ? "good" : "bad")]);
        }

        return outcome == VoteOutcome.UnknownAnswer
            ? Reply.Text(context.Language, FeedbackTexts.NothingToVoteOn(context.Language), ReplyKind.Error)
            : Reply.Text(context.Language, FeedbackTexts.Thanks(context.Language, vote));
    }
}

/// <summary>
/// /stats: questions, answers by backend, the helpful share, the most cited articles and the model's tokens this week,
/// for this chat; /stats all for the whole bot. Only admins (and the console, whose user runs the bot); the whole bot
/// only for configured admins.
/// </summary>
public sealed class StatsHandler(IAnswerLog answers, IAdminPolicy admins, TimeProvider time) : IChatCommandHandler
{
    public IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("stats", new("Fragen, Antworten und Bewertungen (nur Admins)", "Questions, answers and ratings (admins only)"))
        {
            Usage = new("[all]", "[all]"),
            Help = new(
                "(nur Admins) Fragen, Antworten, Bewertungen und Modell-Token dieses Chats; /stats all für den ganzen Bot",
                "(admins only) questions, answers, ratings and model tokens of this chat; /stats all for the whole bot"),
            Order = 75,
            ListedIn = CommandListing.Help,
        },
    ];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var console = request.Platform == Platforms.Console;
        var wholeBot = context.Command.Arguments.Trim().Equals("all", StringComparison.OrdinalIgnoreCase);
        var allowed = console || (wholeBot ? admins.IsAdmin(request with { IsPlatformAdmin = false }) : admins.IsAdmin(request));
        if (!allowed)
        {
            return Reply.Text(context.Language, Texts.AdminOnly(context.Language), ReplyKind.Refusal);
        }

        var stats = await answers.GetStatsAsync(wholeBot ? null : new ChatKey(request.Platform, request.ChatId), StatsReport.WeekStart(time.GetUtcNow()), StatsReport.TopTopics, cancellationToken);
        return Reply.Text(context.Language, StatsReport.Text(stats, context.Language, wholeBot));
    }
}

/// <summary>The statistics as text (chat and console) and the week they count tokens in.</summary>
public static class StatsReport
{
    public const int TopTopics = 5;

    /// <summary>Monday 00:00 UTC of the current week.</summary>
    public static DateTimeOffset WeekStart(DateTimeOffset now)
    {
        var day = now.ToUniversalTime().Date;
        var sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        return new DateTimeOffset(day.AddDays(-sinceMonday), TimeSpan.Zero);
    }

    public static string Text(AnswerStats stats, Language language, bool wholeBot)
    {
        var de = language == Language.German;
        var c = CultureInfo.GetCultureInfo(de ? "de-DE" : "en-GB");
        var lines = new List<string>
        {
            de ? (wholeBot ? "Statistik des ganzen Bots" : "Statistik dieses Chats") : (wholeBot ? "Statistics for the whole bot" : "Statistics for this chat"),
            (de ? "Fragen: " : "Questions: ") + stats.Questions.ToString("N0", c),
        };
        if (stats.AnswersByBackend.Count > 0)
        {
            lines.Add((de ? "Antworten nach Quelle: " : "Answers by backend: ")
                + string.Join(", ", stats.AnswersByBackend.OrderByDescending(b => b.Value).Select(b => $"{b.Key} {b.Value.ToString("N0", c)}")));
        }

        lines.Add(stats.HelpfulShare is { } share
            ? (de ? "Hilfreich: " : "Helpful: ") + $"{share.ToString("P0", c)} ({stats.GoodVotes.ToString("N0", c)} 👍, {stats.BadVotes.ToString("N0", c)} 👎)"
            : de ? "Hilfreich: noch keine Bewertungen" : "Helpful: no votes yet");
        if (stats.TopTopics.Count > 0)
        {
            lines.Add(de ? "Meistgefragte Themen:" : "Most asked topics:");
            lines.AddRange(stats.TopTopics.Select((t, i) => $"{i + 1}. {t.Title} ({t.Answers.ToString("N0", c)})"));
        }

        lines.Add((de ? "Tokens des Sprachmodells diese Woche: " : "Language model tokens this week: ")
            + $"{(stats.PromptTokens + stats.CompletionTokens).ToString("N0", c)} ({stats.PromptTokens.ToString("N0", c)} prompt, {stats.CompletionTokens.ToString("N0", c)} completion)");
        return string.Join("\n\n", lines);
    }
}

/// <summary>The fixed texts of votes, in both languages.</summary>
public static class FeedbackTexts
{
    public static string Thanks(Language language, Vote vote) => (language, vote) switch
    {
        (Language.German, Vote.Good) => "Danke! Als hilfreich vermerkt 👍",
        (Language.German, _) => "Danke! Als nicht hilfreich vermerkt 👎",
        (_, Vote.Good) => "Thanks! Noted as helpful 👍",
        _ => "Thanks! Noted as not helpful 👎",
    };

    public static string NothingToVoteOn(Language language) => language == Language.German
        ? "Es gibt noch keine Antwort, die du bewerten kannst."
        : "There is no answer to vote on yet.";
}
