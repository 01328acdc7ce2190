using Microsoft.Extensions.Options;

namespace NewsBot.Core.Policies;

/// <summary>
/// Rejects ids that can never match: blank entries anywhere, and non-numeric ids on Telegram and Discord
/// (their chat, guild and user ids are integers). Each failure names the key, e.g. <c>Access:Telegram:Admins:0</c>.
/// </summary>
public sealed class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        var failures = new List<string>();
        Check(failures, "Telegram", options.Telegram, numeric: true);
        Check(failures, "Discord", options.Discord, numeric: true);
        Check(failures, "Console", options.Console, numeric: false);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string platform, PlatformAccessOptions rules, bool numeric)
    {
        Check(failures, platform, nameof(rules.AllowedChats), rules.AllowedChats, numeric);
        Check(failures, platform, nameof(rules.AllowedChannels), rules.AllowedChannels, numeric);
        Check(failures, platform, nameof(rules.AllowedGuilds), rules.AllowedGuilds, numeric);
        Check(failures, platform, nameof(rules.AllowedUsers), rules.AllowedUsers, numeric);
        Check(failures, platform, nameof(rules.Admins), rules.Admins, numeric);
    }

    private static void Check(List<string> failures, string platform, string list, List<string> ids, bool numeric)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i]?.Trim() ?? "";
            var key = $"{AccessOptions.SectionName}:{platform}:{list}:{i}";
            if (id.Length == 0)
            {
                failures.Add($"{key} is empty; remove it or give an id.");
            }
            else if (numeric && !long.TryParse(id, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                failures.Add($"{key} must be a numeric {platform} id, not '{id}'.");
            }
        }
    }
}
