using NewsBot.Retrieval.Articles;

namespace NewsBot.Core.Tests.Articles;

public sealed class SentencesTests
{
    [Fact]
    public void Quotes_stay_inside_their_sentence()
    {
        var sentences = Sentences.Split("»Das Gespräch war, so denke ich, sehr nützlich«, sagte Lawrow bei einer Pressekonferenz in Riad. Beide Seiten hätten einander zugehört.");
        Assert.Equal(2, sentences.Count);
        Assert.StartsWith("»Das Gespräch war", sentences[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Abbreviations_and_dates_do_not_end_sentences()
    {
        var sentences = Sentences.Split("Das Treffen fand am 18. Februar statt. Dr. Weber sagte z. B. nichts dazu.");
        Assert.Equal(["Das Treffen fand am 18. Februar statt.", "Dr. Weber sagte z. B. nichts dazu."], sentences);
    }

    [Fact]
    public void A_quote_that_ends_its_sentence_ends_it_where_it_closes()
    {
        var sentences = Sentences.Split("The minister called the attack \"an act of barbarity.\" He said \"I can't find the words. It is sad.\" Police made an arrest. Sie sagte: „Wir kommen wieder.“ Danach ging sie. „Wir bleiben.“, sagte er.");
        Assert.Equal(
            ["The minister called the attack \"an act of barbarity.\"", "He said \"I can't find the words. It is sad.\"", "Police made an arrest.",
             "Sie sagte: „Wir kommen wieder.“", "Danach ging sie.", "„Wir bleiben.“, sagte er."],
            sentences);
    }
}
