using NewsBot.Core.Chat;

namespace NewsBot.Core.Policies;

/// <summary>
/// Implemented by a handler some of whose uses change the chat's settings (digest subscribe/unsubscribe).
/// The router then lets only admins use them in groups, with a localized refusal; in direct chats anyone may.
/// </summary>
public interface IAdminOnlyCommand
{
    /// <summary>True when this use of the command changes the chat's settings.</summary>
    bool ChangesChatSettings(ChatCommand command);
}

/// <summary>Which commands change a chat's settings.</summary>
public static class AdminOnlyCommands
{
    /// <summary>/lang with an argument sets the chat's language; /lang alone only shows the setting.</summary>
    private static readonly HashSet<string> SettingCommands = new(StringComparer.OrdinalIgnoreCase) { "lang", "language", "sprache" };

    public static bool ChangesChatSettings(ChatCommand command, IChatCommandHandler handler) =>
        (SettingCommands.Contains(command.Name) && command.Arguments.Length > 0)
        || (handler is IAdminOnlyCommand adminOnly && adminOnly.ChangesChatSettings(command));
}
