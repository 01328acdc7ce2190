using System.Text;

namespace NewsBot.Core.Search;

/// <summary>
/// Finds the corpus's German spellings of an English word that German shares (complexity → Komplexität, certificate → Zertifikat,
/// monopoly → Monopol, decompress → Dekompression): the dictionary lacks many such words or ranks rarer senses above them.
/// The English term, and its c mapped as German spells it (k; z before e, i, y), is compared with the index terms that
/// share its first letters; a term that agrees with it up to its last two letters is taken.
/// Measured on XQuAD with the 10kGNAD distractors: en→de R@1 0.81 → 0.83, R@5 0.92 → 0.93.
/// </summary>
internal static class Cognates
{
    /// <summary>A cognate counts a little less than the word's own translations.</summary>
    public const double Weight = 0.8;

    /// <summary>Shorter words have too many look-alikes ("state", "stat-").</summary>
    private const int MinLength = 5;

    /// <summary>Inflection and derivation endings differ by language ("komplexität" for "complexity"), by a few letters.</summary>
    private const int MaxLengthDifference = 4;

    /// <summary>Adds to <paramref name="concept"/> the index terms (from <paramref name="withPrefix"/>) that spell the English <paramref name="term"/> the German way.</summary>
    public static void AddGermanSpellings(QueryConcept concept, string term, Func<string, IEnumerable<string>> withPrefix)
    {
        if (term.Length < MinLength || char.IsDigit(term[0]))
        {
            return;
        }

        var germanized = Germanize(term);
        foreach (var form in germanized == term ? [term] : new[] { germanized, term })
        {
            if (form.Length < MinLength)
            {
                continue;
            }

            foreach (var candidate in withPrefix(form[..MinLength]))
            {
                if (candidate != term && Math.Abs(candidate.Length - form.Length) <= MaxLengthDifference
                    && CommonPrefix(candidate, form) >= Math.Max(MinLength, form.Length - 2))
                {
                    concept.Add(candidate, Weight);
                }
            }
        }
    }

    /// <summary>
    /// An English index term spelt as German would: c → z before e, i, y (already folded to s, as the index folds z) and k
    /// elsewhere, th → t.
    /// </summary>
    internal static string Germanize(string term)
    {
        var sb = new StringBuilder(term.Length);
        for (var i = 0; i < term.Length; i++)
        {
            var c = term[i];
            var next = i + 1 < term.Length ? term[i + 1] : '\0';
            if (c == 'c')
            {
                sb.Append(next is 'e' or 'i' or 'y' ? 's' : 'k');
            }
            else if (c == 't' && next == 'h')
            {
                sb.Append('t');
                i++;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }
}
