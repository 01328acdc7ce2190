namespace NewsBot.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string SqliteProvider = "Sqlite";

    /// <summary>The store implementation; only <c>Sqlite</c> for now.</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>
    /// A SQLite connection string (<c>Data Source=/var/lib/newsbot/newsbot.db</c>) or simply a file path.
    /// Empty: <c>newsbot.db</c> in the app's data folder (see <see cref="DataFolder"/>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long an operation waits for another process's lock before failing.</summary>
    public int BusyTimeoutSeconds { get; set; } = 10;

    /// <summary>Conversation turns kept per chat; older ones are pruned when a new turn is stored.</summary>
    public int MaxTurnsPerChat { get; set; } = 100;

    /// <summary>Conversation turns older than this are pruned when a new turn is stored.</summary>
    public int ConversationRetentionDays { get; set; } = 30;
}
