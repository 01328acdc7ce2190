using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Digests;

/// <summary>The fixed texts of <c>/digest</c> and its sub-commands, in German and English.</summary>
public static class DigestTexts
{
    private static string T(Language language, string de, string en) => language == Language.German ? de : en;

    public static string Usage(Language l) => T(
        l,
        """
        /digest – Überblick über die neuen Artikel jetzt
        /digest since <JJJJ-MM-TT> – Überblick über die Artikel seit diesem Tag
        /digest subscribe <Cron> [de|en] [Zeitzone] – regelmäßig, z. B. /digest subscribe 0 7 * * * de Europe/Berlin
        /digest unsubscribe – regelmäßigen Überblick beenden
        /digest list – Zeitpläne dieses Chats
        """,
        """
        /digest – a digest of the new articles now
        /digest since <yyyy-mm-dd> – a digest of the articles since that day
        /digest subscribe <cron> [de|en] [time zone] – on a schedule, e.g. /digest subscribe 0 7 * * * en Europe/London
        /digest unsubscribe – stop the scheduled digest
        /digest list – this chat's schedules
        """);

    public static string AdminOnly(Language l) => T(
        l,
        "Nur Admins dieses Chats können Zeitpläne für den Überblick ändern.",
        "Only this chat's admins can change digest schedules.");

    public static string BadCron(Language l, string cron, string error) => T(
        l,
        $"„{cron}“ ist kein gültiger Cron-Ausdruck ({error}). Beispiel: 0 7 * * * (täglich 7:00).",
        $"\"{cron}\" is not a valid cron expression ({error}). Example: 0 7 * * * (daily at 07:00).");

    public static string UnknownTimeZone(Language l, string zone) => T(
        l,
        $"Die Zeitzone „{zone}“ kenne ich nicht. Bitte eine IANA-Zeitzone angeben, z. B. Europe/Berlin.",
        $"I don't know the time zone \"{zone}\". Please give an IANA time zone such as Europe/Berlin.");

    public static string Subscribed(Language l, string cron, string zone, DateTimeOffset? next) => T(
        l,
        $"Abonniert: Überblick nach „{cron}“ ({zone}) auf Deutsch." + (next is { } n ? $" Nächster: {n:yyyy-MM-dd HH:mm}." : ""),
        $"Subscribed: digest on \"{cron}\" ({zone}) in English." + (next is { } m ? $" Next: {m:yyyy-MM-dd HH:mm}." : ""));

    public static string Unsubscribed(Language l, int count) => T(
        l,
        count == 1 ? "Der regelmäßige Überblick für diesen Chat ist beendet." : $"{count} Zeitpläne für diesen Chat beendet.",
        count == 1 ? "The scheduled digest for this chat is stopped." : $"{count} schedules for this chat stopped.");

    public static string NotSubscribed(Language l) => T(
        l,
        "Dieser Chat hat keinen per Chat angelegten Zeitplan.",
        "This chat has no schedule added from chat.");

    public static string NoSchedules(Language l) => T(
        l,
        "Für diesen Chat gibt es keinen Zeitplan. /digest subscribe 0 7 * * * legt einen an.",
        "This chat has no schedule. /digest subscribe 0 7 * * * adds one.");

    public static string SchedulesHeading(Language l, int count) => T(
        l,
        count == 1 ? "1 Zeitplan für diesen Chat" : $"{count} Zeitpläne für diesen Chat",
        count == 1 ? "1 schedule for this chat" : $"{count} schedules for this chat");

    public static string ScheduleLine(Language l, string cron, string zone, Language language, bool fromConfiguration, string? disabledReason) =>
        $"{cron} ({zone}), {language.ToCode()}"
        + (fromConfiguration ? T(l, ", aus der Konfiguration", ", from configuration") : "")
        + (disabledReason is null ? "" : T(l, $" – deaktiviert: {disabledReason}", $" – disabled: {disabledReason}"));

    public static string Disabled(Language l) => T(l, "deaktiviert", "disabled");

    public static string TargetDisabled(Language l, string schedule, string target, string reason) => T(
        l,
        $"Der Überblick „{schedule}“ an {target} ist abgeschaltet, weil die Zustellung wiederholt scheiterte ({reason}). Nach der Behebung bitte neu abonnieren.",
        $"The digest \"{schedule}\" to {target} is switched off because delivery kept failing ({reason}). Once fixed, please subscribe again.");

    public static string MoreArticles(Language l, int count) => T(
        l,
        count == 1 ? "Dazu 1 weiterer neuer Artikel: /articles" : $"Dazu {count} weitere neue Artikel: /articles",
        count == 1 ? "Plus 1 more new article: /articles" : $"Plus {count} more new articles: /articles");
}
