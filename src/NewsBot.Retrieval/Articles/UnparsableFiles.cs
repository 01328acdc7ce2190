using System.Text;

namespace NewsBot.Retrieval.Articles;

/// <summary>One article file that did not parse, with the file facts it was read at and why.</summary>
public sealed record UnparsableFile(string RelativePath, long Size, long LastWriteTicks, string Reason);

/// <summary>
/// The article files that did not parse, kept beside the article cache (<c>&lt;cache&gt;.unparsable</c>) and keyed like it by
/// size and last write time: an unchanged file that cannot be parsed is reported again without being read again. Read
/// and parse errors of the file system are not kept (they may pass). A damaged or unknown file is ignored: everything
/// listed is then simply parsed again.
/// </summary>
public static class UnparsableFiles
{
    public const int FormatVersion = 1;

    private const int Magic = 0x4650424E; // "NBPF"

    public static string PathFor(string cacheFile) => cacheFile + ".unparsable";

    /// <summary>The remembered files by relative path; empty when there is no usable file.</summary>
    public static Dictionary<string, UnparsableFile> Read(string cacheFile)
    {
        var result = new Dictionary<string, UnparsableFile>(StringComparer.Ordinal);
        try
        {
            using var reader = new BinaryReader(File.OpenRead(PathFor(cacheFile)), Encoding.UTF8);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion)
            {
                return result;
            }

            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var file = new UnparsableFile(reader.ReadString(), reader.ReadInt64(), reader.ReadInt64(), reader.ReadString());
                result[file.RelativePath] = file;
            }

            return result;
        }
        // A damaged list only costs a re-parse: a bad length prefix throws FormatException, not an IOException.
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or ArgumentException)
        {
            return [];
        }
    }

    /// <summary>Writes the list atomically (temp file, then rename); an empty list removes the file.</summary>
    public static void Write(string cacheFile, IReadOnlyCollection<UnparsableFile> files)
    {
        var path = PathFor(cacheFile);
        if (files.Count == 0)
        {
            File.Delete(path);
            return;
        }

        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var writer = new BinaryWriter(new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None), Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(files.Count);
                foreach (var file in files)
                {
                    writer.Write(file.RelativePath);
                    writer.Write(file.Size);
                    writer.Write(file.LastWriteTicks);
                    writer.Write(file.Reason);
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
