using NewsBot.Core.Chat;

namespace NewsBot.Telegram.Receiving;

/// <summary>A message the bot will answer: where it came from, which message to reply to, and the request for the pipeline.</summary>
public sealed record IncomingMessage(long UpdateId, long ChatId, long UserId, int MessageId, ChatRequest Request)
{
    /// <summary>Group commands may change the group's settings, so the router is told whether the sender is an admin.</summary>
    public bool NeedsAdminCheck => Request.IsGroup && Request.Text.StartsWith('/');
}
