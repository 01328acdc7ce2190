using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsBot.Telegram.Receiving;

/// <summary>
/// A minimal Kestrel listener for the webhook, for hosts that are not web applications. It serves only the webhook path
/// and logs through the host's logging.
/// </summary>
public sealed class TelegramWebhookListener(TelegramWebhookEndpoint endpoint, IOptions<TelegramOptions> options, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address actually bound (with the real port when the configuration asked for port 0).</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(TelegramWebhookListener).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().UseUrls(options.Value.WebhookListenUrl);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory); // an instance we do not own: the inner container will not dispose it
        var app = builder.Build();
        app.UseRouting();
        app.MapPost(endpoint.Path, endpoint.HandleAsync);
        await app.StartAsync(cancellationToken);
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? null : new Uri(bound);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync();
        }
    }
}
