using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using NewsBot.Retrieval.Articles;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// A binary copy of a parsed <see cref="BilingualDictionary"/> next to the corpus cache. Parsing the 25 MB text file costs
/// seconds of CPU and a transient peak of memory at every start; the snapshot holds the dictionary's flat arrays as they are in
/// memory (phrase characters and hash slots included), so reading it is a few bulk reads, with no per-phrase work.
/// It is keyed by the source file's size and write time and by <see cref="FormatVersion"/> (not by the build, so a Debug
/// and a Release build, or two test runs, share one snapshot): any change of the file or the layout re-parses the text.
/// </summary>
public static class DictionarySnapshot
{
    private const string Magic = "NBDICT";
    /// <summary>Bump when the layout or what the parser makes of the text changes.
    /// 5: the English side drops only English stop words ("war", "die" are English keys now).
    /// 6: English keys without the short-verb rule ("died" and "lies" are keys of their own, see TextAnalyzer.KeyTerm).
    /// 7: English translations stem verb forms that drop a silent e to their base, as English text does ("named" → "name"),
    /// and "another" is filed under "other".
    /// 8: the English irregular verbs (EnglishVerbTable).
    /// 9: German verb synonyms are split after their annotations are dropped ("(Last; Verantwortung) tragen" is one verb).
    /// 10: a German function word is no form of a content verb ("ohne" of an example, the misprint "wie ab").
    /// 11: English translations stem forms that double their final consonant to their base ("banned" → "ban").
    /// 12: a stop word that begins as its content verb stays its form ("gibt … auf" of "aufgeben").
    /// 13: interjections are no translations ("Baba!" is not "long" by "So long!"); a separable verb's form whose particle is a
    /// stop word is keyed with its particle joined ("folgt aus" → "ausfolgt"), not as the bare verb.
    /// 14: German verb forms after an entry's first- and second-person forms ("du stirbst | er/sie stirbt | ich/er/sie starb").</summary>
    private const int FormatVersion = 15;

    /// <summary>The snapshot file for a dictionary file, in <paramref name="cacheFolder"/>.</summary>
    public static string FileFor(string cacheFolder, string dictionaryPath)
    {
        return Path.Combine(cacheFolder, $"dictionary-{CorpusCacheLocation.KeyFor(dictionaryPath)}.bin");
    }

    /// <summary>True when a snapshot for <paramref name="dictionaryPath"/> exists and matches it (only its header is read).</summary>
    public static bool IsCurrent(string snapshotPath, string dictionaryPath)
    {
        try
        {
            if (!File.Exists(snapshotPath))
            {
                return false;
            }

            using var stream = new FileStream(snapshotPath, FileMode.Open, FileAccess.Read, FileShare.Read, 256);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            return SourceSnapshot.HeaderMatches(reader, Magic, FormatVersion, dictionaryPath);
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The snapshot's dictionary when it matches the source; null when missing, stale or unreadable.</summary>
    public static BilingualDictionary.Parts? TryRead(string snapshotPath, string dictionaryPath) =>
        SourceSnapshot.TryRead(snapshotPath, Magic, FormatVersion, dictionaryPath, reader =>
        {
            var entries = reader.ReadInt32();
            var phrases = (ReadArray<char>(reader), ReadArray<int>(reader), ReadArray<int>(reader));
            var germanToEnglish = (ReadArray<int>(reader), ReadArray<int>(reader), ReadArray<ushort>(reader));
            var englishToGerman = (ReadArray<int>(reader), ReadArray<int>(reader), ReadArray<ushort>(reader));
            var germanWords = (ReadArray<ulong>(reader), reader.ReadBoolean());
            var germanVerbs = new GermanVerbTable(ReadArray<char>(reader), ReadArray<char>(reader), ReadArray<char>(reader));
            var englishVerbs = new EnglishVerbTable(ReadArray<char>(reader));
            return new BilingualDictionary.Parts(phrases, germanToEnglish, englishToGerman, germanWords, germanVerbs, englishVerbs, entries);
        });

    /// <summary>
    /// The German words' hash set alone (what compound splitting needs), the other tables skipped unread: about a tenth of the
    /// snapshot. Null when the snapshot is missing, stale or unreadable.
    /// </summary>
    internal static HashSet64? TryReadGermanWords(string snapshotPath, string dictionaryPath) =>
        SourceSnapshot.TryRead(snapshotPath, Magic, FormatVersion, dictionaryPath, reader =>
        {
            reader.ReadInt32();
            Skip<char>(reader);
            Skip<int>(reader);
            Skip<int>(reader);
            for (var direction = 0; direction < 2; direction++)
            {
                Skip<int>(reader);
                Skip<int>(reader);
                Skip<ushort>(reader);
            }

            return new HashSet64(ReadArray<ulong>(reader), reader.ReadBoolean());
        });

    /// <summary>Writes the snapshot atomically (temporary file, then rename); a failure only costs the next start a parse.</summary>
    public static bool TryWrite(string snapshotPath, string dictionaryPath, BilingualDictionary.Parts parts) =>
        SourceSnapshot.TryWrite(snapshotPath, Magic, FormatVersion, dictionaryPath, writer =>
        {
            writer.Write(parts.Entries);
            WriteArray(writer, parts.Phrases.Text);
            WriteArray(writer, parts.Phrases.Starts);
            WriteArray(writer, parts.Phrases.Slots);

            WriteArray(writer, parts.GermanToEnglish.Offsets);
            WriteArray(writer, parts.GermanToEnglish.Targets);
            WriteArray(writer, parts.GermanToEnglish.Counts);
            WriteArray(writer, parts.EnglishToGerman.Offsets);
            WriteArray(writer, parts.EnglishToGerman.Targets);
            WriteArray(writer, parts.EnglishToGerman.Counts);
            WriteArray(writer, parts.GermanWords.Slots);
            writer.Write(parts.GermanWords.HasZero);
            WriteArray(writer, parts.GermanVerbs.Forms);
            WriteArray(writer, parts.GermanVerbs.Particles);
            WriteArray(writer, parts.GermanVerbs.Verbs);
            WriteArray(writer, parts.EnglishVerbs.Forms);
        });

    private static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var length = reader.ReadInt32();
        var stream = reader.BaseStream;
        if (length < 0 || length > (stream.Length - stream.Position) / Unsafe.SizeOf<T>())
        {
            throw new EndOfStreamException("dictionary snapshot is truncated");
        }

        var array = GC.AllocateUninitializedArray<T>(length);
        stream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }

    private static void Skip<T>(BinaryReader reader)
        where T : unmanaged
    {
        var length = reader.ReadInt32();
        var stream = reader.BaseStream;
        if (length < 0 || length > (stream.Length - stream.Position) / Unsafe.SizeOf<T>())
        {
            throw new EndOfStreamException("dictionary snapshot is truncated");
        }

        stream.Seek((long)length * Unsafe.SizeOf<T>(), SeekOrigin.Current);
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] array)
        where T : unmanaged
    {
        writer.Write(array.Length);
        writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }
}
