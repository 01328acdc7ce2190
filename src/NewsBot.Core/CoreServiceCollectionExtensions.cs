using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsBot.Core.Answers;
using NewsBot.Core.Articles;
using NewsBot.Core.Chat;
using NewsBot.Core.Chat.Handlers;
using NewsBot.Core.Digests;
using NewsBot.Core.Policies;
using NewsBot.Core.Search;
using NewsBot.Core.State;

namespace NewsBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The corpus, search, extractive engine and chat pipeline, with in-memory state (AddStorage replaces it).</summary>
    public static IServiceCollection AddNewsBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CorpusOptions>().Bind(configuration.GetSection(CorpusOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MemoryOptions>().Bind(configuration.GetSection(MemoryOptions.SectionName));
        services.AddOptions<VoteOptions>().Bind(configuration.GetSection(VoteOptions.SectionName));

        services.TryAddSingleton(TimeProvider.System);
        services.AddCrossLingualSearch(configuration);
        services.AddSingleton<CorpusLoader>();
        services.AddSingleton<CorpusCacheLocation>();
        services.AddSingleton<FileCorpusProvider>();
        services.AddSingleton<ICorpusProvider>(sp => sp.GetRequiredService<FileCorpusProvider>());

        services.AddSingleton<ExtractiveAnswerEngine>();
        services.TryAddSingleton<IAnswerEngine>(sp => sp.GetRequiredService<ExtractiveAnswerEngine>());
        services.TryAddSingleton<IQueryExpander, NoQueryExpansion>();
        services.AddSingleton<DigestComposer>();

        services.AddSingleton<InMemoryStores>();
        services.TryAddSingleton<IChatSettingsStore>(sp => sp.GetRequiredService<InMemoryStores>());
        services.TryAddSingleton<IConversationStore>(sp => sp.GetRequiredService<InMemoryStores>());
        services.TryAddSingleton<IKeyValueStore>(sp => sp.GetRequiredService<InMemoryStores>());
        services.AddSingleton<InMemoryDigestStore>();
        services.TryAddSingleton<IDigestSubscriptionStore>(sp => sp.GetRequiredService<InMemoryDigestStore>());
        services.TryAddSingleton<IDigestOutbox>(sp => sp.GetRequiredService<InMemoryDigestStore>());
        services.TryAddSingleton<IDigestHistoryStore>(sp => sp.GetRequiredService<InMemoryDigestStore>());
        services.TryAddSingleton<IDigestAdminCheck, PlatformDigestAdminCheck>();
        services.TryAddSingleton<IAnswerLog, InMemoryAnswerLog>();

        foreach (var handler in new[] { typeof(AskHandler), typeof(SummaryHandler), typeof(WhoHandler), typeof(ArticlesHandler), typeof(DigestHandler), typeof(HelpHandler), typeof(LanguageHandler), typeof(ResetHandler), typeof(CancelHandler), typeof(VoteHandler), typeof(StatsHandler) })
        {
            services.AddSingleton(typeof(IChatCommandHandler), handler);
        }

        services.AddChatPolicies(configuration);
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<IChatPipeline>(sp => sp.GetRequiredService<CommandRouter>());
        return services;
    }

    /// <summary>Access control, admin checks, per-user rate limits, one answer per user and the global answer queue.</summary>
    private static IServiceCollection AddChatPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>());
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LoadOptions>().Bind(configuration.GetSection(LoadOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton<AccessPolicy>();
        services.TryAddSingleton<IAdminPolicy>(sp => sp.GetRequiredService<AccessPolicy>());
        services.TryAddSingleton<RefusalThrottle>();
        services.TryAddSingleton<UserRateLimiter>();
        services.TryAddSingleton<RunningAnswers>();
        services.TryAddSingleton<AnswerSlots>();
        services.TryAddSingleton<AnswerGate>();

        // Configured admins may manage digests too, not only the platform's own chat admins.
        services.Replace(ServiceDescriptor.Singleton<IDigestAdminCheck, AccessDigestAdminCheck>());
        return services;
    }
}
