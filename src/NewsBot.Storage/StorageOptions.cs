namespace NewsBot.Storage;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string SqliteProvider = "Sqlite";

    public const string PostgresProvider = "Postgres";

    /// <summary>The store implementation: <c>Sqlite</c> (embedded, one instance) or <c>Postgres</c> (several instances).</summary>
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>
    /// SQLite: a connection string (<c>Data Source=/var/lib/newsbot/newsbot.db</c>) or simply a file path; empty means
    /// <c>newsbot.db</c> in the app's data folder (see <see cref="DataFolder"/>). PostgreSQL: a Npgsql connection string
    /// (<c>Host=db;Database=newsbot;Username=newsbot;Password=...</c>), required.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite: how long an operation waits for another process's lock. PostgreSQL: the connect timeout (unless the connection string sets one).</summary>
    public int BusyTimeoutSeconds { get; set; } = 10;

    /// <summary>Conversation turns kept per chat; older ones are pruned when a new turn is stored.</summary>
    public int MaxTurnsPerChat { get; set; } = 100;

    /// <summary>Conversation turns older than this are pruned when a new turn is stored.</summary>
    public int ConversationRetentionDays { get; set; } = 30;

    public bool IsPostgres => string.Equals(Provider?.Trim(), PostgresProvider, StringComparison.OrdinalIgnoreCase);
}
