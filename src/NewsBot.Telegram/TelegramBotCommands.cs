using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using Telegram.Bot.Types;
using NewsBot.Core.Commands;

namespace NewsBot.Telegram;

/// <summary>The command menu Telegram shows, from the command catalogue: English for everyone, German for German apps.</summary>
public static class TelegramBotCommands
{
    public static IReadOnlyList<BotCommand> Menu(CommandCatalogue commands, Language language) =>
    [
        .. commands.ListedIn(CommandListing.Menus | CommandListing.TelegramMenu)
            .Select(c => new BotCommand { Command = c.Name, Description = c.Description.In(language) }),
    ];
}
