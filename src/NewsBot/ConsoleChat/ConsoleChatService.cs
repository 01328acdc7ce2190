using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Core.Telemetry;

namespace NewsBot.ConsoleChat;

/// <summary>
/// The console adapter: each line on stdin is a message (question or command) to the same pipeline the platforms use;
/// replies go to stdout as soon as they are ready. At the keyboard, /cancel stops a running answer. End of input stops
/// the host cleanly; input that ends before its first line says in one line why there is nothing to serve.
/// </summary>
public sealed partial class ConsoleChatService(
    IChatPipeline pipeline,
    IHostApplicationLifetime lifetime,
    ConsoleChatIO io,
    ILogger<ConsoleChatService> logger) : BackgroundService
{
    public const string Hint = "NewsBot: ask about the news in German or English. /help lists the commands, /cancel stops an answer, Ctrl+D ends.";

    public const string NothingToServe =
        "newsbot: standard input ended before any question and no platform has a token, so there is nothing to serve "
        + "(set Telegram__BotToken or Discord__BotToken, or run with a terminal, e.g. docker run -it)";

    private readonly PlainTextFormatter _formatter = new();

    // A stop (SIGTERM, Ctrl+C) ends the reading at once; the answer being written gets until the host's shutdown time is up.
    private readonly CancellationTokenSource _abort = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var abort = cancellationToken.Register(() => _abort.Cancel());
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var output = io.Output;
        if (io.Interactive)
        {
            await output.WriteLineAsync(Hint);
            await PromptAsync(output, stoppingToken);
        }

        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        StartReader(lines.Writer);
        var answering = Task.CompletedTask;
        var any = false;
        try
        {
            await foreach (var line in lines.Reader.ReadAllAsync(stoppingToken))
            {
                any = true;
                if (line.Trim().Length == 0)
                {
                    if (io.Interactive && answering.IsCompleted)
                    {
                        await PromptAsync(output, stoppingToken);
                    }

                    continue;
                }

                if (io.Interactive && !answering.IsCompleted && IsCancel(line))
                {
                    // The pipeline stops the running answer (it ends silently) and confirms here.
                    await AnswerAsync(line, output, _abort.Token);
                    continue;
                }

                // At the keyboard lines are read while an answer runs (so /cancel can stop it); piped input is a script,
                // each line answered after the one before. Either way each answer is written as soon as it is ready.
                await answering;
                answering = AnswerAsync(line, output, _abort.Token);
                if (!io.Interactive)
                {
                    await answering;
                }
            }

            await answering;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: no new lines are taken; the answer in flight is finished and written.
            await answering;
            return;
        }

        if (io.Interactive)
        {
            await output.WriteLineAsync();
            await output.FlushAsync(CancellationToken.None);
        }
        else if (!any)
        {
            // A container started without a terminal: exiting silently would look like a crash or a hang.
            await io.ErrorOutput.WriteLineAsync(NothingToServe);
            Environment.ExitCode = 2;
        }

        LogEndOfInput(logger);
        lifetime.StopApplication();
    }

    /// <summary>
    /// Reads stdin on a thread of its own: <c>Console.In</c> blocks its caller (its ReadLineAsync completes synchronously),
    /// so reading on the answering loop would hold every answer back until the input ends. The thread is a background
    /// thread, so a line that never comes does not keep the process alive at shutdown.
    /// </summary>
    private void StartReader(ChannelWriter<string> lines)
    {
        var reader = new Thread(() =>
        {
            try
            {
                while (io.Input.ReadLine() is { } line)
                {
                    lines.TryWrite(line);
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                LogInputFailed(logger, e);
            }
            finally
            {
                lines.TryComplete();
            }
        })
        {
            IsBackground = true,
            Name = "console input",
        };
        reader.Start();
    }

    private static bool IsCancel(string line) =>
        line.Trim() is var text && (text.Equals("/cancel", StringComparison.OrdinalIgnoreCase) || text.Equals("/abbrechen", StringComparison.OrdinalIgnoreCase));

    private static async Task PromptAsync(TextWriter output, CancellationToken stoppingToken)
    {
        await output.WriteAsync("> ");
        await output.FlushAsync(stoppingToken);
    }

    private async Task AnswerAsync(string line, TextWriter output, CancellationToken stoppingToken)
    {
        using var turn = NewsBotTelemetry.StartTurn(Platforms.Console, "console");
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Console input could not be read; the console chat ends")]
    private static partial void LogInputFailed(ILogger logger, Exception exception);
}

/// <summary>The console's streams; tests substitute their own.</summary>
public sealed record ConsoleChatIO(TextReader Input, TextWriter Output, bool Interactive)
{
    /// <summary>Where a line about the chat itself goes (not an answer), so stdout stays answers only.</summary>
    public TextWriter ErrorOutput { get; init; } = TextWriter.Null;

    public static ConsoleChatIO System() =>
        new(global::System.Console.In, global::System.Console.Out, !global::System.Console.IsInputRedirected) { ErrorOutput = global::System.Console.Error };
}
