namespace NewsBot.Retrieval.Languages;

/// <summary>The two languages NewsBot reads and answers in.</summary>
public enum Language
{
    German,
    English,
}

public static class LanguageCodes
{
    public static string ToCode(this Language language) => language == Language.German ? "de" : "en";

    /// <summary>Parses "de", "en", "de-DE", "en-US", "german", "deutsch"...; null when it is neither.</summary>
    public static Language? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim().ToLowerInvariant();
        if (v.StartsWith("de", StringComparison.Ordinal) || v is "german" or "ger")
        {
            return Language.German;
        }

        if (v.StartsWith("en", StringComparison.Ordinal))
        {
            return Language.English;
        }

        return null;
    }

    public static string DisplayName(this Language language, Language inLanguage) => (language, inLanguage) switch
    {
        (Language.German, Language.German) => "deutschen",
        (Language.English, Language.German) => "englischen",
        (Language.German, _) => "German",
        _ => "English",
    };
}
