using Microsoft.Extensions.Logging;

namespace NewsBot.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Storage: opened database '{Path}' (schema version {Version})")]
    public static partial void Opened(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Storage: migrated database '{Path}' from schema version {From} to {To} in {Milliseconds} ms")]
    public static partial void Migrated(ILogger logger, string path, int from, int to, long milliseconds);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Storage: database '{Path}' could not switch to WAL (journal mode is '{Mode}'); writes stay safe but readers may wait for writers")]
    public static partial void NoWal(ILogger logger, string path, string mode);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Storage: the stored settings of chat {Chat} could not be read; using defaults")]
    public static partial void UnreadableSettings(ILogger logger, string chat, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Storage: PostgreSQL ({Database}) is not reachable, retrying in {Milliseconds} ms: {Reason}")]
    public static partial void PostgresRetry(ILogger logger, string database, double milliseconds, string reason);
}
