using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Core.State;
using NewsBot.Storage;
using NewsBot.Storage.Tests.Fakes;
using NewsBot.Telegram.Receiving;
using NewsBot.Telegram.Tests.Fakes;

namespace NewsBot.Telegram.Tests;

/// <summary>Two bot instances on one PostgreSQL and one (fake) Bot API: every update answered once, in order per chat.</summary>
public sealed partial class MultiInstanceTests : IAsyncLifetime
{
    private const string Secret = "multi_Secret-1";

    private readonly HttpClient _http = new();
    private readonly List<IHost> _hosts = [];
    private PostgresTestStore _db = null!;
    private FakeBotApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _db = new PostgresTestStore();
        _server = await FakeBotApiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await StopAsync(host);
            host.Dispose();
        }

        _http.Dispose();
        await _server.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task A_hundred_webhook_updates_from_ten_chats_spread_over_two_instances_are_answered_once_and_in_order_per_chat()
    {
        var pipelines = new[] { SlowPipeline(), SlowPipeline() };
        var hosts = new List<IHost>();
        for (var i = 0; i < 2; i++)
        {
            hosts.Add(await StartAsync($"instance-{i}", pipelines[i], s =>
            {
                s["Telegram:Mode"] = "Webhook";
                s["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/hook";
                s["Telegram:WebhookSecret"] = Secret;
                s["Telegram:WebhookListenUrl"] = "http://127.0.0.1:0";
            }));
        }

        await _server.WaitForAsync(c => c.Count(x => x.Method == "setWebhook") == 2);
        var endpoints = hosts.Select(h => new Uri(h.Services.GetRequiredService<TelegramWebhookListener>().Address!, "/telegram/hook")).ToArray();

        // Ten chats at once; within a chat the updates come one after another (as Telegram sends them), alternating
        // between the instances, and each is delivered a second time to the other instance (a retry after a lost 200).
        const int Chats = 10;
        const int PerChat = 10;
        var senders = Enumerable.Range(0, Chats).Select(async c =>
        {
            for (var k = 0; k < PerChat; k++)
            {
                var updateId = 1 + (c * PerChat) + k;
                var json = FakeBotApiServer.WebhookUpdateJson(updateId, ChatId(c), $"m{c}-{k}");
                using var first = await PostAsync(endpoints[k % 2], json);
                using var again = await PostAsync(endpoints[(k + 1) % 2], json);
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }
        }).ToList();
        await Task.WhenAll(senders);

        await _server.WaitForAsync(_ => Enumerable.Range(0, Chats).All(c => _server.MessagesTo(ChatId(c)).Count >= PerChat), TimeSpan.FromSeconds(60));

        // A last update per chat on each instance: anything doubled would have been answered before these.
        for (var c = 0; c < Chats; c++)
        {
            for (var h = 0; h < 2; h++)
            {
                using var marker = await PostAsync(endpoints[h], FakeBotApiServer.WebhookUpdateJson(1000 + (c * 2) + h, ChatId(c), $"m{c}-end{h}"));
            }
        }

        await _server.WaitForAsync(_ => Enumerable.Range(0, Chats).All(c => _server.MessagesTo(ChatId(c)).Count >= PerChat + 2), TimeSpan.FromSeconds(60));

        for (var c = 0; c < Chats; c++)
        {
            var answered = _server.MessagesTo(ChatId(c)).Select(m => Question().Match(m.Text ?? "").Groups[1].Value).ToList();
            Assert.Equal(Enumerable.Range(0, PerChat).Select(k => $"m{c}-{k}").Append($"m{c}-end0").Append($"m{c}-end1"), answered);
        }

        Assert.Equal(Chats * (PerChat + 2), pipelines.Sum(p => p.Requests.Count));
        // Which instance answers a chat's update is whichever holds the chat's lock when it is stored: the design does not
        // promise that both answer some (a quiet CI run once saw one instance hold every lock and answer all 120). That
        // another instance does answer when one cannot is the next test's.
    }

    [Fact]
    public async Task An_update_stored_by_an_instance_that_died_before_answering_is_answered_by_another()
    {
        // As an instance leaves it when it dies after storing an update and answering 200, before answering the chat.
        var scope = "telegram:" + FakeBotApiServer.BotId.ToString(CultureInfo.InvariantCulture);
        Assert.True(await _db.Inbox.TryAddAsync(scope, "601", 5000, FakeBotApiServer.WebhookUpdateJson(5000, 601, "orphaned"), DateTimeOffset.UtcNow.AddMinutes(-1), CancellationToken.None));

        var pipeline = new FakeChatPipeline();
        var inbox = new WatchedInbox();
        await StartAsync(
            "survivor",
            pipeline,
            s =>
            {
                s["Telegram:Mode"] = "Webhook";
                s["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/hook";
                s["Telegram:WebhookSecret"] = Secret;
                s["Telegram:WebhookListenUrl"] = "http://127.0.0.1:0";
                s["Telegram:InboxSweepInterval"] = "00:00:00.2";
            },
            inbox.Decorate);

        await _server.WaitForAsync(_ => _server.MessagesTo(601).Count >= 1, TimeSpan.FromSeconds(60));
        Assert.Equal(["orphaned"], pipeline.Requests.Select(r => r.Text));

        // The update is marked handled right after its answer was sent: wait for that, then nothing is pending.
        Assert.Equal(5000, await inbox.Handled.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Empty(await _db.Inbox.PendingAsync(scope, "601", CancellationToken.None));
    }

    [Fact]
    public async Task Only_one_instance_polls_and_another_takes_over_when_it_stops_or_loses_the_store()
    {
        var pipelines = new[] { new FakeChatPipeline(), new FakeChatPipeline(), new FakeChatPipeline() };
        var partitioned = new SwitchableLeases();
        var standby = new SwitchableLeases();
        void Polling(Dictionary<string, string?> s)
        {
            s["Telegram:PollingLeaseDuration"] = "00:00:03";
            s["Telegram:PollingLeaseRenewInterval"] = "00:00:00.25";
            s["Telegram:PollingTimeoutSeconds"] = "1";
        }

        var first = await StartAsync("first", pipelines[0], Polling, services => partitioned.Decorate(services));
        await Answered(_server.PushMessage(11, "one"), 11, 1);
        var second = await StartAsync("second", pipelines[1], Polling, services => standby.Decorate(services));
        await Answered(_server.PushMessage(11, "two"), 11, 2);

        Assert.Equal(["one", "two"], pipelines[0].Requests.Select(r => r.Text));
        Assert.Empty(pipelines[1].Requests);

        // The first loses the store (as a process that hangs or is cut off would): it stops polling before its lease can
        // have run out, and the second takes over once it has.
        partitioned.Broken = true;
        await standby.Acquired.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Answered(_server.PushMessage(11, "three"), 11, 3);
        Assert.Equal(["three"], pipelines[1].Requests.Select(r => r.Text));

        // A third stands by; the second stops cleanly and gives the lease up, so the third takes over at once.
        var third = await StartAsync("third", pipelines[2], Polling);
        await StopAsync(second);
        await Answered(_server.PushMessage(11, "four"), 11, 4);

        Assert.Equal(["four"], pipelines[2].Requests.Select(r => r.Text));
        Assert.Equal(["one", "two"], pipelines[0].Requests.Select(r => r.Text));
        Assert.Equal(["Answer to: one", "Answer to: two", "Answer to: three", "Answer to: four"], _server.MessagesTo(11).Select(m => Question().Match(m.Text ?? "").Groups[0].Value));
        _ = first;
        _ = third;
    }

    private static long ChatId(int c) => 500 + c;

    /// <summary>Answers after a varying small amount of work, so instances finish out of step with each other.</summary>
    private static FakeChatPipeline SlowPipeline()
    {
        var pipeline = new FakeChatPipeline();
        pipeline.Answer = async (request, _, token) =>
        {
            await Task.Delay(Random.Shared.Next(0, 25), token);
            return new Reply(NewsBot.Retrieval.Languages.Language.English, Reply.Paragraphs("Answer to: " + request.Text), []);
        };
        return pipeline;
    }

    [GeneratedRegex(@"Answer to: (\S+)")]
    private static partial Regex Question();

    private async Task Answered(int updateId, long chatId, int count)
    {
        _ = updateId;
        await _server.WaitForAsync(_ => _server.MessagesTo(chatId).Count >= count, TimeSpan.FromSeconds(60));
    }

    private async Task<IHost> StartAsync(string instance, FakeChatPipeline pipeline, Action<Dictionary<string, string?>> configure, Action<IServiceCollection>? services = null)
    {
        var settings = TelegramBotHarness.FastSettings(_server);
        settings["Storage:Provider"] = "Postgres";
        settings["Storage:ConnectionString"] = _db.ConnectionString;
        configure(settings);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IChatPipeline>(pipeline);
        builder.Services.AddSingleton(new InstanceIdentity(instance));
        builder.Services.AddStorage(builder.Configuration);
        services?.Invoke(builder.Services);
        builder.Services.AddTelegram(builder.Configuration);
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host;
    }

    private static async Task StopAsync(IHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(timeout.Token);
    }

    private async Task<HttpResponseMessage> PostAsync(Uri endpoint, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, Secret);
        return await _http.SendAsync(request);
    }

    /// <summary>The registered lease store, until <see cref="Broken"/>: then every call fails as an unreachable server would.</summary>
    /// <summary>The instance's update inbox, reporting the first update it marks handled.</summary>
    private sealed class WatchedInbox : IUpdateInbox
    {
        private IUpdateInbox _inner = null!;

        public TaskCompletionSource<long> Handled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Decorate(IServiceCollection services)
        {
            var registered = services.Last(d => d.ServiceType == typeof(IUpdateInbox));
            services.Remove(registered);
            services.AddSingleton<IUpdateInbox>(sp =>
            {
                _inner = (IUpdateInbox)registered.ImplementationFactory!(sp);
                return this;
            });
        }

        public Task<bool> TryAddAsync(string scope, string chat, long updateId, string payload, DateTimeOffset at, CancellationToken cancellationToken) =>
            _inner.TryAddAsync(scope, chat, updateId, payload, at, cancellationToken);

        public Task<IAsyncDisposable?> TryLockChatAsync(string scope, string chat, CancellationToken cancellationToken) =>
            _inner.TryLockChatAsync(scope, chat, cancellationToken);

        public Task<IReadOnlyList<InboxUpdate>> PendingAsync(string scope, string chat, CancellationToken cancellationToken) =>
            _inner.PendingAsync(scope, chat, cancellationToken);

        public async Task MarkHandledAsync(string scope, long updateId, DateTimeOffset at, CancellationToken cancellationToken)
        {
            await _inner.MarkHandledAsync(scope, updateId, at, cancellationToken);
            Handled.TrySetResult(updateId);
        }

        public Task<IReadOnlyList<string>> StalledChatsAsync(string scope, DateTimeOffset receivedBefore, CancellationToken cancellationToken) =>
            _inner.StalledChatsAsync(scope, receivedBefore, cancellationToken);
    }

    private sealed class SwitchableLeases : ILeaseStore
    {
        private ILeaseStore _inner = null!;

        public volatile bool Broken;

        /// <summary>Completes when a lease was first taken through this store.</summary>
        public TaskCompletionSource Acquired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Decorate(IServiceCollection services)
        {
            var registered = services.Last(d => d.ServiceType == typeof(ILeaseStore));
            services.Remove(registered);
            services.AddSingleton<ILeaseStore>(sp =>
            {
                _inner = (ILeaseStore)registered.ImplementationFactory!(sp);
                return this;
            });
        }

        public async Task<bool> TryAcquireAsync(string name, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
        {
            if (Broken)
            {
                throw new TimeoutException("the store is unreachable");
            }

            var taken = await _inner.TryAcquireAsync(name, owner, now, until, cancellationToken);
            if (taken)
            {
                Acquired.TrySetResult();
            }

            return taken;
        }

        public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken) =>
            Broken ? throw new TimeoutException("the store is unreachable") : _inner.ReleaseAsync(name, owner, cancellationToken);
    }
}
