using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Core.Telemetry;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Digests;

/// <summary>
/// Posts scheduled digests through the outbox so that an occurrence is neither lost nor doubled.
/// <para>
/// Per schedule it keeps a mark: the instant up to which occurrences are handled (<see cref="DigestMarks"/>). Each wake-up
/// handles the occurrences in (mark, now]: one inside <see cref="DigestOptions.CatchUpWindow"/> becomes one outbox entry
/// keyed by schedule name and occurrence time, written before anything is sent; older ones (missed while the bot was down)
/// are skipped with a log line. The mark moves only after the entries are written, and the outbox refuses a second entry
/// with the same key, so a crash anywhere in between neither loses nor doubles an occurrence.
/// </para>
/// <para>
/// Unsent entries (including those left by an earlier run) are delivered through the platform's <see cref="IChatSender"/>
/// and marked sent once the platform accepted them. Failures are retried with exponential backoff up to
/// <see cref="DigestOptions.MaxAttempts"/>; then the schedule is disabled and its entry abandoned. Targets are delivered
/// concurrently, so one failing target does not hold up another.
/// </para>
/// <para>
/// Several instances on one store (<see cref="ILeaseStore"/> registered): each occurrence is claimed with a lease named
/// after its outbox key before it is sent, so exactly one instance posts it; the claim outlives the send deadline by
/// <see cref="ClaimMargin"/>, after which another instance takes over an occurrence whose sender died mid-send.
/// </para>
/// </summary>
public sealed partial class DigestScheduler(
    IOptions<DigestOptions> options,
    ICorpusProvider corpus,
    TargetDigestComposer composer,
    IDigestSubscriptionStore subscriptions,
    IDigestOutbox outbox,
    IKeyValueStore marks,
    IEnumerable<IChatSender> senders,
    TimeProvider time,
    ILogger<DigestScheduler> logger,
    ILeaseStore? leases = null,
    InstanceIdentity? instance = null) : BackgroundService
{
    /// <summary>
    /// How long a claim on an occurrence outlives the send's own deadline: an instance that dies mid-send leaves the
    /// claim behind, and another takes the occurrence over once send timeout plus this margin have passed.
    /// </summary>
    public static readonly TimeSpan ClaimMargin = TimeSpan.FromSeconds(30);

    private readonly string _owner = (instance ?? new InstanceIdentity()).Id;

    /// <summary>Prefix of the names under which configured schedules are mirrored into the subscription store.</summary>
    public const string ConfigPrefix = "config:";

    private readonly Dictionary<string, IChatSender> _senders = senders
        .GroupBy(s => s.Platform, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Outbox key → earliest time of the next attempt after a failure.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _retryAt = new(StringComparer.Ordinal);

    /// <summary>Problems already logged (bad cron, platform not running), so a loop does not repeat them every minute.</summary>
    private readonly ConcurrentDictionary<string, byte> _reported = new(StringComparer.Ordinal);

    /// <summary>Pulsed each time the loop has finished its work and armed its timer.</summary>
    internal LoopSignal Idle { get; } = new();

    /// <summary>The outbox key of one occurrence: schedule name and occurrence time in UTC.</summary>
    public static string OccurrenceKey(string schedule, DateTimeOffset occurrence) =>
        schedule + "@" + occurrence.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        try
        {
            await MirrorConfiguredSchedulesAsync(settings, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLoopFailed(logger, ex);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var wake = now + settings.RefreshInterval;
            try
            {
                foreach (var subscription in await subscriptions.ListAllAsync(stoppingToken))
                {
                    if (!subscription.Disabled && await TryHandleDueOccurrencesAsync(subscription, settings, now, stoppingToken) is { } next && next < wake)
                    {
                        wake = next;
                    }
                }

                if (await DeliverDueAsync(settings, now, stoppingToken) is { } retry && retry < wake)
                {
                    wake = retry;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A store hiccup must not end the scheduler; the next wake-up tries again.
                LogLoopFailed(logger, ex);
            }

            // At least a moment (never a hot loop), at most a day (Task.Delay's range ends near 49 days).
            var delay = TimeSpan.FromTicks(Math.Clamp((wake - time.GetUtcNow()).Ticks, TimeSpan.FromMilliseconds(100).Ticks, TimeSpan.FromDays(1).Ticks));
            var wait = Task.Delay(delay, time, stoppingToken);
            Idle.Pulse();
            try
            {
                await wait;
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>
    /// Configured schedules live in the store under "config:Name" so that the loop, /digest list and disabling treat them
    /// like chat subscriptions. A disabled one stays disabled until its definition changes; one removed from
    /// configuration is removed from the store.
    /// </summary>
    private async Task MirrorConfiguredSchedulesAsync(DigestOptions settings, CancellationToken cancellationToken)
    {
        var configured = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in settings.Schedules)
        {
            var wanted = new DigestSubscription(
                ConfigPrefix + s.Name.Trim(),
                new ChatKey(s.Platform.Trim().ToLowerInvariant(), s.ChatId.Trim()),
                s.Cron.Trim(),
                s.TimeZone.Trim(),
                LanguageCodes.TryParse(s.Language) ?? Language.English,
                s.MaxArticles,
                Disabled: false);
            configured.Add(wanted.Name);
            var existing = await subscriptions.GetAsync(wanted.Name, cancellationToken);
            if (existing is not null && (existing.Disabled ? existing with { Disabled = false, DisabledReason = null } : existing) == wanted)
            {
                continue;
            }

            await subscriptions.AddAsync(wanted, cancellationToken);
        }

        foreach (var stale in (await subscriptions.ListAllAsync(cancellationToken)).Where(s => s.Name.StartsWith(ConfigPrefix, StringComparison.Ordinal) && !configured.Contains(s.Name)))
        {
            await subscriptions.RemoveAsync(stale.Name, cancellationToken);
        }
    }

    /// <summary>One schedule's trouble (say, a digest that cannot be composed) must not hold up the others.</summary>
    private async Task<DateTimeOffset?> TryHandleDueOccurrencesAsync(DigestSubscription subscription, DigestOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await HandleDueOccurrencesAsync(subscription, settings, now, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The mark did not move, so the occurrence is tried again at the next wake-up (within the catch-up window).
            LogScheduleFailed(logger, ex, subscription.Name);
            return null;
        }
    }

    /// <summary>Writes outbox entries for the schedule's due occurrences; returns its next occurrence.</summary>
    private async Task<DateTimeOffset?> HandleDueOccurrencesAsync(DigestSubscription subscription, DigestOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!CronSchedule.TryCreate(subscription.Cron, subscription.TimeZone, out var schedule, out var error))
        {
            if (_reported.TryAdd("cron:" + subscription.Name, 0))
            {
                LogBadSchedule(logger, subscription.Name, error);
            }

            return null;
        }

        if (!_senders.ContainsKey(subscription.Target.Platform))
        {
            // The mark stays put: when the platform runs again, recent occurrences are caught up like after a restart.
            if (_reported.TryAdd("platform:" + subscription.Name, 0))
            {
                LogPlatformNotRunning(logger, subscription.Name, subscription.Target.Platform);
            }

            return null;
        }

        var mark = await DigestMarks.GetAsync(marks, subscription.Name, cancellationToken);
        if (mark is null)
        {
            // First sight of this schedule: it starts now, nothing before counts as missed.
            await DigestMarks.SetAsync(marks, subscription.Name, now, cancellationToken);
            return schedule.NextAfter(now);
        }

        if (now <= mark)
        {
            return schedule.NextAfter(mark.Value);
        }

        var skipped = 0;
        DateTimeOffset? firstSkipped = null;
        DateTimeOffset? lastSkipped = null;
        foreach (var occurrence in schedule.Between(mark.Value, now))
        {
            if (now - occurrence > settings.CatchUpWindow)
            {
                skipped++;
                firstSkipped ??= occurrence;
                lastSkipped = occurrence;
                continue;
            }

            await EnqueueAsync(subscription, occurrence, now, cancellationToken);
        }

        if (skipped > 0)
        {
            LogSkippedOccurrences(logger, skipped, subscription.Name, firstSkipped!.Value, lastSkipped!.Value, settings.CatchUpWindow);
        }

        // Only now that every due occurrence has its entry (or was skipped) does the mark move.
        await DigestMarks.SetAsync(marks, subscription.Name, now, cancellationToken);
        return schedule.NextAfter(now);
    }

    private async Task EnqueueAsync(DigestSubscription subscription, DateTimeOffset occurrence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = OccurrenceKey(subscription.Name, occurrence);
        if (await outbox.GetAsync(key, cancellationToken) is not null)
        {
            return;
        }

        var planned = await composer.ComposeAsync(corpus.Current, subscription.Target, subscription.Language, subscription.MaxArticles, cancellationToken);
        if (planned is null)
        {
            LogNothingNew(logger, subscription.Name, occurrence);
            return;
        }

        var payload = new DigestPayload(subscription.Name, planned.Digest.Reply, planned.NewestAddedAt, planned.ArticleIds);
        if (await outbox.TryAddAsync(new OutboxEntry(key, subscription.Target, payload.Serialize(), now, null, 0, null), cancellationToken))
        {
            // Recorded at once so the next occurrence does not repeat these articles while this one is still retrying.
            await composer.RecordAsync(subscription.Target, planned.NewestAddedAt, planned.ArticleIds, cancellationToken);
            LogQueued(logger, key, planned.ArticleIds.Count);
        }
    }

    /// <summary>Delivers every unsent entry whose retry time has come; returns the earliest pending retry time.</summary>
    private async Task<DateTimeOffset?> DeliverDueAsync(DigestOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unsent = await outbox.GetUnsentAsync(cancellationToken);
        var due = unsent.Where(e => !_retryAt.TryGetValue(e.Key, out var at) || at <= now).ToList();
        await Task.WhenAll(due.Select(e => DeliverAsync(e, settings, cancellationToken)));

        var pending = unsent.Select(e => _retryAt.TryGetValue(e.Key, out var at) ? at : (DateTimeOffset?)null).Where(at => at is not null).ToList();
        return pending.Count == 0 ? null : pending.Min();
    }

    private async Task DeliverAsync(OutboxEntry entry, DigestOptions settings, CancellationToken cancellationToken)
    {
        if (DigestPayload.TryParse(entry.Payload) is not { } payload)
        {
            await outbox.AbandonAsync(entry.Key, "unreadable payload", time.GetUtcNow(), cancellationToken);
            LogAbandoned(logger, entry.Key, "unreadable payload");
            return;
        }

        var subscription = await subscriptions.GetAsync(payload.Schedule, cancellationToken);
        if (subscription is null || subscription.Disabled)
        {
            var reason = subscription is null ? "schedule removed" : "schedule disabled";
            await outbox.AbandonAsync(entry.Key, reason, time.GetUtcNow(), cancellationToken);
            _retryAt.TryRemove(entry.Key, out _);
            LogAbandoned(logger, entry.Key, reason);
            return;
        }

        if (!_senders.TryGetValue(entry.Target.Platform, out var sender))
        {
            return;
        }

        if (!await TryClaimAsync(entry, time.GetUtcNow() + settings.SendTimeout + ClaimMargin, cancellationToken))
        {
            return;
        }

        try
        {
            // A send that hangs would hold up every other target: give it a deadline and count a timeout as a failure.
            using var deadline = new CancellationTokenSource(settings.SendTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            await sender.SendAsync(entry.Target.ChatId, payload.Reply, linked.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FailedAsync(entry, subscription, ex, settings, cancellationToken);
            return;
        }

        // The platform has accepted the digest. If the process dies before the next line commits, the entry is still
        // unsent after the restart and is posted a second time: this instant (one store write, milliseconds) is the only
        // double-post window. The reverse order would turn it into a window for losing the digest instead.
        await outbox.MarkSentAsync(entry.Key, time.GetUtcNow(), CancellationToken.None);
        _retryAt.TryRemove(entry.Key, out _);
        await ReleaseClaimAsync(entry.Key);
        await composer.RecordAsync(entry.Target, payload.NewestAddedAt, payload.ArticleIds, CancellationToken.None);
        NewsBotTelemetry.Digests.Add(1, [new("platform", entry.Target.Platform), new("outcome", "posted")]);
        LogSent(logger, entry.Key, entry.Target);
    }

    private async Task FailedAsync(OutboxEntry entry, DigestSubscription subscription, Exception error, DigestOptions settings, CancellationToken cancellationToken)
    {
        NewsBotTelemetry.Digests.Add(1, [new("platform", entry.Target.Platform), new("outcome", "failed")]);
        var attempts = await outbox.RecordFailureAsync(entry.Key, error.Message, cancellationToken);
        if (attempts < settings.MaxAttempts)
        {
            var wait = settings.BackoffAfter(attempts);
            _retryAt[entry.Key] = time.GetUtcNow() + wait;

            // Held through the backoff, so another instance does not retry sooner than this one would.
            await TryClaimAsync(entry, time.GetUtcNow() + wait + settings.SendTimeout + ClaimMargin, cancellationToken, recheck: false);
            LogRetrying(logger, error, entry.Key, attempts, settings.MaxAttempts, wait);
            return;
        }

        var reason = $"{attempts} failed deliveries, last: {error.Message}";
        await subscriptions.DisableAsync(subscription.Name, reason, cancellationToken);
        await outbox.AbandonAsync(entry.Key, reason, time.GetUtcNow(), cancellationToken);
        _retryAt.TryRemove(entry.Key, out _);
        LogDisabled(logger, error, subscription.Name, entry.Target, attempts);
        await NotifyAdminsAsync(settings, subscription, reason, cancellationToken);
    }

    /// <summary>
    /// Claims the occurrence for this instance (always true without a lease store: one instance). A claimed entry is read
    /// again, because another instance may have posted it between our read of the unsent list and the claim.
    /// </summary>
    private async Task<bool> TryClaimAsync(OutboxEntry entry, DateTimeOffset until, CancellationToken cancellationToken, bool recheck = true)
    {
        if (leases is null)
        {
            return true;
        }

        if (!await leases.TryAcquireAsync(ClaimName(entry.Key), _owner, time.GetUtcNow(), until, cancellationToken))
        {
            LogClaimedElsewhere(logger, entry.Key);
            return false;
        }

        return !recheck || await outbox.GetAsync(entry.Key, cancellationToken) is { SentAt: null, AbandonedAt: null };
    }

    private async Task ReleaseClaimAsync(string key)
    {
        if (leases is null)
        {
            return;
        }

        try
        {
            await leases.ReleaseAsync(ClaimName(key), _owner, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The entry is marked; an unreleased claim only runs out on its own.
            LogLoopFailed(logger, ex);
        }
    }

    private static string ClaimName(string key) => "digest:" + key;

    /// <summary>Best effort: tells the chats in <see cref="DigestOptions.AdminChats"/> that a target was disabled.</summary>
    private async Task NotifyAdminsAsync(DigestOptions settings, DigestSubscription subscription, string reason, CancellationToken cancellationToken)
    {
        foreach (var admin in settings.AdminChats)
        {
            if (!DigestOptions.TryParseChat(admin, out var chat) || chat == subscription.Target || !_senders.TryGetValue(chat.Platform, out var sender))
            {
                continue;
            }

            try
            {
                var text = DigestTexts.TargetDisabled(subscription.Language, subscription.Name, subscription.Target.ToString(), reason);
                await sender.SendAsync(chat.ChatId, Reply.Text(subscription.Language, text, ReplyKind.Error), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogAdminNoteFailed(logger, ex, chat);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The digest scheduler hit an error; it carries on at the next wake-up")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest schedule {Schedule} is not usable and is ignored: {Error}")]
    private static partial void LogBadSchedule(ILogger logger, string schedule, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest schedule {Schedule} targets platform '{Platform}', which is not running; it waits until it is")]
    private static partial void LogPlatformNotRunning(ILogger logger, string schedule, string platform);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} occurrence(s) of digest schedule {Schedule} from {First:u} to {Last:u}: missed while the bot was down and older than the catch-up window ({Window})")]
    private static partial void LogSkippedOccurrences(ILogger logger, int count, string schedule, DateTimeOffset first, DateTimeOffset last, TimeSpan window);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest schedule {Schedule}: nothing new at {Occurrence:u}, no post")]
    private static partial void LogNothingNew(ILogger logger, string schedule, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Key} queued with {Count} article(s)")]
    private static partial void LogQueued(ILogger logger, string key, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Key} sent to {Target}")]
    private static partial void LogSent(ILogger logger, string key, ChatKey target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Key} not delivered (attempt {Attempt} of {MaxAttempts}); retrying in {Wait}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string key, int attempt, int maxAttempts, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest schedule {Schedule} disabled: {Target} refused {Attempts} deliveries. Fix the target, then subscribe again (or change the configured schedule)")]
    private static partial void LogDisabled(ILogger logger, Exception exception, string schedule, ChatKey target, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest schedule {Schedule} failed; it is tried again at the next wake-up")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, string schedule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell admin chat {Chat} about a disabled digest target")]
    private static partial void LogAdminNoteFailed(ILogger logger, Exception exception, ChatKey chat);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Digest {Key} is being sent by another instance")]
    private static partial void LogClaimedElsewhere(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Key} abandoned: {Reason}")]
    private static partial void LogAbandoned(ILogger logger, string key, string reason);
}
