using Microsoft.Extensions.Options;

namespace NewsBot.Discord;

/// <summary>The <c>Discord</c> configuration section.</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The bot token from the developer portal (without the "Bot " prefix). The adapter starts only when it is set.</summary>
    public string? BotToken { get; set; }

    /// <summary>The REST base URL, e.g. for a REST proxy or a test server.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Registers slash commands on this guild only (instant updates) instead of globally.</summary>
    public string? GuildId { get; set; }

    /// <summary>Adds the privileged MESSAGE_CONTENT intent (must be enabled in the developer portal, or the gateway closes with 4014).</summary>
    public bool MessageContentIntent { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>The intents sent with IDENTIFY.</summary>
    public int Intents => Client.GatewayIntents.Default | (MessageContentIntent ? Client.GatewayIntents.MessageContent : 0);

    /// <summary>The token as Discord wants it in IDENTIFY: trimmed, without a "Bot " prefix someone may have pasted.</summary>
    public string Token
    {
        get
        {
            var token = BotToken?.Trim() ?? "";
            return token.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase) ? token[4..].Trim() : token;
        }
    }
}

/// <summary>One clear line naming the bad key; never echoes the token.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{DiscordOptions.SectionName}:ApiBaseUrl must be an absolute http(s) URL, e.g. {DiscordOptions.DefaultApiBaseUrl}.");
        }

        if (!string.IsNullOrWhiteSpace(options.GuildId) && !IsSnowflake(options.GuildId.Trim()))
        {
            failures.Add($"{DiscordOptions.SectionName}:GuildId must be a numeric Discord id (a snowflake), or empty for global commands.");
        }

        if (options.IsEnabled && options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add($"{DiscordOptions.SectionName}:BotToken must not contain spaces; paste the token from the developer portal's Bot page.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsSnowflake(string value) => value.Length is > 0 and <= 20 && value.All(char.IsAsciiDigit);
}
