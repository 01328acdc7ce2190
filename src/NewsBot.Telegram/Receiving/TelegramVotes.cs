using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands.Handlers;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Core.Telemetry;
using NewsBot.Telegram.Logging;
using NewsBot.Telegram.Sending;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace NewsBot.Telegram.Receiving;

/// <summary>
/// 👍/👎 under answers: the inline keyboard, the callback queries it sends (stored as the user's vote, answered with a
/// short toast that pings nobody), and the removal of the keyboard once <see cref="VoteOptions.ButtonLifetime"/> is over.
/// </summary>
public sealed partial class TelegramVotes(
    IAnswerLog answers,
    ITelegramBotClient client,
    TelegramOutbox outbox,
    IOptions<VoteOptions> options,
    TimeProvider time,
    RedactingLogger<TelegramVotes> logger) : IAsyncDisposable, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The keyboard for an answer, or null when the reply is not an answer or votes are off.</summary>
    public InlineKeyboardMarkup? KeyboardFor(Reply reply) =>
        reply.AnswerId is long id && options.Value.Enabled
            ? new InlineKeyboardMarkup([[
                InlineKeyboardButton.WithCallbackData("👍", VoteOptions.ButtonData(id, Vote.Good)),
                InlineKeyboardButton.WithCallbackData("👎", VoteOptions.ButtonData(id, Vote.Bad))]])
            : null;

    /// <summary>Removes the keyboard from a sent message after the configured time (not across a restart: see the README).</summary>
    public void ScheduleRemoval(ChatId chat, int messageId)
    {
        var lifetime = options.Value.ButtonLifetime;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(lifetime, time, _stopping.Token);
                await outbox.SendAsync(chat, OutboundKind.Edit, async (c, target, token) =>
                {
                    await c.EditMessageReplyMarkup(target, messageId, replyMarkup: null, cancellationToken: token);
                    return true;
                }, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                LogRemoveFailed(logger, messageId, e.Message);
            }
        });
    }

    /// <summary>True when the update was a vote (handled in the background).</summary>
    public bool TryHandle(Update update)
    {
        if (update.CallbackQuery is not { } query)
        {
            return false;
        }

        _ = HandleAsync(query);
        return true;
    }

    private async Task HandleAsync(CallbackQuery query)
    {
        var language = LanguageCodes.TryParse(query.From.LanguageCode) ?? Language.English;
        try
        {
            string text;
            if (VoteOptions.ParseButtonData(query.Data) is not { } vote)
            {
                text = "";
            }
            else
            {
                var user = query.From.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var outcome = await answers.VoteAsync(vote.AnswerId, Platforms.Telegram, user, vote.Vote, time.GetUtcNow(), _stopping.Token);
                if (outcome is VoteOutcome.Recorded or VoteOutcome.Changed)
                {
                    NewsBotTelemetry.Votes.Add(1, [new("platform", Platforms.Telegram), new("vote", vote.Vote == Vote.Good ? "good" : "bad")]);
                }

                text = outcome == VoteOutcome.UnknownAnswer ? "" : FeedbackTexts.Thanks(language, vote.Vote);
            }

            // Every callback query must be answered, or the button shows a spinner; the toast is seen by the voter only.
            await client.AnswerCallbackQuery(query.Id, text.Length == 0 ? null : text, cancellationToken: _stopping.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogVoteFailed(logger, e.Message);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    /// <summary>For a container disposed synchronously: stops the pending removals.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a Telegram vote: {Reason}")]
    private static partial void LogVoteFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not remove the vote buttons from message {MessageId}: {Reason}")]
    private static partial void LogRemoveFailed(ILogger logger, int messageId, string reason);
}
