using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsBot.Core.State;
using NewsBot.Storage.Sqlite;

namespace NewsBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the persistent store (SQLite, the <c>Storage</c> section) for every state interface:
    /// <see cref="IChatSettingsStore"/>, <see cref="IConversationStore"/>, <see cref="IKeyValueStore"/>,
    /// <see cref="IDigestSubscriptionStore"/>, <see cref="IDigestOutbox"/> and <see cref="IDigestHistoryStore"/>.
    /// Call it after the core's registrations: it removes any earlier (in-memory) registration of those interfaces.
    /// Also adds a hosted service, placed first, that creates and migrates the database while the host starts.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        // Only SQLite exists today; another provider would be chosen here from StorageOptions.Provider,
        // and the validator rejects anything else with a message naming Storage:Provider.
        services.TryAddSingleton<SqliteDatabase>();
        services.TryAddSingleton<SqliteStateStore>();
        services.TryAddSingleton<SqliteDigestStore>();
        services.TryAddSingleton<SqliteAnswerLog>();

        Replace<IChatSettingsStore, SqliteStateStore>(services);
        Replace<IConversationStore, SqliteStateStore>(services);
        Replace<IKeyValueStore, SqliteStateStore>(services);
        Replace<IDigestSubscriptionStore, SqliteDigestStore>(services);
        Replace<IDigestOutbox, SqliteDigestStore>(services);
        Replace<IDigestHistoryStore, SqliteDigestStore>(services);
        Replace<IAnswerLog, SqliteAnswerLog>(services);

        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StorageInitializer)))
        {
            // First in the collection so it is also the first hosted service to start.
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StorageInitializer>());
        }

        return services;
    }

    private static void Replace<TService, TImplementation>(IServiceCollection services)
        where TService : class
        where TImplementation : class, TService
    {
        services.RemoveAll<TService>();
        services.AddSingleton<TService>(sp => sp.GetRequiredService<TImplementation>());
    }
}
