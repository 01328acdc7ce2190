using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsBot.Discord.Adapter;

/// <summary>The slash commands, in English with German localisations, and how an invocation becomes router text.</summary>
public static class DiscordCommands
{
    private const int StringOption = 3;

    /// <summary>The full set, as PUT to /applications/{app}/commands.</summary>
    public static JsonArray Definitions() =>
    [
        Command("ask", "frage", "Ask a question about the news", "Eine Frage zu den Nachrichten stellen",
            Option("question", "frage", "Your question", "Deine Frage", required: true)),
        Command("summary", "zusammenfassung", "Summarise the news or a topic", "Die Nachrichten oder ein Thema zusammenfassen",
            Option("topic", "thema", "Topic or article (optional)", "Thema oder Artikel (optional)", required: false)),
        Command("who", "wer", "Who is who in the news", "Wer ist wer in den Nachrichten",
            Option("name", "name", "A person's name (optional)", "Name einer Person (optional)", required: false)),
        Command("articles", "artikel", "List articles", "Artikel auflisten",
            Option("words", "begriffe", "Filter words (optional)", "Suchbegriffe (optional)", required: false)),
        Command("digest", "überblick", "The latest news digest", "Der aktuelle Nachrichtenüberblick"),
        Command("lang", "sprache", "Set the answer language for this chat", "Die Antwortsprache für diesen Chat festlegen",
            LanguageOption()),
        Command("reset", "zurücksetzen", "Forget this chat's conversation", "Den Gesprächsverlauf dieses Chats vergessen"),
        Command("cancel", "abbrechen", "Cancel the answer being written", "Die laufende Antwort abbrechen"),
        Command("help", "hilfe", "How to use the bot", "So benutzt du den Bot"),
    ];

    /// <summary>A stable hash of the definitions and where they go; a new hash means a new PUT.</summary>
    public static string Hash(JsonArray definitions, string applicationId, string? guildId)
    {
        var text = $"{applicationId}|{guildId ?? "global"}|{definitions.ToJsonString()}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>"/who Lavrov": the router handles slash commands the same on every platform.</summary>
    public static string ToRouterText(JsonElement data)
    {
        var name = data.TryGetProperty("name", out var n) ? n.GetString() ?? "help" : "help";
        var values = new List<string>();
        if (data.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array)
        {
            foreach (var option in options.EnumerateArray())
            {
                if (option.TryGetProperty("value", out var value))
                {
                    var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        values.Add(text.Trim());
                    }
                }
            }
        }

        return values.Count == 0 ? "/" + name : $"/{name} {string.Join(' ', values)}";
    }

    private static JsonObject Command(string name, string nameDe, string description, string descriptionDe, params JsonObject[] options)
    {
        var command = new JsonObject
        {
            ["name"] = name,
            ["type"] = 1,
            ["description"] = description,
            ["name_localizations"] = new JsonObject { ["de"] = nameDe },
            ["description_localizations"] = new JsonObject { ["de"] = descriptionDe, ["en-US"] = description, ["en-GB"] = description },
        };
        if (options.Length > 0)
        {
            command["options"] = new JsonArray(options.Select(o => (JsonNode)o).ToArray());
        }

        return command;
    }

    private static JsonObject Option(string name, string nameDe, string description, string descriptionDe, bool required) => new()
    {
        ["type"] = StringOption,
        ["name"] = name,
        ["description"] = description,
        ["name_localizations"] = new JsonObject { ["de"] = nameDe },
        ["description_localizations"] = new JsonObject { ["de"] = descriptionDe },
        ["required"] = required,
    };

    private static JsonObject LanguageOption()
    {
        var option = Option("language", "sprache", "de, en or auto", "de, en oder auto", required: true);
        option["choices"] = new JsonArray(
            Choice("Deutsch", "Deutsch", "de"),
            Choice("English", "Englisch", "en"),
            Choice("Automatic", "Automatisch", "auto"));
        return option;
    }

    private static JsonObject Choice(string name, string nameDe, string value) => new()
    {
        ["name"] = name,
        ["name_localizations"] = new JsonObject { ["de"] = nameDe },
        ["value"] = value,
    };
}
