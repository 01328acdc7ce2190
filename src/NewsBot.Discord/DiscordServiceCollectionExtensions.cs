using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Core.Chat;
using NewsBot.Core.State;
using NewsBot.Discord.Adapter;
using NewsBot.Discord.Client;
using NewsBot.Discord.Rendering;
using NewsBot.Core.Commands;

namespace NewsBot.Discord;

public static class DiscordServiceCollectionExtensions
{
    public const string HttpClientName = "discord";

    /// <summary>
    /// Registers the Discord options (validated at start), client, formatter and adapter parts; the hosted
    /// <see cref="DiscordBotService"/> and the <see cref="IChatSender"/> for "discord" only when Discord:BotToken is set.
    /// Needs <see cref="IChatPipeline"/> and (preferably) <see cref="IKeyValueStore"/> from the rest of the app.
    /// </summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DiscordOptions.SectionName);
        services.AddOptions<DiscordOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new DiscordTimings());
        services.TryAddSingleton<DiscordMarkdownFormatter>();

        // No default HTTP logging: interaction tokens are part of webhook URLs.
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllLoggers();

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return new DiscordRestClient(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
                options.Token,
                options.ApiBaseUrl,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<DiscordTimings>(),
                sp.GetRequiredService<ILogger<DiscordRestClient>>());
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            var time = sp.GetRequiredService<TimeProvider>();
            var timings = sp.GetRequiredService<DiscordTimings>();

            // IDENTIFY spacing per bucket: through the shared store when there is one (several processes), else in-process.
            var gate = new IdentifyGate(sp.GetService<ILeaseStore>() ?? new InMemoryLeaseStore(), time, timings);
            return new DiscordShardSet(options.ShardIds().Select(id => new DiscordGatewayClient(
                sp.GetRequiredService<DiscordRestClient>(),
                options.Token,
                options.Intents,
                time,
                timings,
                sp.GetRequiredService<ILogger<DiscordGatewayClient>>(),
                id,
                options.ShardCount,
                gate)).ToList());
        });

        // The first shard of this process, for code that needs one connection's identity (the bot user id).
        services.TryAddSingleton(sp => sp.GetRequiredService<DiscordShardSet>().Clients[0]);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DiscordOptions>>().Value;
            return new DiscordCommandRegistrar(
                sp.GetRequiredService<DiscordRestClient>(),
                sp.GetRequiredService<CommandCatalogue>(),
                sp.GetRequiredService<IKeyValueStore>(),
                string.IsNullOrWhiteSpace(options.GuildId) ? null : options.GuildId.Trim(),
                sp.GetRequiredService<ILogger<DiscordCommandRegistrar>>());
        });
        services.TryAddSingleton<DiscordMessageHandler>();
        services.TryAddSingleton<DiscordInteractionHandler>();
        services.TryAddSingleton<DiscordVotes>();
        services.AddChatTurns();

        if (!string.IsNullOrWhiteSpace(section["BotToken"]))
        {
            services.AddSingleton<IChatSender, DiscordChatSender>();
            services.AddHostedService<DiscordBotService>();
            services.AddSingleton(sp => sp.GetRequiredService<DiscordGatewayClient>().Status);
        }

        return services;
    }
}
