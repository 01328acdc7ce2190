using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Turns;
using NewsBot.Discord.Client;

namespace NewsBot.Discord.Adapter;

/// <summary>
/// The Discord adapter as a hosted service: runs this process's shards (one gateway connection each) and hands each event
/// to its own task, so the event pumps (and the gateways' receive loops behind them) never wait for an answer being written.
/// Slash commands are registered when shard 0 is ready, so with several processes only the one running shard 0 does it.
/// </summary>
public sealed partial class DiscordBotService(
    DiscordShardSet shards,
    DiscordMessageHandler messages,
    DiscordInteractionHandler interactions,
    DiscordCommandRegistrar registrar,
    TurnRunner turns,
    ILogger<DiscordBotService> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Task, bool> _work = new();

    // Answers run on their own token: a stop ends the gateway (no new questions) at once, and cancels answers still
    // being written only when the host's shutdown time is up.
    private readonly CancellationTokenSource _abort = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var abort = cancellationToken.Register(() => _abort.Cancel());
        var drained = turns.DrainAsync(cancellationToken);
        await base.StopAsync(cancellationToken);
        await drained;
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.WhenAll(shards.Clients.Select(gateway => PumpAsync(gateway, stoppingToken)));
        }
        finally
        {
            await Task.WhenAll(_work.Keys);
        }
    }

    private async Task PumpAsync(DiscordGatewayClient gateway, CancellationToken stoppingToken)
    {
        var run = gateway.RunAsync(stoppingToken);

        // Completes when the gateway stops (shutdown or a fatal close).
        await foreach (var dispatch in gateway.Dispatches.ReadAllAsync(CancellationToken.None))
        {
            Dispatch(gateway, dispatch, stoppingToken);
        }

        await run;
    }

    private void Dispatch(DiscordGatewayClient gateway, GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        switch (dispatch.Type)
        {
            case "READY" when gateway.ShardId == 0 && gateway.ApplicationId is { } applicationId:
                Track("command registration", () => registrar.EnsureRegisteredAsync(applicationId, cancellationToken));
                break;
            case "MESSAGE_CREATE" when gateway.BotUserId is { } botUserId:
                Track("message", () => messages.HandleAsync(dispatch.Data, botUserId));
                break;
            case "INTERACTION_CREATE":
                Track("interaction", () => interactions.HandleAsync(dispatch.Data, _abort.Token));
                break;
        }
    }

    private void Track(string what, Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex)
            {
                LogWorkFailed(what, ex);
            }
        });
        _work[task] = true;
        _ = task.ContinueWith(t => _work.TryRemove(t, out _), TaskScheduler.Default);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: handling a {What} failed")]
    private partial void LogWorkFailed(string what, Exception exception);
}
