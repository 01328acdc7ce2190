using Microsoft.Extensions.Options;
using NewsBot.Storage.Postgres;
using NewsBot.Storage.Sqlite;

namespace NewsBot.Storage;

/// <summary>Checks the <c>Storage</c> section at start: each failure names its key.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (options.IsPostgres)
        {
            try
            {
                PostgresDatabase.ParseConnectionString(options.ConnectionString);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{StorageOptions.SectionName}:ConnectionString is not usable for PostgreSQL: {ex.Message}");
            }
        }
        else if (!string.Equals(options.Provider?.Trim(), StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{StorageOptions.SectionName}:Provider '{options.Provider}' is not supported; use '{StorageOptions.SqliteProvider}' or '{StorageOptions.PostgresProvider}'.");
        }
        else
        {
            try
            {
                SqliteDatabase.ResolveDatabasePath(options);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{StorageOptions.SectionName}:ConnectionString is not usable: {ex.Message}");
            }
        }

        if (options.BusyTimeoutSeconds < 1)
        {
            failures.Add($"{StorageOptions.SectionName}:BusyTimeoutSeconds must be at least 1 (was {options.BusyTimeoutSeconds}).");
        }

        if (options.MaxTurnsPerChat < 1)
        {
            failures.Add($"{StorageOptions.SectionName}:MaxTurnsPerChat must be at least 1 (was {options.MaxTurnsPerChat}).");
        }

        if (options.ConversationRetentionDays < 1)
        {
            failures.Add($"{StorageOptions.SectionName}:ConversationRetentionDays must be at least 1 (was {options.ConversationRetentionDays}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
