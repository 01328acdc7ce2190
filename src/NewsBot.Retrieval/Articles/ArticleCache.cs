using System.Runtime.CompilerServices;
using System.Text;
using NewsBot.Core.Languages;

namespace NewsBot.Core.Articles;

/// <summary>One cached article with the file facts that say whether it is still current.</summary>
public sealed record CachedArticle(string RelativePath, long Size, long LastWriteTicks, Article Article);

/// <summary>
/// A compact binary file of parsed articles, keyed by relative path + size + last write time, so a restart reads and
/// parses only files that changed. Any unreadable, truncated or older-format file is treated as absent (the caller rebuilds).
/// </summary>
public static class ArticleCache
{
    /// <summary>
    /// Bump when the layout or the parser's output changes (ArticleParser, Sentences, Boilerplate), so old caches are rebuilt
    /// rather than trusted. The cache is keyed on this, not on the build, so a Debug and a Release build share one cache.
    /// </summary>
    public const int FormatVersion = 3;

    private const int Magic = 0x4341424E; // "NBAC"

    private const int EndMarker = 0x444E4521;

    /// <summary>Reads the cache for <paramref name="folder"/>; null when missing. Throws <see cref="InvalidDataException"/> when corrupt or stale.</summary>
    public static Dictionary<string, CachedArticle>? Read(string cacheFile, string folder)
    {
        if (!File.Exists(cacheFile))
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(cacheFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadInt32() != Magic)
            {
                throw new InvalidDataException("not a NewsBot corpus cache");
            }

            if (reader.ReadInt32() is var version && version != FormatVersion)
            {
                throw new InvalidDataException($"format version {version}, expected {FormatVersion}");
            }

            if (reader.ReadString() != Path.GetFullPath(folder))
            {
                throw new InvalidDataException("written for another corpus folder");
            }

            var count = reader.ReadInt32();
            if (count < 0)
            {
                throw new InvalidDataException("negative entry count");
            }

            var entries = new Dictionary<string, CachedArticle>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var entry = ReadEntry(reader);
                entries[entry.RelativePath] = entry;
            }

            if (reader.ReadInt32() != EndMarker)
            {
                throw new InvalidDataException("missing end marker");
            }

            return entries;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or FormatException or OverflowException)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    /// <summary>Writes the cache atomically (temp file, then rename) so a crash never leaves half a cache behind.</summary>
    public static void Write(string cacheFile, string folder, IReadOnlyCollection<CachedArticle> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cacheFile))!);
        var temp = cacheFile + "." + Environment.ProcessId + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(Path.GetFullPath(folder));
                writer.Write(entries.Count);
                foreach (var entry in entries)
                {
                    WriteEntry(writer, entry);
                }

                writer.Write(EndMarker);
            }

            File.Move(temp, cacheFile, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void WriteEntry(BinaryWriter writer, CachedArticle entry)
    {
        var a = entry.Article;
        writer.Write(entry.RelativePath);
        writer.Write(entry.Size);
        writer.Write(entry.LastWriteTicks);
        writer.Write(a.Id);
        writer.Write(a.Title);
        writer.Write(a.Date);
        writer.Write((byte)a.Language);
        writer.Write(a.Source);
        writer.Write(a.Url is not null);
        if (a.Url is not null)
        {
            writer.Write(a.Url);
        }

        writer.Write(a.AddedAt.UtcTicks);
        writer.Write(a.ContentHash);
        writer.Write(a.Blocks.Count);
        foreach (var block in a.Blocks)
        {
            writer.Write((byte)block.Kind);
            writer.Write(block.Text);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static CachedArticle ReadEntry(BinaryReader reader)
    {
        var relativePath = reader.ReadString();
        var size = reader.ReadInt64();
        var ticks = reader.ReadInt64();
        var id = reader.ReadString();
        var title = reader.ReadString();
        var date = reader.ReadString();
        var language = (Language)reader.ReadByte();
        var source = reader.ReadString();
        var url = reader.ReadBoolean() ? reader.ReadString() : null;
        var addedAt = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var hash = reader.ReadString();
        var blockCount = reader.ReadInt32();
        if (blockCount < 0 || !Enum.IsDefined(language))
        {
            throw new InvalidDataException("bad article record");
        }

        var blocks = new ArticleBlock[blockCount];
        for (var i = 0; i < blockCount; i++)
        {
            var kind = (BlockKind)reader.ReadByte();
            if (!Enum.IsDefined(kind))
            {
                throw new InvalidDataException("bad block kind");
            }

            blocks[i] = new ArticleBlock(kind, reader.ReadString());
        }

        var article = new Article
        {
            Id = id,
            Title = title,
            Date = date,
            Language = language,
            Blocks = blocks,
            Source = source,
            Url = url,
            AddedAt = addedAt,
            ContentHash = hash,
        };
        return new CachedArticle(relativePath, size, ticks, article);
    }
}
