namespace NewsBot.Telegram;

/// <summary>The Bot API refused the token (401, or 404 for a malformed one): nothing will work until it is fixed.</summary>
public sealed class TelegramTokenRejectedException : Exception
{
    public TelegramTokenRejectedException()
    {
    }

    public TelegramTokenRejectedException(string message)
        : base(message)
    {
    }

    public TelegramTokenRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
