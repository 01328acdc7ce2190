using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Tests.Digests;

/// <summary>One delivery the fake platform accepted.</summary>
internal sealed record SentDigest(string ChatId, Reply Reply, DateTimeOffset At);

/// <summary>
/// A platform sender that records what it accepted and signals each attempt. Chats in <see cref="FailingChats"/> are refused
/// like a deleted chat (403); with <see cref="Block"/> set, a send hangs until cancelled (the process "dies" mid-send).
/// </summary>
internal sealed class FakeSender(string platform, TimeProvider time) : IChatSender
{
    public string Platform => platform;

    public ConcurrentBag<string> FailingChats { get; } = [];

    public bool Block { get; set; }

    /// <summary>Chats whose sends hang until cancelled (a platform that never answers).</summary>
    public ConcurrentBag<string> HangingChats { get; } = [];

    public ConcurrentQueue<SentDigest> Sent { get; } = new();

    public ConcurrentDictionary<string, int> Attempts { get; } = new();

    /// <summary>Written at the start of every attempt.</summary>
    public Channel<string> AttemptStarted { get; } = Channel.CreateUnbounded<string>();

    public IReadOnlyList<SentDigest> SentTo(string chatId) => Sent.Where(s => s.ChatId == chatId).ToList();

    public async Task SendAsync(string chatId, Reply reply, CancellationToken cancellationToken)
    {
        Attempts.AddOrUpdate(chatId, 1, (_, n) => n + 1);
        AttemptStarted.Writer.TryWrite(chatId);
        if (Block || HangingChats.Contains(chatId))
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (FailingChats.Contains(chatId))
        {
            throw new ChatSendException("Forbidden: bot was kicked from the group chat", isPermanent: true);
        }

        Sent.Enqueue(new SentDigest(chatId, reply, time.GetUtcNow()));
    }
}

/// <summary>A corpus the test changes as time goes by.</summary>
internal sealed class MutableCorpus : ICorpusProvider
{
    private readonly List<Article> _articles = [];
    private CorpusSnapshot _current = Build([], 0);

    public CorpusSnapshot Current => _current;

    public event EventHandler<CorpusSnapshot>? Changed;

    public Article Add(string id, string title, DateTimeOffset addedAt, string date = "2026-03-01")
    {
        var article = DigestTestData.Article(id, title, addedAt, date);
        lock (_articles)
        {
            _articles.Add(article);
            _current = Build(_articles, _current.Version + 1);
        }

        Changed?.Invoke(this, _current);
        return article;
    }

    private static CorpusSnapshot Build(IReadOnlyList<Article> articles, long version) =>
        new([.. articles], CorpusIndex.Build(articles), PeopleIndexBuilder.Build(articles), version);
}

internal static class DigestTestData
{
    private static readonly string[] Topics =
    [
        "Harbour cranes stand still as dock workers strike over pay",
        "City council approves new tram line through the old town",
        "Heatwave pushes river levels to a record low in August",
        "Local orchestra wins national prize for young musicians",
        "Bakery cooperative opens third shop after crowdfunding",
        "Researchers map bird migration with tiny solar trackers",
        "Library extends opening hours for students before exams",
        "Ferry service resumes after storm damage is repaired",
    ];

    /// <summary>A short English article whose title and text differ from the others, so digests do not group them.</summary>
    public static Article Article(string id, string title, DateTimeOffset addedAt, string date = "2026-03-01")
    {
        var body = $"""
            date {date}

            {title}

            {title} according to reports on {date}. Officials said more details would follow in the coming days.
            """;
        return ArticleParser.Parse(id, id + ".txt", body) with { AddedAt = addedAt, Source = id + ".txt" };
    }

    public static string Topic(int i) => $"{Topics[i % Topics.Length]} (part {i})";

    public static string ArticleFile(string title, string date = "2026-05-01") => $"""
        date {date}

        {title}

        {title}. The mayor said the decision was overdue. Residents had asked for it for years.
        """;
}

/// <summary>Keeps log lines so tests can check that something was said (a skipped occurrence, a disabled target).</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(Lines);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }
}
