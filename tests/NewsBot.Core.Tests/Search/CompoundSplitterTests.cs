using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.Search;

public sealed class CompoundSplitterTests
{
    private static readonly HashSet<string> Vocabulary = ["aussen", "minister", "ministerin", "regierung", "chef", "staat", "oberhaupt", "kreml", "sprecher", "haus", "bund", "senden", "gebuhr", "lehren", "zertifikat"];

    private static readonly CompoundSplitter Splitter = new(Vocabulary.Contains);

    [Theory]
    [InlineData("aussenministerin", "aussen ministerin")]
    [InlineData("aussenministers", "aussen ministers")]
    [InlineData("regierungschef", "regierung chef")]
    [InlineData("staatsoberhaupt", "staat oberhaupt")]
    [InlineData("kremlsprecher", "kreml sprecher")]
    [InlineData("bundesaussenminister", "bund aussen minister")]
    [InlineData("sendegebuhren", "sende gebuhren")]
    [InlineData("lehrzertifikat", "lehr zertifikat")]
    public void Compounds_split_into_known_words(string word, string parts) => Assert.Equal(parts.Split(' '), Splitter.Split(word));

    [Theory]
    [InlineData("minister")]
    [InlineData("haus")]
    [InlineData("verhandlung")]
    [InlineData("hausboot")]
    [InlineData("2025er")]
    public void Words_that_are_no_compounds_of_known_words_stay_whole(string word) => Assert.Empty(Splitter.Split(word));

    [Theory]
    [InlineData("aussenministerin")]
    [InlineData("bundesaussenminister")]
    [InlineData("sendegebuhren")]
    [InlineData("lehrzertifikat")]
    [InlineData("verhandlung")]
    public void A_vocabulary_asked_by_span_splits_as_one_asked_by_string(string word)
    {
        // The index's splitter asks by span (no string per candidate part); the parts must be the same.
        var lookup = Vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        var asked = new List<string>();
        var bySpan = CompoundSplitter.OfSpans(part =>
        {
            asked.Add(part.ToString());
            return lookup.Contains(part);
        });

        Assert.Equal(Splitter.Split(word), bySpan.Split(word));
        Assert.NotEmpty(asked);
    }

    [Fact]
    public void Index_finds_a_compound_by_its_part()
    {
        var dictionary = BilingualDictionary.Parse(["Kreml {m} :: Kremlin", "Sprecher {m} :: spokesman", "Kremlsprecher {m} :: Kremlin spokesman"]);
        var article = TestCorpus.Parse("kreml", "kreml.txt", "date 2025-02\n\nKremlsprecher Dmitri Peskow erklärte die Bereitschaft.\n");
        var other = TestCorpus.Parse("hafen", "hafen.txt", "date 2025-02\n\nDer Sprecher des Hafens erklärte die Pläne.\n");

        var plain = CorpusIndex.Build([article, other]);
        var split = CorpusIndex.Build([article, other], QueryTranslator.From(dictionary));

        Assert.False(plain.Contains(TextAnalyzer.Term("Kreml")!));
        Assert.True(split.Contains(TextAnalyzer.Term("Kreml")!));
        Assert.Equal("kreml", split.Search(new SearchQuery("Sprecher Kreml"), 2)[0].Passage.Article.Id);
    }
}
