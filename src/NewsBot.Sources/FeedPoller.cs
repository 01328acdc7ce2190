using System.Net;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Telemetry;
using Microsoft.Extensions.Options;
using NewsBot.Retrieval.Articles.Html;
using NewsBot.Core.Chat;
using NewsBot.Core.Digests;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Sources;

/// <summary>One feed as <c>newsbot feeds</c> shows it.</summary>
public sealed record FeedStatus(string Name, string Url, DateTimeOffset? LastFetch, string? LastStatus, DateTimeOffset? NextFetch, int ArticleCount, bool Disabled);

/// <summary>
/// Fetches the feeds that are due, each on its own: conditional GET (a 304 fetches nothing more), new items imported
/// through <see cref="PageImporter"/>, failures backed off (doubling from the interval up to <see cref="SourcesOptions.MaxBackoff"/>,
/// or as long as a 429's Retry-After asks), a feed disabled after repeated 410s. A broken feed costs one log line naming
/// it; the other feeds go on and nothing already saved is touched.
/// </summary>
public sealed partial class FeedPoller(
    IOptions<FeedsOptions> feeds,
    IOptions<SourcesOptions> options,
    PageFetcher fetcher,
    PageImporter importer,
    SourceStateStore store,
    TimeProvider time,
    ILogger<FeedPoller> logger,
    IOptions<DigestOptions> digests,
    IOptions<BotOptions> bot,
    IEnumerable<IChatSender> senders)
{
    private const int SeenCap = 2000;

    /// <summary>Raised when a feed is disabled (after repeated 410s), with a one-line note for the admins.</summary>
    public event EventHandler<string>? FeedDisabled;

    public async Task<int> PollDueAsync(CancellationToken cancellationToken)
    {
        var imported = 0;
        foreach (var feed in feeds.Value.Feeds)
        {
            var due = await store.ReadAsync(s => !s.Feeds.TryGetValue(feed.Url, out var f) || (!f.Disabled && (f.NextFetch is null || f.NextFetch <= time.GetUtcNow())), cancellationToken);
            if (due)
            {
                imported += await PollAsync(feed, cancellationToken);
            }
        }

        return imported;
    }

    /// <summary>Fetches one feed now; returns the number of articles added or updated.</summary>
    public async Task<int> PollAsync(FeedDefinition feed, CancellationToken cancellationToken)
    {
        var known = await store.ReadAsync(s => s.Feeds.TryGetValue(feed.Url, out var f) ? (f.ETag, f.LastModified, Seen: f.Seen.ToHashSet(StringComparer.Ordinal)) : (null, null, Seen: []), cancellationToken);
        var interval = feed.Interval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : feed.Interval;
        try
        {
            var fetched = await fetcher.FetchAsync(UrlGuard.Parse(feed.Url), known.ETag, known.LastModified, cancellationToken);
            if (fetched.NotModified)
            {
                await Record(feed, "304 not modified", interval, success: true, s => { }, cancellationToken);
                NewsBotTelemetry.FeedFetches.Add(1, new KeyValuePair<string, object?>("outcome", "not_modified"));
                return 0;
            }

            var items = FeedParser.Parse(HtmlDecoding.Decode(fetched.Body, fetched.Charset), fetched.Url);
            var count = 0;
            var handled = new List<string>();
            foreach (var item in items.Where(i => !known.Seen.Contains(i.Id ?? i.Link)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await importer.ImportItemAsync(item, feed, cancellationToken);
                handled.Add(item.Id ?? item.Link);
                if (result is { Outcome: WriteOutcome.Added or WriteOutcome.Updated })
                {
                    count++;
                    LogImported(logger, feed.Name, result.Outcome, result.Url, result.File, result.FromFeedContent);
                }
            }

            await Record(
                feed,
                $"{(int)fetched.Status} OK, {items.Count} items, {count} new",
                interval,
                success: true,
                s =>
                {
                    s.ETag = fetched.ETag;
                    s.LastModified = fetched.LastModified;
                    s.ArticleCount += count;
                    s.Seen.AddRange(handled);
                    if (s.Seen.Count > SeenCap)
                    {
                        s.Seen.RemoveRange(0, s.Seen.Count - SeenCap);
                    }
                },
                cancellationToken);
            NewsBotTelemetry.FeedFetches.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
            NewsBotTelemetry.FeedArticles.Add(count);
            return count;
        }
        catch (Exception ex) when (ex is FetchException or FeedFormatException or SourceRefusedException or IOException)
        {
            await Fail(feed, interval, ex, cancellationToken);
            NewsBotTelemetry.FeedFetches.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            return 0;
        }
    }

    public async Task<IReadOnlyList<FeedStatus>> StatusAsync(CancellationToken cancellationToken) =>
        await store.ReadAsync(
            s => feeds.Value.Feeds.Select(f => s.Feeds.TryGetValue(f.Url, out var st)
                ? new FeedStatus(f.Name, f.Url, st.LastFetch, st.LastStatus, st.Disabled ? null : st.NextFetch, st.ArticleCount, st.Disabled)
                : new FeedStatus(f.Name, f.Url, null, null, null, 0, false)).ToList(),
            cancellationToken);

    private async Task Fail(FeedDefinition feed, TimeSpan interval, Exception ex, CancellationToken cancellationToken)
    {
        var status = (ex as FetchException)?.Status;
        var retryAfter = (ex as FetchException)?.RetryAfter;
        var disabledNow = false;
        await Record(
            feed,
            ex.Message,
            interval,
            success: false,
            s =>
            {
                s.GoneCount = status == HttpStatusCode.Gone ? s.GoneCount + 1 : 0;
                if (s.GoneCount >= options.Value.GoneBeforeDisable)
                {
                    s.Disabled = true;
                    disabledNow = true;
                }

                var backoff = TimeSpan.FromTicks(Math.Min(options.Value.MaxBackoff.Ticks, interval.Ticks * (1L << Math.Clamp(s.Failures - 1, 0, 16))));
                s.NextFetch = time.GetUtcNow() + (retryAfter is { } wait && wait > backoff ? wait : backoff);
            },
            cancellationToken);
        LogFeedFailed(logger, feed.Name, feed.Url, ex.Message);
        if (disabledNow)
        {
            var note = $"Feed {feed.Name} ({feed.Url}) was disabled after {options.Value.GoneBeforeDisable} answers of 410 Gone.";
            LogFeedDisabled(logger, feed.Name, note);
            FeedDisabled?.Invoke(this, note);
            await NotifyAdminsAsync(feed, cancellationToken);
        }
    }

    /// <summary>Best effort: tells the chats in <c>Digest:AdminChats</c> that a feed was disabled.</summary>
    private async Task NotifyAdminsAsync(FeedDefinition feed, CancellationToken cancellationToken)
    {
        var language = bot.Value.Default;
        var text = language == Language.German
            ? $"Der Feed {feed.Name} ({feed.Url}) wurde abgeschaltet: {options.Value.GoneBeforeDisable}-mal „410 Gone“. Er wird nicht mehr abgerufen, bis er in Corpus:Feeds geändert und der Zustand in {store.FilePath} zurückgesetzt wird."
            : $"Feed {feed.Name} ({feed.Url}) was disabled after {options.Value.GoneBeforeDisable} answers of 410 Gone. It is not fetched again until it is changed in Corpus:Feeds and its state in {store.FilePath} is reset.";
        foreach (var admin in digests.Value.AdminChats)
        {
            if (!DigestOptions.TryParseChat(admin, out var chat) || senders.FirstOrDefault(s => s.Platform == chat.Platform) is not { } sender)
            {
                continue;
            }

            try
            {
                await sender.SendAsync(chat.ChatId, Reply.Text(language, text, ReplyKind.Error), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogAdminNoteFailed(logger, ex, admin);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The note about a disabled feed could not be sent to {Chat}")]
    private static partial void LogAdminNoteFailed(ILogger logger, Exception exception, string chat);

    private Task Record(FeedDefinition feed, string status, TimeSpan interval, bool success, Action<FeedState> change, CancellationToken cancellationToken) =>
        store.UpdateAsync(
            s =>
            {
                if (!s.Feeds.TryGetValue(feed.Url, out var state))
                {
                    s.Feeds[feed.Url] = state = new FeedState();
                }

                var now = time.GetUtcNow();
                state.LastFetch = now;
                state.LastStatus = status;
                state.Failures = success ? 0 : state.Failures + 1;
                state.NextFetch = now + interval;
                if (success)
                {
                    state.GoneCount = 0;
                }

                change(state);
                return 0;
            },
            cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed {Feed}: {Outcome} {Url} as {File} (from the feed's own content: {FromFeedContent})")]
    private static partial void LogImported(ILogger logger, string feed, WriteOutcome outcome, string url, string file, bool fromFeedContent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed} ({Url}) failed: {Reason}")]
    private static partial void LogFeedFailed(ILogger logger, string feed, string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed} disabled: {Note}")]
    private static partial void LogFeedDisabled(ILogger logger, string feed, string note);
}
