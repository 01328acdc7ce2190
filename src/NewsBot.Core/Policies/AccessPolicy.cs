using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;

namespace NewsBot.Core.Policies;

/// <summary>Who administers a chat: handlers of admin-only commands (digest subscriptions) ask here.</summary>
public interface IAdminPolicy
{
    /// <summary>True for configured admins (<c>Access:{Platform}:Admins</c>) and for the platform's own chat administrators.</summary>
    bool IsAdmin(ChatRequest request);

    /// <summary>
    /// True when the user may change this chat's settings: anyone in a direct chat, only admins in a group.
    /// </summary>
    bool MayChangeChatSettings(ChatRequest request);
}

/// <summary>Allow-lists and admins from <see cref="AccessOptions"/>.</summary>
public sealed class AccessPolicy(IOptionsMonitor<AccessOptions> options) : IAdminPolicy
{
    public bool IsAdmin(ChatRequest request) =>
        request.IsPlatformAdmin || Contains(options.CurrentValue.For(request.Platform).Admins, request.UserId);

    public bool MayChangeChatSettings(ChatRequest request) => !request.IsGroup || IsAdmin(request);

    /// <summary>True when no allow-list is set for the platform, or any rule lets this message in.</summary>
    public bool IsAllowed(ChatRequest request)
    {
        var rules = options.CurrentValue.For(request.Platform);
        return !rules.HasAllowList
            || Contains(rules.AllowedUsers, request.UserId)
            || Contains(rules.AllowedChats, request.ChatId)
            || Contains(rules.AllowedChannels, request.ChatId)
            || (request.GuildId is { } guild && Contains(rules.AllowedGuilds, guild))
            || IsAdmin(request);
    }

    private static bool Contains(List<string> ids, string id) => ids.Exists(x => string.Equals(x.Trim(), id, StringComparison.Ordinal));
}

/// <summary>
/// Remembers when each chat was last refused, so an unknown chat hears the polite refusal at most once an hour
/// and is otherwise ignored (a busy group that is not allowed would otherwise get a refusal for every message).
/// </summary>
public sealed class RefusalThrottle(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(string Platform, string ChatId), DateTimeOffset> _last = new();

    /// <summary>True when the chat should get the refusal now; records it.</summary>
    public bool ShouldRefuse(ChatRequest request)
    {
        var now = time.GetUtcNow();
        var key = (request.Platform, request.ChatId);
        while (true)
        {
            if (!_last.TryGetValue(key, out var last))
            {
                if (_last.TryAdd(key, now))
                {
                    Prune(now);
                    return true;
                }

                continue;
            }

            if (now - last < Interval)
            {
                return false;
            }

            if (_last.TryUpdate(key, now, last))
            {
                return true;
            }
        }
    }

    /// <summary>Forgets chats whose hour is over, so a flood of strangers cannot grow the table without end.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_last.Count < 10_000)
        {
            return;
        }

        foreach (var (key, at) in _last)
        {
            if (now - at >= Interval)
            {
                _last.TryRemove(new KeyValuePair<(string, string), DateTimeOffset>(key, at));
            }
        }
    }
}
