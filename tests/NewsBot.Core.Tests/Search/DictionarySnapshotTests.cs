using NewsBot.Retrieval.Search;
using NewsBot.Tests.Shared;

namespace NewsBot.Core.Tests.Search;

public sealed class DictionarySnapshotTests
{
    /// <summary>A verb entry with its forms (the sample's one verb entry pairs two infinitives with one form each, so it gives none).</summary>
    private const string VerbEntry = "\nvorschlagen {vt} | vorschlagend | vorgeschlagen | schlägt vor | schlug vor :: to propose | proposing | proposed | proposes | proposed\n"
        + "führen {vt} | führend | geführt :: to lead sb./sth. {led; led} | leading | led\n";

    private static (string Path, string Snapshots) WriteSample(string extra = "")
    {
        var folder = TestPaths.NewTempFolder();
        var path = Path.Combine(folder, "de-en");
        File.WriteAllText(path, DictionaryTests.Sample + extra);
        return (path, Path.Combine(folder, "cache"));
    }

    private static string[] Everything(BilingualDictionary d) =>
        [.. new[] { "treffen", "meet", "Schloss", "castle", "Sprecher", "spokesman", "Hafen", "harbor", "Warschau", "Warsaw" }
            .SelectMany(w => new[] { TranslationDirection.GermanToEnglish, TranslationDirection.EnglishToGerman }
                .SelectMany(dir => d.Translate(TextAnalyzer.Term(w)!, dir).Select(t => $"{w}>{dir}>{t.Terms}:{t.Count}")))];

    [Fact]
    public void The_second_load_reads_the_snapshot_and_translates_exactly_like_the_parsed_file()
    {
        var (path, snapshots) = WriteSample(VerbEntry);

        var parsed = BilingualDictionary.Load(path, snapshots);
        var restored = BilingualDictionary.Load(path, snapshots);

        Assert.False(parsed.FromSnapshot);
        Assert.True(restored.FromSnapshot);
        Assert.Equal(parsed.Entries, restored.Entries);
        Assert.Equal(Everything(parsed), Everything(restored));
        Assert.NotEmpty(Everything(restored));
        Assert.Equal(parsed.IsGermanWord("sprecher"), restored.IsGermanWord("sprecher"));
        Assert.True(restored.IsGermanWord("sprecher"));
        Assert.NotEmpty(restored.GermanVerbs.Forms);
        Assert.Equal(parsed.GermanVerbs.Forms, restored.GermanVerbs.Forms);
        Assert.Equal(parsed.GermanVerbs.Particles, restored.GermanVerbs.Particles);
        Assert.Equal(parsed.GermanVerbs.Verbs, restored.GermanVerbs.Verbs);
        Assert.NotEmpty(restored.EnglishVerbs.Forms);
        Assert.Equal(parsed.EnglishVerbs.Forms, restored.EnglishVerbs.Forms);
    }

    [Fact]
    public void A_translator_that_only_indexes_splits_compounds_from_the_snapshots_german_words_alone()
    {
        var (path, snapshots) = WriteSample(VerbEntry);
        string[] words = ["hafensprecher", "burgschmied", "schlosshafen", "aussenministersprecher", "hafen", "zzzqxsprecher"];

        // No snapshot yet: the dictionary is parsed (and its snapshot written) as without the setting.
        var first = QueryTranslator.FromFile(path, snapshotFolder: snapshots);
        first.IndexingOnly = true;
        var parsed = words.Select(w => string.Join(" ", first.Splitter!.Split(w))).ToList();
        Assert.True(first.DictionaryLoaded);
        Assert.Contains("hafen sprecher", parsed);

        var full = QueryTranslator.FromFile(path, snapshotFolder: snapshots);
        var indexing = QueryTranslator.FromFile(path, snapshotFolder: snapshots);
        indexing.IndexingOnly = true;

        Assert.Equal(parsed, words.Select(w => string.Join(" ", full.Splitter!.Split(w))));
        Assert.Equal(parsed, words.Select(w => string.Join(" ", indexing.Splitter!.Split(w))));
        Assert.False(indexing.DictionaryLoaded);
        Assert.True(full.DictionaryLoaded);
    }

    [Fact]
    public void A_snapshot_of_an_older_format_is_parsed_again_once_and_rewritten_with_the_verb_forms()
    {
        var (path, snapshots) = WriteSample(VerbEntry);
        BilingualDictionary.Load(path, snapshots);
        var snapshot = DictionarySnapshot.FileFor(snapshots, path);
        // Format 3 had no verb forms: its header names the older version (right after the magic string).
        var bytes = File.ReadAllBytes(snapshot);
        BitConverter.GetBytes(3).CopyTo(bytes, 1 + "NBDICT".Length);
        File.WriteAllBytes(snapshot, bytes);

        Assert.False(DictionarySnapshot.IsCurrent(snapshot, path));
        Assert.True(QueryTranslator.FromFile(path, snapshotFolder: snapshots).MustParse);
        var reloaded = BilingualDictionary.Load(path, snapshots);
        Assert.False(reloaded.FromSnapshot);
        Assert.NotEmpty(reloaded.GermanVerbs.Forms);
        Assert.True(DictionarySnapshot.IsCurrent(snapshot, path));
        var restored = BilingualDictionary.Load(path, snapshots);
        Assert.True(restored.FromSnapshot);
        Assert.Equal(reloaded.GermanVerbs.Forms, restored.GermanVerbs.Forms);
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
