using System.Text;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// What binary snapshots of a source file share (the dictionary's, the word knowledge's): a header naming the layout and the
/// source's size and write time, so any change of either is a miss, and an atomic write (temporary file, then rename).
/// </summary>
internal static class SourceSnapshot
{
    /// <summary>The body read by <paramref name="readBody"/> when the snapshot exists and matches; null when missing, stale or unreadable.</summary>
    public static T? TryRead<T>(string snapshotPath, string magic, int formatVersion, string sourcePath, Func<BinaryReader, T> readBody)
        where T : class
    {
        try
        {
            if (!File.Exists(snapshotPath))
            {
                return null;
            }

            using var stream = new FileStream(snapshotPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            return HeaderMatches(reader, magic, formatVersion, sourcePath) ? readBody(reader) : null;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException or UnauthorizedAccessException or FormatException or ArgumentException or OutOfMemoryException)
        {
            return null;
        }
    }

    /// <summary>True when the header matches the layout and the source file as it is now.</summary>
    public static bool HeaderMatches(BinaryReader reader, string magic, int formatVersion, string sourcePath)
    {
        var source = new FileInfo(sourcePath);
        return reader.ReadString() == magic && reader.ReadInt32() == formatVersion
            && reader.ReadInt64() == source.Length && reader.ReadInt64() == source.LastWriteTimeUtc.Ticks;
    }

    /// <summary>Writes header and body to a temporary file renamed over <paramref name="snapshotPath"/>; false when that fails.</summary>
    public static bool TryWrite(string snapshotPath, string magic, int formatVersion, string sourcePath, Action<BinaryWriter> writeBody)
    {
        var temporary = snapshotPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshotPath)!);
            var source = new FileInfo(sourcePath);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(magic);
                writer.Write(formatVersion);
                writer.Write(source.Length);
                writer.Write(source.LastWriteTimeUtc.Ticks);
                writeBody(writer);
            }

            File.Move(temporary, snapshotPath, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return false;
        }
    }
}
