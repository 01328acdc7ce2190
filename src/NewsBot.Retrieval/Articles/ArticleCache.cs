using System.Runtime.CompilerServices;
using System.Text;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Articles;

/// <summary>One cached article with the file facts that say whether it is still current.</summary>
public sealed record CachedArticle(string RelativePath, long Size, long LastWriteTicks, Article Article);

/// <summary>
/// A compact binary file of parsed articles, keyed by relative path + size + last write time, so a restart reads and
/// parses only files that changed. Any unreadable, truncated or older-format file is treated as absent (the caller rebuilds).
/// New and changed articles can be appended (<see cref="Append"/>) rather than the whole file rewritten: after the header come
/// one or more segments of entries, and a later entry for a path replaces an earlier one.
/// Reading it reads each article's facts (id, title, date, language, …) but not its text: the blocks are read from the file
/// when first used (<see cref="StoredBlocks"/>), so a start does not grow with the archive's text, only with its count.
/// </summary>
public static class ArticleCache
{
    /// <summary>
    /// Bump when the layout or the parser's output changes (ArticleParser, Sentences, Boilerplate), so old caches are rebuilt
    /// rather than trusted. The cache is keyed on this, not on the build, so a Debug and a Release build share one cache.
    /// 5: segments (entry count, entries, end marker), so that new articles are appended.
    /// 6: a quote that ends a sentence ends it (titles made from a lead may change).
    /// </summary>
    public const int FormatVersion = 6;

    private const int Magic = 0x4341424E; // "NBAC"

    private const int EndMarker = 0x444E4521;

    /// <summary>Reads the cache for <paramref name="folder"/>; null when missing. Throws <see cref="InvalidDataException"/> when corrupt or stale.</summary>
    public static Dictionary<string, CachedArticle>? Read(string cacheFile, string folder) => Read(cacheFile, folder, out _);

    /// <summary>As <see cref="Read(string, string)"/>; <paramref name="records"/> counts the entries in the file, replaced ones included.</summary>
    public static Dictionary<string, CachedArticle>? Read(string cacheFile, string folder, out int records) => Read(cacheFile, folder, out records, out _);

