using NewsBot.Core.Chat;
using NewsBot.Core.Turns;

namespace NewsBot.ConsoleChat;

/// <summary>
/// The console as a chat surface: a streamed draft is written as it grows (only the new text each time), the reply
/// follows as plain text, and at the keyboard each reply ends with the prompt. No typing indicator.
/// </summary>
public sealed class ConsoleSurface(ConsoleChatIO io, ConsoleWriter writer) : IChatSurface
{
    private const string DraftId = "console";
    private readonly PlainTextFormatter _formatter = new();
    private string _written = "";

    public SurfacePacing Pacing { get; } = new(TimeSpan.Zero, TimeSpan.Zero);

    public Task ShowTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<string> ShowDraftAsync(string? draftId, string text, CancellationToken cancellationToken)
    {
        if (text.StartsWith(_written, StringComparison.Ordinal))
        {
            var added = text[_written.Length..];
            _written = text;
            await writer.WriteAsync(output => output.Write(added), cancellationToken);
        }

        return DraftId;
    }

    public Task DeliverAsync(string? draftId, Reply reply, CancellationToken cancellationToken)
    {
        if (reply.Kind == ReplyKind.Silent && draftId is null)
        {
            return Task.CompletedTask;
        }

        // After a streamed draft the answer text is already on screen: only what the draft had not shown yet (the draft
        // shows the newest text at most once per interval, so its last words may still be missing), then the sources.
        var shown = draftId is null ? reply : reply with { Blocks = [] };
        var parts = _formatter.Format(shown, int.MaxValue / 2);
        var text = string.Join("\n\n", reply.Blocks.Select(b => b.Text));
        var rest = draftId is not null && text.StartsWith(_written, StringComparison.Ordinal) ? text[_written.Length..] : "";
        return writer.WriteAsync(
            output =>
            {
                if (draftId is not null)
                {
                    output.WriteLine(rest);
                }

                foreach (var part in parts)
                {
                    output.WriteLine(part);
                }

                output.WriteLine();
                if (io.Interactive)
                {
                    output.Write(ConsoleWriter.Prompt);
                }
            },
            cancellationToken);
    }

    public Task EndDraftAsync(string draftId, string note, CancellationToken cancellationToken) =>
        writer.WriteAsync(
            output =>
            {
                output.WriteLine();
                output.WriteLine(note);
                output.WriteLine();
            },
            cancellationToken);
}

/// <summary>Writes whole blocks to the console's output, one at a time, so that answers and drafts never interleave.</summary>
public sealed class ConsoleWriter(ConsoleChatIO io)
{
    public const string Prompt = "> ";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task WriteAsync(Action<TextWriter> write, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            write(io.Output);
            await io.Output.FlushAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
