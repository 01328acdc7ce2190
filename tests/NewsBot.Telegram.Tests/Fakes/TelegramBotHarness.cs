using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core;
using NewsBot.Core.Chat;
using NewsBot.Core.State;

namespace NewsBot.Telegram.Tests.Fakes;

/// <summary>A host with AddTelegram pointed at the fake Bot API, a fake pipeline, an in-memory store and captured logs.</summary>
public sealed class TelegramBotHarness : IAsyncDisposable
{
    private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _stopped;

    private TelegramBotHarness(IHost host, FakeChatPipeline pipeline, InMemoryStores store, CapturingLoggerProvider logs)
    {
        Host = host;
        Pipeline = pipeline;
        Store = store;
        Logs = logs;
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => _stopping.TrySetResult());
    }

    public IHost Host { get; }

    public FakeChatPipeline Pipeline { get; }

    public InMemoryStores Store { get; }

    public CapturingLoggerProvider Logs { get; }

    /// <summary>Completes when something asked the host to stop.</summary>
    public Task Stopping => _stopping.Task;

    /// <summary>Settings that keep tests fast: tiny limits and backoffs, short long-polls.</summary>
    public static Dictionary<string, string?> FastSettings(FakeBotApiServer server) => new()
    {
        ["Telegram:BotToken"] = FakeBotApiServer.Token,
        ["Telegram:ApiBaseUrl"] = server.BaseUrl,
        ["Telegram:PollingTimeoutSeconds"] = "5",
        ["Telegram:PerChatMessageInterval"] = "00:00:00.002",
        ["Telegram:GroupMessagesPerMinute"] = "100000",
        ["Telegram:GlobalMessagesPerSecond"] = "100000",
        ["Telegram:ReconnectDelay"] = "00:00:00.02",
        ["Telegram:ConflictRetryDelay"] = "00:00:00.02",
        ["Telegram:MaxReconnectDelay"] = "00:00:00.2",
        ["Telegram:StreamingEditInterval"] = "00:00:00.01",
    };

    public static Task<TelegramBotHarness> StartAsync(FakeBotApiServer server, Action<Dictionary<string, string?>>? configure = null, FakeChatPipeline? pipeline = null, InMemoryStores? store = null) =>
        StartAsync(FastSettings(server), configure, pipeline, store);

    public static async Task<TelegramBotHarness> StartAsync(Dictionary<string, string?> settings, Action<Dictionary<string, string?>>? configure, FakeChatPipeline? pipeline, InMemoryStores? store)
    {
        configure?.Invoke(settings);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        pipeline ??= new FakeChatPipeline();
        store ??= new InMemoryStores();
        // The core's commands (for the menu) and turn runner, in-memory state, and the fake pipeline for the answers.
        builder.Services.AddNewsBotCore(builder.Configuration).AddInMemoryState().AddExtractiveAnswers();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton<IChatPipeline>(pipeline);
        builder.Services.AddTelegram(builder.Configuration);
        var host = builder.Build();
        var harness = new TelegramBotHarness(host, pipeline, store, logs);
        await host.StartAsync();
        return harness;
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Host.Dispose();
    }
}
