using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Chat;

/// <summary>
/// Picks the answer language, in order: the chat's /lang setting; the user's platform locale when the message is a
/// command without text; the detected language of the text; the language the user last wrote in; the user's locale;
/// the configured default.
/// </summary>
public static class LanguageResolver
{
    public static Language Resolve(Language? chatSetting, string? userLocale, string text, bool isCommandWithoutText, Language fallback, Language? lastWritten = null) =>
        Resolve(chatSetting, userLocale, LanguageDetector.Detect(text), isCommandWithoutText, fallback, lastWritten);

    /// <param name="detected">The language detected in the message's text, for a caller that needs it too (null: none shows).</param>
    public static Language Resolve(Language? chatSetting, string? userLocale, Language? detected, bool isCommandWithoutText, Language fallback, Language? lastWritten = null)
    {
        if (chatSetting is { } fixedLanguage)
        {
            return fixedLanguage;
        }

        var locale = LanguageCodes.TryParse(userLocale);
        if (isCommandWithoutText && (locale ?? lastWritten) is { } commandLanguage)
        {
            return commandLanguage;
        }

        return detected ?? lastWritten ?? locale ?? fallback;
    }
}
