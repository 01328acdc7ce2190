using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsBot.Core.Policies;

/// <summary>
/// A token bucket per user, driven by <see cref="TimeProvider"/> (no timers, so tests control time exactly):
/// <see cref="RateLimitOptions.Burst"/> questions at once, refilled at <see cref="RateLimitOptions.QuestionsPerMinute"/>.
/// </summary>
public sealed class UserRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<UserKey, Bucket> _buckets = new();

    /// <summary>Takes one token. Null when allowed; otherwise how long until the next token.</summary>
    public TimeSpan? TryTake(UserKey user)
    {
        var limits = options.Value;
        if (limits.QuestionsPerMinute == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var bucket = _buckets.GetOrAdd(user, _ => new Bucket(limits.Burst, now));
        var wait = bucket.TryTake(now, limits.Burst, limits.QuestionsPerMinute / 60.0);
        if (_buckets.Count > 10_000)
        {
            Prune(now, limits);
        }

        return wait;
    }

    /// <summary>Drops buckets that have refilled completely: they behave exactly like a new one.</summary>
    private void Prune(DateTimeOffset now, RateLimitOptions limits)
    {
        var full = TimeSpan.FromMinutes((double)limits.Burst / limits.QuestionsPerMinute);
        foreach (var (user, bucket) in _buckets)
        {
            if (bucket.IdleSince(now) > full)
            {
                _buckets.TryRemove(new KeyValuePair<UserKey, Bucket>(user, bucket));
            }
        }
    }

    private sealed class Bucket(int tokens, DateTimeOffset at)
    {
        private readonly Lock _gate = new();
        private double _tokens = tokens;
        private DateTimeOffset _at = at;

        public TimeSpan IdleSince(DateTimeOffset now)
        {
            lock (_gate)
            {
                return now - _at;
            }
        }

        public TimeSpan? TryTake(DateTimeOffset now, int capacity, double perSecond)
        {
            lock (_gate)
            {
                if (now > _at)
                {
                    _tokens = Math.Min(capacity, _tokens + ((now - _at).TotalSeconds * perSecond));
                    _at = now;
                }

                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return null;
                }

                return TimeSpan.FromSeconds((1 - _tokens) / perSecond);
            }
        }
    }
}
