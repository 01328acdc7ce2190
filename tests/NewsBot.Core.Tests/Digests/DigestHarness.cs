using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Core.Digests;
using NewsBot.Core.State;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Tests.Digests;

/// <summary>
/// The core plus digests over fake time, a fake platform and in-memory stores that outlive one "process": each
/// <see cref="StartAsync"/> builds a fresh container (a restart) on the same stores and clock.
/// </summary>
internal sealed class DigestHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private ServiceProvider? _services;

    public DigestHarness(DateTimeOffset start)
    {
        Time = new FakeTimeProvider(start);
        Sender = new FakeSender("fake", Time);
    }

    public FakeTimeProvider Time { get; }

    public FakeSender Sender { get; }

    public InMemoryDigestStore Store { get; } = new();

    public InMemoryStores State { get; } = new();

    public ICorpusProvider Corpus { get; set; } = new MutableCorpus();

    public ListLoggerProvider Logs { get; } = new();

    public DigestScheduler? Scheduler { get; private set; }

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("not started");

    public static Dictionary<string, string?> Schedule(string name, string cron, string chatId, string zone = "Europe/Berlin", string language = "de", int index = 0) => new()
    {
        [$"Digest:Schedules:{index}:Name"] = name,
        [$"Digest:Schedules:{index}:Cron"] = cron,
        [$"Digest:Schedules:{index}:TimeZone"] = zone,
        [$"Digest:Schedules:{index}:Platform"] = "fake",
        [$"Digest:Schedules:{index}:ChatId"] = chatId,
        [$"Digest:Schedules:{index}:Language"] = language,
        [$"Digest:Schedules:{index}:MaxArticles"] = "5",
    };

    public ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IDigestSubscriptionStore>(Store);
        services.AddSingleton<IDigestOutbox>(Store);
        services.AddSingleton<IDigestHistoryStore>(Store);
        services.AddSingleton<IKeyValueStore>(State);
        services.AddSingleton<IChatSettingsStore>(State);
        services.AddSingleton<IConversationStore>(State);
        services.AddNewsBotCore(configuration).AddExtractiveAnswers();
        services.AddSingleton<IAnswerLog, InMemoryAnswerLog>();
        services.AddDigests(configuration);
        services.AddSingleton(Corpus);
        services.AddSingleton<IChatSender>(Sender);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Starts the scheduler in a fresh container and waits until its first pass is done.</summary>
    public async Task StartAsync(Dictionary<string, string?> settings)
    {
        _services = Build(settings);
        Scheduler = _services.GetRequiredService<DigestScheduler>();
        var idle = Scheduler.Idle.Next();
        await Scheduler.StartAsync(CancellationToken.None);
        await idle.WaitAsync(Patience);
    }

    /// <summary>Stops the scheduler as a shutdown (or crash) would, mid-work or not.</summary>
    public async Task StopAsync()
    {
        if (Scheduler is { } scheduler)
        {
            await scheduler.StopAsync(CancellationToken.None);
            scheduler.Dispose();
            Scheduler = null;
        }

        if (_services is { } services)
        {
            await services.DisposeAsync();
            _services = null;
        }
    }

    /// <summary>
    /// Moves the clock by one step and waits until the scheduler has handled it. A step must be at least
    /// Digest:RefreshInterval, the longest the scheduler ever sleeps, so that it always wakes.
    /// </summary>
    public async Task StepAsync(TimeSpan step)
    {
        var idle = (Scheduler ?? throw new InvalidOperationException("not started")).Idle.Next();
        Time.Advance(step);
        await idle.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
