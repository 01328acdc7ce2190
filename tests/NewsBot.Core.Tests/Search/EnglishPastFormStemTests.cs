using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.Search;

/// <summary>
/// An English past form meets its base where the suffix rule alone would not: a verb that drops a silent e ("named" is
/// "name", as "names" already was: "they named themselves" for "decided to name their flight") or doubles its final
/// consonant ("banned" is "ban").
/// </summary>
public sealed class EnglishPastFormStemTests
{
    [Theory]
    [InlineData("named", "name")]
    [InlineData("lived", "lives")]
    [InlineData("based", "base")]
    [InlineData("voted", "votes")]
    public void An_english_past_form_meets_its_base(string form, string other) =>
        Assert.Equal(TextAnalyzer.Term(other, Language.English), TextAnalyzer.Term(form, Language.English));

    [Theory]
    [InlineData("banned", "ban")]
    [InlineData("stopped", "stops")]
    [InlineData("transferred", "transfers")]
    public void An_english_form_that_doubles_its_consonant_meets_its_base(string form, string other) =>
        Assert.Equal(TextAnalyzer.Term(other, Language.English), TextAnalyzer.Term(form, Language.English));

    [Theory]
    [InlineData("added")] // a base of two letters keeps its double: "add"
    [InlineData("filled")] // English keeps l, s, z and f doubled in the base
    [InlineData("missed")]
    [InlineData("staffed")]
    [InlineData("seeded")] // no doubled letter before -ed
    public void Forms_whose_base_keeps_its_double_keep_their_spelling(string word) =>
        Assert.Equal(TextAnalyzer.Term(word, Language.German), TextAnalyzer.Term(word, Language.English));

    [Theory]
    [InlineData("speed")] // a vowel before -ed: no past form
    [InlineData("owned")] // a vowel first: "own" has no silent e
    [InlineData("bowed")] // w, x and y end no such stem
    [InlineData("boxed")]
    public void Words_that_are_no_such_form_keep_their_spelling(string word) =>
        Assert.Equal(TextAnalyzer.Term(word, Language.German), TextAnalyzer.Term(word, Language.English));

    [Fact]
    public void Names_german_words_and_dictionary_keys_keep_their_spelling()
    {
        // A capitalised word may be a name, which a German question spells alike.
        Assert.Equal(TextAnalyzer.Term("Jared", Language.German), TextAnalyzer.Term("Jared", Language.English));
        Assert.Equal("named", TextAnalyzer.Term("named", Language.German));
        // The dictionary lists "named" as an entry of its own (benannt), filed under its own key.
        Assert.Equal("named", TextAnalyzer.KeyTerm("named", Language.English));
    }

    [Fact]
    public void A_question_with_the_past_form_finds_the_passage_with_the_base()
    {
        var index = CorpusIndex.Build(
        [
            TestCorpus.Parse("name", "name.txt", "date 2025-03-01\n\nThe settlers gave the new village the name of the river that runs through the valley below it.\n"),
            TestCorpus.Parse("built", "built.txt", "date 2025-03-01\n\nThe settlers built a new village by the river.\n"),
        ]);

        var hits = index.Search(new SearchQuery("Which village was named after the river?"), 5);

        Assert.Equal("name", hits[0].Passage.Article.Id);
    }
}
