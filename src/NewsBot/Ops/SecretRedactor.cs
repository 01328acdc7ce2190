using Microsoft.Extensions.Configuration;

namespace NewsBot.Ops;

/// <summary>
/// Replaces the values of secret settings (bot tokens, API keys, webhook secrets, passwords) in any text with "***":
/// for the JSON log and health reasons, where an exception message may quote a request URL or a server's echo.
/// </summary>
public sealed class SecretRedactor
{
    private static readonly string[] SecretKeyParts = ["token", "key", "secret", "password"];

    /// <summary>Secret parts of a connection string ("Password=...;Pwd=..."); "pwd" alone as a setting is the shell's folder.</summary>
    private static readonly string[] ConnectionStringSecrets = ["password", "pwd", "key", "token", "secret"];

    /// <summary>Shorter values are not treated as secrets: replacing "1" or "true" everywhere would ruin the text.</summary>
    private const int MinimumLength = 6;

    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string> secrets) =>
        _secrets = secrets.Where(s => s.Length >= MinimumLength).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToArray();

    /// <summary>Every value in the configuration whose key names a secret, plus the password inside connection strings.</summary>
    public static SecretRedactor From(IConfiguration configuration)
    {
        var secrets = new List<string>();
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var name = key[(key.LastIndexOf(':') + 1)..].ToLowerInvariant();
            if (SecretKeyParts.Any(name.EndsWith))
            {
                secrets.Add(value.Trim());
            }
            else if (name.Contains("connectionstring", StringComparison.Ordinal))
            {
                secrets.AddRange(value.Split(';').Select(p => p.Split('=', 2)).Where(p => p.Length == 2 && ConnectionStringSecrets.Any(p[0].Trim().ToLowerInvariant().EndsWith)).Select(p => p[1].Trim()));
            }
        }

        return new SecretRedactor(secrets);
    }

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
