using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NewsBot.Telegram.Logging;
using Telegram.Bot;

namespace NewsBot.Telegram.Receiving;

/// <summary>
/// Tells whether a user administers a group (getChatMember), for commands that change a group's settings.
/// Answers are cached for a few minutes so a busy group does not cost a Bot API call per command.
/// </summary>
public sealed partial class TelegramAdminLookup(ITelegramBotClient client, TimeProvider time, RedactingLogger<TelegramAdminLookup> logger)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(long Chat, long User), (bool IsAdmin, DateTimeOffset Until)> _cache = new();

    public async Task<bool> IsAdminAsync(long chatId, long userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue((chatId, userId), out var cached) && cached.Until > now)
        {
            return cached.IsAdmin;
        }

        bool isAdmin;
        try
        {
            isAdmin = (await client.GetChatMember(chatId, userId, cancellationToken)).IsAdmin;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without an answer the user is treated as an ordinary member; asked again next time.
            LogLookupFailed(logger, chatId, e.Message);
            return false;
        }

        if (_cache.Count >= MaxEntries)
        {
            foreach (var expired in _cache.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
            {
                _cache.TryRemove(expired, out _);
            }
        }

        _cache[(chatId, userId)] = (isAdmin, now + CacheFor);
        return isAdmin;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not look up the member's role in chat {ChatId}: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, long chatId, string reason);
}
