using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Chat;

/// <summary>Every fixed text the bot shows, in German and English.</summary>
public static class Texts
{
    private static string T(Language language, string de, string en) => language == Language.German ? de : en;

    /// <summary>The first paragraph of /help; the command lines come from the command catalogue.</summary>
    public static string HelpIntro(Language l) => T(
        l,
        "Ich beantworte Fragen zu den Nachrichtenartikeln, immer mit Quellen. Stell einfach eine Frage, z. B. „Wo trafen sich Rubio und Lawrow?“",
        "I answer questions about the news articles, always with sources. Just ask, e.g. \"Where did Rubio and Lavrov meet?\"");

    public static string NotFound(Language l) => T(
        l,
        "Dazu habe ich in den Artikeln nichts gefunden.",
        "I found nothing about that in the articles.");

    public static string EmptyCorpus(Language l) => T(
        l,
        "Der Artikelbestand ist leer: Es sind noch keine Artikel geladen.",
        "The corpus is empty: no articles are loaded yet.");

    public static string UnknownCommand(Language l, string command) => T(
        l,
        $"Den Befehl {command} kenne ich nicht. /help zeigt, was ich kann.",
        $"I don't know the command {command}. /help shows what I can do.");

    public static string TooLong(Language l, int max) => T(
        l,
        $"Die Frage ist zu lang (höchstens {max} Zeichen). Bitte kürzer fassen.",
        $"The question is too long (at most {max} characters). Please shorten it.");

    public static string FromArticle(Language answer, Language article, string title, string date) => T(
        answer,
        $"Aus dem {article.DisplayName(answer)} Artikel „{title}“{DatePart(date)} (Originalwortlaut):",
        $"From the {article.DisplayName(answer)} article \"{title}\"{DatePart(date)} (quoted in the original):");

    private static string DatePart(string date) => date.Length > 0 ? $" ({date})" : "";

    public static string SummaryHeading(Language l, string title) => T(l, $"Zusammenfassung: {title}", $"Summary: {title}");

    public static string TopicHeading(Language l, string topic) => T(l, $"Zum Thema „{topic}“", $"On \"{topic}\"");

    public static string LatestHeading(Language l) => T(l, "Die neuesten Artikel", "The latest articles");

    public static string ArticleNotFound(Language l, string what) => T(
        l,
        $"Zu „{what}“ habe ich keinen Artikel gefunden.",
        $"I found no article for \"{what}\".");

    public static string ArticlesHeading(Language l, int count) => T(l, $"{count} Artikel", count == 1 ? "1 article" : $"{count} articles");

    public static string DigestHeading(Language l, int count) => T(
        l,
        count == 1 ? "Nachrichtenüberblick: 1 Artikel" : $"Nachrichtenüberblick: {count} Artikel",
        count == 1 ? "News digest: 1 article" : $"News digest: {count} articles");

    public static string NothingNew(Language l) => T(l, "Nichts Neues seit dem letzten Überblick.", "Nothing new since the last digest.");

    public static string LanguageSet(Language l, string? choice) => choice is null
        ? T(l, "Die Antwortsprache richtet sich jetzt nach der Frage.", "The answer language now follows each question.")
        : T(l, "Ich antworte in diesem Chat ab jetzt auf Deutsch.", "I will answer in English in this chat from now on.");

    /// <summary>/lang alone: the chat's answer language and where it comes from.</summary>
    public static string LanguageCurrent(Language l, Language? chatSetting, Language fallback) => chatSetting is { } set
        ? T(
            l,
            $"Antwortsprache in diesem Chat: {Name(Language.German, set)}, festgelegt mit /lang {set.ToCode()}. /lang auto lässt sie wieder der Frage folgen.",
            $"Answer language in this chat: {Name(Language.English, set)}, set with /lang {set.ToCode()}. /lang auto makes it follow each question again.")
        : T(
            l,
            $"Antwortsprache in diesem Chat: automatisch, die Sprache der Frage (bei Befehlen ohne Text die Sprache deiner App; sonst {Name(Language.German, fallback)}, die Voreinstellung des Bots). /lang de oder /lang en legt sie fest.",
            $"Answer language in this chat: automatic, the language of each question (for commands without text, your app's language; otherwise {Name(Language.English, fallback)}, the bot's default). /lang de or /lang en fixes it.");

    private static string Name(Language l, Language of) => of == Language.German ? T(l, "Deutsch", "German") : T(l, "Englisch", "English");

    public static string LanguageUsage(Language l) => T(l, "Verwendung: /lang de|en|auto", "Usage: /lang de|en|auto");

    public static string Reset(Language l) => T(l, "Gesprächsverlauf gelöscht.", "Conversation history cleared.");

