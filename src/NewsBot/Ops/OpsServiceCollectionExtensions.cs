using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Ops;

public static class OpsServiceCollectionExtensions
{
    /// <summary>
    /// Operations for the running bot: health checks, the web listener on <c>Host:Urls</c> (/healthz, /readyz, /metrics,
    /// the Telegram webhook), OpenTelemetry metrics and traces (Prometheus on the listener, OTLP when
    /// <c>OpenTelemetry:Endpoint</c> is set) and the stop timeout <c>Host:ShutdownTimeout</c>.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HostListenOptions>().Bind(configuration.GetSection(HostListenOptions.SectionName));
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName));
        services.TryAddSingleton(SecretRedactor.From(configuration));
        services.Configure<HostOptions>(o => o.ShutdownTimeout = configuration.GetValue(HostListenOptions.SectionName + ":ShutdownTimeout", TimeSpan.FromSeconds(30)));

        services.AddHealthChecks()
            .AddCheck("process", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy("alive"), [WebListener.LiveTag])
            .AddCheck<StoppingHealthCheck>("host", tags: [WebListener.ReadyTag])
            .AddCheck<CorpusHealthCheck>("corpus", tags: [WebListener.ReadyTag])
            .AddCheck<StoreHealthCheck>("store", tags: [WebListener.ReadyTag])
            .AddCheck<PlatformsHealthCheck>("platforms", tags: [WebListener.ReadyTag])
            .AddCheck<LlmHealthCheck>("llm", tags: [WebListener.ReadyTag]);

        var listen = !string.IsNullOrWhiteSpace(configuration[HostListenOptions.SectionName + ":Urls"]);
        var endpoint = configuration[TelemetryOptions.SectionName + ":Endpoint"];
        var otlp = !string.IsNullOrWhiteSpace(endpoint);
        if (listen || otlp)
        {
            var serviceName = configuration[TelemetryOptions.SectionName + ":ServiceName"] is { Length: > 0 } name ? name : "newsbot";
            var protocol = configuration[TelemetryOptions.SectionName + ":Protocol"]?.Trim().ToLowerInvariant() is "http/protobuf" or "http"
                ? OtlpExportProtocol.HttpProtobuf
                : OtlpExportProtocol.Grpc;
            var telemetry = services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService(serviceName, serviceVersion: typeof(OpsServiceCollectionExtensions).Assembly.GetName().Version?.ToString(3)))
                .WithMetrics(m =>
                {
                    m.AddMeter(NewsBotTelemetry.Name);
                    if (listen)
                    {
                        // No cached scrape: each scrape shows the counts as they are (a bot is scraped by one or two servers).
                        m.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                    }

                    if (otlp)
                    {
                        m.AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (new Uri(endpoint!), protocol));
                    }
                });
            if (otlp)
            {
                telemetry.WithTracing(t => t.AddSource(NewsBotTelemetry.Name).AddOtlpExporter(o => (o.Endpoint, o.Protocol) = (new Uri(endpoint!), protocol)));
            }

            // The corpus-size gauge reads the loaded snapshot (never loads it).
            services.AddHostedService(sp => new CorpusGauge(sp.GetRequiredService<FileCorpusProvider>()));
        }

        if (listen)
        {
            // First in the collection, so the listener starts first and stops last: /readyz answers while the bot starts and drains.
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<WebListener>()));
            services.TryAddSingleton<WebListener>();
        }

        return services;
    }

    /// <summary>
    /// One listener for everything: with <c>Host:Urls</c> set, the web listener serves the Telegram webhook too, so the
    /// adapter's own listener (<c>Telegram:WebhookSelfHost</c>) is turned off.
    /// </summary>
    public static void ShareListenerWithTelegram(ConfigurationManager configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[HostListenOptions.SectionName + ":Urls"]))
        {
            configuration.AddInMemoryCollection([new("Telegram:WebhookSelfHost", "false")]);
        }
    }

    /// <summary><c>Logging:Format=json</c>: one JSON object per line on stderr, secrets redacted.</summary>
    public static ILoggingBuilder AddNewsBotLogFormat(this ILoggingBuilder logging, IConfiguration configuration)
    {
        if (!string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            return logging;
        }

        logging.Services.TryAddSingleton(SecretRedactor.From(configuration));
        logging.AddConsoleFormatter<JsonLineFormatter, ConsoleFormatterOptions>();
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = JsonLineFormatter.FormatterName);
        return logging;
    }

    /// <summary>Sets where the corpus-size gauge reads from, once the provider exists.</summary>
    private sealed class CorpusGauge(FileCorpusProvider corpus) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            NewsBotTelemetry.ObserveCorpusWith(() => corpus.Loaded?.Articles.Count ?? -1);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
