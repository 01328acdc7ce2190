using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Core.Turns;
using NewsBot.Telegram.Logging;
using NewsBot.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace NewsBot.Telegram.Receiving;

/// <summary>
/// Turns an update into a chat turn for the core's <see cref="TurnRunner"/> (votes aside) and returns at once: the runner
/// answers each chat in order and different chats at the same time.
/// </summary>
public sealed partial class TelegramUpdateDispatcher(
    TurnRunner turns,
    ITelegramBotClient client,
    TelegramReplySender sender,
    TelegramAdminLookup admins,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options,
    RedactingLogger<TelegramUpdateDispatcher> logger,
    TelegramVotes? votes = null)
{
    private volatile bool _closed;

    /// <summary>True once <see cref="Close"/> was called.</summary>
    public bool IsClosed => _closed;

    /// <summary>Queues the update if the bot should answer it; returns at once. False when it was ignored.</summary>
    public bool Dispatch(Update update)
    {
        if (votes?.TryHandle(update) == true)
        {
            return true;
        }

        if (_closed)
        {
            // Shutting down: no new questions; the update stays unconfirmed, so the next start answers it.
            return false;
        }

        if (TurnOf(update) is not { } turn)
        {
            return false;
        }

        _ = turns.SubmitAsync(turn);
        return true;
    }

    /// <summary>Runs work in the chat's lane, in order with its questions (the shared inbox drains a chat this way).</summary>
    internal void RunInLane(long chatId, Func<CancellationToken, Task> work) =>
        _ = turns.EnqueueAsync(Platforms.Telegram, chatId.ToString(System.Globalization.CultureInfo.InvariantCulture), work);

    /// <summary>Answers the update inside the caller's lane and returns when it is answered.</summary>
    internal Task HandleInLaneAsync(Update update, CancellationToken cancellationToken) =>
        TurnOf(update) is { } turn ? turns.AnswerNowAsync(turn, cancellationToken) : Task.CompletedTask;

    /// <summary>Takes no new questions from now on (the host is stopping); answers already queued still run.</summary>
    public void Close() => _closed = true;

    /// <summary>Waits for queued answers; when the token fires, stops what is still running.</summary>
    public Task DrainAsync(CancellationToken cancellationToken) => turns.DrainAsync(cancellationToken);

    private ChatTurn? TurnOf(Update update)
    {
        var bot = identity.Current ?? throw new InvalidOperationException("The bot's identity is not known yet.");
        if (TelegramUpdateClassifier.Classify(update, bot) is not { } message)
        {
            LogIgnored(logger, update.Id);
            return null;
        }

        var surface = new TelegramSurface(client, sender, message.ChatId, message.MessageId, options.Value.StreamingEditInterval);
        return new ChatTurn(message.Request, surface)
        {
            Log = logger,
            // Group commands may change the group's settings, so the router is told whether the sender is an admin.
            Prepare = message.NeedsAdminCheck
                ? async (request, token) => request with { IsPlatformAdmin = await admins.IsAdminAsync(message.ChatId, message.UserId, token) }
                : null,
        };
    }

    [LoggerMessage(Level = LogLevel.Trace, Message = "Update {UpdateId} is not for the bot")]
    private static partial void LogIgnored(ILogger logger, long updateId);
}
