namespace NewsBot.Retrieval;

/// <summary>Where NewsBot keeps its state (store, corpus cache) when no path is configured; shared by every project.</summary>
public static class AppDataFolder
{
    public const string EnvironmentVariable = "NEWSBOT_DATA";

    /// <summary>
    /// <c>NEWSBOT_DATA</c> if set, else <c>$XDG_DATA_HOME/newsbot</c>, else <c>~/.local/share/newsbot</c>
    /// (the platform's local application data folder on Windows). The folder is not created here.
    /// </summary>
    public static string Resolve() => Resolve(Environment.GetEnvironmentVariable);

    public static string Resolve(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var configured = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var xdg = environment("XDG_DATA_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "newsbot");
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "NewsBot");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".local", "share", "newsbot");
    }
}
