using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Core.Chat;
using NewsBot.Core.State;
using NewsBot.Discord.Adapter;
using NewsBot.Discord.Client;
using NewsBot.Discord.Tests.Fakes;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Discord.Tests;

/// <summary>The adapter as the host runs it (AddDiscord + DiscordBotService) against a <see cref="FakeDiscord"/>.</summary>
internal sealed class AdapterHarness : IAsyncDisposable
{
    public static readonly DiscordTimings Timings = GatewayHarness.FastTimings with { StreamEditInterval = TimeSpan.FromMilliseconds(50) };

    private int _sequence = 1;

    private AdapterHarness(FakeDiscord fake, ServiceProvider services, DiscordBotService service, LogCapture logs)
    {
        Fake = fake;
        Services = services;
        Service = service;
        Logs = logs;
    }

    public FakeDiscord Fake { get; }

    public ServiceProvider Services { get; }

    public DiscordBotService Service { get; }

    public LogCapture Logs { get; }

    public FakePipeline Pipeline => (FakePipeline)Services.GetRequiredService<IChatPipeline>();

    public FakeGatewayConnection Connection { get; private set; } = null!;

    /// <param name="configure">Adds where state lives (in memory when null) and anything else the test needs.</param>
    /// <param name="realCore">Answers through the core's router instead of a <see cref="FakePipeline"/>.</param>
    public static async Task<AdapterHarness> StartAsync(
        Dictionary<string, string?>? settings = null,
        IKeyValueStore? store = null,
        Action<IServiceCollection, IConfiguration>? configure = null,
        bool realCore = false)
    {
        var fake = await FakeDiscord.StartAsync();
        var values = new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = GatewayHarness.Token,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        // The core's commands (for the slash command registration) and turn runner; the answers come from a fake
        // pipeline unless the test wants the real router.
        services.AddNewsBotCore(configuration).AddExtractiveAnswers();
        if (configure is null)
        {
            services.AddInMemoryState();
        }
        else
        {
            configure(services, configuration);
        }

        if (store is not null)
        {
            services.AddSingleton(store);
        }

        if (!realCore)
        {
            services.AddSingleton<IChatPipeline>(new FakePipeline());
        }

        services.AddDiscord(configuration);
        services.AddSingleton(Timings);

        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;

        // With the real core, wait until the corpus is indexed (dictionary included) before the conversation starts:
        // the conversation's waits then cover only the conversation, however slowly a loaded machine builds the index.
        if (realCore)
        {
            _ = provider.GetRequiredService<NewsBot.Retrieval.Corpus.FileCorpusProvider>().Current;
        }
        var service = provider.GetServices<IHostedService>().OfType<DiscordBotService>().Single();
        var harness = new AdapterHarness(fake, provider, service, logs);
        await service.StartAsync(CancellationToken.None);
        await harness.ConnectAsync();
        return harness;
    }

    /// <summary>Accepts the next gateway connection, expects IDENTIFY, sends READY.</summary>
    public async Task ConnectAsync()
    {
        Connection = await Fake.NextConnectionAsync();
        await Connection.ReceiveOpAsync(2);
        _sequence = 1;
        await Connection.SendReadyAsync(Fake.ResumeUrl);
    }

    public Task SendAsync(string type, JsonObject data) => Connection.SendDispatchAsync(type, data.ToJsonString(), Interlocked.Increment(ref _sequence));

    public static JsonObject Interaction(string id, string command, string? optionName = null, string? value = null, string locale = "en-US", bool inGuild = true)
    {
        var user = new JsonObject { ["id"] = FakeIds.User, ["username"] = "reader", ["global_name"] = "Reader" };
        var data = new JsonObject { ["id"] = "c-" + command, ["name"] = command, ["type"] = 1 };
        if (optionName is not null)
        {
            data["options"] = new JsonArray(new JsonObject { ["name"] = optionName, ["type"] = 3, ["value"] = value });
        }

        var interaction = new JsonObject
        {
            ["id"] = id,
            ["application_id"] = FakeIds.Application,
            ["type"] = 2,
            ["token"] = InteractionToken(id),
            ["locale"] = locale,
            ["channel_id"] = FakeIds.Channel,
            ["data"] = data,
        };
        if (inGuild)
        {
            interaction["guild_id"] = FakeIds.Guild;
            interaction["member"] = new JsonObject { ["permissions"] = "0", ["user"] = user };
        }
        else
        {
            interaction["user"] = user;
        }

        return interaction;
    }

    public static string InteractionToken(string id) => $"interaction-token-{id}-SECRET";

    public static JsonObject Message(string id, string content, bool inGuild = true, bool mentionBot = true) => new()
    {
        ["id"] = id,
        ["channel_id"] = FakeIds.Channel,
        ["guild_id"] = inGuild ? FakeIds.Guild : null,
        ["content"] = content,
        ["author"] = new JsonObject { ["id"] = FakeIds.User, ["username"] = "reader" },
        ["mentions"] = mentionBot ? new JsonArray(new JsonObject { ["id"] = FakeIds.Bot }) : new JsonArray(),
        ["mention_everyone"] = false,
    };

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Service.StopAsync(timeout.Token);
        await Services.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
