using Microsoft.Extensions.Options;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Policies;
using NewsBot.Core.State;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;

namespace NewsBot.Core.Commands.Handlers;

/// <summary>/help and /start.</summary>
public sealed class HelpHandler : IChatCommandHandler
{
    public IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("start", new("Starten und zeigen, was ich kann", "Start and show what I can do")) { Order = -1, ListedIn = CommandListing.TelegramMenu },
        new("help", new("Befehle anzeigen", "Show the commands"))
        {
            Aliases = ["hilfe"],
            GermanName = "hilfe",
            Help = new("diese Hilfe", "this help"),
            Order = 0,
        },
    ];

    public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.Text(context.Language, context.Commands.Help(context.Language)));
}

/// <summary>/lang de|en|auto: the chat's answer language, kept in the store; /lang alone shows it and where it comes from.</summary>
public sealed class LanguageHandler(IChatSettingsStore settings, IOptions<BotOptions> options) : IChatCommandHandler, IAdminOnlyCommand
{
    public IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("lang", new("Antwortsprache: de oder en", "Answer language: de or en"))
        {
            Aliases = ["language", "sprache"],
            GermanName = "sprache",
            Usage = new("de|en|auto", "de|en|auto"),
            Help = new("Antwortsprache für diesen Chat", "answer language for this chat"),
            Argument = new("language", "sprache", new("de, en oder auto", "de, en or auto"), Required: true)
            {
                Choices = [("de", new("Deutsch", "Deutsch")), ("en", new("Englisch", "English")), ("auto", new("Automatisch", "Automatic"))],
            },
            Order = 60,
        },
    ];

    /// <summary>/lang with an argument sets the chat's language; /lang alone only shows the setting.</summary>
    public bool ChangesChatSettings(ChatCommand command) => command.Arguments.Length > 0;

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var argument = context.Command.Arguments.Trim().ToLowerInvariant();
        var key = new ChatKey(context.Request.Platform, context.Request.ChatId);
        if (argument is "auto")
        {
            await settings.SetAsync(key, new ChatSettings { Language = null }, cancellationToken);
            return Reply.Text(context.Language, Texts.LanguageSet(context.Language, null));
        }

        if (argument.Length == 0)
        {
            var current = await settings.GetAsync(key, cancellationToken);
            return Reply.Text(context.Language, Texts.LanguageCurrent(context.Language, current.Language, options.Value.Default));
        }

        if (LanguageCodes.TryParse(argument) is not { } chosen)
        {
            return Reply.Text(context.Language, Texts.LanguageUsage(context.Language), ReplyKind.Error);
        }

        await settings.SetAsync(key, new ChatSettings { Language = chosen }, cancellationToken);
        return Reply.Text(chosen, Texts.LanguageSet(chosen, chosen.ToCode()));
    }
}

/// <summary>/reset: forget the chat's conversation.</summary>
public sealed class ResetHandler(IConversationStore conversations) : IChatCommandHandler
{
    public IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("reset", new("Unser Gespräch vergessen", "Forget our conversation"))
        {
            Aliases = ["zurücksetzen"],
            GermanName = "zurücksetzen",
            Help = new("Gesprächsverlauf vergessen", "forget the conversation"),
            Order = 80,
        },
    ];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await conversations.ClearAsync(new ChatKey(context.Request.Platform, context.Request.ChatId), cancellationToken);
        return Reply.Text(context.Language, Texts.Reset(context.Language));
    }
}
