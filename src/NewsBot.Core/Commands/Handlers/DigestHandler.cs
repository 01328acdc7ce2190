using Microsoft.Extensions.Options;
using NewsBot.Core.Digests;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;

namespace NewsBot.Core.Commands.Handlers;

/// <summary>
/// /digest: a digest now (what is new for this chat since its last scheduled digest, or the latest articles);
/// /digest subscribe &lt;cron&gt; [de|en] [time zone], /digest unsubscribe, /digest list. Changes are for the chat's admins.
/// </summary>
public sealed class DigestHandler(
    DigestComposer composer,
    IDigestSubscriptionStore subscriptions,
    IDigestHistoryStore history,
    IKeyValueStore marks,
    IDigestAdminCheck adminCheck,
    IOptions<DigestOptions> options,
    TimeProvider time) : IChatCommandHandler
{
    public const int DefaultMaxArticles = 5;

    public IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("digest", new("Die neuesten Nachrichten kurz", "The latest news in brief"))
        {
            Aliases = ["überblick"],
            GermanName = "überblick",
            Help = new(
                "Überblick über die neuesten Artikel (/digest subscribe <cron> [de|en], /digest list, /digest unsubscribe)",
                "overview of the latest articles (/digest subscribe <cron> [de|en], /digest list, /digest unsubscribe)"),
            Order = 50,
            AnswersFromCorpus = true,

            // Subscriptions are about the chat, not the articles: they work on an empty corpus too.
            IsAboutTheChat = arguments => arguments.Length > 0 && !IsSince(arguments),
        },
    ];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var arguments = context.Command.Arguments.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sub = arguments.Length == 0 ? "" : arguments[0].ToLowerInvariant();
        var rest = arguments.Skip(1).ToArray();
        return sub switch
        {
            "" => await DigestNowAsync(context, cancellationToken),
            "subscribe" or "abonnieren" or "abo" => await IfAdminAsync(context, () => SubscribeAsync(context, rest, cancellationToken), cancellationToken),
            "unsubscribe" or "abbestellen" or "stop" => await IfAdminAsync(context, () => UnsubscribeAsync(context, cancellationToken), cancellationToken),
            "list" or "liste" => await ListAsync(context, cancellationToken),
            "since" or "seit" => await SinceAsync(context, rest, cancellationToken),
            _ => Reply.Text(context.Language, DigestTexts.Usage(context.Language), sub == "help" ? ReplyKind.Info : ReplyKind.Error),
        };
    }

    private static bool IsSince(string arguments) =>
        arguments.Split(' ', 2)[0].ToLowerInvariant() is "since" or "seit";

    private static ChatKey Target(CommandContext context) => new(context.Request.Platform, context.Request.ChatId);

    /// <summary>A preview: it does not count as the chat's scheduled digest, so the next scheduled one stays complete.</summary>
    private async Task<Reply> DigestNowAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var last = await history.GetLastDigestAsync(Target(context).ToString(), cancellationToken);
        var fresh = NewArticles.Since(context.Corpus, last);
        if (fresh.Count == 0)
        {
            return Reply.Text(context.Language, Texts.NothingNew(context.Language));
        }

        var digest = await composer.ComposeAsync(fresh, context.Language, DefaultMaxArticles, cancellationToken);
        return digest.Reply with { Data = digest };
    }

    /// <summary>/digest since 2025-03-01: the articles dated (or, undated, added) on or after that day.</summary>
    private async Task<Reply> SinceAsync(CommandContext context, string[] rest, CancellationToken cancellationToken)
    {
        if (rest.Length != 1 || !DateOnly.TryParseExact(rest[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var since))
        {
            return Reply.Text(context.Language, DigestTexts.Usage(context.Language), ReplyKind.Error);
        }

        var articles = context.Corpus.Articles
            .Where(a => (a.SortDate != DateOnly.MinValue ? a.SortDate : DateOnly.FromDateTime(a.AddedAt.UtcDateTime)) >= since)
            .ToList();
        if (articles.Count == 0)
        {
            return Reply.Text(context.Language, Texts.NothingNew(context.Language));
        }

        var digest = await composer.ComposeAsync(articles, context.Language, DefaultMaxArticles, cancellationToken);
        return digest.Reply with { Data = digest };
    }

    private async Task<Reply> IfAdminAsync(CommandContext context, Func<Task<Reply>> change, CancellationToken cancellationToken) =>
        await adminCheck.IsAdminAsync(context.Request, cancellationToken)
            ? await change()
            : Reply.Text(context.Language, DigestTexts.AdminOnly(context.Language), ReplyKind.Refusal);

    private async Task<Reply> SubscribeAsync(CommandContext context, string[] rest, CancellationToken cancellationToken)
    {
        var l = context.Language;
        var settings = options.Value;
        if (rest.Length == 0)
        {
            return Reply.Text(l, DigestTexts.Usage(l), ReplyKind.Error);
        }

        // A macro (@daily) is one word; otherwise the first five words are the cron fields.
        var fieldCount = rest[0].StartsWith('@') ? 1 : 5;
        var cron = string.Join(' ', rest.Take(fieldCount));
        var cronError = "";
        if (rest.Length < fieldCount || !CronSchedule.TryParseCron(cron, out _, out cronError))
        {
            return Reply.Text(l, DigestTexts.BadCron(l, cron, rest.Length < fieldCount ? $"{rest.Length} of 5 fields" : cronError), ReplyKind.Error);
        }

        var language = l;
        var zone = settings.DefaultTimeZone;
        foreach (var word in rest.Skip(fieldCount))
        {
            if (word.ToLowerInvariant() is "de" or "en" or "deutsch" or "german" or "english" or "englisch")
            {
                language = LanguageCodes.TryParse(word) ?? language;
            }
            else if (CronSchedule.TryFindTimeZone(word, out _))
            {
                zone = word;
            }
            else
            {
                return Reply.Text(l, DigestTexts.UnknownTimeZone(l, word), ReplyKind.Error);
            }
        }

        if (!CronSchedule.TryCreate(cron, zone, out var schedule, out var error))
        {
            return Reply.Text(l, DigestTexts.BadCron(l, cron, error), ReplyKind.Error);
        }

        var target = Target(context);
        var now = time.GetUtcNow();
        await subscriptions.AddAsync(new DigestSubscription(target.ToString(), target, cron, zone, language, settings.DefaultMaxArticles, Disabled: false), cancellationToken);

        // The schedule starts now: earlier occurrences are not "missed", and a changed cron does not catch up.
        await DigestMarks.SetAsync(marks, target.ToString(), now, cancellationToken);
        var next = schedule.NextAfter(now) is { } n ? TimeZoneInfo.ConvertTime(n, schedule.Zone) : (DateTimeOffset?)null;
        return Reply.Text(language, DigestTexts.Subscribed(language, cron, zone, next));
    }

    private async Task<Reply> UnsubscribeAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var subscription in await subscriptions.ListAsync(Target(context), cancellationToken))
        {
            // Configured schedules come back at the next start; only the configuration removes them.
            if (!subscription.Name.StartsWith(DigestScheduler.ConfigPrefix, StringComparison.Ordinal)
                && await subscriptions.RemoveAsync(subscription.Name, cancellationToken))
            {
                removed++;
            }
        }

        return removed == 0
            ? Reply.Text(context.Language, DigestTexts.NotSubscribed(context.Language))
            : Reply.Text(context.Language, DigestTexts.Unsubscribed(context.Language, removed));
    }

    private async Task<Reply> ListAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var l = context.Language;
        var list = await subscriptions.ListAsync(Target(context), cancellationToken);
        if (list.Count == 0)
        {
            return Reply.Text(l, DigestTexts.NoSchedules(l));
        }

        var blocks = new List<ReplyBlock> { new(ReplyBlockKind.Heading, DigestTexts.SchedulesHeading(l, list.Count)) };
        blocks.AddRange(list.Select(s => new ReplyBlock(
            ReplyBlockKind.ListItem,
            DigestTexts.ScheduleLine(l, s.Cron, s.TimeZone, s.Language, s.Name.StartsWith(DigestScheduler.ConfigPrefix, StringComparison.Ordinal), s.Disabled ? s.DisabledReason ?? DigestTexts.Disabled(l) : null))));
        return new Reply(l, blocks, []) { Kind = ReplyKind.Info };
    }
}
