using System.Text.RegularExpressions;

namespace NewsBot.Core.Answers;

/// <summary>
/// What kind of answer a question asks for ("how much" → an amount, "when" → a time, "where" → a place), so that among
/// equally relevant sentences the one that holds such an answer wins.
/// </summary>
internal static partial class AnswerTypes
{
    [Flags]
    public enum Kind
    {
        None = 0,
        Amount = 1,
        Time = 2,
        Place = 4,
    }

    /// <summary>A matching sentence counts this much more.</summary>
    private const double Bonus = 1.35;

    public static Kind Expected(string question)
    {
        var q = question.ToLowerInvariant();
        var kind = Kind.None;
        if (AmountQuestion().IsMatch(q))
        {
            kind |= Kind.Amount;
        }

        if (TimeQuestion().IsMatch(q))
        {
            kind |= Kind.Time;
        }

        if (PlaceQuestion().IsMatch(q))
        {
            kind |= Kind.Place;
        }

        return kind;
    }

    public static ExtractiveAnswerEngine.Score Boost(ExtractiveAnswerEngine.Score score, string sentence, Kind expected)
    {
        var matches = (expected.HasFlag(Kind.Amount) && Amount().IsMatch(sentence))
            || (expected.HasFlag(Kind.Time) && Time().IsMatch(sentence))
            || (expected.HasFlag(Kind.Place) && Place().IsMatch(sentence));
        return matches ? score with { Value = score.Value * Bonus } : score;
    }

    [GeneratedRegex(@"\b(how (much|many)|what does .* cost|wie ?viel\w*|was kostet|kosten|cost)\b")]
    private static partial Regex AmountQuestion();

    [GeneratedRegex(@"\b(when|since when|until when|what year|wann|seit wann|bis wann|in welchem jahr)\b")]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"\b(where|wo|wohin|woher)\b")]
    private static partial Regex PlaceQuestion();

    [GeneratedRegex(@"\d|\b(million|billion|milliarde|millionen|milliarden|hundred|thousand|tausend|hundert|euro|dollar|prozent|percent)\w*", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\b(1[89]|20)\d\d\b|\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|januar|january|februar|february|märz|march|april|mai|may|juni|june|juli|july|august|september|oktober|october|november|dezember|december|gestern|heute|morgen|yesterday|today|tomorrow|woche|week|jahr|year)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Time();

    [GeneratedRegex(@"\b(in|im|nach|bei|at|near|aus) [A-ZÄÖÜ]")]
    private static partial Regex Place();
}
