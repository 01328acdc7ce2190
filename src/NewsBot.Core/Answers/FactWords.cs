using System.Globalization;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>
/// The words a short answer's date, time or amount is made of, in both languages: month and weekday names from the
/// platform's own culture data (de-DE, de-AT for "Jänner", en-US), and the small closed classes of units of time and
/// measure, scales, qualifiers and time-bounding prepositions. The dictionary knows these too, but stores folded index
/// terms and ranks rarer senses ("bis" → "to", "Mitternacht" → "twelve o'clock"), so a short answer's gloss would be wrong
/// or unreadable.
/// </summary>
internal static class FactWords
{
    private static readonly (string German, string English)[] ClosedClasses =
    [
        ("Sekunde", "second"), ("Sekunden", "seconds"), ("Minute", "minute"), ("Minuten", "minutes"),
        ("Stunde", "hour"), ("Stunden", "hours"), ("Tag", "day"), ("Tage", "days"), ("Tagen", "days"),
        ("Woche", "week"), ("Wochen", "weeks"), ("Monat", "month"), ("Monate", "months"), ("Monaten", "months"),
        ("Jahr", "year"), ("Jahre", "years"), ("Jahren", "years"), ("Jahrzehnt", "decade"), ("Jahrzehnte", "decades"),
        ("Mitternacht", "midnight"), ("Mittag", "noon"), ("heute", "today"), ("gestern", "yesterday"),
        // Which part of a period ("Ende Dezember", "early March").
        ("Anfang", "early"), ("Mitte", "mid"), ("Ende", "late"),
        ("Prozent", "percent"),
        ("zwei", "two"), ("drei", "three"), ("vier", "four"), ("fünf", "five"), ("sechs", "six"), ("sieben", "seven"),
        ("acht", "eight"), ("neun", "nine"), ("zehn", "ten"), ("elf", "eleven"), ("zwölf", "twelve"), ("dreizehn", "thirteen"),
        ("vierzehn", "fourteen"), ("fünfzehn", "fifteen"), ("sechzehn", "sixteen"), ("siebzehn", "seventeen"),
        ("achtzehn", "eighteen"), ("neunzehn", "nineteen"), ("zwanzig", "twenty"), ("dreißig", "thirty"), ("vierzig", "forty"),
        ("fünfzig", "fifty"), ("sechzig", "sixty"), ("siebzig", "seventy"), ("achtzig", "eighty"), ("neunzig", "ninety"),
        ("hundert", "hundred"),
        // A scale after a number is plural in German ("48 Millionen"), so the plural comes first for the way back.
        ("Tausend", "thousand"), ("Tsd", "thousand"), ("Millionen", "million"), ("Million", "million"), ("Mio", "million"),
        ("Milliarden", "billion"), ("Milliarde", "billion"), ("Mrd", "billion"), ("Billionen", "trillion"), ("Billion", "trillion"),
        ("Euro", "euros"), ("Euro", "euro"), ("Dollar", "dollars"), ("Pfund", "pounds"),
        ("Millionen", "mln"), ("Milliarden", "bln"), ("Dollar", "dlrs"), ("Dollar", "dlr"), ("Pfund", "stg"), ("Prozent", "pct"),
        ("bis", "until"), ("bis", "to"), ("ab", "from"), ("seit", "since"), ("innerhalb", "within"), ("binnen", "within"),
        ("rund", "about"), ("etwa", "about"), ("knapp", "almost"), ("fast", "almost"), ("rund", "around"), ("fast", "nearly"),
        ("mindestens", "at least"), ("höchstens", "at most"), ("mehr als", "more than"), ("weniger als", "less than"),
        ("weniger als", "fewer than"), ("bis zu", "up to"), ("pro", "per"), ("sofort", "immediately"), ("ab sofort", "immediately"),
        ("Hektar", "hectares"), ("Tonnen", "tonnes"), ("Tonnen", "tons"), ("Kilometer", "kilometres"), ("Kilometer", "kilometers"),
        ("Meter", "metres"), ("Meter", "meters"), ("Meilen", "miles"), ("Kilogramm", "kilograms"), ("Liter", "litres"),
        ("Liter", "liters"), ("Barrel", "barrels"),
    ];

    private static readonly Dictionary<string, string> ToEnglish = Build(english: true);
    private static readonly Dictionary<string, string> ToGerman = Build(english: false);

    private static readonly Dictionary<string, string> SingularScales = new(StringComparer.Ordinal)
    {
        ["Millionen"] = "Million", ["Milliarden"] = "Milliarde", ["Billionen"] = "Billion",
        ["euros"] = "euro", ["dollars"] = "dollar", ["pounds"] = "pound",
    };

    /// <summary>
    /// The word in the other language, or null when it is none of these; "von" after "innerhalb" is dropped (""). After
    /// "1", "one" or "a" a scale or currency is singular ("1 Million", "1 euro").
    /// </summary>
    public static string? Translate(string word, TranslationDirection direction, bool afterOne = false)
    {
        if (direction == TranslationDirection.GermanToEnglish && word is "von" or "vom")
        {
            return "";
        }

        if (!(direction == TranslationDirection.GermanToEnglish ? ToEnglish : ToGerman).TryGetValue(word, out var other))
        {
            return null;
        }

        return afterOne && SingularScales.TryGetValue(other, out var singular) ? singular : other;
    }

    private static Dictionary<string, string> Build(bool english)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var en = CultureInfo.GetCultureInfo("en-US").DateTimeFormat;
        foreach (var german in new[] { "de-DE", "de-AT" }.Select(c => CultureInfo.GetCultureInfo(c).DateTimeFormat))
        {
            for (var i = 0; i < 12; i++)
            {
                Add(map, german.MonthNames[i], en.MonthNames[i], english);
            }

            for (var i = 0; i < 7; i++)
            {
                Add(map, german.DayNames[i], en.DayNames[i], english);
            }
        }

        foreach (var (german, other) in ClosedClasses)
        {
            Add(map, german, other, english);
        }

        return map;
    }

    /// <summary>The first pair for a word wins: "days" goes back to "Tage", not "Tagen".</summary>
    private static void Add(Dictionary<string, string> map, string german, string english, bool toEnglish)
    {
        if (german.Length > 0 && english.Length > 0)
        {
            map.TryAdd(toEnglish ? german : english, toEnglish ? english : german);
        }
    }
}
