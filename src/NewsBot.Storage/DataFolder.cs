using NewsBot.Retrieval;
namespace NewsBot.Storage;

/// <summary>Where NewsBot keeps its state when no path is configured.</summary>
public static class DataFolder
{
    public const string EnvironmentVariable = NewsBot.Retrieval.AppDataFolder.EnvironmentVariable;

    public const string DefaultDatabaseFileName = "newsbot.db";

    /// <summary>
    /// <c>NEWSBOT_DATA</c> if set, else <c>$XDG_DATA_HOME/newsbot</c>, else <c>~/.local/share/newsbot</c>
    /// (the platform's local application data folder on Windows). The folder is not created here.
    /// </summary>
    public static string Resolve() => Resolve(Environment.GetEnvironmentVariable);

    /// <summary>The folder logic lives in Core (<see cref="NewsBot.Retrieval.AppDataFolder"/>) so the corpus cache shares it.</summary>
    internal static string Resolve(Func<string, string?> environment) => NewsBot.Retrieval.AppDataFolder.Resolve(environment);

    public static string DefaultDatabasePath() => Path.Combine(Resolve(), DefaultDatabaseFileName);
}
