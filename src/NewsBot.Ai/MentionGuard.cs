using System.Text.RegularExpressions;

namespace NewsBot.Ai;

/// <summary>
/// Model text must never ping a whole server or a person, whatever an article made it write: "@everyone", "@here"
/// and Discord's &lt;@id&gt; mention syntax get a zero-width space after the @, so they read the same but notify nobody.
/// Renderers still escape for their platform; this keeps it safe where one forgets.
/// </summary>
public static partial class MentionGuard
{
    [GeneratedRegex(@"@(?=(everyone|here)\b)|(?<=<)@(?=[!&]?\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Mention();

    public static string Neutralize(string text) => Mention().Replace(text, "@\u200B");
}
