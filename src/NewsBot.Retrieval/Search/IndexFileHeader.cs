namespace NewsBot.Retrieval.Search;

/// <summary>The index file was written by a newer NewsBot: it is left alone (an older build must not overwrite it).</summary>
public sealed class NewerIndexFormatException(string message) : Exception(message)
{
    public NewerIndexFormatException()
        : this("The index file was written by a newer NewsBot.")
    {
    }

    public NewerIndexFormatException(string message, Exception innerException)
        : this(message + ": " + innerException.Message)
    {
    }
}

/// <summary>
/// The first two words of every persisted index file (search and people): which file it is and its format. A file of
/// another kind or an older format is damaged for this build (it is rebuilt); a newer format is refused, and left alone.
/// </summary>
internal static class IndexFileHeader
{
    public static void Write(BinaryWriter writer, int magic, int formatVersion)
    {
        writer.Write(magic);
        writer.Write(formatVersion);
    }

    /// <param name="what">The file's kind, for the messages: "search index", "people index".</param>
    /// <param name="notOurs">The message when the file is of another kind.</param>
    public static void Check(BinaryReader reader, int magic, int formatVersion, string what, string notOurs, string file)
    {
        if (reader.ReadInt32() != magic)
        {
            throw new InvalidDataException(notOurs);
        }

        var version = reader.ReadInt32();
        if (version > formatVersion)
        {
            throw new NewerIndexFormatException(
                $"The {what} {file} was written by a newer NewsBot (format {version}; this build reads {formatVersion}): run the newer version, or delete the file to rebuild it");
        }

        if (version != formatVersion)
        {
            throw new InvalidDataException($"format version {version}, expected {formatVersion}");
        }
    }
}
