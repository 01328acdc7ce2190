using System.Net;
using NewsBot.Core.Chat;
using NewsBot.Discord.Client;
using NewsBot.Discord.Rendering;

namespace NewsBot.Discord;

/// <summary>Posts a reply to a Discord channel without a triggering message (scheduled digests).</summary>
public sealed class DiscordChatSender(DiscordRestClient rest, DiscordMarkdownFormatter formatter) : IChatSender
{
    public string Platform => Platforms.Discord;

    public async Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken)
    {
        foreach (var part in formatter.Format(reply))
        {
            try
            {
                await rest.CreateMessageAsync(chatId, part, null, cancellationToken);
            }
            catch (DiscordHttpException ex)
            {
                var permanent = ex is DiscordUnauthorizedException
                    || ex.Status is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
                throw new ChatSendException($"Discord refused a message to channel {chatId}: {ex.Message}", permanent, ex);
            }
        }
    }
}
