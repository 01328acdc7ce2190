using System.Net;

namespace NewsBot.Discord.Client;

/// <summary>Discord answered a REST call with an error status.</summary>
public class DiscordHttpException : Exception
{
    public DiscordHttpException()
    {
    }

    public DiscordHttpException(string message)
        : base(message)
    {
    }

    public DiscordHttpException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DiscordHttpException(HttpStatusCode status, int? discordCode, string message)
        : base(message)
    {
        Status = status;
        DiscordCode = discordCode;
    }

    public HttpStatusCode Status { get; }

    /// <summary>Discord's JSON error code, e.g. 50001 Missing Access, 10003 Unknown Channel.</summary>
    public int? DiscordCode { get; }
}

/// <summary>Discord refused the bot token (401): nothing more is sent until the token is fixed.</summary>
public sealed class DiscordUnauthorizedException : DiscordHttpException
{
    public DiscordUnauthorizedException()
        : base(HttpStatusCode.Unauthorized, null, DefaultMessage)
    {
    }

    public DiscordUnauthorizedException(string message)
        : base(HttpStatusCode.Unauthorized, null, message)
    {
    }

    public DiscordUnauthorizedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public const string DefaultMessage =
        "Discord rejected the bot token (401 Unauthorized); check Discord:BotToken. No further Discord requests are sent.";
}
