using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Core.Turns;

namespace NewsBot.ConsoleChat;

/// <summary>
/// The console adapter: each line on stdin is a chat turn, answered by the same runner and pipeline as the platforms;
/// replies go to stdout as soon as they are ready. At the keyboard, /cancel stops a running answer. End of input stops
/// the host cleanly; input that ends before its first line says in one line why there is nothing to serve.
/// </summary>
public sealed partial class ConsoleChatService(
    TurnRunner turns,
    IHostApplicationLifetime lifetime,
    ConsoleChatIO io,
    ConsoleWriter writer,
    ILogger<ConsoleChatService> logger) : BackgroundService
{
    public const string Hint = "NewsBot: ask about the news in German or English. /help lists the commands, /cancel stops an answer, Ctrl+D ends.";

    public const string NothingToServe =
        "newsbot: standard input ended before any question and no platform has a token, so there is nothing to serve "
        + "(set Telegram__BotToken or Discord__BotToken, or run with a terminal, e.g. docker run -it)";

    /// <summary>A stop (SIGTERM, Ctrl+C) ends the reading at once; answers being written get until the host's shutdown time is up.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var drained = turns.DrainAsync(cancellationToken);
        await base.StopAsync(cancellationToken);
        await drained;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (io.Interactive)
        {
            await writer.WriteAsync(output => output.Write(Hint + "\n" + ConsoleWriter.Prompt), stoppingToken);
        }

        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        StartReader(lines.Writer);
        var answering = new List<Task>();
        var any = false;
        try
        {
            await foreach (var line in lines.Reader.ReadAllAsync(stoppingToken))
            {
                any = true;
                answering.RemoveAll(t => t.IsCompleted);
                if (line.Trim().Length == 0)
                {
                    if (io.Interactive && answering.Count == 0)
                    {
                        await writer.WriteAsync(output => output.Write(ConsoleWriter.Prompt), stoppingToken);
                    }

                    continue;
                }

                // At the keyboard lines are read while an answer runs, so /cancel can stop it (it runs at once; a further
                // question waits its turn). Piped input is a script: each line is answered after the one before.
                var answered = turns.SubmitAsync(new ChatTurn(RequestOf(line), new ConsoleSurface(io, writer)));
                answering.Add(answered);
                if (!io.Interactive)
                {
                    await answered;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: no new lines are taken; the answers in flight are finished and written (StopAsync waits for them).
            return;
        }

        await Task.WhenAll(answering);
        if (io.Interactive)
        {
            await writer.WriteAsync(output => output.WriteLine(), CancellationToken.None);
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

    private static ChatRequest RequestOf(string line) =>
        new() { Platform = Platforms.Console, ChatId = "console", UserId = Environment.UserName, Text = line };

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
