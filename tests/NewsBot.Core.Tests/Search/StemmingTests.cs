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

    [Theory]
    [InlineData("welchem")]
    [InlineData("welchen")]
    [InlineData("wessen")]
    [InlineData("wem")]
    [InlineData("Wozu")]
    [InlineData("worauf")]
    [InlineData("worüber")]
    [InlineData("weshalb")]
    public void German_question_words_in_every_case_and_the_wo_pronouns_are_stop_words(string word) => Assert.Null(TextAnalyzer.Term(word));

    [Theory]
    [InlineData("darf")]
    [InlineData("durfte")]
    [InlineData("mussten")]
    [InlineData("konnte")]
    [InlineData("sollte")]
    [InlineData("möchte")]
    [InlineData("keinen")]
    [InlineData("Keine")]
    public void German_modal_verbs_in_every_form_and_the_negating_article_are_stop_words(string word) => Assert.Null(TextAnalyzer.Term(word));

    [Fact]
    public void A_german_question_weighs_only_its_content_words()
    {
        // "welchem" and "Wozu" have no English translation: as concepts they would weigh as much as the rarest name and
        // no English sentence could cover them ("velch" and "vosu" are the terms they had).
        var concepts = InstalledDictionary.Translator.Plan(new SearchQuery("Wozu führte der Krieg in welchem Land?"), _ => true);

        Assert.DoesNotContain(concepts, c => c.Terms.ContainsKey("velch") || c.Terms.ContainsKey("vosu"));
        Assert.Contains(concepts, c => c.Terms.ContainsKey(TextAnalyzer.Term("Land")!));
    }
}
