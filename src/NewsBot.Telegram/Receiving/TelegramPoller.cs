using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Core.State;
using NewsBot.Core.Telemetry;
using NewsBot.Telegram.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Telegram.Receiving;

/// <summary>
/// Long polling with getUpdates. The id of the last handed-over update is stored, so after a restart polling resumes
/// right after it: nothing is answered twice and nothing the server still holds is skipped. 409 (another instance is
/// polling) and network errors back off exponentially instead of spinning.
/// </summary>
public sealed partial class TelegramPoller(
    ITelegramBotClient client,
    TelegramUpdateDispatcher dispatcher,
    IKeyValueStore store,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    RedactingLogger<TelegramPoller> logger,
    [FromKeyedServices(Platforms.Telegram)] PlatformStatus? status = null)
{
    internal static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];

    public static string OffsetKey(long botId) => $"telegram:{botId.ToString(CultureInfo.InvariantCulture)}:last-update-id";

    public async Task RunAsync(User bot, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var key = OffsetKey(bot.Id);
        int? offset = ParseStoredOffset(await store.GetAsync(key, cancellationToken), time.GetUtcNow());
        var botName = bot.Username ?? bot.Id.ToString(CultureInfo.InvariantCulture);
        LogPolling(logger, botName, offset);

        var networkFailures = 0;
        var conflicts = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await client.GetUpdates(offset, limit: 100, timeout: settings.PollingTimeoutSeconds, allowedUpdates: AllowedUpdates, cancellationToken: cancellationToken);
                if (networkFailures > 0 || conflicts > 0)
                {
                    LogRecovered(logger);
                }

                networkFailures = 0;
                conflicts = 0;
                status?.SetConnected();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
            {
                throw new TelegramTokenRejectedException($"Telegram rejected Telegram:BotToken ({e.ErrorCode} {e.Message}).", e);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 409)
            {
                var wait = Backoff(settings.ConflictRetryDelay, ++conflicts, settings.MaxReconnectDelay);
                status?.SetDisconnected("getUpdates: 409 Conflict (another instance polls this bot)");
                LogConflict(logger, e.Message, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken);
                continue;
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429)
            {
                var wait = TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
                LogFloodWait(logger, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken);
                continue;
            }
            catch (Exception e)
            {
                var wait = Backoff(settings.ReconnectDelay, ++networkFailures, settings.MaxReconnectDelay);
                status?.SetDisconnected(e is ApiRequestException api ? $"getUpdates failed: Telegram answered {api.ErrorCode}" : $"getUpdates failed: {e.GetType().Name}");
                LogPollFailed(logger, networkFailures, wait.TotalSeconds, e.GetType().Name, e.Message);
                await Task.Delay(wait, time, cancellationToken);
                continue;
            }

            if (updates.Length == 0)
            {
                continue;
            }

            foreach (var update in updates.OrderBy(u => u.Id))
            {
                if (offset is int next && update.Id < next)
                {
                    continue; // a server that ignores the offset must not make us answer twice
                }

                try
                {
                    dispatcher.Dispatch(update);
                }
                catch (Exception e)
                {
                    LogDispatchFailed(logger, update.Id, e);
                }

                offset = update.Id + 1;
            }

            await SaveOffsetAsync(key, offset!.Value - 1, cancellationToken);
        }
    }

    /// <summary>
    /// The offset to resume from: one past the stored update id. Telegram keeps updates for at most a day and may restart
    /// its numbering at random after a quiet week, so an id saved more than a day ago is not used: everything it covered
    /// is gone from the server anyway, and a stale high offset could hide new updates.
    /// </summary>
    internal static int? ParseStoredOffset(string? stored, DateTimeOffset now)
    {
        var parts = (stored ?? "").Split(';');
        if (!int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var last))
        {
            return null;
        }

        if (parts.Length > 1 && long.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var savedAt)
            && now - DateTimeOffset.FromUnixTimeSeconds(savedAt) > UpdateRetention)
        {
            return null;
        }

        return last + 1;
    }

    private static readonly TimeSpan UpdateRetention = TimeSpan.FromHours(24);

    private async Task SaveOffsetAsync(string key, int lastUpdateId, CancellationToken cancellationToken)
    {
        try
        {
            var value = string.Create(CultureInfo.InvariantCulture, $"{lastUpdateId};{time.GetUtcNow().ToUnixTimeSeconds()}");
            await store.SetAsync(key, value, CancellationToken.None);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // Polling goes on with the offset in memory; only a restart could repeat these updates.
            LogSaveFailed(logger, e);
        }
    }

    internal static TimeSpan Backoff(TimeSpan first, int attempt, TimeSpan max)
    {
        var delay = first * Math.Pow(2, Math.Min(attempt - 1, 16));
        return delay < max ? delay : max;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram bot @{BotName} is polling for updates (offset {Offset})")]
    private static partial void LogPolling(ILogger logger, string botName, int? offset);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram polling works again")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram refused polling with 409 Conflict ({Reason}): another instance of this bot is polling, or a webhook is set. Retrying in {Seconds} s; stop the other instance or use the same Telegram:Mode everywhere")]
    private static partial void LogConflict(ILogger logger, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram asked us to slow down polling (429); waiting {Seconds} s")]
    private static partial void LogFloodWait(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling Telegram failed ({Failures} in a row), reconnecting in {Seconds} s: {ErrorType}: {ErrorMessage}")]
    private static partial void LogPollFailed(ILogger logger, int failures, double seconds, string errorType, string errorMessage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not handle Telegram update {UpdateId}; skipping it")]
    private static partial void LogDispatchFailed(ILogger logger, int updateId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not store the Telegram update offset; a restart may repeat recent updates")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);
}
