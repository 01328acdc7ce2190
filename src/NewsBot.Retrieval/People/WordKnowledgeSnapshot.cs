using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Search;

namespace NewsBot.Retrieval.People;

/// <summary>
/// A binary copy of the <see cref="WordKnowledge"/> scanned from a dictionary file, next to the dictionary's own snapshot.
/// Scanning the 25 MB text costs about a second of CPU whenever the people index must extract an article (every
/// <c>newsbot ingest</c> of new files); reading this costs a few tens of milliseconds. Keyed by the source file's size and
/// write time and by <see cref="FormatVersion"/>: any change re-scans the text. A missing, stale or damaged file is scanned again.
/// </summary>
internal static class WordKnowledgeSnapshot
{
    private const string Magic = "NBWORDS";

    /// <summary>Bump when the layout or what <see cref="WordKnowledge.Parse"/> makes of the text changes.
    /// 2: the hash sets' tables as they are in memory (slots and the zero flag), not their hashes to be inserted again.
    /// 3: the kinds of place the dictionary glosses names with.</summary>
    private const int FormatVersion = 3;

    /// <summary>The sets a <see cref="WordKnowledge"/> is made of (word hashes and person nouns).</summary>
    internal sealed record Parts(
        HashSet64 GermanCommon,
        HashSet64 EnglishCommon,
        HashSet64 EnglishProper,
        FrozenSet<string> GermanPersonNouns,
        FrozenSet<string> EnglishPersonNouns,
        FrozenSet<string> PlaceKinds);

    public static string FileFor(string snapshotFolder, string dictionaryPath) =>
        Path.Combine(snapshotFolder, $"words-{CorpusCacheLocation.KeyFor(dictionaryPath)}.bin");

    /// <summary>The snapshot's parts when it matches the dictionary file; null when missing, stale or unreadable.</summary>
    public static Parts? TryRead(string snapshotPath, string dictionaryPath) =>
        SourceSnapshot.TryRead(snapshotPath, Magic, FormatVersion, dictionaryPath, reader => new Parts(
            ReadHashes(reader),
            ReadHashes(reader),
            ReadHashes(reader),
            ReadStrings(reader).ToFrozenSet(StringComparer.Ordinal),
            ReadStrings(reader).ToFrozenSet(StringComparer.Ordinal),
            ReadStrings(reader).ToFrozenSet(StringComparer.Ordinal)));

    /// <summary>Writes the snapshot atomically (temporary file, then rename); a failure only costs the next use a scan.</summary>
    public static bool TryWrite(string snapshotPath, string dictionaryPath, Parts parts) =>
        SourceSnapshot.TryWrite(snapshotPath, Magic, FormatVersion, dictionaryPath, writer =>
        {
            WriteHashes(writer, parts.GermanCommon);
            WriteHashes(writer, parts.EnglishCommon);
            WriteHashes(writer, parts.EnglishProper);
            WriteStrings(writer, parts.GermanPersonNouns);
            WriteStrings(writer, parts.EnglishPersonNouns);
            WriteStrings(writer, parts.PlaceKinds);
        });

    /// <summary>
    /// A set read as its table, ready to look up: a compact list of hashes had to be inserted into a new table at every start,
    /// and both (about 9 MB at every ingest) were large objects, whose allocation set off a gen2 collection before the parsing.
    /// Uninitialised, because the read overwrites every slot.
    /// </summary>
    private static HashSet64 ReadHashes(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > (reader.BaseStream.Length - reader.BaseStream.Position) / sizeof(ulong))
        {
            throw new EndOfStreamException("word snapshot is truncated");
        }

        var slots = GC.AllocateUninitializedArray<ulong>(length);
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(slots.AsSpan()));
        return new HashSet64(slots, reader.ReadBoolean());
    }

    private static void WriteHashes(BinaryWriter writer, HashSet64 set)
    {
        writer.Write(set.Slots.Length);
        writer.Write(MemoryMarshal.AsBytes(set.Slots.AsSpan()));
        writer.Write(set.HasZero);
    }

    private static string[] ReadStrings(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length < 0 || length > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new EndOfStreamException("word snapshot is truncated");
        }

        var strings = new string[length];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = reader.ReadString();
        }

        return strings;
    }

    private static void WriteStrings(BinaryWriter writer, IReadOnlyCollection<string> strings)
    {
        writer.Write(strings.Count);
        foreach (var value in strings)
        {
            writer.Write(value);
        }
    }
}
