using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;

using NewsBot.Core.Answers;
using NewsBot.Retrieval.People;

namespace NewsBot.Ai;

public static class LlmServiceCollectionExtensions
{
    /// <summary>The key under which the core registers the extractive engine: the model's fallback.</summary>
    public const string FallbackEngineKey = ExtractiveAnswerEngine.ServiceKey;

    /// <summary>
    /// The one owner of <see cref="IAnswerEngine"/> and <see cref="IQueryExpander"/> in the app. With a model configured
    /// (<c>Llm:Provider</c> OpenAI, AzureOpenAI or Ollama): the model, with the extractive engine (the keyed service
    /// <see cref="FallbackEngineKey"/>, which the core registers) as fallback, and the model's query translation. With
    /// <c>Llm:Provider</c> Extractive (the default): the extractive engine alone. The <c>Llm</c> options are validated at
    /// start either way.
    /// </summary>
    public static IServiceCollection AddLlm(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LlmOptions.SectionName);
        services.AddOptions<LlmOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // An unknown provider registers no model; the validator stops the start with a message naming Llm:Provider.
        var provider = LlmOptions.TryParseProvider(section[nameof(LlmOptions.Provider)]);
        if (provider is null or LlmProvider.Extractive)
        {
            services.AddSingleton(sp => sp.GetRequiredKeyedService<IAnswerEngine>(FallbackEngineKey));
            services.AddSingleton<IQueryExpander, NoQueryExpansion>();
            return services;
        }

        services.AddSingleton<IChatCompletionService>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            var loggerFactory = sp.GetRequiredService<ILoggerFactory>();
            var logger = loggerFactory.CreateLogger("NewsBot.Ai");
            var (chosen, model) = (options.ParsedProvider, options.ModelName);
            LlmLog.UsingModel(logger, chosen, model);
            return LlmChatServiceFactory.Create(options, sp.GetRequiredService<TimeProvider>(), loggerFactory);
        });
        services.AddSingleton<LlmCircuit>();
        services.AddSingleton<LlmAnswerEngine>();
        services.AddSingleton<IAnswerEngine>(sp => new FallbackAnswerEngine(
            sp.GetRequiredService<LlmAnswerEngine>(),
            sp.GetRequiredKeyedService<IAnswerEngine>(FallbackEngineKey),
            sp.GetRequiredService<ILogger<FallbackAnswerEngine>>()));
        services.AddSingleton<IQueryExpander, LlmQueryExpander>();

        // The people pass is opt-in (one call per article): Llm:People:Enabled. The people index takes it when registered.
        services.AddOptions<LlmPeopleOptions>().Bind(configuration.GetSection(LlmPeopleOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmPeopleOptions>, LlmPeopleOptionsValidator>());
        if (configuration.GetSection(LlmPeopleOptions.SectionName).GetValue<bool>(nameof(LlmPeopleOptions.Enabled)))
        {
            services.TryAddSingleton<IPeopleRefiner, LlmPeopleRefiner>();
        }

        return services;
    }
}
