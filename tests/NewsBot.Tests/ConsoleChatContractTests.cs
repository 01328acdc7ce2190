using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.ConsoleChat;
using NewsBot.Core;
using NewsBot.Core.Answers;

using NewsBot.Tests.Shared;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Tests;

/// <summary>
/// The chat contract on the console chat service, lines arriving while it answers (as at the keyboard). The console has
/// one user, so the scenarios of several members do not apply; the built binary at a real pseudo-terminal is driven by
/// ConsoleKeyboardTests.
/// </summary>
public sealed partial class ConsoleChatContractTests : ChatContract
{
    protected override async Task<IChatContractDriver> StartAsync(ScriptedEngine engine) => await ConsoleChatDriver.StartAsync(engine);

    private sealed partial class ConsoleChatDriver : IChatContractDriver
    {
        private readonly Keyboard _keyboard;
        private readonly Screen _screen;
        private readonly IHost _host;

        private ConsoleChatDriver(Keyboard keyboard, Screen screen, IHost host)
        {
            _keyboard = keyboard;
            _screen = screen;
            _host = host;
        }

        public int MaxMessageLength => int.MaxValue;

        /// <summary>What the screen shows, in the blocks a reader sees: separated by blank lines and prompts.</summary>
        public IReadOnlyList<string> Messages =>
            [.. Blocks().Split(_screen.Text.Replace("\r\n", "\n", StringComparison.Ordinal)).Select(b => b.Trim()).Where(b => b.Length > 0)];

        public static async Task<ConsoleChatDriver> StartAsync(ScriptedEngine engine)
        {
            var keyboard = new Keyboard();
            var screen = new Screen();
            var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Corpus:Path"] = TestPaths.SampleCorpus,
                ["Corpus:Watch"] = "false",
                ["Bot:RateLimit:QuestionsPerMinute"] = "0",
                ["Bot:DefaultLanguage"] = "en",
            });
            builder.Logging.ClearProviders();
            builder.Services.AddNewsBotCore(builder.Configuration).AddInMemoryState();
            builder.Services.AddSingleton<IAnswerEngine>(engine).AddSingleton<IQueryExpander, NoQueryExpansion>();
            builder.Services.AddSingleton(new ConsoleChatIO(keyboard, screen, Interactive: true));
            builder.Services.AddSingleton<ConsoleWriter>();
            builder.Services.AddHostedService<ConsoleChatService>();
            var host = builder.Build();
            _ = host.Services.GetRequiredService<NewsBot.Retrieval.Corpus.FileCorpusProvider>().Current;
            await host.StartAsync();
            return new ConsoleChatDriver(keyboard, screen, host);
        }

        public Task SendAsync(string text, string? locale = "en", bool fromAnotherMember = false)
        {
            Assert.False(fromAnotherMember, "the console has one user");
            _keyboard.Type(text);
            return Task.CompletedTask;
        }

        public async Task WaitUntilAsync(Func<IReadOnlyList<string>, bool> condition, string what)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                while (true)
                {
                    // Taken before looking, so a change in between is not missed.
                    var changed = _screen.Changed;
                    if (condition(Messages))
                    {
                        break;
                    }

                    await changed.WaitAsync(timeout.Token);
                }
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Waited for {what}; the screen shows:\n" + _screen.Text);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _keyboard.End();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _host.StopAsync(timeout.Token);
            _host.Dispose();
        }

        [GeneratedRegex(@"\n[ \t]*\n|(?m)^> ")]
        private static partial Regex Blocks();
    }

    /// <summary>Lines typed while the chat runs; the chat's reader thread blocks until the next one.</summary>
    private sealed class Keyboard : TextReader
    {
        private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

        public void Type(string line) => _lines.Writer.TryWrite(line);

        public void End() => _lines.Writer.TryComplete();

        public override string? ReadLine()
        {
            var read = _lines.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult();
            return read && _lines.Reader.TryRead(out var line) ? line : null;
        }
    }

    /// <summary>The terminal's screen: everything written, and a signal whenever a block was flushed to it.</summary>
    private sealed class Screen : StringWriter
    {
        private readonly Lock _gate = new();
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Text
        {
            get
            {
                lock (_gate)
                {
                    return ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Flush()
        {
            TaskCompletionSource changed;
            lock (_gate)
            {
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
        }

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flush();
            return Task.CompletedTask;
        }

        /// <summary>Completes at the next flush.</summary>
        public Task Changed
        {
            get
            {
                lock (_gate)
                {
                    return _changed.Task;
                }
            }
        }
    }
}
