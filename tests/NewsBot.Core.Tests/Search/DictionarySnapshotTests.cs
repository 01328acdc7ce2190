using NewsBot.Retrieval.Search;
using NewsBot.Tests.Shared;

namespace NewsBot.Core.Tests.Search;

public sealed class DictionarySnapshotTests
{
    private static (string Path, string Snapshots) WriteSample()
    {
        var folder = TestPaths.NewTempFolder();
        var path = Path.Combine(folder, "de-en");
        File.WriteAllText(path, DictionaryTests.Sample);
        return (path, Path.Combine(folder, "cache"));
    }

    private static string[] Everything(BilingualDictionary d) =>
        [.. new[] { "treffen", "meet", "Schloss", "castle", "Sprecher", "spokesman", "Hafen", "harbor", "Warschau", "Warsaw" }
            .SelectMany(w => new[] { TranslationDirection.GermanToEnglish, TranslationDirection.EnglishToGerman }
                .SelectMany(dir => d.Translate(TextAnalyzer.Term(w)!, dir).Select(t => $"{w}>{dir}>{t.Terms}:{t.Count}")))];

    [Fact]
    public void The_second_load_reads_the_snapshot_and_translates_exactly_like_the_parsed_file()
    {
        var (path, snapshots) = WriteSample();

        var parsed = BilingualDictionary.Load(path, snapshots);
        var restored = BilingualDictionary.Load(path, snapshots);

        Assert.False(parsed.FromSnapshot);
        Assert.True(restored.FromSnapshot);
        Assert.Equal(parsed.Entries, restored.Entries);
        Assert.Equal(Everything(parsed), Everything(restored));
        Assert.NotEmpty(Everything(restored));
        Assert.Equal(parsed.IsGermanWord("sprecher"), restored.IsGermanWord("sprecher"));
        Assert.True(restored.IsGermanWord("sprecher"));
    }

    [Fact]
    public void A_changed_dictionary_file_is_parsed_again()
    {
        var (path, snapshots) = WriteSample();
        BilingualDictionary.Load(path, snapshots);

        File.AppendAllText(path, "\nBrücke {f} :: bridge\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var reloaded = BilingualDictionary.Load(path, snapshots);

        Assert.False(reloaded.FromSnapshot);
        Assert.Contains(TextAnalyzer.Term("bridge"), reloaded.Translate(TextAnalyzer.Term("Brücke")!, TranslationDirection.GermanToEnglish).Select(t => t.Terms));
    }

    [Fact]
    public void A_corrupt_snapshot_is_ignored_and_replaced()
    {
        var (path, snapshots) = WriteSample();
        BilingualDictionary.Load(path, snapshots);
        var snapshot = DictionarySnapshot.FileFor(snapshots, path);
        File.WriteAllBytes(snapshot, File.ReadAllBytes(snapshot)[..100]);

        var reloaded = BilingualDictionary.Load(path, snapshots);
        Assert.False(reloaded.FromSnapshot);
        Assert.NotEmpty(Everything(reloaded));
        Assert.True(BilingualDictionary.Load(path, snapshots).FromSnapshot);
    }

    [Fact]
    public void A_snapshot_whose_tables_do_not_fit_together_is_parsed_again()
    {
        var (path, snapshots) = WriteSample();
        var parsed = BilingualDictionary.Load(path, snapshots);
        var snapshot = DictionarySnapshot.FileFor(snapshots, path);
        var bytes = File.ReadAllBytes(snapshot);
        // The header and every array length stay intact; the phrase table's hash slots name phrases that do not exist.
        using (var reader = new BinaryReader(new MemoryStream(bytes)))
        {
            reader.ReadString();
            reader.BaseStream.Position += 4 + 8 + 8 + 4; // version, source size and time, entries
            var characters = reader.ReadInt32();
            reader.BaseStream.Position += characters * 2L;
            var starts = reader.ReadInt32();
            reader.BaseStream.Position += starts * 4L;
            var slots = reader.ReadInt32();
            bytes.AsSpan((int)reader.BaseStream.Position, slots * 4).Fill(0x7F);
        }

        File.WriteAllBytes(snapshot, bytes);

        var reloaded = BilingualDictionary.Load(path, snapshots);

        Assert.False(reloaded.FromSnapshot);
        Assert.Equal(Everything(parsed), Everything(reloaded));
    }

    [Fact]
    public void The_real_dictionary_read_from_its_snapshot_knows_every_word_the_parsed_one_knows()
    {
        var path = SearchOptions.DefaultDictionaryPath;
        if (!File.Exists(path))
        {
            return;
        }

        var snapshots = TestPaths.NewTempFolder();
        var parsed = BilingualDictionary.Load(path, snapshots);
        var restored = BilingualDictionary.Load(path, snapshots);

        Assert.True(restored.FromSnapshot);
        Assert.Equal(parsed.Phrases, restored.Phrases);
        Assert.Equal(parsed.GermanWordCount, restored.GermanWordCount);
        string[] words = ["regierung", "minister", "aussenminister", "haus", "kreml", "castle", "zzzqx"];
        Assert.Equal(words.Select(parsed.IsGermanWord), words.Select(restored.IsGermanWord));
        foreach (var (word, direction) in new[] { ("Regierung", TranslationDirection.GermanToEnglish), ("government", TranslationDirection.EnglishToGerman), ("harvest", TranslationDirection.EnglishToGerman), ("Ernte", TranslationDirection.GermanToEnglish) })
        {
            var term = TextAnalyzer.Term(word)!;
            Assert.NotEmpty(parsed.Translate(term, direction));
            Assert.Equal(parsed.Translate(term, direction), restored.Translate(term, direction));
        }
    }
}
