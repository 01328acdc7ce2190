using System.Security.Cryptography;
using System.Text;
using NewsBot.Core.Articles;
using NewsBot.Core.Search;

namespace NewsBot.Core.People;

/// <summary>
/// The people index on disk, next to the article cache: the merged people, keyed on <see cref="FormatVersion"/>,
/// <see cref="PeopleIndexBuilder.ExtractorVersion"/>, the word knowledge's source and a fingerprint of the articles (ids and
/// content hashes). A start whose corpus is unchanged reads it instead of extracting every article again (and without scanning
/// the dictionary for word knowledge). Any other key is simply not a match: the index is rebuilt in the background.
/// </summary>
public static class PeopleIndexFile
{
    /// <summary>Bump when the layout changes.</summary>
    public const int FormatVersion = 1;

    private const int Magic = 0x504F4E42; // "NBOP"
    private const int EndMarker = 0x21444E45;

    public static string FileFor(string articleCacheFile) => Path.ChangeExtension(articleCacheFile, ".people");

    /// <summary>What the people of <paramref name="articles"/> depend on besides the articles' ids and contents.</summary>
    public static string Fingerprint(IReadOnlyList<Article> articles, string knowledgeKey)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{PeopleIndexBuilder.ExtractorVersion}|{knowledgeKey}|"));
        // In corpus order: the merge is order-dependent (first mentions, ties).
        foreach (var article in articles)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(article.Id + "\u0001" + article.ContentHash + "\u0002"));
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The stored index when its fingerprint matches; null when missing or for other articles. Throws when damaged or newer.</summary>
    public static PeopleIndex? Read(string file, string fingerprint)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadInt32() != Magic)
            {
                throw new InvalidDataException("not a NewsBot people index");
            }

            var version = reader.ReadInt32();
            if (version > FormatVersion)
            {
                throw new NewerIndexFormatException(
                    $"The people index {file} was written by a newer NewsBot (format {version}; this build reads {FormatVersion}): run the newer version, or delete the file to rebuild it");
            }

            if (version != FormatVersion)
            {
                throw new InvalidDataException($"format version {version}, expected {FormatVersion}");
            }

            if (reader.ReadString() != fingerprint)
            {
                return null;
            }

            var people = new Person[Count(reader)];
            for (var i = 0; i < people.Length; i++)
            {
                people[i] = ReadPerson(reader);
            }

            if (reader.ReadInt32() != EndMarker)
            {
                throw new InvalidDataException("missing end marker");
            }

            return new PeopleIndex(people);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or FormatException or OverflowException)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    public static void Write(string file, string fingerprint, PeopleIndex index)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        var temp = file + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(fingerprint);
                writer.Write(index.People.Count);
                foreach (var person in index.People)
                {
                    WritePerson(writer, person);
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

    private static void WritePerson(BinaryWriter writer, Person person)
    {
        writer.Write(person.Name);
        writer.Write(person.Surname);
        writer.Write(person.Mentions);
        writer.Write(person.Roles.Count);
        foreach (var role in person.Roles)
        {
            writer.Write(role.Text);
            writer.Write((byte)role.Language);
            writer.Write(role.ArticleId);
        }

        Strings(writer, person.Aliases);
        Strings(writer, person.ArticleIds);
        writer.Write(person.Quotes.Count);
        foreach (var quote in person.Quotes)
        {
            writer.Write(quote.Text);
            writer.Write(quote.ArticleId);
            writer.Write(quote.Ordinal);
        }

        writer.Write(person.Places.Count);
        foreach (var (articleId, ordinal) in person.Places)
        {
            writer.Write(articleId);
            writer.Write(ordinal);
        }
    }

    private static Person ReadPerson(BinaryReader reader)
    {
        var name = reader.ReadString();
        var surname = reader.ReadString();
        var mentions = reader.ReadInt32();
        var roles = new PersonRole[Count(reader)];
        for (var i = 0; i < roles.Length; i++)
        {
            var text = reader.ReadString();
            var language = (Languages.Language)reader.ReadByte();
            if (!Enum.IsDefined(language))
            {
                throw new InvalidDataException("bad role language");
            }

            roles[i] = new PersonRole(text, language, reader.ReadString());
        }

        var aliases = Strings(reader);
        var articleIds = Strings(reader);
        var quotes = new PersonQuote[Count(reader)];
        for (var i = 0; i < quotes.Length; i++)
        {
            quotes[i] = new PersonQuote(reader.ReadString(), reader.ReadString(), reader.ReadInt32());
        }

        var places = new (string, int)[Count(reader)];
        for (var i = 0; i < places.Length; i++)
        {
            places[i] = (reader.ReadString(), reader.ReadInt32());
        }

        return new Person
        {
            Name = name,
            Surname = surname,
            Mentions = mentions,
            Roles = roles,
            Aliases = aliases,
            ArticleIds = articleIds,
            Quotes = quotes,
            Places = places,
        };
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

    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        return count >= 0 && count <= reader.BaseStream.Length - reader.BaseStream.Position ? count : throw new InvalidDataException("bad count");
    }
}
