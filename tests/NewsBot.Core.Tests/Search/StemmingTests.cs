using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.Search;

/// <summary>Every form of a word must reach the same index term, or a translation of the base form misses the inflected text.</summary>
public sealed class StemmingTests
{
    [Theory]
    [InlineData("jährlich", "jährliche", "jährlichen", "jährlicher")]
    [InlineData("politisch", "politische", "politischen", "politisches")]
    [InlineData("Möglichkeit", "Möglichkeiten")]
    [InlineData("Freiheit", "Freiheiten")]
    [InlineData("Insel", "Inseln")]
    [InlineData("Regel", "Regeln")]
    [InlineData("Prozess", "Prozesse", "Prozessen", "Prozesses")]
    [InlineData("Ergebnis", "Ergebnisse", "Ergebnissen")]
    [InlineData("process", "processes")]
    [InlineData("city", "cities")]
    [InlineData("meeting", "meetings")]
    public void Inflected_forms_meet_their_base_form(params string[] forms)
    {
        var terms = forms.Select(TextAnalyzer.Term).Distinct().ToList();

        Assert.Single(terms);
    }

    [Theory]
    [InlineData("jährlich", "Jahr")]
    [InlineData("politisch", "Politik")]
    public void A_derived_word_stays_apart_from_its_root(string derived, string root) =>
        Assert.NotEqual(TextAnalyzer.Term(root), TextAnalyzer.Term(derived));

    [Theory]
    [InlineData("denen")]
    [InlineData("whose")]
    [InlineData("many")]
    [InlineData("viele")]
    public void Pronouns_and_quantities_of_questions_are_stop_words(string word) => Assert.Null(TextAnalyzer.Term(word));
}
