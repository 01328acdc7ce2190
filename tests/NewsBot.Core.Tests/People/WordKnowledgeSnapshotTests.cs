using NewsBot.Retrieval.People;
using NewsBot.Tests.Shared;

namespace NewsBot.Core.Tests.People;

public sealed class WordKnowledgeSnapshotTests
{
    private static readonly string[] Lines =
    [
        "# a few entries in the trans-de-en format",
        "Richter {m}; Richterin {f} :: judge",
        "Tag {m} :: day",
        "schnell {adj} :: fast",
        "Lena {f} (Fluss) :: Lena (river)",
        "Bestwig (Stadt in Deutschland) [geogr.] :: Bestwig (town in Germany)",
        "Aschkelon (Stadt in Israel) [geogr.] :: Ashkelon (town in Israel)",
        "Kurland {n} (Region in Lettland) [geogr.] :: Courland (region in Latvia)",
    ];

    [Fact]
    public void Knowledge_read_from_its_snapshot_answers_as_the_scanned_text_and_a_changed_text_is_scanned_again()
    {
        var folder = TestPaths.NewTempFolder();
        var dictionary = Path.Combine(folder, "de-en.txt");
        File.WriteAllLines(dictionary, Lines);

        var scanned = WordKnowledge.ReadOrScan(dictionary, folder);
        var snapshot = WordKnowledgeSnapshot.FileFor(folder, dictionary);
        var read = WordKnowledge.ReadSnapshot(snapshot, dictionary);

        Assert.NotNull(read);
        Assert.Equal(Answers(scanned), Answers(read));
        Assert.Equal([true, true, true, false, true, true, true, false, false, true, true, false], Answers(read));

        File.AppendAllLines(dictionary, ["Haus {n} :: house"]);
        Assert.Null(WordKnowledge.ReadSnapshot(snapshot, dictionary));
        File.WriteAllText(snapshot, "damaged");
        Assert.Null(WordKnowledge.ReadSnapshot(snapshot, dictionary));
        Assert.True(WordKnowledge.ReadOrScan(dictionary, folder).IsGermanCommonWord("Haus"));
        Assert.True(WordKnowledge.ReadSnapshot(snapshot, dictionary)!.IsGermanCommonWord("Haus"));
    }

    [Fact]
    public void A_snapshot_whose_table_is_damaged_is_read_as_missing_and_scanned_again()
    {
        var folder = TestPaths.NewTempFolder();
        var dictionary = Path.Combine(folder, "de-en.txt");
        File.WriteAllLines(dictionary, Lines);
        _ = WordKnowledge.ReadOrScan(dictionary, folder);
        var snapshot = WordKnowledgeSnapshot.FileFor(folder, dictionary);

        // The first table's length, right after the header, made odd: a table the sets cannot use (its size is no power of two).
        var bytes = File.ReadAllBytes(snapshot);
        using (var reader = new BinaryReader(new MemoryStream(bytes)))
        {
            reader.ReadString();
            reader.ReadBytes(4 + 8 + 8);
            var at = (int)reader.BaseStream.Position;
            BitConverter.TryWriteBytes(bytes.AsSpan(at, 4), BitConverter.ToInt32(bytes, at) - 1);
        }

        File.WriteAllBytes(snapshot, bytes);

        Assert.Null(WordKnowledge.ReadSnapshot(snapshot, dictionary));
        Assert.True(WordKnowledge.ReadOrScan(dictionary, folder).IsGermanCommonWord("Tag"));
    }

    private static bool[] Answers(WordKnowledge knowledge) =>
    [
        knowledge.IsGermanCommonWord("Tag"),
        knowledge.IsGermanCommonWord("schnell"),
        knowledge.IsEnglishCommonWord("day"),
        knowledge.IsEnglishCommonWord("Lena"),
        knowledge.IsEnglishProperName("Lena"),
        knowledge.IsGermanPersonNoun("richterin"),
        knowledge.IsEnglishPersonNoun("judge"),
        knowledge.IsGermanPersonNoun("tag"),
        knowledge.IsGermanCommonWord("Lena"),
        // Two places are glossed as a "Stadt" and a town; one only as a region, which may be a slip.
        knowledge.IsPlaceKind("Stadt"),
        knowledge.IsPlaceKind("town"),
        knowledge.IsPlaceKind("Region"),
    ];
}
