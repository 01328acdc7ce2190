using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.Search;

/// <summary>English writes the article and "other" as one word: "another" is "other" to the search.</summary>
public sealed class AnotherTests
{
    [Fact]
    public void Another_is_other_in_english_text_and_of_unknown_language()
    {
        Assert.Equal(TextAnalyzer.Term("other", Language.English), TextAnalyzer.Term("another", Language.English));
        Assert.Equal(TextAnalyzer.Term("other"), TextAnalyzer.Term("Another"));
        Assert.Equal(TextAnalyzer.Term("other", Language.English), TextAnalyzer.KeyTerm("another", Language.English));
    }

    [Fact]
    public void A_question_about_the_other_one_finds_the_passage_that_says_another()
    {
        var index = CorpusIndex.Build(
        [
            TestCorpus.Parse("another", "another.txt", "date 2025-03-01\n\nAnother bridge crosses the river further down the valley, next to the old mill and the church.\n"),
            TestCorpus.Parse("bridge", "bridge.txt", "date 2025-03-01\n\nA bridge crosses the river.\n"),
        ]);

        var hits = index.Search(new SearchQuery("Which other bridge crosses the river?"), 5);

        Assert.Equal("another", hits[0].Passage.Article.Id);
    }
}
