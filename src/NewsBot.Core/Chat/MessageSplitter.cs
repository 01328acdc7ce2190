using System.Text;

namespace NewsBot.Core.Chat;

/// <summary>
/// Splits plain text into parts of at most a given length (UTF-16 units): on paragraph breaks first,
/// then line breaks, sentence ends, spaces, and only as a last resort inside a word, never inside a surrogate pair.
/// </summary>
public static class MessageSplitter
{
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > maxLength)
        {
            var cut = FindCut(rest, maxLength);
            var head = rest[..cut].TrimEnd();
            if (head.Length > 0)
            {
                parts.Add(head);
            }

            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    /// <summary>The index to cut at: the end of the last paragraph, line, sentence or word that fits.</summary>
    private static int FindCut(string text, int maxLength)
    {
        var window = text.AsSpan(0, maxLength + 1 > text.Length ? text.Length : maxLength + 1);
        var minUseful = maxLength / 3;

        var paragraph = window[..maxLength].LastIndexOf("\n\n");
        if (paragraph >= minUseful)
        {
            return paragraph;
        }

        var line = window[..maxLength].LastIndexOf('\n');
        if (line >= minUseful)
        {
            return line;
        }

        var sentence = LastSentenceEnd(window, maxLength);
        if (sentence >= minUseful)
        {
            return sentence;
        }

        var space = window.LastIndexOfAny(' ', '\t');
        if (space > 0 && space <= maxLength)
        {
            return space;
        }

        // One long word: cut hard, but never between the halves of a surrogate pair.
        var cut = maxLength;
        if (char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return cut;
    }

    /// <summary>The position after the last sentence end (". ", "! ", "? ", "… ", closing quote after one) within the limit.</summary>
    private static int LastSentenceEnd(ReadOnlySpan<char> window, int maxLength)
    {
        for (var i = Math.Min(maxLength, window.Length - 1); i > 0; i--)
        {
            if (window[i] != ' ')
            {
                continue;
            }

            var j = i - 1;
            while (j > 0 && window[j] is '"' or '»' or '«' or '“' or '”' or ')' or '\'' or ']')
            {
                j--;
            }

            if (window[j] is '.' or '!' or '?' or '…' or ':' or ';')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Joins pieces into as few messages as fit, keeping order; every piece must already fit.</summary>
    public static IReadOnlyList<string> Pack(IEnumerable<(string Text, string Separator)> pieces, int maxLength)
    {
        var messages = new List<string>();
        var current = new StringBuilder();
        foreach (var (piece, separator) in pieces)
        {
            if (current.Length > 0 && current.Length + separator.Length + piece.Length <= maxLength)
            {
                current.Append(separator).Append(piece);
                continue;
            }

            if (current.Length > 0)
            {
                messages.Add(current.ToString());
                current.Clear();
            }

            current.Append(piece);
        }

        if (current.Length > 0)
        {
            messages.Add(current.ToString());
        }

        return messages;
    }
}
