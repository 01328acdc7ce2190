using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands.Handlers;
using NewsBot.Core.Digests;
using NewsBot.Core.Policies;
using NewsBot.Retrieval.Search;
using NewsBot.Core.State;
using NewsBot.Core.Turns;
using NewsBot.Core.Commands;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// The corpus, search, the chat pipeline and its policies. The host adds the rest explicitly, once each: where state
    /// lives (<see cref="AddInMemoryState"/> or the Storage project's AddStorage) and which engine answers
    /// (<see cref="AddExtractiveAnswers"/> or the Ai project's AddLlm).
    /// </summary>
    public static IServiceCollection AddNewsBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CorpusOptions>().Bind(configuration.GetSection(CorpusOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CorpusOptions>, CorpusOptionsValidator>());
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>());
        services.AddOptions<MemoryOptions>().Bind(configuration.GetSection(MemoryOptions.SectionName));
        services.AddOptions<VoteOptions>().Bind(configuration.GetSection(VoteOptions.SectionName));

        services.TryAddSingleton(TimeProvider.System);
        services.AddCrossLingualSearch(configuration);
        services.AddHostedService<DictionaryWarmup>();
        services.AddSingleton<CorpusLoader>();
        services.AddSingleton<CorpusCacheLocation>();
        services.AddSingleton<FileCorpusProvider>();
        services.AddSingleton<ICorpusProvider>(sp => sp.GetRequiredService<FileCorpusProvider>());

        // The extractive engine always exists: it answers alone, or as the model's fallback.
        services.AddSingleton<ExtractiveAnswerEngine>();
        services.AddKeyedSingleton<IAnswerEngine>(ExtractiveAnswerEngine.ServiceKey, (sp, _) => sp.GetRequiredService<ExtractiveAnswerEngine>());
        services.AddSingleton<DigestComposer>();

        foreach (var handler in new[] { typeof(AskHandler), typeof(SummaryHandler), typeof(WhoHandler), typeof(ArticlesHandler), typeof(DigestHandler), typeof(HelpHandler), typeof(LanguageHandler), typeof(ResetHandler), typeof(CancelHandler), typeof(VoteHandler), typeof(StatsHandler) })
        {
            services.AddSingleton(typeof(IChatCommandHandler), handler);
        }

        services.AddChatPolicies(configuration);
        services.AddSingleton<CommandRouter>();
        services.AddChatTurns();
        services.AddSingleton<IChatPipeline>(sp => sp.GetRequiredService<CommandRouter>());
        return services;
    }

    /// <summary>The embedded extractive engine answers every question; queries are not expanded by a model.</summary>
    public static IServiceCollection AddExtractiveAnswers(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredKeyedService<IAnswerEngine>(ExtractiveAnswerEngine.ServiceKey));
        services.AddSingleton<IQueryExpander, NoQueryExpansion>();
        return services;
    }

    /// <summary>Chat settings, conversations, digests, the answer log and leases in memory: for one-shot verbs and tests.</summary>
    public static IServiceCollection AddInMemoryState(this IServiceCollection services)
    {
        services.AddSingleton<InMemoryStores>();
        services.AddSingleton<IChatSettingsStore>(sp => sp.GetRequiredService<InMemoryStores>());
        services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<InMemoryStores>());
        services.AddSingleton<IKeyValueStore>(sp => sp.GetRequiredService<InMemoryStores>());
        services.AddSingleton<InMemoryDigestStore>();
        services.AddSingleton<IDigestSubscriptionStore>(sp => sp.GetRequiredService<InMemoryDigestStore>());
        services.AddSingleton<IDigestOutbox>(sp => sp.GetRequiredService<InMemoryDigestStore>());
        services.AddSingleton<IDigestHistoryStore>(sp => sp.GetRequiredService<InMemoryDigestStore>());
        services.AddSingleton<IAnswerLog, InMemoryAnswerLog>();
        services.AddSingleton<InMemoryLeaseStore>();
        services.AddSingleton<ILeaseStore>(sp => sp.GetRequiredService<InMemoryLeaseStore>());
        return services;
    }

    /// <summary>Reloads the corpus when its folder changes (when <c>Corpus:Watch</c> is true): for the running bot.</summary>
    public static IServiceCollection AddCorpusWatcher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CorpusWatcherOptions>().Bind(configuration.GetSection(CorpusWatcherOptions.SectionName));
        services.AddSingleton<CorpusWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CorpusWatcher>());
        return services;
    }

    /// <summary>
    /// The command catalogue and the turn runner every chat surface answers through. The adapters call it too, so that an
    /// adapter can run on its own pipeline in tests; it adds each service only once.
    /// </summary>
    public static IServiceCollection AddChatTurns(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CommandCatalogue>();
        services.TryAddSingleton<RunningAnswers>();
        services.TryAddSingleton<TurnRunner>();
        return services;
    }

    /// <summary>Access control, admin checks, per-user rate limits, one answer per user and the global answer queue.</summary>
    private static IServiceCollection AddChatPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>());
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>());
        services.AddOptions<LoadOptions>().Bind(configuration.GetSection(LoadOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LoadOptions>, LoadOptionsValidator>());

        services.TryAddSingleton<AccessPolicy>();
        services.TryAddSingleton<IAdminPolicy>(sp => sp.GetRequiredService<AccessPolicy>());
        services.TryAddSingleton<RefusalThrottle>();
        services.TryAddSingleton<UserRateLimiter>();
        services.TryAddSingleton<RunningAnswers>();
        services.TryAddSingleton<RecentLanguages>();
        services.TryAddSingleton<AnswerSlots>();
        services.TryAddSingleton<AnswerGate>();

        // Configured admins may manage digests too, not only the platform's own chat admins.
        services.AddSingleton<IDigestAdminCheck, AccessDigestAdminCheck>();
        return services;
    }
}
