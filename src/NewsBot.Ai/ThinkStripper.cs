using System.Text.RegularExpressions;

namespace NewsBot.Ai;

/// <summary>Removes the reasoning some models write between &lt;think&gt; tags, so that it never reaches a user.</summary>
public static partial class ThinkStripper
{
    [GeneratedRegex(@"<(think|thinking)>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClosedBlock();

    [GeneratedRegex(@"</(think|thinking)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CloseTag();

    [GeneratedRegex(@"<(think|thinking)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenTag();

    /// <summary>The text without reasoning: closed blocks removed, an unterminated block dropped to the end.</summary>
    public static string Strip(string text)
    {
        var result = ClosedBlock().Replace(text, "");

        // Some chat templates put the opening tag into the prompt, so the reply starts inside the reasoning.
        var orphanClose = CloseTag().Matches(result).LastOrDefault();
        if (orphanClose is not null)
        {
            result = result[(orphanClose.Index + orphanClose.Length)..];
        }

        // Still thinking (streaming) or cut off: nothing after the tag is an answer yet.
        var open = OpenTag().Match(result);
        if (open.Success)
        {
            result = result[..open.Index];
        }

        return result.Trim();
    }

    /// <summary>
    /// For a stream: <see cref="Strip"/>, and also hides a tag that is still arriving ("&lt;thi") at the end.
    /// </summary>
    public static string StripPartial(string text)
    {
        var result = Strip(text);
        var lt = result.LastIndexOf('<');
        if (lt >= 0)
        {
            var tail = result[lt..];
            if ("<thinking>".StartsWith(tail, StringComparison.OrdinalIgnoreCase) || "</thinking>".StartsWith(tail, StringComparison.OrdinalIgnoreCase))
            {
                result = result[..lt].TrimEnd();
            }
        }

        return result;
    }
}
