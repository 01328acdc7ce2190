using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NewsBot.ConsoleChat;
using NewsBot.Core;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;

using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Storage;
using NewsBot.Tests.Shared;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Tests;

/// <summary>
/// The console adapter in a real host over the SQLite store, started, fed lines and stopped twice on the same
/// database file: what the first run stored must shape the second.
/// </summary>
public sealed class PolicyHostTests
{
    private const string EuropeSentence = "Bereits zuvor hatte der Ukrainer betont, dass ein Friedensprozess nicht ohne sein Land und Europa stattfinden dürfe.";

    [Fact]
    public async Task Language_setting_and_conversation_memory_survive_a_restart_on_the_same_database()
    {
        var database = Path.Combine(TestPaths.NewTempFolder(), "bot.db");

        var first = await RunAsync(database, "/lang en\nWhat did Zelensky say?\n");
        Assert.Contains("I will answer in English", first.Output, StringComparison.Ordinal);
        Assert.Contains("Selenskyj", first.Output, StringComparison.Ordinal);

        var second = await RunAsync(database, "Und was sagte er über Europa?\n");
        var asked = Assert.Single(second.Asked);
        Assert.Equal(Language.English, asked.AnswerLanguage);
        Assert.Equal("What did Zelensky say?", Assert.Single(asked.History).Question);
        Assert.Contains(asked.Hits, h => h.Passage.Text.Contains(EuropeSentence, StringComparison.Ordinal));
        Assert.Contains("From the German article", second.Output, StringComparison.Ordinal);

        // /reset clears the stored conversation, and that survives a restart too.
        await RunAsync(database, "/reset\n");
        var third = await RunAsync(database, "And what did he say about Europe?\n");
        Assert.Empty(Assert.Single(third.Asked).History);
    }

    [Fact]
    public async Task Console_chat_refuses_oversized_input_and_cancel_with_nothing_running()
    {
        var database = Path.Combine(TestPaths.NewTempFolder(), "bot.db");
        var run = await RunAsync(database, new string('x', 60) + "\n/cancel\n", new() { ["Bot:MaxQuestionLength"] = "50", ["Bot:DefaultLanguage"] = "en" });

        Assert.Contains(Texts.TooLong(Language.English, 50), run.Output, StringComparison.Ordinal);
        Assert.Contains(Texts.NothingToCancel(Language.English), run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Asked);
    }

    [Fact]
    public async Task Console_allow_list_refuses_a_stranger_once()
    {
        var database = Path.Combine(TestPaths.NewTempFolder(), "bot.db");
        var run = await RunAsync(
            database,
            "Where did Rubio and Lavrov meet?\nWhere did Rubio and Lavrov meet?\n",
            new() { ["Access:Console:AllowedUsers:0"] = "somebody-else" });

        Assert.Equal(1, CountOf(run.Output, Texts.NotAllowed(Language.English)));
        Assert.Empty(run.Asked);
    }

