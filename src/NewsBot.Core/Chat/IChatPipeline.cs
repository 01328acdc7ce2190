namespace NewsBot.Core.Chat;

/// <summary>The one entry point every adapter calls: a request in, a reply out.</summary>
public interface IChatPipeline
{
    /// <param name="request">The user's message.</param>
    /// <param name="partialText">Receives the answer text as it grows, when the engine streams; may be null.</param>
    /// <param name="cancellationToken">Cancels the work (shutdown or /cancel).</param>
    Task<Reply> HandleAsync(ChatRequest request, IProgress<string>? partialText, CancellationToken cancellationToken);
}

/// <summary>Sends a reply to a chat on one platform without a triggering message (digests, notes to admins).</summary>
public interface IChatSender
{
    string Platform { get; }

    /// <summary>Sends and returns once the platform accepted every part.</summary>
    /// <exception cref="ChatSendException">The platform refused; <see cref="ChatSendException.IsPermanent"/> for 400/403.</exception>
    Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken);
}

public sealed class ChatSendException : Exception
{
    public ChatSendException()
    {
    }

    public ChatSendException(string message)
        : base(message)
    {
    }

    public ChatSendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChatSendException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
    }

    /// <summary>True when retrying cannot help (chat gone, bot removed).</summary>
    public bool IsPermanent { get; }
}
