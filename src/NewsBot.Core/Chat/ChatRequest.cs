namespace NewsBot.Core.Chat;

/// <summary>Platform names used as keys for settings, access rules and senders.</summary>
public static class Platforms
{
    public const string Console = "console";
    public const string Telegram = "telegram";
    public const string Discord = "discord";
}

/// <summary>A message to the bot, in platform-neutral form. Adapters build it; the router handles it.</summary>
public sealed record ChatRequest
{
    public required string Platform { get; init; }

    public required string ChatId { get; init; }

    public required string UserId { get; init; }

    public string? UserName { get; init; }

    /// <summary>The text with any bot mention already stripped: "/who Lavrov", or a plain question.</summary>
    public required string Text { get; init; }

    /// <summary>The platform's user locale ("de", "en-US"), when the platform tells it.</summary>
    public string? UserLocale { get; init; }

    public bool IsGroup { get; init; }

    /// <summary>True when the platform says the user administers this chat.</summary>
    public bool IsPlatformAdmin { get; init; }

    /// <summary>True when the message replies to one of the bot's messages (continues that thread in a group).</summary>
    public bool IsReplyToBot { get; init; }

    /// <summary>Guild or server id where the platform has one (Discord), for access rules.</summary>
    public string? GuildId { get; init; }

    /// <summary>The answer language the caller asked for (the CLI's --lang); it wins over the chat's setting.</summary>
    public NewsBot.Retrieval.Languages.Language? AnswerLanguage { get; init; }

    /// <summary>
    /// For a stop command (/cancel): how many questions had come to wait when it arrived. The turn runner sets it, so that a
    /// question typed after /cancel is not dropped by it.
    /// </summary>
    public long? StopsQuestionsArrivedBy { get; init; }

    /// <summary>How many entries a list (/articles) may hold; null keeps the chat's short list. The CLI asks for all.</summary>
    public int? ListLimit { get; init; }
}
