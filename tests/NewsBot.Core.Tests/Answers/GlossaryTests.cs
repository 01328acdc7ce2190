using NewsBot.Core.Answers;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Answers;

public sealed class GlossaryTests
{
    [Theory]
    [InlineData("innerhalb von 24 Stunden", Language.German, "within 24 hours")]
    [InlineData("bis Mitternacht", Language.German, "until midnight")]
    [InlineData("0,08 Prozent pro Jahr", Language.German, "0.08 percent per year")]
    [InlineData("ab sofort", Language.German, "immediately")]
    [InlineData("am 3. März 2025", Language.German, "3 March 2025")]
    [InlineData("rund 12.500 Euro", Language.German, "about 12,500 euros")]
    [InlineData("72 Mrd. Dollar", Language.German, "72 billion dollars")]
    [InlineData("Riad", Language.German, "Riyadh")]
    [InlineData("since Thursday", Language.English, "seit Donnerstag")]
    [InlineData("48 million euros", Language.English, "48 Millionen Euro")]
    [InlineData("1 million dollars", Language.English, "1 Million Dollar")]
    [InlineData("1 Million Euro", Language.German, "1 million euros")]
    [InlineData("at least 800 mln dlrs", Language.English, "mindestens 800 Millionen Dollar")]
    [InlineData("mindestens 20 Euro", Language.German, "at least 20 euros")]
    [InlineData("1.9 pct", Language.English, "1,9 Prozent")]
    [InlineData("around nine billion euros", Language.English, "rund neun Milliarden Euro")]
    [InlineData("16.30 Uhr", Language.German, "16:30")]
    [InlineData("um 9 Uhr", Language.German, "9:00")]
    [InlineData("fünf bis zehn Prozent", Language.German, "five to ten percent")]
    [InlineData("around fifteen years", Language.English, "rund fünfzehn Jahre")]
    [InlineData("around fifteen years ago", Language.English, "vor rund fünfzehn Jahren")]
    [InlineData("vor 27 Jahren", Language.German, "27 years ago")]
    [InlineData("70-jähriger", Language.German, "70-year-old")]
    [InlineData("15-Jähriger", Language.German, "15-year-old")] // the noun, capitalised: "ein 15-Jähriger"
    [InlineData("more than 13 mln hectares", Language.English, "mehr als 13 Millionen Hektar")]
    [InlineData("weniger als 700 Tonnen", Language.German, "less than 700 tonnes")]
    [InlineData("late December", Language.English, "Ende Dezember")]
    [InlineData("on March 8", Language.English, "am 8. März")] // the day first in German
    [InlineData("March 8th, 2020", Language.English, "8. März 2020")]
    [InlineData("until March 31", Language.English, "bis 31. März")]
    [InlineData("Anfang März 2019", Language.German, "early March 2019")]
    public void A_short_answer_is_given_in_the_askers_words_for_dates_times_amounts_and_places(string phrase, Language from, string expected) =>
        Assert.Equal(expected, Glossary.Gloss(phrase, from));

    [Theory]
    [InlineData("at least 56 deaths", Language.English)]
    [InlineData("über 200 Verletzte", Language.German)]
    public void A_number_whose_noun_has_no_gloss_is_not_glossed_half(string phrase, Language from) =>
        Assert.Null(Glossary.Gloss(phrase, from));

    [Theory]
    [InlineData("rund 130 Webseiten", Language.German, "websites", "Webseiten", "about 130 websites")]
    [InlineData("four million people overall", Language.English, "Menschen", "people", "vier Millionen Menschen overall")]
    public void A_counted_noun_is_given_in_the_askers_word(string phrase, Language from, string noun, string counted, string expected) =>
        Assert.Equal(expected, Glossary.Gloss(phrase, from, counted: (noun, w => w == counted)));

    [Theory]
    [InlineData("587,000 square kilometres", Language.English, "Quadratkilometer", "587.000 Quadratkilometer")]
    [InlineData("1011 metric tonnes", Language.English, "Tonnen", "1011 Tonnen")]
    public void A_counted_noun_written_in_two_words_is_given_once(string phrase, Language from, string noun, string expected) =>
        Assert.Equal(expected, Glossary.Gloss(phrase, from, counted: (noun, w => !char.IsDigit(w[0]))));

    [Theory]
    [InlineData("Theresa May", Language.English)]
    [InlineData("Kerstin Freitag", Language.German)]
    public void A_name_is_not_translated_as_a_month_or_a_weekday(string name, Language from) =>
        Assert.Null(Glossary.Gloss(name, from, facts: false));

    [Fact]
    public void A_phrase_with_nothing_to_translate_has_no_gloss() =>
        Assert.Null(Glossary.Gloss("Hans Van Bylen", Language.German));
}
