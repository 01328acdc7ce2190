using Microsoft.Extensions.Logging;

namespace NewsBot.Discord.Client;

/// <summary>The gateway client's log lines.</summary>
public sealed partial class DiscordGatewayClient
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: identifying with intents {Intents}")]
    private partial void LogIdentifying(int intents);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: resuming session {SessionId} at sequence {Sequence}")]
    private partial void LogResuming(string sessionId, int? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: ready as user {UserId}")]
    private partial void LogReady(string? userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: resumed at sequence {Sequence}")]
    private partial void LogResumed(int? sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: no heartbeat ACK within {IntervalMs} ms; closing the zombie connection to resume")]
    private partial void LogZombie(double intervalMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: {Reason}; will resume (close code {CloseCode})")]
    private partial void LogWillResume(int? closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: {Reason}; identifying anew in {DelayMs} ms (close code {CloseCode})")]
    private partial void LogReidentify(int? closeCode, string reason, double delayMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway stopped for good (close code {CloseCode}): {Reason}. Not reconnecting.")]
    private partial void LogFatal(int? closeCode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: {Failures} reconnects in a row failed; starting a new session")]
    private partial void LogGivingUpResume(int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway: reconnect attempt {Failures} after {DelayMs} ms")]
    private partial void LogBackoff(int failures, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: daily IDENTIFY limit reached; waiting {Seconds} s")]
    private partial void LogSessionLimit(double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: connecting failed")]
    private partial void LogConnectFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway: connection dropped")]
    private partial void LogDropped(Exception exception);
}
