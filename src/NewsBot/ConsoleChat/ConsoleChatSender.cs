using NewsBot.Core.Chat;

namespace NewsBot.ConsoleChat;

/// <summary>Delivers scheduled digests to the console chat: the plain-text reply on stdout, like any answer there.</summary>
public sealed class ConsoleChatSender(ConsoleWriter writer) : IChatSender
{
    private readonly PlainTextFormatter _formatter = new();

    public string Platform => Platforms.Console;

    public async Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken)
    {
        var parts = _formatter.Format(reply, int.MaxValue / 2);
        if (parts.Count == 0)
        {
            return;
        }

        try
        {
            await writer.WriteAsync(
                output =>
                {
                    output.WriteLine();
                    foreach (var part in parts)
                    {
                        output.WriteLine(part);
                    }

                    output.WriteLine();
                },
                cancellationToken);
        }
        catch (IOException ex)
        {
            throw new ChatSendException("The console output is closed: " + ex.Message, isPermanent: true, ex);
        }
    }
}
