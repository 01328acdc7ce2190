using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;

namespace NewsBot.ConsoleChat;

/// <summary>
/// The console adapter: each line on stdin is a message (question or command) to the same pipeline the platforms use;
/// replies go to stdout. At the keyboard, /cancel stops a running answer. End of input stops the host cleanly.
/// </summary>
public sealed partial class ConsoleChatService(
    IChatPipeline pipeline,
    IHostApplicationLifetime lifetime,
    ConsoleChatIO io,
    ILogger<ConsoleChatService> logger) : BackgroundService
{
    private readonly PlainTextFormatter _formatter = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var output = io.Output;
        if (io.Interactive)
        {
            await output.WriteLineAsync("NewsBot console chat. Ask a question, or /help; /cancel stops a running answer. End with Ctrl+D.");
            await PromptAsync(output, stoppingToken);
        }

        // Lines are read while an answer runs, so that at the keyboard /cancel can stop it. Piped input is a script:
        // each line is answered after the one before, /cancel included.
        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var reading = ReadLinesAsync(lines.Writer, stoppingToken);
        var answering = Task.CompletedTask;
        try
        {
            await foreach (var line in lines.Reader.ReadAllAsync(stoppingToken))
            {
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                if (io.Interactive && !answering.IsCompleted && IsCancel(line))
                {
                    // The pipeline stops the running answer (it ends silently) and confirms here.
                    await AnswerAsync(line, output, stoppingToken);
                    continue;
                }

                await answering;
                answering = AnswerAsync(line, output, stoppingToken);
                if (!io.Interactive)
                {
                    await answering;
                }
            }

            await answering;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await reading;
        LogEndOfInput(logger);
        lifetime.StopApplication();
    }

    private async Task ReadLinesAsync(ChannelWriter<string> lines, CancellationToken stoppingToken)
    {
        try
        {
            while (await io.Input.ReadLineAsync(stoppingToken) is { } line)
            {
                lines.TryWrite(line);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            lines.TryComplete();
        }
    }

    private static bool IsCancel(string line) => string.Equals(line.Trim(), "/cancel", StringComparison.OrdinalIgnoreCase);

    private async Task PromptAsync(TextWriter output, CancellationToken stoppingToken)
    {
        await output.WriteAsync("> ");
        await output.FlushAsync(stoppingToken);
    }

    private async Task AnswerAsync(string line, TextWriter output, CancellationToken stoppingToken)
    {
        var streamed = new StreamedText(output);
        var request = new ChatRequest { Platform = Platforms.Console, ChatId = "console", UserId = Environment.UserName, Text = line };
        Reply reply;
        try
        {
            reply = await pipeline.HandleAsync(request, streamed, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        if (reply.Kind == ReplyKind.Silent && !streamed.HasWritten)
        {
            return; // stopped by /cancel: its own reply says so
        }

        if (streamed.HasWritten)
        {
            // The answer text is already on screen; add only the sources.
            await output.WriteLineAsync();
            reply = reply with { Blocks = [] };
        }

        foreach (var part in _formatter.Format(reply, int.MaxValue / 2))
        {
            await output.WriteLineAsync(part);
        }

        await output.WriteLineAsync();
        await output.FlushAsync(stoppingToken);
        if (io.Interactive)
        {
            await PromptAsync(output, stoppingToken);
        }
    }

    /// <summary>Writes a streamed answer as it grows: only the new suffix each time.</summary>
    private sealed class StreamedText(TextWriter output) : IProgress<string>
    {
        private readonly Lock _gate = new();
        private string _written = "";

        public bool HasWritten => _written.Length > 0;

        public void Report(string value)
        {
            lock (_gate)
            {
                if (value.StartsWith(_written, StringComparison.Ordinal))
                {
                    output.Write(value[_written.Length..]);
                    output.Flush();
                    _written = value;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Console input ended; stopping")]
    private static partial void LogEndOfInput(ILogger logger);
}

/// <summary>The console's streams; tests substitute their own.</summary>
public sealed record ConsoleChatIO(TextReader Input, TextWriter Output, bool Interactive)
{
    public static ConsoleChatIO System() =>
        new(global::System.Console.In, global::System.Console.Out, !global::System.Console.IsInputRedirected);
}
