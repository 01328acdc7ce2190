using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Ai;
using NewsBot.Core;
using NewsBot.Ops;
using NewsBot.Storage;
using NewsBot.Telegram;
using NewsBot.Telegram.Receiving;
using NewsBot.Telegram.Tests.Fakes;
using NewsBot.Tests.Shared;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Tests;

/// <summary>
/// The host composed as Program.cs composes "run", with the web listener on a free loopback port and Telegram on the
/// loopback Bot API: readiness with the platform down and up, and one listener for health and the webhook.
/// </summary>
public sealed class OpsHostTests : IAsyncLifetime
{
    private const string LlmKey = "sk-test-SECRET-never-shown-0123456789";
    private FakeBotApiServer _telegram = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync() => _telegram = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _telegram.DisposeAsync();
    }

    [Fact]
    public async Task Readyz_reports_telegram_down_with_its_reason_then_ready_once_it_connects_and_no_secret_shows()
    {
        // The Bot API is down (502 on getMe) until the test ends the outage.
        _telegram.FailNext("getMe", 502, "Bad Gateway", times: 100_000);
        using var host = Build(new() { ["Llm:Provider"] = "OpenAI", ["Llm:Model"] = "m", ["Llm:ApiKey"] = LlmKey, ["Llm:Endpoint"] = "http://127.0.0.1:9/v1" });
        await host.StartAsync();
        try
        {
            var listener = host.Services.GetRequiredService<WebListener>();
            var address = listener.Addresses.Single();

            // The second failed getMe comes after the first failure was noted.
            await _telegram.WaitForAsync(c => c.Count(x => x.Method == "getMe" && x.StatusCode == 502) >= 2);
            var (status, body) = await GetAsync(address + "/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            using (var down = JsonDocument.Parse(body))
            {
                Assert.Equal("Unhealthy", down.RootElement.GetProperty("status").GetString());
                var platforms = down.RootElement.GetProperty("entries").GetProperty("platforms");
                Assert.Equal("Unhealthy", platforms.GetProperty("status").GetString());
                Assert.Contains("telegram: getMe failed: Telegram answered 502", platforms.GetProperty("description").GetString(), StringComparison.Ordinal);
                Assert.Equal("Healthy", down.RootElement.GetProperty("entries").GetProperty("corpus").GetProperty("status").GetString());
                Assert.Equal("Healthy", down.RootElement.GetProperty("entries").GetProperty("store").GetProperty("status").GetString());
            }

            AssertNoSecret(body);
            var (live, liveBody) = await GetAsync(address + "/healthz");
            Assert.Equal(HttpStatusCode.OK, live);
            Assert.Contains("\"Healthy\"", liveBody, StringComparison.Ordinal);

            // The outage ends: the adapter connects and starts polling; the bot is ready.
            _telegram.ClearFailures();
            await _telegram.WaitForAsync(c => c.Any(x => x.Method == "getUpdates"));
            (status, body) = await GetAsync(address + "/readyz");
            Assert.Equal(HttpStatusCode.OK, status);
            using (var up = JsonDocument.Parse(body))
            {
                Assert.Equal("Healthy", up.RootElement.GetProperty("status").GetString());
                Assert.Equal("telegram connected", up.RootElement.GetProperty("entries").GetProperty("platforms").GetProperty("description").GetString());
                Assert.Equal("llm", up.RootElement.GetProperty("entries").GetProperty("llm").GetProperty("data").GetProperty("backend").GetString());
            }

            AssertNoSecret(body);
            var (_, metrics) = await GetAsync(address + "/metrics");
            Assert.Contains("newsbot_corpus_articles", metrics, StringComparison.Ordinal);
            AssertNoSecret(metrics);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task In_webhook_mode_the_web_listener_also_serves_the_telegram_webhook()
    {
        using var host = Build(new()
        {
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example/telegram/hook",
            ["Telegram:WebhookSecret"] = "hook-secret-123",
        });
        await host.StartAsync();
        try
        {
            var address = host.Services.GetRequiredService<WebListener>().Addresses.Single();
            Assert.False(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelegramOptions>>().Value.WebhookSelfHost);
            await _telegram.WaitForAsync(c => c.Any(x => x.Method == "setWebhook"));

            using var post = new HttpRequestMessage(HttpMethod.Post, address + "/telegram/hook")
            {
                Content = new StringContent(FakeBotApiServer.WebhookUpdateJson(1, 77, "Where is Lisbon's tram line extended?"), Encoding.UTF8, "application/json"),
            };
            post.Headers.Add(TelegramWebhookEndpoint.SecretHeader, "hook-secret-123");
            using var response = await _http.SendAsync(post);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            await _telegram.WaitForAsync(_ => _telegram.MessagesTo(77).Count > 0);
            Assert.Contains("Beato", _telegram.MessagesTo(77)[0].Text, StringComparison.Ordinal);
            var (ready, _) = await GetAsync(address + "/readyz");
            Assert.Equal(HttpStatusCode.OK, ready);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private IHost Build(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Path"] = TestPaths.SampleCorpus,
            ["Corpus:Watch"] = "false",
            ["Storage:ConnectionString"] = Path.Combine(TestPaths.NewTempFolder(), "bot.db"),
            ["Search:SnapshotFolder"] = TestPaths.DictionarySnapshotFolder,
            ["Host:Urls"] = "http://127.0.0.1:0",
            ["Telegram:BotToken"] = FakeBotApiServer.Token,
            ["Telegram:ApiBaseUrl"] = _telegram.BaseUrl,
            ["Telegram:PollingTimeoutSeconds"] = "5",
            ["Telegram:ReconnectDelay"] = "00:00:00.02",
            ["Telegram:MaxReconnectDelay"] = "00:00:00.2",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(settings);
        OpsServiceCollectionExtensions.ShareListenerWithTelegram(builder.Configuration);
        builder.Logging.ClearProviders();
        builder.Services
            .AddNewsBotCore(builder.Configuration)
            .AddLlm(builder.Configuration)
            .AddStorage(builder.Configuration)
            .AddTelegram(builder.Configuration)
            .AddOperations(builder.Configuration);
        var host = builder.Build();
        _ = host.Services.GetRequiredService<NewsBot.Retrieval.Corpus.FileCorpusProvider>().Current;
        return host;
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string url)
    {
        using var response = await _http.GetAsync(new Uri(url));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(FakeBotApiServer.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBotApiServer.Token.Split(':')[1], text, StringComparison.Ordinal);
        Assert.DoesNotContain(LlmKey, text, StringComparison.Ordinal);
    }
}