    public static string Cancelled(Language l) => T(l, "Abgebrochen.", "Cancelled.");

    /// <summary>Appended to a streamed answer that /cancel stopped, so the partial text does not read as a finished answer.</summary>
    public static string AnswerStopped(Language l) => T(l, "⏹ Antwort abgebrochen.", "⏹ Answer stopped.");

    public static string NothingToCancel(Language l) => T(l, "Es läuft gerade keine Antwort.", "No answer is running.");

    public static string InternalError(Language l) => T(
        l,
        "Dabei ist etwas schiefgegangen. Bitte versuche es gleich noch einmal.",
        "Something went wrong there. Please try again in a moment.");

    public static string PersonNotFound(Language l, string name, IReadOnlyList<string> suggestions) => suggestions.Count == 0
        ? T(l, $"Eine Person namens „{name}“ kommt in den Artikeln nicht vor.", $"No person called \"{name}\" appears in the articles.")
        : T(
            l,
            $"Eine Person namens „{name}“ kommt in den Artikeln nicht vor. Meinten Sie: {string.Join(", ", suggestions)}?",
            $"No person called \"{name}\" appears in the articles. Did you mean: {string.Join(", ", suggestions)}?");

    public static string PersonNotFoundKnown(Language l, string name, IReadOnlyList<string> known) => known.Count == 0
        ? PersonNotFound(l, name, [])
        : T(
            l,
            $"Eine Person namens „{name}“ kommt in den Artikeln nicht vor. Am häufigsten genannt werden: {string.Join(", ", known)}.",
            $"No person called \"{name}\" appears in the articles. The most mentioned are: {string.Join(", ", known)}.");

    public static string PeopleHeading(Language l, int count) =>
        T(l, $"Personen in den Nachrichten ({count}), die meistgenannten zuerst", $"People in the news ({count}), most mentioned first");

    public static string MentionCount(Language l, int mentions, int articles) => T(
        l,
        (mentions == 1 ? "1-mal genannt" : $"{mentions}-mal genannt") + " in " + ArticleCount(l, articles),
        (mentions == 1 ? "1 mention" : $"{mentions} mentions") + " in " + ArticleCount(l, articles));

    /// <summary>Said once under a list whose roles stay as the articles word them (no model to translate them).</summary>
    public static string RolesInOriginal(Language l, IReadOnlyList<Language> articleLanguages) => T(
        l,
        $"Rollen aus {string.Join(" und ", articleLanguages.Select(a => a == Language.English ? "englischen" : "deutschen"))} Artikeln stehen im Originalwortlaut.",
        $"Roles from {string.Join(" and ", articleLanguages.Select(a => a.DisplayName(Language.English)))} articles are given as the article words them.");

    public static string NoPeople(Language l) => T(l, "In den Artikeln habe ich keine Personen gefunden.", "I found no people in the articles.");

    public static string ArticleCount(Language l, int count) => T(l, count == 1 ? "1 Artikel" : $"{count} Artikel", count == 1 ? "1 article" : $"{count} articles");

    public static string RoleInOriginal(Language answer, Language article) => answer == article
        ? ""
        : T(answer, " (Rolle im Originalwortlaut)", $" (role as the {article.DisplayName(answer)} article words it)");

    public static string PersonRoles(Language l) => T(l, "Rolle", "Role");

    public static string PersonSaid(Language l) => T(l, "Was sie/er sagte", "What they said");

    public static string PersonMentions(Language l) => T(l, "In den Artikeln", "In the articles");

    public static string NotAllowed(Language l) => T(
        l,
        "Entschuldigung, in diesem Chat stehe ich nicht zur Verfügung. Bitte wende dich an die Betreiber dieses Bots.",
        "Sorry, I am not available in this chat. Please ask the people who run this bot.");

    public static string AdminOnly(Language l) => T(
        l,
        "Das dürfen in dieser Gruppe nur Admins ändern.",
        "Only admins can change that in this group.");

    public static string RateLimited(Language l, int seconds) => T(
        l,
        $"Das waren viele Fragen in kurzer Zeit. Bitte versuche es in {seconds} s noch einmal.",
        $"That was a lot of questions in a short time. Please try again in {seconds} s.");

    public static string StillWorking(Language l) => T(
        l,
        "Ich arbeite noch an deiner vorigen Frage. Bitte warte auf die Antwort oder brich sie mit /cancel ab.",
        "I am still working on your previous question. Please wait for the answer or stop it with /cancel.");

    public static string Busy(Language l) => T(
        l,
        "Gerade sind sehr viele Fragen auf einmal eingegangen. Bitte versuche es in einer Minute noch einmal.",
        "Very many questions arrived at once just now. Please try again in a minute.");
}
