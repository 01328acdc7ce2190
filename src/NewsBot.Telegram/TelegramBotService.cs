using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Core.Telemetry;
using NewsBot.Telegram.Logging;
using NewsBot.Telegram.Receiving;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using NewsBot.Core.Commands;

namespace NewsBot.Telegram;

/// <summary>
/// Runs the Telegram bot: getMe (a rejected token stops the host with one clear error), the command menu in English and
/// German, then long polling or the webhook. On shutdown, answers already being written get the host's shutdown time to finish.
/// </summary>
public sealed partial class TelegramBotService(
    ITelegramBotClient client,
    TelegramBotIdentity identity,
    TelegramPoller poller,
    TelegramUpdateDispatcher dispatcher,
    TelegramWebhookListener listener,
    CommandCatalogue catalogue,
    IOptions<TelegramOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    RedactingLogger<TelegramBotService> logger,
    [FromKeyedServices(Platforms.Telegram)] PlatformStatus status,
    ILeaseStore? leases = null,
    InstanceIdentity? instance = null,
    TelegramWebhookEndpoint? webhookEndpoint = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var bot = await ConnectAsync(stoppingToken);
            identity.Set(bot);
            status.SetConnected();
            LogConnected(logger, bot.Username ?? "?", bot.Id, options.Value.Mode);
            await RegisterCommandsAsync(stoppingToken);
            if (options.Value.Mode == TelegramMode.Webhook)
            {
                await RunWebhookAsync(stoppingToken);
            }
            else
            {
                await StopWebhookAsync(stoppingToken);
                await PollAsync(bot, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (TelegramTokenRejectedException)
        {
            status.SetDisconnected("Telegram rejected the bot token");
            LogTokenRejected(logger);
            // The process ends with a failure code, not as a clean stop.
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        catch (Exception e)
        {
            status.SetDisconnected("the adapter stopped after an unexpected error");
            LogCrashed(logger, e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    /// <summary>
    /// Telegram lets one client poll a bot at a time (others get 409). With a shared store, the instance holding the
    /// polling lease polls; the others stand by and take over within lease + renew interval when it stops or dies.
    /// </summary>
    private Task PollAsync(User bot, CancellationToken cancellationToken)
    {
        if (leases is null)
        {
            return poller.RunAsync(bot, cancellationToken);
        }

        var settings = options.Value;
        var lease = new LeaderLease(
            leases,
            $"telegram:{bot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}:polling",
            (instance ?? new InstanceIdentity()).Id,
            new LeaderLeaseTimings(settings.PollingLeaseDuration, settings.PollingLeaseRenewInterval),
            time,
            logger);
        return lease.RunAsync(token => poller.RunAsync(bot, token), cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        dispatcher.Close();
        status.SetDisconnected("stopping");
        await base.StopAsync(cancellationToken);
        try
        {
            await listener.StopAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        // Polling has stopped; let answers in progress finish within the host's shutdown timeout, then cancel them.
        await dispatcher.DrainAsync(cancellationToken);
    }

    private async Task<User> ConnectAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await client.GetMe(cancellationToken);
            }
            catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
            {
                throw new TelegramTokenRejectedException($"Telegram rejected Telegram:BotToken ({e.ErrorCode}).", e);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var wait = e is ApiRequestException { ErrorCode: 429 } flood
                    ? TimeSpan.FromSeconds(Math.Max(1, flood.Parameters?.RetryAfter ?? 1))
                    : TelegramPoller.Backoff(settings.ReconnectDelay, failures, settings.MaxReconnectDelay);
                status.SetDisconnected(e is ApiRequestException api ? $"getMe failed: Telegram answered {api.ErrorCode}" : $"cannot reach the Bot API: {e.GetType().Name}");
                LogConnectFailed(logger, wait.TotalSeconds, e.GetType().Name, e.Message);
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    /// <summary>The command menu is a convenience: a server without setMyCommands must not stop the bot.</summary>
    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        foreach (var (commands, language) in new[] { (TelegramBotCommands.Menu(catalogue, Language.English), (string?)null), (TelegramBotCommands.Menu(catalogue, Language.German), "de") })
        {
            try
            {
                await client.SetMyCommands(commands, BotCommandScope.Default(), language, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogCommandsFailed(logger, language ?? "default", e.Message);
            }
        }
    }

    /// <summary>Polling and a webhook exclude each other: a webhook left from webhook mode would make every poll fail with 409.</summary>
    private async Task StopWebhookAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogDeleteWebhookFailed(logger, e.Message);
        }
    }

    private async Task RunWebhookAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.WebhookSelfHost)
        {
            await listener.StartAsync(cancellationToken);
            var address = listener.Address?.ToString() ?? settings.WebhookListenUrl;
            LogListening(logger, address);
        }
        else
        {
            LogHostServesWebhook(logger);
        }

        for (var failures = 1; ; failures++)
        {
            try
            {
                await client.SetWebhook(
                    settings.WebhookUrl!,
                    allowedUpdates: TelegramPoller.AllowedUpdates,
                    dropPendingUpdates: false,
                    secretToken: settings.WebhookSecret,
                    cancellationToken: cancellationToken);
                LogWebhookSet(logger, settings.WebhookUrl!);
                break;
            }
            catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
            {
                throw new TelegramTokenRejectedException($"Telegram rejected Telegram:BotToken ({e.ErrorCode}).", e);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var wait = TelegramPoller.Backoff(settings.ReconnectDelay, failures, settings.MaxReconnectDelay);
                LogSetWebhookFailed(logger, wait.TotalSeconds, e.Message);
                await Task.Delay(wait, time, cancellationToken);
            }
        }

        if (webhookEndpoint?.SharedInbox is not { } inbox)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
            return;
        }

        // Updates another instance stored and could not answer (it died) are picked up here.
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(settings.InboxSweepInterval, time, cancellationToken);
            try
            {
                await inbox.SweepAsync(settings.InboxSweepInterval, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for stalled updates in the shared inbox: {Reason}")]
    private static partial void LogSweepFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to Telegram as @{BotName} ({BotId}), mode {Mode}")]
    private static partial void LogConnected(ILogger logger, string botName, long botId, TelegramMode mode);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram rejected Telegram:BotToken (401 Unauthorized): check the token from BotFather. Stopping the host.")]
    private static partial void LogTokenRejected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The Telegram adapter failed unexpectedly. Stopping.")]
    private static partial void LogCrashed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach Telegram yet, retrying in {Seconds} s: {ErrorType}: {ErrorMessage}")]
    private static partial void LogConnectFailed(ILogger logger, double seconds, string errorType, string errorMessage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not register the Telegram command menu ({Language}): {Reason}. The bot works without it")]
    private static partial void LogCommandsFailed(ILogger logger, string language, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove a Telegram webhook before polling: {Reason}")]
    private static partial void LogDeleteWebhookFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram webhook listener on {Address}")]
    private static partial void LogListening(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram:WebhookSelfHost is false: the host must serve the webhook with MapTelegramWebhook()")]
    private static partial void LogHostServesWebhook(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram webhook registered for {WebhookUrl}")]
    private static partial void LogWebhookSet(ILogger logger, string webhookUrl);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not register the Telegram webhook, retrying in {Seconds} s: {Reason}")]
    private static partial void LogSetWebhookFailed(ILogger logger, double seconds, string reason);
}
