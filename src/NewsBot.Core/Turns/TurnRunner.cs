using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Core.Policies;
using NewsBot.Core.Telemetry;
using NewsBot.Core.Commands;

namespace NewsBot.Core.Turns;

/// <summary>
/// One chat turn, the same on every platform: questions of a chat are answered in the order they came (a second question
/// waits for the first, so a follow-up sees the answer before it); commands that stop answers (/cancel) run at once and
/// go through the router like every command, so only the asker's own answers stop. While the pipeline works the surface
/// shows "typing…" and, when the engine streams, a draft that grows; a failure becomes one apology in the user's
/// language; a stopped draft keeps its text with a note.
/// </summary>
public sealed partial class TurnRunner(
    IChatPipeline pipeline,
    CommandCatalogue commands,
    RunningAnswers running,
    IOptions<BotOptions> bot,
    TimeProvider time,
    ILogger<TurnRunner> logger) : IAsyncDisposable, IDisposable
{
    /// <summary>How long the first "typing…" may take to go out, so it cannot arrive after the answer and linger under it.</summary>
    private static readonly TimeSpan FirstTypingWait = TimeSpan.FromSeconds(2);

    /// <summary>How long ending a draft may take once the turn's own token has fired (a shutdown waits at most that long).</summary>
    private static readonly TimeSpan EndDraftTimeout = TimeSpan.FromSeconds(5);

    private readonly ChatLanes<string> _lanes = new();
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>
    /// Queues the turn behind the chat's earlier questions (a stop command runs at once, and the chat's later turns wait for
    /// its reply) and returns at once.
    /// The task completes when the reply was delivered; it never faults.
    /// </summary>
    public Task SubmitAsync(ChatTurn turn)
    {
        if (_shutdown.IsCancellationRequested)
        {
            // Stopping: a platform that still delivers an update leaves it unanswered here (Telegram answers it after the restart).
            return Task.CompletedTask;
        }

        var request = turn.Request;
        if (commands.RunsAtOnce(request.Text))
        {
            // It stops what came before it, not what the user types after it while it runs.
            var stop = turn with { Request = request with { StopsQuestionsArrivedBy = running.Arrivals } };
            var stopping = _lanes.RunAsync("now:" + Guid.NewGuid().ToString("N"), () => RunAsync(stop, _shutdown.Token));
            // What the chat sends after it is answered after its confirmation ("/cancel" then "/articles": "Cancelled." first),
            // so the chat's lane waits for it; it waits only for the turns before it, so this never waits on itself.
            _ = _lanes.RunAsync(LaneOf(request), () => stopping);
            return stopping;
        }

        // Registered while it waits, so that the asker's /cancel drops it before it starts.
        var waiting = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        var registration = running.Wait(UserKey.Of(request), waiting);
        return _lanes.RunAsync(LaneOf(request), async () =>
        {
            var starts = registration.Start();
            waiting.Dispose();
            if (starts)
            {
                using var inFlight = running.TurnStarted(UserKey.Of(request));
                await RunAsync(turn, _shutdown.Token);
            }
        });
    }

    /// <summary>Runs work in a chat's lane, in order with its turns (a shared inbox drains a chat this way).</summary>
    public Task EnqueueAsync(string platform, string chatId, Func<CancellationToken, Task> work) =>
        _lanes.RunAsync(Lane(platform, chatId), async () =>
        {
            try
            {
                await work(_shutdown.Token);
            }
            catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
            {
            }
        });

    /// <summary>Answers the turn now, inside work the caller already runs in the chat's lane.</summary>
    public Task AnswerNowAsync(ChatTurn turn, CancellationToken cancellationToken) => RunAsync(turn, cancellationToken);

    /// <summary>Waits until every queued turn is answered; when the token fires, stops what still runs.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        await using var abort = cancellationToken.Register(() => _shutdown.Cancel());
        await _lanes.WhenIdleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        await _lanes.WhenIdleAsync();
        _shutdown.Dispose();
    }

    /// <summary>
    /// A container disposed synchronously stops what still runs without waiting for it. The source stays undisposed: turns
    /// still ending read its token.
    /// </summary>
    public void Dispose() => _shutdown.Cancel();

    private static string LaneOf(ChatRequest request) => Lane(request.Platform, request.ChatId);

    private static string Lane(string platform, string chatId) => platform + ":" + chatId;

    private async Task RunAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var request = turn.Request;
        var surface = turn.Surface;
        using var activity = NewsBotTelemetry.StartTurn(request.Platform, request.ChatId);
        Reply reply;
        string? draftId;
        await using (var preview = new DraftPreview(surface, time, logger, cancellationToken))
        {
            using var typingStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var firstTyping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var typing = KeepTypingAsync(surface, firstTyping, typingStop.Token);
            try
            {
                var prepared = turn.Prepare is null ? request : await turn.Prepare(request, cancellationToken);
                reply = await pipeline.HandleAsync(prepared, preview, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: a draft on screen must not read as a finished answer.
                await StopTypingAsync(firstTyping, typingStop, typing);
                if (await preview.CompleteAsync() is { } stoppedDraft)
                {
                    await EndDraftAsync(surface, stoppedDraft, FallbackLanguage(request));
                }

                LogStopped(logger, request.Platform, request.ChatId);
                return;
            }
            catch (Exception e)
            {
                LogTurnFailed(turn.Log ?? logger, e, request.Platform, request.ChatId);
                var language = FallbackLanguage(request);
                reply = Reply.Text(language, Texts.InternalError(language), ReplyKind.Error);
            }

            await StopTypingAsync(firstTyping, typingStop, typing);
            draftId = await preview.CompleteAsync();
        }

        try
        {
            if (reply.Kind == ReplyKind.Silent && draftId is not null)
            {
                // Stopped with /cancel: the /cancel reply confirms it; the draft says where the answer ended.
                await EndDraftAsync(surface, draftId, reply.Language);
                return;
            }

            await surface.DeliverAsync(draftId, reply, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogDeliveryFailed(turn.Log ?? logger, e, request.Platform, request.ChatId);
        }
        catch (OperationCanceledException)
        {
            LogStopped(logger, request.Platform, request.ChatId);
        }
    }

    /// <summary>The language of an apology when no reply exists: the question's language, else the user's, else the default.</summary>
    private NewsBot.Retrieval.Languages.Language FallbackLanguage(ChatRequest request) =>
        LanguageResolver.Resolve(null, request.UserLocale, ChatCommand.Parse(request.Text).Arguments, false, bot.Value.Default);

    private async Task EndDraftAsync(IChatSurface surface, string draftId, NewsBot.Retrieval.Languages.Language language)
    {
        using var bounded = new CancellationTokenSource(EndDraftTimeout, time);
        try
        {
            await surface.EndDraftAsync(draftId, Texts.AnswerStopped(language), bounded.Token);
        }
        catch (Exception e)
        {
            LogEndDraftFailed(logger, e.Message);
        }
    }

    private async Task KeepTypingAsync(IChatSurface surface, TaskCompletionSource firstShown, CancellationToken cancellationToken)
    {
        var renewal = surface.Pacing.TypingRenewal;
        if (renewal <= TimeSpan.Zero)
        {
            firstShown.TrySetResult();
            return;
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await surface.ShowTypingAsync(cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Cosmetic: the answer matters, not the indicator (it may also just be rate-limited).
                    LogTypingFailed(logger, e.Message);
                }
                finally
                {
                    firstShown.TrySetResult();
                }

                await Task.Delay(renewal, time, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            firstShown.TrySetResult();
        }
    }

    private async Task StopTypingAsync(TaskCompletionSource firstShown, CancellationTokenSource stop, Task loop)
    {
        try
        {
            await firstShown.Task.WaitAsync(FirstTypingWait, time, stop.Token);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
        }

        await stop.CancelAsync();
        await loop;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Answering a {Platform} message in chat {ChatId} failed; the user gets an apology")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string platform, string chatId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not deliver the {Platform} reply in chat {ChatId}")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, string platform, string chatId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {Platform} answer in chat {ChatId} was stopped by shutdown")]
    private static partial void LogStopped(ILogger logger, string platform, string chatId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not show typing: {Reason}")]
    private static partial void LogTypingFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not mark a stopped draft: {Reason}")]
    private static partial void LogEndDraftFailed(ILogger logger, string reason);
}
