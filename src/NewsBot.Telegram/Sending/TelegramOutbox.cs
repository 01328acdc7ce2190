using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Telegram.Internal;
using NewsBot.Telegram.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using NewsBot.Core.Telemetry;

namespace NewsBot.Telegram.Sending;

public enum OutboundKind
{
    /// <summary>A new message: counts against every limit.</summary>
    Message,

    /// <summary>An edit of an earlier message: counts against the per-chat and global limits, not the group's per-minute budget.</summary>
    Edit,
}

/// <summary>
/// The one way out to Telegram for messages. Per chat, operations run strictly in the order they were queued;
/// across chats they run concurrently within Telegram's limits (per chat, per group per minute, overall per second).
/// A 429 pauses all sending for its retry_after and then retries the same operation, so a burst is delayed, never
/// dropped or reordered. Network errors and 5xx are retried with backoff up to <see cref="TelegramOptions.MaxSendAttempts"/>.
/// </summary>
public sealed partial class TelegramOutbox : IAsyncDisposable
{
    private readonly ITelegramBotClient _client;
    private readonly TelegramOptions _options;
    private readonly TimeProvider _time;
    private readonly RedactingLogger<TelegramOutbox> _logger;
    private readonly CancellationTokenSource _disposed = new();
    private readonly OrderedLanes<string> _lanes;
    private readonly PartitionedRateLimiter<OutboundKey> _limiter;
    private long _pausedUntilTicks;

    public TelegramOutbox(ITelegramBotClient client, IOptions<TelegramOptions> options, TimeProvider time, RedactingLogger<TelegramOutbox> logger)
    {
        _client = client;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _lanes = new OrderedLanes<string>(_disposed.Token);
        _limiter = CreateLimiter(_options);
    }

    /// <summary>Runs one operation in the chat's lane, within the limits.</summary>
    public Task<T> SendAsync<T>(ChatId chat, OutboundKind kind, Func<ITelegramBotClient, ChatId, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        RunAsync(chat, (session, token) => session.CallAsync(kind, call, token), cancellationToken);

    /// <summary>
    /// Runs several operations as one item of the chat's lane, so the parts of one reply are never interleaved with
    /// another sender's messages to the same chat. Each call made through the session is rate-limited and retried.
    /// </summary>
    public Task<T> RunAsync<T>(ChatId chat, Func<OutboundSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        _lanes.RunAsync(LaneKey(chat), async laneToken =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(laneToken, cancellationToken);
            return await work(new OutboundSession(this, chat), linked.Token);
        });

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        try
        {
            await _lanes.WhenIdleAsync();
        }
        catch (OperationCanceledException)
        {
            // Senders see their own cancellation.
        }

        _limiter.Dispose();
        _disposed.Dispose();
    }

