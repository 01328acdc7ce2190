using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Core.State;
using NewsBot.Telegram.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using NewsBot.Core.Commands;

namespace NewsBot.Telegram.Receiving;

/// <summary>
/// Webhook updates shared by several instances behind one load balancer. The receiving instance stores the update in
/// the chat's inbox (a redelivery is refused by the update id) and drains the chat: whichever instance holds the chat's
/// lock answers its pending updates in update id order, so any instance may take any update and a chat's answers keep
/// their order. An instance that finds the lock taken leaves its update to the holder, which looks again after
/// releasing. If the store fails, the update is answered here as before (one log line): nothing is dropped.
/// </summary>
public sealed partial class TelegramSharedInbox(
    IUpdateInbox inbox,
    TelegramUpdateDispatcher dispatcher,
    TelegramBotIdentity identity,
    CommandCatalogue commands,
    TimeProvider time,
    RedactingLogger<TelegramSharedInbox> logger)
{
    /// <summary>Takes the update; false when another delivery of it was taken before (by any instance).</summary>
    public async Task<bool> AcceptAsync(Update update, CancellationToken cancellationToken)
    {
        var bot = identity.Current ?? throw new InvalidOperationException("The bot's identity is not known yet.");
        var scope = "telegram:" + bot.Id.ToString(CultureInfo.InvariantCulture);
        var message = TelegramUpdateClassifier.Classify(update, bot);
        var chatId = update.Message?.Chat.Id;
        var chat = chatId?.ToString(CultureInfo.InvariantCulture) ?? "";
        bool first;
        try
        {
            first = await inbox.TryAddAsync(scope, chat, update.Id, JsonSerializer.Serialize(update, JsonBotAPI.Options), time.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogStoreFailed(logger, update.Id, e);
            dispatcher.Dispatch(update);
            return true;
        }

        if (!first)
        {
            return false;
        }

        if (message is null || chatId is null || commands.RunsAtOnce(message.Request.Text))
        {
            // Not for the bot, or /cancel (which must reach the running answer at once, not queue behind it).
            await MarkHandledAsync(scope, update.Id);
            dispatcher.Dispatch(update);
            return true;
        }

        dispatcher.RunInLane(chatId.Value, token => DrainAsync(scope, chat, token));
        return true;
    }

    /// <summary>
    /// Drains chats whose updates have waited longer than <paramref name="olderThan"/>: an instance that stored them and
    /// died before answering leaves them behind, and its chat lock died with it. A chat whose holder is still answering
    /// (a slow model) keeps its lock, so the drain started here returns at once.
    /// </summary>
    public async Task SweepAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        if (identity.Current is not { } bot)
        {
            return;
        }

        var scope = "telegram:" + bot.Id.ToString(CultureInfo.InvariantCulture);
        foreach (var chat in await inbox.StalledChatsAsync(scope, time.GetUtcNow() - olderThan, cancellationToken))
        {
            if (long.TryParse(chat, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
            {
                LogSweeping(logger, chat);
                dispatcher.RunInLane(chatId, token => DrainAsync(scope, chat, token));
            }
        }
    }

    /// <summary>Answers the chat's pending updates in order while holding its lock; looks again after releasing it.</summary>
    private async Task DrainAsync(string scope, string chat, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await using (var held = await inbox.TryLockChatAsync(scope, chat, cancellationToken))
                {
                    if (held is null)
                    {
                        return; // the holder answers it: it looks for pending updates after releasing
                    }

                    foreach (var pending in await inbox.PendingAsync(scope, chat, cancellationToken))
                    {
                        if (JsonSerializer.Deserialize<Update>(pending.Payload, JsonBotAPI.Options) is { } update)
                        {
                            await dispatcher.HandleInLaneAsync(update, cancellationToken);
                        }

                        await MarkHandledAsync(scope, pending.UpdateId);
                    }
                }

                // An update stored while we held the lock, by an instance that found it taken, is ours to answer now.
                if ((await inbox.PendingAsync(scope, chat, cancellationToken)).Count == 0)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogDrainFailed(logger, chat, e);
        }
    }

    private async Task MarkHandledAsync(string scope, long updateId)
    {
        // Not cancelled by shutdown: the answer went out, so the mark must not be lost.
        await inbox.MarkHandledAsync(scope, updateId, time.GetUtcNow(), CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat {Chat} has updates waiting longer than expected (an instance may have stopped); answering them here")]
    private static partial void LogSweeping(ILogger logger, string chat);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared update inbox is not available; update {UpdateId} is answered by this instance alone")]
    private static partial void LogStoreFailed(ILogger logger, long updateId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering the pending updates of chat {Chat} failed; they are tried again with the chat's next update or the next sweep")]
    private static partial void LogDrainFailed(ILogger logger, string chat, Exception exception);
}
