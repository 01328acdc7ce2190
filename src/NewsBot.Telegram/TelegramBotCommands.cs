using Telegram.Bot.Types;

namespace NewsBot.Telegram;

/// <summary>The command menu Telegram shows: English for everyone, German for users whose app is set to German.</summary>
public static class TelegramBotCommands
{
    public static IReadOnlyList<BotCommand> English { get; } =
    [
        Command("start", "Start and show what I can do"),
        Command("help", "Show the commands"),
        Command("ask", "Ask a question about the news"),
        Command("summary", "Summarise an article or topic"),
        Command("who", "Who is who in the news"),
        Command("articles", "List or search articles"),
        Command("digest", "The latest news in brief"),
        Command("lang", "Answer language: de or en"),
        Command("reset", "Forget our conversation"),
        Command("cancel", "Stop the current answer"),
    ];

    public static IReadOnlyList<BotCommand> German { get; } =
    [
        Command("start", "Starten und zeigen, was ich kann"),
        Command("help", "Befehle anzeigen"),
        Command("ask", "Eine Frage zu den Nachrichten stellen"),
        Command("summary", "Artikel oder Thema zusammenfassen"),
        Command("who", "Wer ist wer in den Nachrichten"),
        Command("articles", "Artikel auflisten oder suchen"),
        Command("digest", "Die neuesten Nachrichten kurz"),
        Command("lang", "Antwortsprache: de oder en"),
        Command("reset", "Unser Gespräch vergessen"),
        Command("cancel", "Die laufende Antwort abbrechen"),
    ];

    private static BotCommand Command(string command, string description) => new() { Command = command, Description = description };
}
