using System.Text.RegularExpressions;

namespace NewsBot.Core.Articles;

/// <summary>Splits text into sentences, keeping quotes («…», »…«, "…") whole and common abbreviations intact.</summary>
public static partial class Sentences
{
    public static IReadOnlyList<string> Split(string text)
    {
        var result = new List<string>();
        var start = 0;
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '«' or '»' or '„' or '“' or '”' or '"')
            {
                depth = UpdateQuoteDepth(text, i, depth);
                continue;
            }

            if (c is not ('.' or '!' or '?' or '…') || depth > 0)
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '"' or '»' or '«' or '“' or '”' or ')')
            {
                end++;
            }

            if (end >= text.Length || text[end] != ' ' || IsAbbreviation(text, start, i))
            {
                continue;
            }

            // A sentence continues after a lowercase start (", sagte er" style) or a digit (dates like "18. Februar").
            var next = end + 1 < text.Length ? text[end + 1] : ' ';
            if (char.IsLower(next) || (char.IsDigit(text[i - 1 < 0 ? 0 : i - 1]) && c == '.'))
            {
                continue;
            }

            Add(result, text[start..end]);
            start = end + 1;
            i = end;
        }

        Add(result, text[start..]);
        return result;
    }

    private static int UpdateQuoteDepth(string text, int i, int depth)
    {
        var c = text[i];
        return c switch
        {
            '„' or '«' when depth == 0 || c == '„' => depth + 1,
            '“' when depth > 0 => depth - 1,
            '»' => depth > 0 && IsClosing(text, i) ? depth - 1 : depth + 1,
            '«' => Math.Max(0, depth - 1),
            '”' => Math.Max(0, depth - 1),
            '"' => depth > 0 ? depth - 1 : (IsClosing(text, i) ? 0 : 1),
            _ => depth,
        };
    }

    /// <summary>German »…« and plain "…" quotes use the same mark twice: closing when followed by space or punctuation.</summary>
    private static bool IsClosing(string text, int i) => i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]);

    private static bool IsAbbreviation(string text, int start, int dot)
    {
        var wordStart = dot;
        while (wordStart > start && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return word.Length == 1 || Abbreviation().IsMatch(word);
    }

    private static void Add(List<string> result, string sentence)
    {
        var s = sentence.Trim();
        if (s.Length > 0)
        {
            result.Add(s);
        }
    }

    [GeneratedRegex("^(Dr|Prof|Mr|Mrs|Ms|St|bzw|usw|ca|vgl|etc|Nr|Abs|Jh|Jan|Feb|Mrz|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Oct|Nov|Dez|Dec|z|u|d|v|Chr|inkl|evtl|sog|Gen|Sen|Rep|Gov|Lt|Col|Sgt|No|vs|Inc|Ltd|Co|Corp)$", RegexOptions.IgnoreCase)]
    private static partial Regex Abbreviation();
}
