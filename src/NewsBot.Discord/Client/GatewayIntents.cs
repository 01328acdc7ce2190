namespace NewsBot.Discord.Client;

/// <summary>Gateway intent bits we use.</summary>
public static class GatewayIntents
{
    public const int Guilds = 1;
    public const int GuildMessages = 1 << 9;
    public const int DirectMessages = 1 << 12;

    /// <summary>Privileged: without it a bot still sees DMs and messages that mention it.</summary>
    public const int MessageContent = 1 << 15;

    /// <summary>A mention-and-DM bot: 4609.</summary>
    public const int Default = Guilds | GuildMessages | DirectMessages;
}
