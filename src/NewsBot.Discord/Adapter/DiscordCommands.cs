using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;

namespace NewsBot.Discord.Adapter;

/// <summary>The slash commands, in English with German localisations, and how an invocation becomes router text.</summary>
public static class DiscordCommands
{
    private const int StringOption = 3;

    /// <summary>The commands of the catalogue's menus, as PUT to /applications/{app}/commands.</summary>
    public static JsonArray Definitions(CommandCatalogue commands) =>
        [.. commands.ListedIn(CommandListing.Menus).Select(c => (JsonNode)Command(c))];

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

    private static JsonObject Command(CommandInfo info)
    {
        var command = new JsonObject
        {
            ["name"] = info.Name,
            ["type"] = 1,
            ["description"] = info.Description.English,
            ["name_localizations"] = new JsonObject { ["de"] = info.GermanName ?? info.Name },
            ["description_localizations"] = new JsonObject
            {
                ["de"] = info.Description.German,
                ["en-US"] = info.Description.English,
                ["en-GB"] = info.Description.English,
            },
        };
        if (info.Argument is { } argument)
        {
            command["options"] = new JsonArray(Option(argument));
        }

        return command;
    }

    private static JsonObject Option(CommandArgument argument)
    {
        var option = new JsonObject
        {
            ["type"] = StringOption,
            ["name"] = argument.Name,
            ["description"] = argument.Description.English,
            ["name_localizations"] = new JsonObject { ["de"] = argument.GermanName },
            ["description_localizations"] = new JsonObject { ["de"] = argument.Description.German },
            ["required"] = argument.Required,
        };
        if (argument.Choices.Count > 0)
        {
            option["choices"] = new JsonArray([.. argument.Choices.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Label.English,
                ["name_localizations"] = new JsonObject { ["de"] = c.Label.German },
                ["value"] = c.Value,
            })]);
        }

        return option;
    }
}
