namespace NewsBot.Core.Chat;

/// <summary>A parsed message: a command name ("ask" for plain text) and its argument text.</summary>
public sealed record ChatCommand(string Name, string Arguments, bool IsExplicit)
{
    public const string Ask = "ask";

    /// <summary>"/who@NewsBot Lavrov" → ("who", "Lavrov"); plain text → ("ask", text).</summary>
    public static ChatCommand Parse(string text)
    {
        var t = text.Trim();
        if (!t.StartsWith('/') || t.Length == 1)
        {
            return new ChatCommand(Ask, t, false);
        }

        var space = t.IndexOfAny([' ', '\n', '\t']);
        var head = space < 0 ? t[1..] : t[1..space];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            head = head[..at];
        }

        var arguments = space < 0 ? "" : t[(space + 1)..].Trim();
        return new ChatCommand(head.ToLowerInvariant(), arguments, true);
    }
}
