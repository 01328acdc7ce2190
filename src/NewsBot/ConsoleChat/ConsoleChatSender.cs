using NewsBot.Core.Chat;

namespace NewsBot.ConsoleChat;

/// <summary>Delivers scheduled digests to the console chat: the plain-text reply on stdout, like any answer there.</summary>
public sealed class ConsoleChatSender(ConsoleChatIO io) : IChatSender
{
    private static readonly SemaphoreSlim WriteGate = new(1, 1);
    private readonly PlainTextFormatter _formatter = new();

    public string Platform => Platforms.Console;

    public async Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken)
    {
        var parts = _formatter.Format(reply, int.MaxValue / 2);
        if (parts.Count == 0)
        {
            return;
        }

        await WriteGate.WaitAsync(cancellationToken);
        try
        {
            var output = io.Output;
            await output.WriteLineAsync();
            foreach (var part in parts)
            {
                await output.WriteLineAsync(part);
            }

            await output.WriteLineAsync();
            await output.FlushAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            throw new ChatSendException("The console output is closed: " + ex.Message, isPermanent: true, ex);
        }
        finally
        {
            WriteGate.Release();
        }
    }
}
