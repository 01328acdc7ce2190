using Microsoft.Extensions.Logging;
using NewsBot.Core.Answers;
using NewsBot.Core.State;

namespace NewsBot.Storage;

/// <summary>
/// Keeps the bot answering while a networked database is away: reading a chat's settings or memory falls back to the
/// defaults (no /lang, no earlier turns), and a turn that cannot be remembered is left out, with one log line when the
/// outage starts and one when it ends. After a failure the store is left alone for a backoff (1 s doubling to 1 min), so
/// questions are not held up by connection attempts; then it is tried again. Changing a setting still fails visibly:
/// a /lang the user was told about must not be lost.
/// </summary>
public sealed partial class DegradingStateStore(
    IChatSettingsStore settings,
    IConversationStore memory,
    TimeProvider time,
    ILogger<DegradingStateStore> logger) : IChatSettingsStore, IConversationStore
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;
    private TimeSpan _backoff = TimeSpan.Zero;

    /// <summary>True while the store is considered away.</summary>
    public bool Degraded
    {
        get
        {
            lock (_gate)
            {
                return _backoff > TimeSpan.Zero;
            }
        }
    }

    Task<ChatSettings> IChatSettingsStore.GetAsync(ChatKey chat, CancellationToken cancellationToken) =>
        TryAsync(ct => settings.GetAsync(chat, ct), new ChatSettings(), cancellationToken);

    async Task IChatSettingsStore.SetAsync(ChatKey chat, ChatSettings value, CancellationToken cancellationToken)
    {
        await settings.SetAsync(chat, value, cancellationToken);
        Recovered();
    }

    public Task<IReadOnlyList<ConversationTurn>> GetRecentAsync(ChatKey chat, int maxTurns, DateTimeOffset since, CancellationToken cancellationToken) =>
        TryAsync(ct => memory.GetRecentAsync(chat, maxTurns, since, ct), (IReadOnlyList<ConversationTurn>)[], cancellationToken);

    public Task AppendAsync(ChatKey chat, ConversationTurn turn, CancellationToken cancellationToken) =>
        TryAsync(
            async ct =>
            {
                await memory.AppendAsync(chat, turn, ct);
                return true;
            },
            false,
            cancellationToken);

    public async Task ClearAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        // /reset is answered "forgotten": that must be true, so a failure is the user's to see.
        await memory.ClearAsync(chat, cancellationToken);
        Recovered();
    }

    private async Task<T> TryAsync<T>(Func<CancellationToken, Task<T>> operation, T fallback, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_backoff > TimeSpan.Zero && time.GetUtcNow() < _retryAt)
            {
                return fallback;
            }
        }

        try
        {
            var result = await operation(cancellationToken);
            Recovered();
            return result;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            bool first;
            TimeSpan wait;
            lock (_gate)
            {
                first = _backoff == TimeSpan.Zero;
                _backoff = first ? FirstBackoff : TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, MaxBackoff.Ticks));
                _retryAt = time.GetUtcNow() + _backoff;
                wait = _backoff;
            }

            if (first)
            {
                LogDegraded(logger, ex, wait.TotalSeconds);
            }

            return fallback;
        }
    }

    private void Recovered()
    {
        bool was;
        lock (_gate)
        {
            was = _backoff > TimeSpan.Zero;
            _backoff = TimeSpan.Zero;
        }

        if (was)
        {
            LogRecovered(logger);
        }
    }

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "Storage: the database is not available; answering without chat settings and memory until it is back (next try in {Seconds} s, backing off)")]
    private static partial void LogDegraded(ILogger logger, Exception exception, double seconds);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "Storage: the database is back; chat settings and memory are used again")]
    private static partial void LogRecovered(ILogger logger);
}
