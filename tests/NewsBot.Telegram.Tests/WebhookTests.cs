using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Telegram.Receiving;
using NewsBot.Telegram.Tests.Fakes;

namespace NewsBot.Telegram.Tests;

public sealed class WebhookTests : IAsyncLifetime
{
    private const string Secret = "webhook_Secret-123";
    private const string PublicUrl = "https://bot.example.org/telegram/hook";

    private readonly HttpClient _http = new();
    private FakeBotApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task SelfHostedWebhookRegistersItselfRejectsWrongSecretsAndAnswersTheRightOne()
    {
        await using var bot = await TelegramBotHarness.StartAsync(_server, WebhookSettings);
        var registered = (await _server.WaitForAsync(c => c.Any(x => x.Method == "setWebhook"))).Single(c => c.Method == "setWebhook");
        Assert.Equal(PublicUrl, registered.Body["url"]!.GetValue<string>());
        Assert.Equal(Secret, registered.Body["secret_token"]!.GetValue<string>());
        var endpoint = new Uri(bot.Host.Services.GetRequiredService<TelegramWebhookListener>().Address!, "/telegram/hook");

        using var missing = await PostAsync(endpoint, FakeBotApiServer.WebhookUpdateJson(1, 71, "no secret"), secret: null);
        using var wrong = await PostAsync(endpoint, FakeBotApiServer.WebhookUpdateJson(2, 71, "wrong secret"), secret: "guess");
        using var right = await PostAsync(endpoint, FakeBotApiServer.WebhookUpdateJson(3, 71, "right secret"), Secret);
        using var again = await PostAsync(endpoint, FakeBotApiServer.WebhookUpdateJson(3, 71, "right secret"), Secret); // Telegram redelivers

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await _server.WaitForAsync(_ => _server.MessagesTo(71).Count == 1);
        using var next = await PostAsync(endpoint, FakeBotApiServer.WebhookUpdateJson(4, 71, "and another"), Secret);
        await _server.WaitForAsync(_ => _server.MessagesTo(71).Count == 2);

        Assert.Equal(["right secret", "and another"], bot.Pipeline.Requests.Select(r => r.Text));
        Assert.DoesNotContain(_server.Calls, c => c.Method == "getUpdates");
    }

    [Fact]
    public async Task MapTelegramWebhookServesTheEndpointInTheHostsOwnWebApplication()
    {
        var settings = TelegramBotHarness.FastSettings(_server);
        WebhookSettings(settings);
        settings["Telegram:WebhookSelfHost"] = "false";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        var pipeline = new FakeChatPipeline();
        builder.Services.AddSingleton<NewsBot.Core.Chat.IChatPipeline>(pipeline);
        builder.Services.AddSingleton<NewsBot.Core.State.IKeyValueStore>(new NewsBot.Core.State.InMemoryStores());
        builder.Services.AddSingleton<NewsBot.Core.State.IAnswerLog, NewsBot.Core.State.InMemoryAnswerLog>();
        builder.Services.AddTelegram(builder.Configuration);
        await using var app = builder.Build();
        app.MapTelegramWebhook();
        await app.StartAsync();
        try
        {
            await _server.WaitForAsync(c => c.Any(x => x.Method == "setWebhook"));
            var endpoint = new Uri(new Uri(app.Urls.First()), "/telegram/hook");

            using var wrong = await PostAsync(endpoint, FakeBotApiServer.WebhookUpdateJson(1, 72, "wrong"), "nope");
            using var right = await PostAsync(endpoint, FakeBotApiServer.WebhookUpdateJson(2, 72, "right"), Secret);

            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
            await _server.WaitForAsync(_ => _server.MessagesTo(72).Count == 1);
            Assert.Equal(["right"], pipeline.Requests.Select(r => r.Text));
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static void WebhookSettings(Dictionary<string, string?> s)
    {
        s["Telegram:Mode"] = "Webhook";
        s["Telegram:WebhookUrl"] = PublicUrl;
        s["Telegram:WebhookSecret"] = Secret;
        s["Telegram:WebhookListenUrl"] = "http://127.0.0.1:0";
    }

    private async Task<HttpResponseMessage> PostAsync(Uri endpoint, string json, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        }

        return await _http.SendAsync(request);
    }
}