    internal async Task<T> ExecuteAsync<T>(OutboundSession session, OutboundKind kind, Func<ITelegramBotClient, ChatId, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            await WaitWhilePausedAsync(cancellationToken);
            NewsBotTelemetry.OutboundQueued.Add(1, new KeyValuePair<string, object?>("platform", "telegram"));
            RateLimitLease lease;
            try
            {
                lease = await _limiter.AcquireAsync(new OutboundKey(LaneKey(session.Chat), IsGroup(session.Chat), kind), 1, cancellationToken);
            }
            finally
            {
                NewsBotTelemetry.OutboundQueued.Add(-1, new KeyValuePair<string, object?>("platform", "telegram"));
            }

            using (lease)
            {
                if (!lease.IsAcquired)
                {
                    // Queues are unbounded, so this only happens while the limiter is being disposed.
                    throw new OperationCanceledException("The Telegram outbox is shutting down.");
                }
            }

            try
            {
                return await call(_client, session.Chat, cancellationToken);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                var wait = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                PauseFor(wait);
                NewsBotTelemetry.PlatformRateLimited.Add(1, new KeyValuePair<string, object?>("platform", "telegram"));
                NewsBotTelemetry.PlatformRetries.Add(1, new KeyValuePair<string, object?>("platform", "telegram"));
                LogFloodWait(_logger, wait.TotalSeconds);
            }
            catch (ApiRequestException e) when (e.Parameters?.MigrateToChatId is long newChatId)
            {
                LogMigrated(_logger, newChatId);
                session.Chat = newChatId;
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && ++failures < _options.MaxSendAttempts)
            {
                var wait = Backoff(failures);
                NewsBotTelemetry.PlatformRetries.Add(1, new KeyValuePair<string, object?>("platform", "telegram"));
                LogRetrying(_logger, failures, wait.TotalSeconds, e.GetType().Name, e.Message);
                await Task.Delay(wait, _time, cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        ApiRequestException api => api.ErrorCode >= 500,
        RequestException or HttpRequestException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // HttpClient timeout
        _ => false,
    };

    private TimeSpan Backoff(int failures)
    {
        var delay = _options.ReconnectDelay * Math.Pow(2, Math.Min(failures - 1, 16));
        return delay < _options.MaxReconnectDelay ? delay : _options.MaxReconnectDelay;
    }

    private void PauseFor(TimeSpan wait)
    {
        var until = (_time.GetUtcNow() + wait).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _pausedUntilTicks);
            if (current >= until)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _pausedUntilTicks, until, current) != current);
    }

    private async Task WaitWhilePausedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = new DateTimeOffset(Interlocked.Read(ref _pausedUntilTicks), TimeSpan.Zero) - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(remaining, _time, cancellationToken);
        }
    }

    private static string LaneKey(ChatId chat) => chat.Identifier?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? chat.Username ?? "";

    /// <summary>Groups, supergroups and channels have negative ids (or a public @username); users have positive ids.</summary>
    private static bool IsGroup(ChatId chat) => chat.Identifier is not long id || id < 0;

    private static PartitionedRateLimiter<OutboundKey> CreateLimiter(TelegramOptions options)
    {
        var perChatInterval = options.PerChatMessageInterval;
        var perChat = PartitionedRateLimiter.Create<OutboundKey, string>(key => perChatInterval > TimeSpan.Zero
            ? RateLimitPartition.GetTokenBucketLimiter(key.Chat, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = perChatInterval,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));

        var perGroup = PartitionedRateLimiter.Create<OutboundKey, string>(key => key.IsGroup && key.Kind == OutboundKind.Message
            ? RateLimitPartition.GetSlidingWindowLimiter(key.Chat, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = options.GroupMessagesPerMinute,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 12,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(""));

        var global = PartitionedRateLimiter.Create<OutboundKey, string>(_ => RateLimitPartition.GetTokenBucketLimiter("*", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.GlobalMessagesPerSecond,
            TokensPerPeriod = options.GlobalMessagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));

        return PartitionedRateLimiter.CreateChained(perChat, perGroup, global);
    }

    private readonly record struct OutboundKey(string Chat, bool IsGroup, OutboundKind Kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram asked us to slow down (429): pausing all sends for {Seconds} s, then retrying in order")]
    private static partial void LogFloodWait(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram group was upgraded to supergroup {NewChatId}; sending there")]
    private static partial void LogMigrated(ILogger logger, long newChatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to Telegram failed (attempt {Attempt}), retrying in {Seconds} s: {ErrorType}: {ErrorMessage}")]
    private static partial void LogRetrying(ILogger logger, int attempt, double seconds, string errorType, string errorMessage);
}

/// <summary>One lane item's handle: calls made through it are rate-limited and retried, and follow a group's migration.</summary>
public sealed class OutboundSession
{
    private readonly TelegramOutbox _outbox;

    internal OutboundSession(TelegramOutbox outbox, ChatId chat)
    {
        _outbox = outbox;
        Chat = chat;
    }

    public ChatId Chat { get; internal set; }

    public Task<T> CallAsync<T>(OutboundKind kind, Func<ITelegramBotClient, ChatId, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        _outbox.ExecuteAsync(this, kind, call, cancellationToken);
}
