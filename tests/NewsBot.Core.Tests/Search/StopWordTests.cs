using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.Search;

/// <summary>Stop words are per language: a German function word may be an English content word, and the other way round.</summary>
public sealed class StopWordTests
{
    [Theory]
    [InlineData("die")]
    [InlineData("war")]
    [InlineData("man")]
    [InlineData("Die")]
    public void German_stop_words_are_words_of_english_text(string word)
    {
        Assert.NotNull(TextAnalyzer.Term(word, Language.English));
        Assert.Null(TextAnalyzer.Term(word, Language.German));
        // A word of unknown language is dropped when either language calls it a stop word.
        Assert.Null(TextAnalyzer.Term(word));
    }

    [Theory]
    [InlineData("the")]
    [InlineData("and")]
    public void German_text_drops_the_english_function_words_of_its_english_names_and_quotes(string word) =>
        Assert.Null(TextAnalyzer.Term(word, Language.German));

    [Theory]
    [InlineData("the", Language.English)]
    [InlineData("am", Language.English)]
    [InlineData("der", Language.German)]
    [InlineData("also", Language.German)]
    public void Each_language_drops_its_own_function_words(string word, Language language) =>
        Assert.Null(TextAnalyzer.Term(word, language));

    [Fact]
    public void English_text_keeps_die_and_war_where_german_text_drops_them()
    {
        Assert.Equal([TextAnalyzer.Term("Doris")!, TextAnalyzer.Term("Day")!, "die"], TextAnalyzer.Terms("Where did Doris Day die?", Language.English));
        Assert.Equal([TextAnalyzer.Term("Regierung")!, TextAnalyzer.Term("stabil")!], TextAnalyzer.Terms("Die Regierung war stabil", Language.German));
        Assert.Contains(TextAnalyzer.Term("war", Language.English)!, TextAnalyzer.Terms("The war ended in 1945.", Language.English));
    }

    [Fact]
    public void Short_english_verbs_meet_their_forms_but_a_german_song_stays_a_song()
    {
        // "died" and "dies" keep four letters, too short for the general suffix rule.
        Assert.Equal(
            [TextAnalyzer.Term("die", Language.English)],
            new[] { "die", "died", "dies" }.Select(w => TextAnalyzer.Term(w, Language.English)).Distinct());
        Assert.Equal("lied", TextAnalyzer.Term("Lied", Language.German));
    }

    [Fact]
    public void An_english_question_about_war_finds_the_english_passage_and_no_german_one_by_its_war()
    {
        var index = CorpusIndex.Build(
        [
            TestCorpus.Parse("truce", "truce.txt", "date 2025-03-01\n\nThe war between the two villages ended with a truce signed at the river.\n"),
            TestCorpus.Parse("wahl", "wahl.txt", "date 2025-03-01\n\nDie Wahl war knapp, die Beteiligung war hoch und die Stimmung war gut.\n"),
        ]);

        var hits = index.Search(new SearchQuery("Which war ended?"), 5);

        Assert.Equal("truce", Assert.Single(hits).Passage.Article.Id);
    }

    [Fact]
    public void A_german_question_about_a_war_finds_the_english_passage_through_the_dictionary()
    {
        // The dictionary's English side keeps "war" ("Krieg :: war"): it was dropped as a German stop word before.
        var index = CorpusIndex.Build(
        [
            TestCorpus.Parse("truce", "truce.txt", "date 2025-03-01\n\nThe war between the two villages ended with a truce signed at the river.\n"),
            TestCorpus.Parse("harbour", "harbour.txt", "date 2025-03-01\n\nThe two villages share a harbour at the river and signed a lease for it.\n"),
        ],
        InstalledDictionary.Translator);

        var hits = index.Search(new SearchQuery("Wann endete der Krieg zwischen den Dörfern?"), 5);

        Assert.Equal("truce", hits[0].Passage.Article.Id);
        Assert.Contains(InstalledDictionary.Instance.Translate(TextAnalyzer.Term("Krieg", Language.German)!, TranslationDirection.GermanToEnglish), t => t.Terms == TextAnalyzer.Term("war", Language.English));
    }

    [Fact]
    public void An_english_question_with_a_short_verb_form_meets_the_german_form_the_dictionary_gives_for_it()
    {
        // "died" is looked up as "died" (gestorben, starb), not as "die", whose kept translations are the noun's (Würfel, Matrize).
        var index = CorpusIndex.Build(
        [
            TestCorpus.Parse("maler", "maler.txt", "date 2025-03-01\n\nDer alte Maler starb in einem Dorf am Fluss.\n"),
            TestCorpus.Parse("dorf", "dorf.txt", "date 2025-03-01\n\nDer alte Maler malte das Dorf am Fluss und den Maler im Dorf.\n"),
        ],
        InstalledDictionary.Translator);

        var hits = index.Search(new SearchQuery("In which village by the river has the old painter died?"), 5);

        Assert.Equal("maler", hits[0].Passage.Article.Id);
    }
}
