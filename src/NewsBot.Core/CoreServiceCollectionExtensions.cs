using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsBot.Core.Answers;
using NewsBot.Core.Articles;
using NewsBot.Core.Chat;
using NewsBot.Core.Chat.Handlers;
using NewsBot.Core.Digests;
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

        services.TryAddSingleton(TimeProvider.System);
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

        foreach (var handler in new[] { typeof(AskHandler), typeof(SummaryHandler), typeof(WhoHandler), typeof(ArticlesHandler), typeof(DigestHandler), typeof(HelpHandler), typeof(LanguageHandler), typeof(ResetHandler) })
        {
            services.AddSingleton(typeof(IChatCommandHandler), handler);
        }

        services.AddSingleton<CommandRouter>();
        services.AddSingleton<IChatPipeline>(sp => sp.GetRequiredService<CommandRouter>());
        return services;
    }
}
