using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsBot.Core;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Core.Digests;
using NewsBot.Core.State;
using NewsBot.Core.Tests.Digests;
using NewsBot.Storage.Tests.Fakes;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Storage.Tests.MultiInstance;

/// <summary>
/// One NewsBot "process" for digests: the core and the scheduler in their own container, with their own fake platform,
/// over one instance's connections to the shared test database. Several of these on one store are several instances.
/// </summary>
internal sealed class DigestHost : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;

    public DigestHost(string name, TestStore store, ICorpusProvider corpus, Dictionary<string, string?> settings)
    {
        Sender = new FakeSender("fake", store.Time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(Logs));
        services.AddSingleton<TimeProvider>(store.Time);
        services.AddNewsBotCore(configuration).AddExtractiveAnswers();
        services.AddDigests(configuration);
        services.AddSingleton<IAnswerLog, InMemoryAnswerLog>();
        services.AddSingleton(store.Subscriptions);
        services.AddSingleton(store.Outbox);
        services.AddSingleton(store.History);
        services.AddSingleton(store.Values);
        services.AddSingleton(store.Settings);
        services.AddSingleton(store.Memory);
        services.AddSingleton(store.Leases);
        services.AddSingleton(new InstanceIdentity(name));
        services.AddSingleton(corpus);
        services.AddSingleton<IChatSender>(Sender);
        _services = services.BuildServiceProvider();
        Scheduler = _services.GetRequiredService<DigestScheduler>();
    }

    public FakeSender Sender { get; }

    public ListLoggerProvider Logs { get; } = new();

    public DigestScheduler Scheduler { get; }

    public static Dictionary<string, string?> EveryMinute(string chatId) => new()
    {
        ["Digest:Schedules:0:Name"] = "minutely",
        ["Digest:Schedules:0:Cron"] = "* * * * *",
        ["Digest:Schedules:0:TimeZone"] = "UTC",
        ["Digest:Schedules:0:Platform"] = "fake",
        ["Digest:Schedules:0:ChatId"] = chatId,
        ["Digest:Schedules:0:Language"] = "en",
        ["Digest:Schedules:0:MaxArticles"] = "5",
        ["Digest:RefreshInterval"] = "00:01:00",
        ["Digest:SendTimeout"] = "00:02:00",
    };

    public async Task StartAsync()
    {
        var idle = Scheduler.Idle.Next();
        await Scheduler.StartAsync(CancellationToken.None);
        await idle.WaitAsync(Patience);
    }

    /// <summary>Stops the scheduler as a crash would look to the others: whatever it held (a claim) stays behind.</summary>
    public async Task StopAsync()
    {
        await Scheduler.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Scheduler.StopAsync(CancellationToken.None);
        Scheduler.Dispose();
        await _services.DisposeAsync();
    }
}
