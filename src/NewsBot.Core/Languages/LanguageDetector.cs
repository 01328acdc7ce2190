using System.Collections.Frozen;

namespace NewsBot.Core.Languages;

/// <summary>Tells German from English by function words and German letters; good from a few words on.</summary>
public static class LanguageDetector
{
    private static readonly FrozenSet<string> German = FrozenSet.ToFrozenSet(
    [
        "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einen", "dem", "den", "des", "mit", "sich", "auf", "für", "von",
        "zu", "im", "auch", "wie", "was", "wer", "wo", "wann", "warum", "welche", "welcher", "sagte", "über", "bei", "nach", "noch",
        "aus", "sind", "hat", "haben", "wurde", "werden", "dass", "zum", "zur", "oder", "aber", "nur", "sie", "er", "es", "wir", "ich",
        "trafen", "gibt", "um", "vom", "am", "bis", "durch", "gegen", "ohne", "sein", "seine", "ihre", "hier", "heute", "wieso",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> English = FrozenSet.ToFrozenSet(
    [
        "the", "and", "is", "are", "was", "were", "of", "to", "in", "a", "an", "that", "it", "for", "on", "with", "as", "by", "at",
        "from", "this", "be", "has", "have", "had", "not", "but", "or", "what", "who", "where", "when", "why", "how", "which", "did",
        "does", "do", "said", "about", "after", "will", "would", "there", "their", "they", "he", "she", "we", "you", "i", "meet", "met",
        "say", "tell", "me", "his", "her", "its", "can", "could", "than", "into", "over",
    ], StringComparer.Ordinal);

    /// <summary>The language of the text, or null when there is too little evidence either way.</summary>
    public static Language? Detect(ReadOnlySpan<char> text)
    {
        var de = 0.0;
        var en = 0.0;
        Span<char> lower = stackalloc char[64];
        foreach (var range in text.Split(' '))
        {
            var word = text[range].Trim(" \t\r\n.,;:!?\"'«»„“”()[]–-…/".AsSpan());
            if (word.IsEmpty)
            {
                continue;
            }

            var n = word[..Math.Min(word.Length, lower.Length)].ToLowerInvariant(lower);
            var w = lower[..n].ToString();
            if (German.Contains(w))
            {
                de += 1;
            }

            if (English.Contains(w))
            {
                en += 1;
            }

            if (w.AsSpan().IndexOfAny("äöüß") >= 0)
            {
                de += 0.5;
            }
        }

        if (de == 0 && en == 0)
        {
            return null;
        }

        return de > en ? Language.German : en > de ? Language.English : null;
    }

    public static Language DetectOr(string text, Language fallback) => Detect(text) ?? fallback;
}
