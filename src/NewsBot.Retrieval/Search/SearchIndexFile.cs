using System.Runtime.InteropServices;
using System.Text;
using NewsBot.Retrieval.Articles;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// The search index on disk, next to the article cache: which articles (id, content hash, passage count) it covers in passage
/// order, each passage's length, the term dictionary (sorted) with its postings (compound parts included) in flat arrays
/// read in bulk. Opening it costs a read; the article texts come from the article cache. Written atomically (temp file,
/// rename). Keyed on <see cref="FormatVersion"/>: an older or damaged file is rebuilt, a newer one refused.
/// </summary>
public static class SearchIndexFile
{
    /// <summary>Bump when the layout or what the index holds per term changes (TextAnalyzer, CompoundIndexer, passage rules).
    /// 2: German question words in every case and the wo- pronouns became stop words.
    /// 3: English passages drop only English stop words (they keep "die", "war", "man"), and English "died", "dies" stem to "die".
    /// 4: English past forms that drop a silent e meet their base ("named" → "name"; see TextAnalyzer.SilentEBase), and
    /// "another" is "other".
    /// 5: English past forms that double their final consonant meet their base ("banned" → "ban"; TextAnalyzer.DoubledConsonantBase).</summary>
    public const int FormatVersion = 5;

    private const int Magic = 0x58494E42; // "NBIX"
    private const int EndMarker = 0x21444E45;

    /// <summary>The index file that belongs to an article cache file.</summary>
    public static string FileFor(string articleCacheFile) => Path.ChangeExtension(articleCacheFile, ".index");

    /// <summary>What a file holds, before it is matched with the current articles.</summary>
    internal sealed record Stored(bool CompoundParts, (string Id, string Hash, int Passages)[] Articles, int[] Lengths, int[] Blocks, int[] HeadingBlocks, TermTable Table);

    /// <summary>
    /// Opens <paramref name="file"/> for <paramref name="articles"/>: null when there is no file. When the file covers other
    /// articles than these (added, changed, removed since), it is brought up to date (<see cref="CorpusIndex.Update"/>) and
    /// <paramref name="changed"/> is true (the caller writes it back). Throws <see cref="InvalidDataException"/> for a damaged or
    /// older file, <see cref="NewerIndexFormatException"/> for a newer one.
    /// </summary>
    public static CorpusIndex? Open(string file, IReadOnlyList<Article> articles, QueryTranslator translator, out bool changed) =>
        Open(Read(file), articles, translator, out changed);

    /// <summary>The index of a file already read (<see cref="Read"/>; null when there was none) for <paramref name="articles"/>, as <see cref="Open(string, IReadOnlyList{Article}, QueryTranslator, out bool)"/>.</summary>
    internal static CorpusIndex? Open(Stored? stored, IReadOnlyList<Article> articles, QueryTranslator translator, out bool changed)
    {
        changed = false;
        if (stored is null)
        {
            return null;
        }

        var current = new Dictionary<string, Article>(articles.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var article in articles)
        {
            current.TryAdd(article.Id, article);
        }

        // The passages as stored, their texts left where they are: of the current article when it is unchanged, else of a
        // stand-in that the update drops.
        var passageCount = stored.Lengths.Length;
        var articleOf = new Article[passageCount];
        var ordinals = new int[passageCount];
        var same = current.Count == stored.Articles.Length;
        var first = 0;
        foreach (var (id, hash, count) in stored.Articles)
        {
            var article = current.TryGetValue(id, out var now) && now.ContentHash == hash && hash.Length > 0
                && BlocksFit(stored, first, count, now.Blocks.Count) ? now : null;
            if (article is null)
            {
                same = false;
                article = new Article { Id = id, Title = "", Date = "", Language = Languages.Language.English, Blocks = [], ContentHash = "" };
            }

            for (var i = 0; i < count; i++)
            {
                articleOf[first + i] = article;
                ordinals[first + i] = i;
            }

            first += count;
        }

        // Unchanged, the passages are made on first use (a process reads a few of them); an update reads them all.
        var passages = same
            ? new PassageList(articleOf, ordinals, stored.Blocks, stored.HeadingBlocks)
            : new PassageList(Eager(stored, articleOf, ordinals));
        var index = CorpusIndex.Restore(passages, stored.Table, stored.Lengths, stored.CompoundParts, translator);
        if (same)
        {
            return index;
        }

        changed = true;
        return index.Update(articles, translator);
    }

    /// <summary>Every passage made now: of a stand-in (no blocks) as a passage with an empty text, else as the file places it.</summary>
    private static Passage[] Eager(Stored stored, Article[] articleOf, int[] ordinals)
    {
        var passages = new Passage[articleOf.Length];
        for (var p = 0; p < passages.Length; p++)
        {
            var article = articleOf[p];
            passages[p] = article.ContentHash.Length == 0
                ? new Passage(article, ordinals[p], "", null)
                : new Passage(article, ordinals[p], null, null, stored.Blocks[p], stored.HeadingBlocks[p]);
        }

        return passages;
    }

