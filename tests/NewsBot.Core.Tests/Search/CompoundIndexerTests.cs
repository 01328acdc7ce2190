using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.Search;

/// <summary>A cold build splits compounds over the cores in runs of passages: the postings must be those of one pass.</summary>
public sealed class CompoundIndexerTests
{
    private static readonly HashSet<string> Vocabulary = ["aussen", "minister", "ministerin", "regierung", "chef", "staat", "oberhaupt", "sprecher", "bund", "senden", "gebuhr", "lehren", "zertifikat"];

    private static readonly string[] Words = ["Außenministerin", "Regierungschef", "Staatsoberhaupt", "Kremlsprecher", "Bundesaußenminister", "Sendegebühren", "Lehrzertifikat", "Verhandlung", "Chef", "Hausboot"];

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Parts_split_in_runs_give_the_postings_of_one_pass(int runs)
    {
        var once = Postings(1);
        var split = Postings(runs);

        Assert.Equal(once.Keys, split.Keys);
        foreach (var (term, postings) in once)
        {
            Assert.Equal(postings, split[term]);
        }

        // The test means something: parts were added, one of them merged into a list the passages' own words had.
        Assert.Contains(TextAnalyzer.Term("sprecher")!, once.Keys);
        Assert.True(once[TextAnalyzer.Term("chef")!].Length > Own().Count);
    }

    private static Dictionary<string, CorpusIndex.Posting[]> Postings(int runs)
    {
        var indexer = new CompoundIndexer(new CompoundSplitter(Vocabulary.Contains));
        for (var p = 0; p < 60; p++)
        {
            // Passages of 2 to 6 words in a fixed pseudo-random mix, so runs cut between passages that share parts.
            indexer.Remember(p, string.Join(' ', Enumerable.Range(0, 2 + (p % 5)).Select(w => Words[((p * 7) + (w * 3)) % Words.Length])));
        }

        var postings = new Dictionary<string, CorpusIndex.Posting[]>(StringComparer.Ordinal) { [TextAnalyzer.Term("chef")!] = [.. Own()] };
        indexer.AddParts(postings, term => term == TextAnalyzer.Term("kreml"), runs);
        return postings;
    }

    /// <summary>The passages whose own word "Chef" is already in the postings before parts are added.</summary>
    private static List<CorpusIndex.Posting> Own() => [new(4, 1), new(17, 2), new(59, 1)];
}
