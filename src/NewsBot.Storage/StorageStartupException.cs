namespace NewsBot.Storage;

/// <summary>The store could not be opened or migrated at start; the message is one line naming the file.</summary>
public sealed class StorageStartupException : Exception
{
    public StorageStartupException(string message)
        : base(message)
    {
    }

    public StorageStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageStartupException()
    {
    }
}
