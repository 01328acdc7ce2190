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

    /// <summary>The bot's total number of shards, across all processes (Discord requires sharding from 2,500 guilds).</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>
    /// The shards this process runs: ids and ranges such as <c>0-3</c> or <c>0,2,4-5</c>, each below <see cref="ShardCount"/>.
    /// Empty: all of them. DMs arrive on shard 0; slash commands are registered by the process that runs shard 0.
    /// </summary>
    public string? Shards { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>The shard ids of this process, in order; throws <see cref="FormatException"/> naming the problem.</summary>
    public IReadOnlyList<int> ShardIds()
    {
        if (ShardCount < 1)
        {
            throw new FormatException($"ShardCount must be at least 1 (was {ShardCount})");
        }

        if (string.IsNullOrWhiteSpace(Shards))
        {
            return Enumerable.Range(0, ShardCount).ToList();
        }

        var ids = new SortedSet<int>();
        foreach (var part in Shards.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 2
                || !int.TryParse(bounds[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var from)
                || !int.TryParse(bounds[^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var to)
                || to < from)
            {
                throw new FormatException($"'{part}' is not a shard id or a range like 0-3");
            }

            if (to >= ShardCount)
            {
                throw new FormatException($"shard {to} does not exist with ShardCount {ShardCount} (ids are 0 to {ShardCount - 1})");
            }

            for (var id = from; id <= to; id++)
            {
                ids.Add(id);
            }
        }

        return ids.Count > 0 ? ids.ToList() : throw new FormatException("it names no shard");
    }

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

        try
        {
            options.ShardIds();
        }
        catch (FormatException ex)
        {
            failures.Add($"{DiscordOptions.SectionName}:Shards / ShardCount: {ex.Message}.");
        }

        if (options.IsEnabled && options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add($"{DiscordOptions.SectionName}:BotToken must not contain spaces; paste the token from the developer portal's Bot page.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsSnowflake(string value) => value.Length is > 0 and <= 20 && value.All(char.IsAsciiDigit);
}
