using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Telegram;
using NewsBot.Telegram.Receiving;
using OpenTelemetry.Metrics;

namespace NewsBot.Ops;

/// <summary>
/// The web listener on <c>Host:Urls</c>: <c>/healthz</c> (the process is alive), <c>/readyz</c> (every readiness check),
/// <c>/metrics</c> (Prometheus) and, when Telegram runs in webhook mode, the Telegram webhook, so one port serves all.
/// A small Kestrel app of its own inside the generic host, like the Telegram adapter's self-hosted listener, sharing the
/// host's services (health checks, meter provider, webhook endpoint) and logging.
/// </summary>
public sealed partial class WebListener(
    IServiceProvider services,
    IOptions<HostListenOptions> options,
    SecretRedactor redactor,
    ILoggerFactory loggerFactory,
    ILogger<WebListener> logger) : IHostedService, IAsyncDisposable
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    private WebApplication? _app;

    /// <summary>The addresses actually bound (with the real port when the configuration asked for port 0).</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(WebListener).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().UseUrls(options.Value.Urls!);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory); // instances we do not own: the inner container will not dispose them
        builder.Services.AddSingleton(services.GetRequiredService<HealthCheckService>());
        var app = builder.Build();
        app.UseRouting();

        var writer = HealthResponseWriter.For(redactor);
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag), ResponseWriter = writer });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = writer,
            // Degraded (the extractive engine stands in for a failed model) still serves answers.
            ResultStatusCodes = { [HealthStatus.Healthy] = 200, [HealthStatus.Degraded] = 200, [HealthStatus.Unhealthy] = 503 },
        });
        if (services.GetService<MeterProvider>() is { } meters)
        {
            app.MapPrometheusScrapingEndpoint("/metrics", meters, null, null);
        }

        // With WebhookSelfHost off (the host turns it off when this listener runs) the webhook is served here.
        if (services.GetService<TelegramWebhookEndpoint>() is { } webhook
            && services.GetRequiredService<IOptions<TelegramOptions>>().Value.Mode == TelegramMode.Webhook)
        {
            app.MapPost(webhook.Path, webhook.HandleAsync);
        }

        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });

        await app.StartAsync(cancellationToken);
        _app = app;
        Addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var bound = string.Join(", ", Addresses);
        LogListening(logger, bound);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Web listener on {Addresses}: /healthz, /readyz, /metrics")]
    private static partial void LogListening(ILogger logger, string addresses);
}
