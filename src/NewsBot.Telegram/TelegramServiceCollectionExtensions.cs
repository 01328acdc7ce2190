using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Core.Chat;
using NewsBot.Core.Telemetry;
using NewsBot.Telegram.Logging;
using NewsBot.Telegram.Receiving;
using NewsBot.Telegram.Sending;
using Telegram.Bot;

namespace NewsBot.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>The named HttpClient the Bot API client uses (default request logging removed: it would print the token).</summary>
    public const string HttpClientName = "NewsBot.Telegram";

    /// <summary>
    /// Registers the Telegram adapter. Options are always bound and validated; the bot itself (hosted service,
    /// <see cref="IChatSender"/> for "telegram") only when <c>Telegram:BotToken</c> is set. Needs <see cref="IChatPipeline"/>
    /// and <see cref="NewsBot.Core.State.IKeyValueStore"/> from the host.
    /// </summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TelegramHtmlFormatter>();

        if (string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.SectionName}:BotToken"]))
        {
            return services;
        }

        services.TryAddSingleton(sp => new TokenRedactor(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.BotToken));
        services.TryAddSingleton(typeof(RedactingLogger<>));
        services.TryAddTransient<TelegramHttpLoggingHandler>();
        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .AddHttpMessageHandler<TelegramHttpLoggingHandler>()
            .ConfigureHttpClient((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                http.Timeout = options.RequestTimeout + TimeSpan.FromSeconds(options.PollingTimeoutSeconds);
            });

        services.TryAddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            var baseUrl = string.IsNullOrWhiteSpace(options.ApiBaseUrl) ? null : options.ApiBaseUrl.TrimEnd('/');
            var clientOptions = new TelegramBotClientOptions(options.BotToken!.Trim(), baseUrl)
            {
                // The outbox handles 429 itself, for all chats at once and without reordering.
                RetryCount = 0,
            };
            return new TelegramBotClient(clientOptions, sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName));
        });

        services.TryAddSingleton<TelegramOutbox>();
        services.TryAddSingleton<TelegramVotes>();
        services.TryAddKeyedSingleton(Platforms.Telegram, (_, _) => new PlatformStatus(Platforms.Telegram));
        services.AddSingleton(sp => sp.GetRequiredKeyedService<PlatformStatus>(Platforms.Telegram));
        services.TryAddSingleton<TelegramReplySender>();
        services.TryAddSingleton<TelegramBotIdentity>();
        services.TryAddSingleton<TelegramAdminLookup>();
        services.AddChatTurns();
        services.TryAddSingleton<TelegramUpdateDispatcher>();
        services.TryAddSingleton<TelegramPoller>();
        // With a shared store (AddStorage registers IUpdateInbox) webhook updates go through the inbox shared by all instances.
        services.TryAddSingleton(sp => new TelegramWebhookEndpoint(
            sp.GetRequiredService<TelegramUpdateDispatcher>(),
            sp.GetRequiredService<TelegramBotIdentity>(),
            sp.GetRequiredService<IOptions<TelegramOptions>>(),
            sp.GetRequiredService<RedactingLogger<TelegramWebhookEndpoint>>(),
            sp.GetService<NewsBot.Core.State.IUpdateInbox>() is { } inbox ? ActivatorUtilities.CreateInstance<TelegramSharedInbox>(sp, inbox) : null));
        services.TryAddSingleton<TelegramWebhookListener>();
        services.TryAddSingleton<TelegramBotService>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramBotService>());
        services.AddSingleton<IChatSender, TelegramChatSender>();
        return services;
    }

    /// <summary>
    /// Maps the webhook endpoint (POST on the path of <c>Telegram:WebhookUrl</c>) into a host that is a web application;
    /// set <c>Telegram:WebhookSelfHost=false</c> then. Does nothing when the Telegram adapter is not configured.
    /// </summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<TelegramWebhookEndpoint>() is { } endpoint)
        {
            endpoints.MapPost(endpoint.Path, endpoint.HandleAsync);
        }

        return endpoints;
    }
}