    /// <summary>Whether every posting names a passage the file has (a plain loop: a start checks a million or more of them).</summary>
    private static bool PostingsInRange(CorpusIndex.Posting[] postings, int passages)
    {
        foreach (var posting in postings)
        {
            if ((uint)posting.Passage >= (uint)passages)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the stored passages first..first+count-1 lie among the article's blocks, each after its heading.</summary>
    private static bool BlocksFit(Stored stored, int first, int count, int blockCount)
    {
        for (var p = first; p < first + count; p++)
        {
            if (stored.Blocks[p] >= blockCount || stored.HeadingBlocks[p] >= stored.Blocks[p])
            {
                return false;
            }
        }

        return true;
    }

    internal static Stored? Read(string file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            IndexFileHeader.Check(reader, Magic, FormatVersion, "search index", "not a NewsBot index file", file);

            var compoundParts = reader.ReadBoolean();
            var articles = new (string, string, int)[NonNegative(reader.ReadInt32())];
            for (var i = 0; i < articles.Length; i++)
            {
                articles[i] = (reader.ReadString(), reader.ReadString(), NonNegative(reader.ReadInt32()));
            }

            var lengths = ReadArray<int>(reader);
            var blocks = ReadArray<int>(reader);
            var headingBlocks = ReadArray<int>(reader);
            if (blocks.Length != lengths.Length || headingBlocks.Length != lengths.Length || blocks.Any(b => b < 0))
            {
                throw new InvalidDataException("passage tables differ in length");
            }

            var terms = new string[NonNegative(reader.ReadInt32())];
            for (var t = 0; t < terms.Length; t++)
            {
                terms[t] = reader.ReadString();
            }

            var offsets = ReadArray<int>(reader);
            for (var t = 1; t < offsets.Length; t++)
            {
                if (offsets[t] < offsets[t - 1])
                {
                    throw new InvalidDataException("term offsets out of order");
                }
            }

            var postings = ReadArray<CorpusIndex.Posting>(reader);
            if (reader.ReadInt32() != EndMarker)
            {
                throw new InvalidDataException("missing end marker");
            }

            // Checked here, on the thread that reads the file beside the articles, not by the open that waits for both.
            if (articles.Sum(a => (long)a.Item3) != lengths.Length || !PostingsInRange(postings, lengths.Length))
            {
                throw new InvalidDataException("passage counts do not add up");
            }

            return new Stored(compoundParts, articles, lengths, blocks, headingBlocks, new TermTable(terms, offsets, postings));
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or FormatException or OverflowException or OutOfMemoryException)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    /// <summary>Writes the index atomically (temp file, then rename), so a crash never leaves half an index behind.</summary>
    public static void Write(string file, CorpusIndex index)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var temp = file + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                IndexFileHeader.Write(writer, Magic, FormatVersion);
                writer.Write(index.CompoundParts);
                var runs = ArticleRuns(index.Passages);
                writer.Write(runs.Count);
                foreach (var (article, count) in runs)
                {
                    writer.Write(article.Id);
                    writer.Write(article.ContentHash);
                    writer.Write(count);
                }

                WriteArray<int>(writer, index.Lengths);
                WriteArray(writer, index.Passages.Select(p => p.Block >= 0 ? p.Block : throw new InvalidOperationException("a passage without its block position cannot be stored")).ToArray());
                WriteArray(writer, index.Passages.Select(p => p.HeadingBlock).ToArray());
                var table = index.Table;
                writer.Write(table.Count);
                foreach (var term in table.Terms)
                {
                    writer.Write(term);
                }

                WriteArray<int>(writer, table.Offsets);
                WriteArray<CorpusIndex.Posting>(writer, table.Postings);
                writer.Write(EndMarker);
            }

            File.Move(temp, file, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Consecutive passages of one article: (article, how many). An article's passages are always consecutive.</summary>
    private static List<(Article Article, int Count)> ArticleRuns(IReadOnlyList<Passage> passages)
    {
        var runs = new List<(Article, int)>();
        for (var i = 0; i < passages.Count;)
        {
            var article = passages[i].Article;
            var start = i;
            while (i < passages.Count && ReferenceEquals(passages[i].Article, article))
            {
                i++;
            }

            runs.Add((article, i - start));
        }

        return runs;
    }

    private static int NonNegative(int value) => value >= 0 ? value : throw new InvalidDataException("negative count");

    private static T[] ReadArray<T>(BinaryReader reader)
        where T : unmanaged
    {
        var length = NonNegative(reader.ReadInt32());
        if (length > (reader.BaseStream.Length - reader.BaseStream.Position) / Marshal.SizeOf<T>())
        {
            throw new InvalidDataException("index file is truncated");
        }

        var array = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }

    private static void WriteArray<T>(BinaryWriter writer, T[] array)
        where T : unmanaged
    {
        writer.Write(array.Length);
        writer.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }
}
