using System.Text.RegularExpressions;

namespace NewsBot.Telegram.Logging;

/// <summary>Removes the bot token (plain or URL-encoded) and anything shaped like a bot token from text bound for logs.</summary>
public sealed partial class TokenRedactor
{
    public const string Mask = "***";

    private readonly string[] _secrets;

    public TokenRedactor(string? token)
    {
        var secrets = new List<string>();
        if (!string.IsNullOrWhiteSpace(token))
        {
            var trimmed = token.Trim();
            secrets.Add(trimmed);
            secrets.Add(Uri.EscapeDataString(trimmed));

            // The secret half alone is as good as the whole token to an attacker.
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && trimmed.Length - colon > 8)
            {
                secrets.Add(trimmed[(colon + 1)..]);
            }
        }

        _secrets = secrets.Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();
    }

    public string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        // Catch tokens we were not told about (another bot's, a changed configuration): /bot<id>:<secret>.
        return TokenShape().Replace(text, "bot" + Mask);
    }

    public bool ContainsSecret(string text) =>
        !string.IsNullOrEmpty(text) && (_secrets.Any(s => text.Contains(s, StringComparison.Ordinal)) || TokenShape().IsMatch(text));

    [GeneratedRegex(@"bot\d{3,}(?::|%3A)[A-Za-z0-9_-]{20,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenShape();
}