    [Fact]
    public async Task A_concurrent_burst_on_the_real_store_is_fully_accounted_for_and_every_answer_is_remembered()
    {
        var database = Path.Combine(TestPaths.NewTempFolder(), "bot.db");
        using var host = Build(database, "", new() { ["Bot:MaxConcurrentAnswers"] = "4" }, [], startConsole: false, time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        var pipeline = host.Services.GetRequiredService<IChatPipeline>();

        // 30 users on two platforms, each firing 10 questions one after another, all users at once: 300 requests.
        var users = Enumerable.Range(0, 30).Select(u => Task.Run(async () =>
        {
            var platform = u % 2 == 0 ? Platforms.Telegram : Platforms.Discord;
            var replies = new List<Reply>();
            for (var q = 0; q < 10; q++)
            {
                var request = new ChatRequest { Platform = platform, ChatId = $"{u}", UserId = $"{u}", Text = $"Wo trafen sich Rubio und Lawrow? ({q})" };
                replies.Add(await pipeline.HandleAsync(request, null, timeout.Token));
            }

            return (Key: new ChatKey(platform, $"{u}"), Replies: replies);
        }));
        var results = await Task.WhenAll(users).WaitAsync(timeout.Token);

        var all = results.SelectMany(r => r.Replies).ToList();
        Assert.Equal(300, all.Count);
        Assert.All(all, r => Assert.True(
            r.Kind == ReplyKind.Answer || (r.Kind == ReplyKind.Refusal && r.PlainText.StartsWith(Texts.RateLimited(Language.German, 1)[..20], StringComparison.Ordinal)),
            r.Kind + ": " + r.PlainText));

        // The default limit (5 a minute, time stands still) lets each user ask exactly 5; each answer is in the store,
        // none lost to concurrent writes.
        var store = host.Services.GetRequiredService<IConversationStore>();
        foreach (var (key, replies) in results)
        {
            var answered = replies.Count(r => r.Kind == ReplyKind.Answer);
            Assert.Equal(5, answered);
            var turns = await store.GetRecentAsync(key, 100, DateTimeOffset.UnixEpoch, timeout.Token);
            Assert.Equal(answered, turns.Count);
        }

        await host.StopAsync(timeout.Token);
    }

    [Fact]
    public async Task At_the_keyboard_cancel_stops_the_running_answer_and_the_chat_goes_on()
    {
        var database = Path.Combine(TestPaths.NewTempFolder(), "bot.db");
        var input = new LiveLines();
        var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        var holding = new HoldingEngine();
        using var host = Build(database, "", null, [], startConsole: true, output, io: new ConsoleChatIO(input, output, Interactive: true), engine: holding.Around);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var running = host.RunAsync(timeout.Token);
        input.Send("Where did Rubio and Lavrov meet?");
        await holding.Started.Task.WaitAsync(timeout.Token);
        input.Send("/cancel");
        await holding.Cancelled.Task.WaitAsync(timeout.Token);
        input.Send("/articles");
        input.End();
        await running;

        Assert.False(timeout.IsCancellationRequested, "the console chat did not stop at the end of its input");
        var shown = text.ToString();
        var cancelled = shown.IndexOf("Cancelled.", StringComparison.Ordinal);
        Assert.True(cancelled >= 0, shown);
        Assert.True(shown.IndexOf("000_59b4a59a8a957c04", StringComparison.Ordinal) > cancelled, shown);
        Assert.DoesNotContain("Riad", shown, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private sealed record Run(string Output, IReadOnlyList<AskContext> Asked);

    private static async Task<Run> RunAsync(string database, string input, Dictionary<string, string?>? settings = null)
    {
        var asked = new List<AskContext>();
        var output = new StringWriter();
        using var host = Build(database, input, settings, asked, startConsole: true, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.RunAsync(timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "the console chat did not stop at the end of its input");
        return new Run(output.ToString(), asked);
    }

    /// <summary>The host the way the executable composes it for "run": core, SQLite store and the console chat.</summary>
    private static IHost Build(
        string database,
        string input,
        Dictionary<string, string?>? settings,
        List<AskContext> asked,
        bool startConsole,
        TextWriter? output = null,
        TimeProvider? time = null,
        ConsoleChatIO? io = null,
        Func<IAnswerEngine, IAnswerEngine>? engine = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Corpus:Path"] = TestPaths.SeedCorpus,
            ["Corpus:Watch"] = "false",
            ["Storage:ConnectionString"] = database,
            // Keep the article cache and dictionary snapshot beside the test's database, never in the user's data folder.
            ["Corpus:CacheFolder"] = Path.Combine(Path.GetDirectoryName(database)!, "cache"),
        };
        foreach (var (key, value) in settings ?? [])
        {
            configuration[key] = value;
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(configuration);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services
            .AddNewsBotCore(builder.Configuration)
            .AddStorage(builder.Configuration);
        builder.Services.AddSingleton<IQueryExpander, NoQueryExpansion>();
        builder.Services.AddSingleton<IAnswerEngine>(sp =>
        {
            var recording = new RecordingEngine(sp.GetRequiredService<ExtractiveAnswerEngine>(), asked);
            return engine is null ? recording : engine(recording);
        });
        if (startConsole)
        {
            builder.Services.AddSingleton(io ?? new ConsoleChatIO(new StringReader(input), output ?? TextWriter.Null, Interactive: false));
            builder.Services.AddSingleton<ConsoleWriter>();
            builder.Services.AddHostedService<ConsoleChatService>();
        }

        // Ready before any timed wait starts: the index (dictionary included) is built here, however loaded the machine.
        var host = builder.Build();
        _ = host.Services.GetRequiredService<FileCorpusProvider>().Current;
        return host;
    }

    /// <summary>Keyboard input that arrives while the chat runs: lines are sent one by one, then the input ends.</summary>
    private sealed class LiveLines : TextReader
    {
        private readonly System.Threading.Channels.Channel<string> _lines = System.Threading.Channels.Channel.CreateUnbounded<string>();

        public void Send(string line) => _lines.Writer.TryWrite(line);

        public void End() => _lines.Writer.TryComplete();

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
            await _lines.Reader.WaitToReadAsync(cancellationToken) && _lines.Reader.TryRead(out var line) ? line : null;

        public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>An engine whose questions never finish on their own: they wait until cancelled, and say so.</summary>
    private sealed class HoldingEngine
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IAnswerEngine Around(IAnswerEngine inner) => new Holding(inner, this);

        private sealed class Holding(IAnswerEngine inner, HoldingEngine owner) : DelegatingEngine(inner)
        {
            public override async Task<Answer> AnswerAsync(AskContext context, CancellationToken cancellationToken)
            {
                owner.Started.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    owner.Cancelled.TrySetResult();
                    throw;
                }

                return await base.AnswerAsync(context, cancellationToken);
            }
        }
    }

    /// <summary>Passes everything to the real engine; the test engines change only what they need to.</summary>
    private abstract class DelegatingEngine(IAnswerEngine inner) : IAnswerEngine
    {
        public string Backend => inner.Backend;

        public virtual Task<Answer> AnswerAsync(AskContext context, CancellationToken cancellationToken) => inner.AnswerAsync(context, cancellationToken);

        public Task<Answer> SummarizeAsync(SummaryContext context, CancellationToken cancellationToken) => inner.SummarizeAsync(context, cancellationToken);

        public Task<string> BlurbAsync(Article article, Language language, CancellationToken cancellationToken) => inner.BlurbAsync(article, language, cancellationToken);

        public Task<Answer> DescribePersonAsync(PersonContext context, CancellationToken cancellationToken) => inner.DescribePersonAsync(context, cancellationToken);
    }

    /// <summary>Records what the answer engine was asked and lets the real engine answer.</summary>
    private sealed class RecordingEngine(IAnswerEngine inner, List<AskContext> asked) : DelegatingEngine(inner)
    {
        public override Task<Answer> AnswerAsync(AskContext context, CancellationToken cancellationToken)
        {
            lock (asked)
            {
                asked.Add(context);
            }

            return base.AnswerAsync(context, cancellationToken);
        }
    }
}
