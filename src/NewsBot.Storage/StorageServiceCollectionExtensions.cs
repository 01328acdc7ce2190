using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsBot.Core.State;
using NewsBot.Storage.Postgres;
using NewsBot.Storage.Sqlite;

namespace NewsBot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the persistent store (the <c>Storage</c> section: SQLite by default, PostgreSQL with
    /// <c>Storage:Provider=Postgres</c>) for every state interface:
    /// <see cref="IChatSettingsStore"/>, <see cref="IConversationStore"/>, <see cref="IKeyValueStore"/>,
    /// <see cref="IDigestSubscriptionStore"/>, <see cref="IDigestOutbox"/>, <see cref="IDigestHistoryStore"/>, and the
    /// coordination between instances, <see cref="ILeaseStore"/> and <see cref="IUpdateInbox"/>.
    /// The host calls it instead of the core's AddInMemoryState, never beside it. Also adds a hosted service, placed first, that creates and migrates the database while the host starts.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        // The provider is read here, before options exist, to register one implementation; the validator still checks
        // the whole section at start and names Storage:Provider when it is neither.
        services.TryAddSingleton<InstanceIdentity>();
        var provider = configuration.GetSection(StorageOptions.SectionName)[nameof(StorageOptions.Provider)];
        if (new StorageOptions { Provider = provider ?? StorageOptions.SqliteProvider }.IsPostgres)
        {
            services.TryAddSingleton<PostgresDatabase>();
            services.TryAddSingleton<IStorageDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
            services.TryAddSingleton<PostgresStateStore>();
            services.TryAddSingleton<PostgresDigestStore>();
            services.TryAddSingleton<PostgresCoordinationStore>();
            services.TryAddSingleton<PostgresAnswerLog>();
            services.AddSingleton<IKeyValueStore>(sp => sp.GetRequiredService<PostgresStateStore>());
            RegisterDigestAndCoordination<PostgresDigestStore, PostgresCoordinationStore>(services);
            Add<IAnswerLog, PostgresAnswerLog>(services);

            // A networked database can go away while the bot runs: questions are still answered, without memory.
            services.TryAddSingleton(sp => new DegradingStateStore(
                sp.GetRequiredService<PostgresStateStore>(),
                sp.GetRequiredService<PostgresStateStore>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DegradingStateStore>>()));
            Add<IChatSettingsStore, DegradingStateStore>(services);
            Add<IConversationStore, DegradingStateStore>(services);
        }
        else
        {
            services.TryAddSingleton<SqliteDatabase>();
            services.TryAddSingleton<IStorageDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
            services.TryAddSingleton<SqliteStateStore>();
            services.TryAddSingleton<SqliteDigestStore>();
            services.TryAddSingleton<SqliteCoordinationStore>();
            services.TryAddSingleton<SqliteAnswerLog>();
            Add<IChatSettingsStore, SqliteStateStore>(services);
            Add<IConversationStore, SqliteStateStore>(services);
            Add<IKeyValueStore, SqliteStateStore>(services);
            RegisterDigestAndCoordination<SqliteDigestStore, SqliteCoordinationStore>(services);
            Add<IAnswerLog, SqliteAnswerLog>(services);
        }

        if (!services.Any(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StorageInitializer)))
        {
            // First in the collection so it is also the first hosted service to start.
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StorageInitializer>());
        }

        return services;
    }

    private static void RegisterDigestAndCoordination<TDigest, TCoordination>(IServiceCollection services)
        where TDigest : class, IDigestSubscriptionStore, IDigestOutbox, IDigestHistoryStore
        where TCoordination : class, ILeaseStore, IUpdateInbox
    {
        Add<IDigestSubscriptionStore, TDigest>(services);
        Add<IDigestOutbox, TDigest>(services);
        Add<IDigestHistoryStore, TDigest>(services);
        Add<ILeaseStore, TCoordination>(services);
        Add<IUpdateInbox, TCoordination>(services);
    }

    /// <summary>The interface answered by the provider's one instance.</summary>
    private static void Add<TService, TImplementation>(IServiceCollection services)
        where TService : class
        where TImplementation : class, TService =>
        services.AddSingleton<TService>(sp => sp.GetRequiredService<TImplementation>());
}
