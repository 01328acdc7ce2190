using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using NewsBot.Core.Answers;
using NewsBot.Core.People;

namespace NewsBot.Ai;

public static class LlmServiceCollectionExtensions
{
    /// <summary>The key under which the extractive engine stays available as the model's fallback.</summary>
    public const string FallbackEngineKey = "extractive";

    /// <summary>
    /// Registers the <c>Llm</c> options (validated at start). With a model configured, the engine answering
    /// <see cref="IAnswerEngine"/> becomes the model with the extractive engine as fallback, and
    /// <see cref="IQueryExpander"/> becomes the model's query translation.
    /// Call after the core has registered its extractive <see cref="IAnswerEngine"/>: that registration is moved
    /// to the keyed service <see cref="FallbackEngineKey"/> (unless one is registered there already).
    /// With <c>Llm:Provider</c> Extractive (the default) nothing else changes.
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
            return services;
        }

        MoveCoreEngineToFallbackKey(services);

        services.TryAddSingleton<IChatCompletionService>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            var loggerFactory = sp.GetRequiredService<ILoggerFactory>();
            var logger = loggerFactory.CreateLogger("NewsBot.Ai");
            var (chosen, model) = (options.ParsedProvider, options.ModelName);
            LlmLog.UsingModel(logger, chosen, model);
            return LlmChatServiceFactory.Create(options, sp.GetRequiredService<TimeProvider>(), loggerFactory);
        });
        services.TryAddSingleton<LlmCircuit>();
        services.TryAddSingleton<LlmAnswerEngine>();
        services.RemoveAll<IAnswerEngine>();
        services.AddSingleton<IAnswerEngine>(sp => new FallbackAnswerEngine(
            sp.GetRequiredService<LlmAnswerEngine>(),
            sp.GetRequiredKeyedService<IAnswerEngine>(FallbackEngineKey),
            sp.GetRequiredService<ILogger<FallbackAnswerEngine>>()));

        services.RemoveAll<IQueryExpander>();
        services.AddSingleton<IQueryExpander, LlmQueryExpander>();

        // The people pass is opt-in (one call per article): Llm:People:Enabled. The people index takes it when registered.
        services.AddOptions<LlmPeopleOptions>().Bind(configuration.GetSection(LlmPeopleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        if (configuration.GetSection(LlmPeopleOptions.SectionName).GetValue<bool>(nameof(LlmPeopleOptions.Enabled)))
        {
            services.TryAddSingleton<IPeopleRefiner, LlmPeopleRefiner>();
        }

        return services;
    }

    private static void MoveCoreEngineToFallbackKey(IServiceCollection services)
    {
        var keyedExists = services.Any(d => d.ServiceType == typeof(IAnswerEngine) && d.IsKeyedService && Equals(d.ServiceKey, FallbackEngineKey));
        if (keyedExists)
        {
            return;
        }

        var core = services.LastOrDefault(d => d.ServiceType == typeof(IAnswerEngine) && !d.IsKeyedService)
            ?? throw new InvalidOperationException(
                "AddLlm needs the extractive IAnswerEngine as fallback: register the core (or a keyed IAnswerEngine \"extractive\") before calling AddLlm.");

        services.Add(core switch
        {
            { ImplementationInstance: { } instance } => ServiceDescriptor.KeyedSingleton(typeof(IAnswerEngine), FallbackEngineKey, instance),
            { ImplementationFactory: { } factory } => new ServiceDescriptor(typeof(IAnswerEngine), FallbackEngineKey, (sp, _) => factory(sp), core.Lifetime),
            _ => new ServiceDescriptor(typeof(IAnswerEngine), FallbackEngineKey, core.ImplementationType!, core.Lifetime),
        });
    }
}
