using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace NewsBot.Retrieval.Articles;

/// <summary>Splits text into sentences, keeping quotes («…», »…«, "…") whole and common abbreviations intact.</summary>
public static partial class Sentences
{
    /// <summary>The sentences of <paramref name="text"/>; compiled optimised at once (search re-ranks candidates' sentences per query).</summary>
    [MethodImpl(HotPath.Options)]
    public static IReadOnlyList<string> Split(string text)
    {
        var result = new List<string>();
        var start = 0;
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var dot = i;
            if (c is '«' or '»' or '„' or '“' or '”' or '"')
            {
                var was = depth;
                depth = UpdateQuoteDepth(text, i, depth);
                // A quote that ends a sentence ("… "an act of barbarity." He said …") ends it when the quote closes.
                if (was == 0 || depth > 0 || i == 0 || text[i - 1] is not ('.' or '!' or '?' or '…'))
                {
                    continue;
                }

                dot = i - 1;
                c = text[dot];
            }
            else if (c is not ('.' or '!' or '?' or '…') || depth > 0)
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '.' or '!' or '?' or '"' or '»' or '«' or '“' or '”' or ')')
            {
                end++;
            }

            if (end >= text.Length || text[end] != ' ' || IsAbbreviation(text, start, dot))
            {
                continue;
            }

            // A sentence continues after a lowercase start (", sagte er" style) or a digit (dates like "18. Februar").
            var next = end + 1 < text.Length ? text[end + 1] : ' ';
            if (char.IsLower(next) || (c == '.' && IsOrdinal(text, start, dot)))
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

        var word = text.AsSpan(wordStart, dot - wordStart);
        // "U.S." / "z.B.": a letter right after a dot of the same word; "Mrd." / "Dr.": a known abbreviation.
        return word.Length == 1 || Abbreviation().IsMatch(word) || (wordStart > 1 && text[wordStart - 1] == '.' && char.IsLetter(text[wordStart - 2]) && word.Length <= 2);
    }

    /// <summary>
    /// "am 3. März", "der 2. Platz": one or two digits before the dot are a German ordinal and go on; a longer number
    /// ("… im Jahr 2014. Danach …") ends the sentence unless an article stands right before it ("zum 100.000. Mal").
    /// </summary>
    private static bool IsOrdinal(string text, int start, int dot)
    {
        var digits = 0;
        while (dot - digits - 1 >= start && char.IsDigit(text[dot - digits - 1]))
        {
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        if (digits is 1 or 2 && (dot - digits - 1 < start || !char.IsLetter(text[dot - digits - 1])))
        {
            return true;
        }

        // "zum 100.000. Mal", "der 1000. Besucher": after an article, any number with a dot is an ordinal.
        var numberStart = dot;
        while (numberStart > start && (char.IsDigit(text[numberStart - 1]) || (text[numberStart - 1] == '.' && numberStart - 2 >= start && char.IsDigit(text[numberStart - 2]))))
        {
            numberStart--;
        }

        if (numberStart < start + 2 || text[numberStart - 1] != ' ')
        {
            return false;
        }

        var wordEnd = numberStart - 1;
        var wordStart = wordEnd;
        while (wordStart > start && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        return OrdinalArticle().IsMatch(text.AsSpan(wordStart, wordEnd - wordStart));
    }

    [GeneratedRegex("^(zum|zur|am|im|beim|vom|der|die|das|den|dem|des)$")]
    private static partial Regex OrdinalArticle();

    private static void Add(List<string> result, string sentence)
    {
        var s = sentence.Trim();
        if (s.Length > 0)
        {
            result.Add(s);
        }
    }

    /// <summary>
    /// Abbreviations that end in a dot inside a sentence, in both languages: titles (Dr., Prof., Mr., Mrs., St.), amounts
    /// (Mrd., Mio., Tsd., ca., Nr.), Latin and German short forms (bzw., z. B., u. a., etc., vgl., ggf.), months (Jan., Sept.).
    /// "etc." and "usw." may also end a sentence; a capital after them is then read as going on, a small price for never
    /// cutting "Mrd. Dollar".
    /// </summary>
    [GeneratedRegex("^(Dr|Prof|Mr|Mrs|Ms|Jr|Sr|St|bzw|usw|ca|vgl|etc|Nr|Abs|Jh|Jhd|Jan|Feb|Mrz|Apr|Jun|Jul|Aug|Sep|Sept|Okt|Oct|Nov|Dez|Dec|z|u|d|v|o|s|a|Chr|inkl|exkl|evtl|ggf|sog|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|No|vs|Inc|Ltd|Co|Corp|Mrd|Mio|Tsd|Bio|Mill|Hr|Fr|Hrsg|Tel|Str|Dipl|Ing|Mag|Univ|bspw|zB|ua|uvm|Mt|Ft|approx|est|Abg|Bd|Kap|Min|Std|Sek|max|min|rd|geb|gest|verh|Pkt)$", RegexOptions.IgnoreCase)]
    private static partial Regex Abbreviation();
}
