using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Chat;

/// <summary>A text in both languages the bot speaks.</summary>
public sealed record BilingualText(string German, string English)
{
    public string In(Language language) => language == Language.German ? German : English;
}

/// <summary>Where a command is listed; every command is understood wherever it is typed.</summary>
[Flags]
public enum CommandListing
{
    None = 0,

    /// <summary>The /help text.</summary>
    Help = 1,

    /// <summary>The platforms' command menus: Telegram's setMyCommands and Discord's slash commands.</summary>
    Menus = 2,

    /// <summary>Telegram's menu only (/start, which Telegram sends when a user opens the bot).</summary>
    TelegramMenu = 4,

    Everywhere = Help | Menus,
}

/// <summary>The one argument of a command, as a platform with typed options (Discord) asks for it.</summary>
public sealed record CommandArgument(string Name, string GermanName, BilingualText Description, bool Required)
{
    /// <summary>The values to choose from, when the argument is one of a few (value, label).</summary>
    public IReadOnlyList<(string Value, BilingualText Label)> Choices { get; init; } = [];
}

/// <summary>
/// A chat command, declared once by its handler: the help text, Telegram's command menu and Discord's slash commands are
/// generated from it, and the router and the turn runner read how it behaves.
/// </summary>
public sealed record CommandInfo(string Name, BilingualText Description)
{
    /// <summary>Other names the router accepts ("abbrechen" for "cancel").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The German name Discord shows to German users; null when it is the same.</summary>
    public string? GermanName { get; init; }

    /// <summary>The argument's placeholder in /help ("&lt;Frage&gt;"), when the command takes one.</summary>
    public BilingualText? Usage { get; init; }

    /// <summary>The /help line's text when it says more than <see cref="Description"/>.</summary>
    public BilingualText? Help { get; init; }

    public CommandArgument? Argument { get; init; }

    /// <summary>Place in help and menus (lower first).</summary>
    public int Order { get; init; }

    public CommandListing ListedIn { get; init; } = CommandListing.Everywhere;

    /// <summary>Answers from the articles: needs a non-empty corpus and passes the answer gate (one per user, rate limit, queue).</summary>
    public bool AnswersFromCorpus { get; init; }

    /// <summary>Its answers are kept in the answer log and carry vote buttons.</summary>
    public bool IsLogged { get; init; }

    /// <summary>True for the arguments of a use that is about the chat, not the articles (digest subscriptions): no corpus needed.</summary>
    public Func<string, bool>? IsAboutTheChat { get; init; }

    /// <summary>Stops answers: runs at once instead of waiting behind the answer it is meant to stop.</summary>
    public bool RunsAtOnce { get; init; }

    /// <summary>The command in /help: "/who [Name] – …".</summary>
    public string HelpLine(Language language)
    {
        // German readers also learn the German name (/abbrechen); English readers see the command as Telegram lists it.
        var german = language == Language.German && GermanName is { } alias && Aliases.Contains(alias) ? [alias] : Array.Empty<string>();
        var names = string.Join(", ", german.Prepend(Name).Select(n => "/" + n));
        var usage = Usage is null ? "" : " " + Usage.In(language);
        return $"{names}{usage} – {(Help ?? Description).In(language)}";
    }
}
