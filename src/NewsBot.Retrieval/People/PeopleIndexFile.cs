using System.Runtime.InteropServices;
using System.Text;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Search;

namespace NewsBot.Retrieval.People;

/// <summary>
/// The people index on disk, next to the article cache: each article's extraction result (<see cref="ArticlePeople"/>, by
/// id and content hash) and the surnames they were resolved against, keyed on <see cref="FormatVersion"/>,
/// <see cref="PeopleIndexBuilder.ExtractorVersion"/> and the word knowledge's source. A start extracts only articles that are
/// new or changed since, or whose looked-up surnames joined or left the corpus; merging the rest is cheap. A file with another
/// extractor version or knowledge source is not a match (everything is extracted again); a damaged one is rebuilt.
/// </summary>
public static class PeopleIndexFile
{
    /// <summary>
    /// Bump when the layout changes (also when <see cref="ArticlePeople"/>, <see cref="ArticlePerson"/> or <see cref="ExtractedArticle"/>
    /// gain a field). 2: each article's introduced surnames and surname lookups (what tells which articles a new surname changes).
    /// </summary>
    public const int FormatVersion = 2;

    private const int Magic = 0x504F4E42; // "NBOP"
    private const int EndMarker = 0x21444E45;

    public static string FileFor(string articleCacheFile) => Path.ChangeExtension(articleCacheFile, ".people");

    /// <summary>What a file holds: per article id, the content hash it was extracted from and the result; the resolved surnames.</summary>
    public sealed record Stored(IReadOnlyDictionary<string, (string Hash, ExtractedArticle Extracted)> Articles, IReadOnlyList<string> Surnames);

    /// <summary>What extraction depends on besides the articles: the extractor's version and the word knowledge's source.</summary>
    public static string Key(string knowledgeKey) => $"{PeopleIndexBuilder.ExtractorVersion}|{knowledgeKey}";

    /// <summary>The stored results when the key matches; null when missing or for another key. Throws when damaged or newer.</summary>
    public static Stored? Read(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            // Read whole (a few MB) and parsed from memory: every count is checked against the bytes left, and a file stream's
            // Length is a system call each time (about 100,000 per read of a 9,000-article file).
            using var stream = new MemoryStream(File.ReadAllBytes(file), writable: false);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            IndexFileHeader.Check(reader, Magic, FormatVersion, "people index", "not a NewsBot people index", file);

            if (reader.ReadString() != key)
            {
                return null;
            }

            var surnames = Strings(reader);
            var count = Count(reader);
            var articles = new Dictionary<string, (string, ExtractedArticle)>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var hash = reader.ReadString();
                var people = ReadArticle(reader);
                var introduces = Strings(reader);
                var lookups = new uint[Count(reader, sizeof(uint))];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(lookups.AsSpan()));
                articles[people.ArticleId] = (hash, new ExtractedArticle(people, introduces, lookups.Length == 0 ? SurnameLookups.Empty : new SurnameLookups(lookups)));
            }

            if (reader.ReadInt32() != EndMarker)
            {
                throw new InvalidDataException("missing end marker");
            }

            return new Stored(articles, surnames);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or FormatException or OverflowException)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    /// <summary>Writes the builder's results for <paramref name="articles"/> (after its <see cref="PeopleIndexBuilder.ToIndex"/>), atomically.</summary>
    public static void Write(string file, string key, IReadOnlyList<Article> articles, PeopleIndexBuilder builder)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var temp = file + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                IndexFileHeader.Write(writer, Magic, FormatVersion);
                writer.Write(key);
                // Sorted: a set, whose enumeration order would otherwise depend on the builder's history (an updated file and a
                // freshly built one are then byte for byte the same).
                Strings(writer, [.. builder.Surnames.Order(StringComparer.Ordinal)]);
                var results = builder.Results.ToDictionary(r => r.Article.Id, r => r.Extracted, StringComparer.Ordinal);
                var written = articles.Where(a => results.ContainsKey(a.Id)).DistinctBy(a => a.Id, StringComparer.Ordinal).ToList();
                writer.Write(written.Count);
                foreach (var article in written)
                {
                    var extracted = results[article.Id];
                    writer.Write(article.ContentHash);
                    WriteArticle(writer, extracted.People);
                    Strings(writer, extracted.Introduces);
                    writer.Write(extracted.Lookups.Keys.Count);
                    writer.Write(MemoryMarshal.AsBytes(extracted.Lookups.Span));
                }

                writer.Write(EndMarker);
            }

            File.Move(temp, file, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void WriteArticle(BinaryWriter writer, ArticlePeople article)
    {
        writer.Write(article.ArticleId);
        writer.Write((byte)article.Language);
        writer.Write(article.People.Count);
        foreach (var person in article.People)
        {
            writer.Write(person.Name);
            writer.Write(person.GivenName is not null);
            if (person.GivenName is not null)
            {
                writer.Write(person.GivenName);
            }

            writer.Write(person.Surname);
            Strings(writer, person.Roles);
            Strings(writer, person.Forms);
            writer.Write(person.Mentions);
            writer.Write(person.Ordinals.Count);
            foreach (var ordinal in person.Ordinals)
            {
                writer.Write(ordinal);
            }

            writer.Write(person.Quotes.Count);
            foreach (var quote in person.Quotes)
            {
                writer.Write(quote.Text);
                writer.Write(quote.ArticleId);
                writer.Write(quote.Ordinal);
            }

            writer.Write(person.Introduced);
        }

        writer.Write(article.NounUses.Count);
        foreach (var (noun, uses) in article.NounUses)
        {
            writer.Write(noun);
            writer.Write(uses);
        }
    }

    private static ArticlePeople ReadArticle(BinaryReader reader)
    {
        var id = reader.ReadString();
        var language = (Languages.Language)reader.ReadByte();
        if (!Enum.IsDefined(language))
        {
            throw new InvalidDataException("bad article language");
        }

        var people = new ArticlePerson[Count(reader)];
        for (var i = 0; i < people.Length; i++)
        {
            var name = reader.ReadString();
            var given = reader.ReadBoolean() ? reader.ReadString() : null;
            var surname = reader.ReadString();
            var roles = Strings(reader);
            var forms = Strings(reader);
            var mentions = reader.ReadInt32();
            var ordinals = new int[Count(reader)];
            for (var k = 0; k < ordinals.Length; k++)
            {
                ordinals[k] = reader.ReadInt32();
            }

            var quotes = new PersonQuote[Count(reader)];
            for (var k = 0; k < quotes.Length; k++)
            {
                quotes[k] = new PersonQuote(reader.ReadString(), reader.ReadString(), reader.ReadInt32());
            }

            people[i] = new ArticlePerson
            {
                Name = name,
                GivenName = given,
                Surname = surname,
                Roles = roles,
                Forms = forms,
                Mentions = mentions,
                Ordinals = ordinals,
                Quotes = quotes,
                Introduced = reader.ReadBoolean(),
            };
        }

        var nouns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = Count(reader); i > 0; i--)
        {
            nouns[reader.ReadString()] = reader.ReadInt32();
        }

        return new ArticlePeople(id, language, people) { NounUses = nouns };
    }

    private static void Strings(BinaryWriter writer, IReadOnlyList<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static string[] Strings(BinaryReader reader)
    {
        var values = new string[Count(reader)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }

    /// <summary>A count of items of at least <paramref name="itemSize"/> bytes each that the rest of the file can hold.</summary>
    private static int Count(BinaryReader reader, int itemSize = 1)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= (reader.BaseStream.Length - reader.BaseStream.Position) / itemSize ? count : throw new InvalidDataException("bad count");
    }
}
