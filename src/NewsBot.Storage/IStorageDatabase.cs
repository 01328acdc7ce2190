namespace NewsBot.Storage;

/// <summary>The configured database (SQLite file or PostgreSQL server): opened, checked and migrated once at start.</summary>
public interface IStorageDatabase
{
    /// <summary>What to call the database in messages: the file path, or the connection string with its password redacted.</summary>
    string DisplayName { get; }

    /// <summary>Creates and migrates the schema once; a failure is a <see cref="StorageStartupException"/> whose message is one line.</summary>
    Task EnsureInitializedAsync(CancellationToken cancellationToken);
}