    /// <summary>
    /// As <see cref="Read(string, string, out int)"/>; <paramref name="torn"/> is true when the last appended segment is
    /// incomplete (a process stopped, or the disk filled, while appending): the complete segments before it are kept, and the
    /// caller must write the file anew rather than append after the torn bytes.
    /// </summary>
    public static Dictionary<string, CachedArticle>? Read(string cacheFile, string folder, out int records, out bool torn)
    {
        records = 0;
        torn = false;
        if (!File.Exists(cacheFile))
        {
            return null;
        }

        FileStream? stream = null;
        var read = false;
        try
        {
            // The handle stays open for the articles' texts (read on first use); FileShare.Delete lets a rewrite replace the file
            // meanwhile, and the texts still come from the file as it was read; an append only adds after what was read.
            stream = new FileStream(cacheFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
            var bodies = new ArticleBodies(stream);
            var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
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

            // Read to the length seen now: an append meanwhile (another process) is left for the next read.
            var length = stream.Length;
            var entries = new Dictionary<string, CachedArticle>(StringComparer.Ordinal);
            var segment = new List<CachedArticle>();
            var first = true;
            do
            {
                try
                {
                    var count = reader.ReadInt32();
                    if (count < 0)
                    {
                        throw new InvalidDataException("negative entry count");
                    }

                    segment.Clear();
                    for (var i = 0; i < count; i++)
                    {
                        segment.Add(ReadEntry(reader, bodies, length));
                    }

                    if (reader.ReadInt32() != EndMarker)
                    {
                        throw new InvalidDataException("missing end marker");
                    }
                }
                catch (Exception ex) when (!first && ex is EndOfStreamException or InvalidDataException or IOException or ArgumentException or FormatException or OverflowException)
                {
                    // An appended segment that did not complete: what came before it stands.
                    torn = true;
                    break;
                }

                foreach (var entry in segment)
                {
                    entries[entry.RelativePath] = entry;
                }

                records += segment.Count;
                first = false;
            }
            while (stream.Position < length);

            read = true;
            return entries;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or FormatException or OverflowException)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
        finally
        {
            if (!read)
            {
                stream?.Dispose();
            }
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

    /// <summary>
    /// Adds <paramref name="entries"/> to a cache file <see cref="Write"/> made, as one segment written at its end in one call;
    /// a later entry for a path replaces an earlier one when read. Readers that hold the file open keep what they read.
    /// Throws <see cref="IOException"/> when the file is gone (the caller writes it anew).
    /// </summary>
    public static void Append(string cacheFile, IReadOnlyCollection<CachedArticle> entries)
    {
        using var segment = new MemoryStream();
        using (var writer = new BinaryWriter(segment, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(entries.Count);
            foreach (var entry in entries)
            {
                WriteEntry(writer, entry);
            }

            writer.Write(EndMarker);
        }

        using var stream = new FileStream(cacheFile, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        var end = stream.Seek(0, SeekOrigin.End);
        try
        {
            stream.Write(segment.GetBuffer(), 0, checked((int)segment.Length));
            stream.Flush();
        }
        catch (IOException)
        {
            // A full disk mid-write: cut the torn segment off, so the file still reads as it was.
            stream.SetLength(end);
            throw;
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
        if (a.Blocks is StoredBlocks { IsLoaded: false } stored)
        {
            // Copied as stored: a rewrite does not pull every unchanged article's text into memory.
            var raw = stored.Raw();
            writer.Write(raw.Length);
            writer.Write(raw);
            return;
        }

        // The blocks' size first, so a reader can pass over them: a kind byte and a length-prefixed UTF-8 string each.
        var size = 0L;
        foreach (var block in a.Blocks)
        {
            var bytes = Encoding.UTF8.GetByteCount(block.Text);
            size += 1 + PrefixSize(bytes) + bytes;
        }

        writer.Write(checked((int)size));
        foreach (var block in a.Blocks)
        {
            writer.Write((byte)block.Kind);
            writer.Write(block.Text);
        }
    }

    /// <summary>The size of BinaryWriter's 7-bit encoded length prefix.</summary>
    private static int PrefixSize(int length)
    {
        var size = 1;
        for (var v = (uint)length; v >= 0x80; v >>= 7)
        {
            size++;
        }

        return size;
    }

    [MethodImpl(HotPath.Options)]
    private static CachedArticle ReadEntry(BinaryReader reader, ArticleBodies bodies, long length)
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
        var blockBytes = reader.ReadInt32();
        var stream = reader.BaseStream;
        // Against the length read once: a file stream's Length is a system call.
        if (blockCount < 0 || blockBytes < 0 || !Enum.IsDefined(language) || blockBytes > length - stream.Position)
        {
            throw new InvalidDataException("bad article record");
        }

        var blocks = new StoredBlocks(bodies, stream.Position, blockBytes, blockCount);
        stream.Seek(blockBytes, SeekOrigin.Current);

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

/// <summary>The article cache file as it was read: an open handle the articles' texts are read from on first use.</summary>
/// <remarks>Holds the stream it was read through (never read from again) so that the handle lives as long as the articles do.</remarks>
internal sealed class ArticleBodies(FileStream stream)
{
    private Microsoft.Win32.SafeHandles.SafeFileHandle Handle { get; } = stream.SafeFileHandle;

    public FileStream Stream { get; } = stream;

    public byte[] Read(long offset, int length)
    {
        var bytes = new byte[length];
        Read(offset, bytes);
        return bytes;
    }

    public void Read(long offset, Span<byte> into)
    {
        var done = 0;
        while (done < into.Length)
        {
            var read = RandomAccess.Read(Handle, into[done..], offset + done);
            if (read == 0)
            {
                throw new InvalidDataException("article cache ends inside an article");
            }

            done += read;
        }
    }
}

/// <summary>
/// An article's blocks as the cache stores them, read from the file when used. A start that only needs the articles' facts and
/// the search index never reads the texts; an answer reads those of the passages it weighs. Once read they are held weakly:
/// a scan over every article (the people index after new surnames) does not keep the whole archive's text in memory.
/// </summary>
internal sealed class StoredBlocks(ArticleBodies bodies, long offset, int length, int count) : IReadOnlyList<ArticleBlock>
{
    /// <summary>The texts read last stay held (a bounded ring), so the articles a run of questions keeps returning to are not read again.</summary>
    private const int Recent = 2048;

    private static readonly ArticleBlock[]?[] RecentlyRead = new ArticleBlock[]?[Recent];
    private static int _nextRecent;

    private WeakReference<ArticleBlock[]>? _blocks;

    public bool IsLoaded => _blocks is { } held && held.TryGetTarget(out _);

    public int Count => count;

    public ArticleBlock this[int index] => Blocks[index];

    public IEnumerator<ArticleBlock> GetEnumerator() => ((IEnumerable<ArticleBlock>)Blocks).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The stored bytes, for copying them into a rewritten cache.</summary>
    public byte[] Raw() => bodies.Read(offset, length);

    private ArticleBlock[] Blocks
    {
        get
        {
            if (_blocks is { } held && held.TryGetTarget(out var blocks))
            {
                return blocks;
            }

            blocks = Parse();
            _blocks = new WeakReference<ArticleBlock[]>(blocks);
            RecentlyRead[(Interlocked.Increment(ref _nextRecent) & int.MaxValue) % Recent] = blocks;
            return blocks;
        }
    }

    /// <summary>
    /// One block's text without holding the article: what re-ranking needs of a candidate (its paragraph). Read from the
    /// held blocks when an earlier use loaded them, else decoded alone from the stored bytes (no block array, no weak handle).
    /// Compiled optimised at once: a query re-ranks up to 20 candidates.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public string TextOf(int index)
    {
        if (_blocks is { } held && held.TryGetTarget(out var blocks))
        {
            return blocks[index].Text;
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        var raw = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            bodies.Read(offset, raw.AsSpan(0, length));
            ReadOnlySpan<byte> bytes = raw.AsSpan(0, length);
            var at = 0;
            for (var i = 0; ; i++)
            {
                var text = NextBlock(bytes, ref at, out _);
                if (i == index)
                {
                    return Encoding.UTF8.GetString(text);
                }
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(raw);
        }
    }

    /// <summary>
    /// The blocks decoded straight from the bytes (a kind byte and a 7-bit length-prefixed UTF-8 string each, as BinaryWriter
    /// wrote them) into a pooled buffer: re-ranking reads a few articles per question, so no reader or stream per article.
    /// </summary>
    private ArticleBlock[] Parse()
    {
        var blocks = new ArticleBlock[count];
        var raw = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            bodies.Read(offset, raw.AsSpan(0, length));
            ReadOnlySpan<byte> bytes = raw.AsSpan(0, length);
            var at = 0;
            for (var i = 0; i < count; i++)
            {
                var text = NextBlock(bytes, ref at, out var kind);
                blocks[i] = new ArticleBlock(kind, Encoding.UTF8.GetString(text));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(raw);
        }

        return blocks;
    }

    /// <summary>The stored block at <paramref name="at"/> (a kind byte and a 7-bit length-prefixed UTF-8 string, as BinaryWriter wrote it): its text's bytes; <paramref name="at"/> moves past it.</summary>
    [MethodImpl(HotPath.Options)]
    private static ReadOnlySpan<byte> NextBlock(ReadOnlySpan<byte> bytes, ref int at, out BlockKind kind)
    {
        kind = (BlockKind)Byte(bytes, at++);
        if (!Enum.IsDefined(kind))
        {
            throw new InvalidDataException("bad block kind");
        }

        var size = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = Byte(bytes, at++);
            if (shift > 28)
            {
                throw new InvalidDataException("bad block length");
            }

            size |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        if (size < 0 || size > bytes.Length - at)
        {
            throw new InvalidDataException("article cache ends inside a block");
        }

        var text = bytes.Slice(at, size);
        at += size;
        return text;
    }

    private static byte Byte(ReadOnlySpan<byte> bytes, int at) =>
        at < bytes.Length ? bytes[at] : throw new InvalidDataException("article cache ends inside a block");
}
