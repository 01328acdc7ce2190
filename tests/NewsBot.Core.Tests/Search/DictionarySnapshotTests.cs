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
}
