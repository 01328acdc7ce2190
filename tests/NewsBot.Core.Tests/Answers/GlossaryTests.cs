using NewsBot.Core.Answers;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Answers;

public sealed class GlossaryTests
{
    [Theory]
    [InlineData("innerhalb von 24 Stunden", Language.German, "within 24 hours")]
    [InlineData("bis Mitternacht", Language.German, "until midnight")]
    [InlineData("am 3. März 2025", Language.German, "3 March 2025")]
    [InlineData("rund 12.500 Euro", Language.German, "about 12,500 Euro")]
    [InlineData("72 Mrd. Dollar", Language.German, "72 billion Dollar")]
    [InlineData("Riad", Language.German, "Riyadh")]
    [InlineData("since Thursday", Language.English, "seit Donnerstag")]
    public void A_short_answer_is_given_in_the_askers_words_for_dates_times_amounts_and_places(string phrase, Language from, string expected) =>
        Assert.Equal(expected, Glossary.Gloss(phrase, from));

    [Fact]
    public void A_phrase_with_nothing_to_translate_has_no_gloss() =>
        Assert.Null(Glossary.Gloss("Hans Van Bylen", Language.German));
}
