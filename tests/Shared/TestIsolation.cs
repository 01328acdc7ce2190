using System.Runtime.CompilerServices;

namespace NewsBot.Tests.Shared;

/// <summary>
/// Runs before any test of the assembly: whatever a test forgets to configure, NewsBot's data folder (store, caches) is a
/// fresh temp folder, never the user's <c>~/.local/share/newsbot</c>; child processes inherit it.
/// </summary>
internal static class TestIsolation
{
#pragma warning disable CA2255 // A module initializer is the one hook that runs before every test of the assembly.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void IsolateDataFolder()
    {
        Environment.SetEnvironmentVariable("NEWSBOT_DATA", TestPaths.NewTempFolder());
        Environment.SetEnvironmentVariable("XDG_DATA_HOME", null);
    }
}
