using NewsBot.Core.Chat;

namespace NewsBot.Core.Commands;

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
    public static bool ChangesChatSettings(ChatCommand command, IChatCommandHandler handler) =>
        handler is IAdminOnlyCommand adminOnly && adminOnly.ChangesChatSettings(command);
}
