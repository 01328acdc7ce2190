using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Core;
using NewsBot.Tests.Shared;

namespace NewsBot.Sources.Tests.Fakes;

/// <summary>The real core and sources services on a temp corpus and state file, with the loopback site allowed.</summary>
public sealed class SourcesHarness : IAsyncDisposable
{
    private SourcesHarness(ServiceProvider services, string corpus, string data, FakeTimeProvider time, ListLogger logs)
    {
        Services = services;
        Corpus = corpus;
        Data = data;
        Time = time;
        Logs = logs;
    }

    public ServiceProvider Services { get; }

    public string Corpus { get; }

    public string Data { get; }

    public FakeTimeProvider Time { get; }

    public ListLogger Logs { get; }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public static SourcesHarness Create(IEnumerable<KeyValuePair<string, string?>>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var corpus = TestPaths.NewTempFolder();
        var data = TestPaths.NewTempFolder();
        var values = new Dictionary<string, string?>
        {
            ["Corpus:Path"] = corpus,
            ["Corpus:Cache"] = "false",
            ["Corpus:Watch"] = "false",
            ["Search:DictionaryPath"] = "",
            ["Sources:StateFile"] = Path.Combine(data, "sources.json"),
            ["Sources:AllowPrivateNetworks"] = "true",
            ["Sources:PerHostInterval"] = "00:00:00",
            ["Sources:TimeoutSeconds"] = "5",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 6, 12, 0, 0, TimeSpan.Zero));
        var logs = new ListLogger();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(b => b.AddProvider(logs));
        services.AddNewsBotCore(configuration).AddInMemoryState().AddExtractiveAnswers().AddSources(configuration);

        // Last, so that what the test registers (a shared lease store, an instance name) is what the services get.
        configure?.Invoke(services);
        // As the running bot has it (AddDigests): the disabled-feed note goes to Digest:AdminChats.
        services.AddOptions<NewsBot.Core.Digests.DigestOptions>().Bind(configuration.GetSection(NewsBot.Core.Digests.DigestOptions.SectionName));
        return new SourcesHarness(services.BuildServiceProvider(), corpus, data, time, logs);
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}

/// <summary>Collects warning and error lines, to check that a broken source costs exactly one line naming it.</summary>
public sealed class ListLogger : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Warnings => _lines.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(ListLogger owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._lines.Enqueue(formatter(state, exception));
            }
        }
    }
}
