using Microsoft.Extensions.Logging;
using NewsBot.Telegram.Logging;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;

namespace NewsBot.Telegram.Receiving;

/// <summary>Shows "typing…" in a chat until disposed. Telegram clears the status after about five seconds, so it is renewed.</summary>
public sealed partial class TypingIndicator : IAsyncDisposable
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan FirstActionWait = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _firstSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;
    private readonly Task _loop;

    private TypingIndicator(ITelegramBotClient client, long chatId, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        _time = time;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = RunAsync(client, chatId, time, logger, _firstSent, _stop.Token);
    }

    public static TypingIndicator Start(ITelegramBotClient client, long chatId, TimeProvider time, RedactingLogger<TypingIndicator> logger, CancellationToken cancellationToken) =>
        new(client, chatId, time, logger, cancellationToken);

    /// <summary>
    /// Stops renewing. Waits (briefly) for the first "typing" to reach Telegram, so that it cannot arrive after the
    /// answer and linger under it.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _firstSent.Task.WaitAsync(FirstActionWait, _time, _stop.Token);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
        }

        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private static async Task RunAsync(ITelegramBotClient client, long chatId, TimeProvider time, ILogger logger, TaskCompletionSource firstSent, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await client.SendChatAction(chatId, ChatAction.Typing, cancellationToken: cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Cosmetic: the answer matters, not the indicator (it may also just be rate-limited).
                    LogTypingFailed(logger, e.Message);
                }
                finally
                {
                    firstSent.TrySetResult();
                }

                await Task.Delay(Renewal, time, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not show typing: {Reason}")]
    private static partial void LogTypingFailed(ILogger logger, string reason);
}
