namespace NewsBot.Core.Policies;

/// <summary>
/// The <c>Access</c> section: who may use the bot and who administers it, per platform
/// (<c>Access:Telegram</c>, <c>Access:Discord</c>, <c>Access:Console</c>).
/// </summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    public PlatformAccessOptions Telegram { get; set; } = new();

    public PlatformAccessOptions Discord { get; set; } = new();

    public PlatformAccessOptions Console { get; set; } = new();

    /// <summary>The rules of one platform; an unknown platform has none (open).</summary>
    public PlatformAccessOptions For(string platform) => platform switch
    {
        Chat.Platforms.Telegram => Telegram,
        Chat.Platforms.Discord => Discord,
        Chat.Platforms.Console => Console,
        _ => PlatformAccessOptions.Open,
    };
}

/// <summary>
/// One platform's access rules. With every allow-list empty the bot is open to all. As soon as one is set, a message is
/// accepted when any rule matches: its chat (Telegram chat, Discord channel), its guild, its user, or an admin sent it.
/// </summary>
public sealed class PlatformAccessOptions
{
    internal static readonly PlatformAccessOptions Open = new();

    /// <summary>Chat ids (Telegram chats and groups; Discord channel ids also work here).</summary>
    public List<string> AllowedChats { get; set; } = [];

    /// <summary>Discord channel ids (the same as <see cref="AllowedChats"/>, named as Discord users expect).</summary>
    public List<string> AllowedChannels { get; set; } = [];

    /// <summary>Discord guild (server) ids: every channel of the guild is allowed.</summary>
    public List<string> AllowedGuilds { get; set; } = [];

    /// <summary>User ids allowed everywhere, including direct messages.</summary>
    public List<string> AllowedUsers { get; set; } = [];

    /// <summary>User ids that administer the bot: always allowed, and may change settings in groups.</summary>
    public List<string> Admins { get; set; } = [];

    public bool HasAllowList => AllowedChats.Count + AllowedChannels.Count + AllowedGuilds.Count + AllowedUsers.Count > 0;
}
