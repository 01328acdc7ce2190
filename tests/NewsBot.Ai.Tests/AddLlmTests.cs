using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using NewsBot.Ai.Tests.Fakes;
using NewsBot.Core.Answers;

namespace NewsBot.Ai.Tests;

public sealed class AddLlmTests
{
    [Fact]
    public void With_the_default_provider_the_extractive_engine_answers_alone_and_queries_are_not_expanded()
    {
        using var sp = Build([]);

        Assert.IsType<StubExtractiveEngine>(sp.GetRequiredService<IAnswerEngine>());
        Assert.Null(sp.GetService<IChatCompletionService>());
        Assert.IsType<NoQueryExpansion>(sp.GetRequiredService<IQueryExpander>());
        Validate(sp);
    }

    [Fact]
    public void With_OpenAI_the_model_answers_with_the_extractive_engine_as_fallback_and_expands_queries()
    {
        var core = new StubExtractiveEngine();
        using var sp = Build(OpenAi(), core);

        var engine = Assert.IsType<FallbackAnswerEngine>(sp.GetRequiredService<IAnswerEngine>());
        Assert.Equal("llm", engine.Backend);
        Assert.Same(core, sp.GetRequiredKeyedService<IAnswerEngine>(LlmServiceCollectionExtensions.FallbackEngineKey));
        Assert.IsType<LlmQueryExpander>(sp.GetRequiredService<IQueryExpander>());
        Assert.Single(sp.GetServices<IAnswerEngine>());
        Validate(sp);
    }

    [Fact]
    public void AddLlm_only_adds()
    {
        var services = new ServiceCollection().AddLogging().AddKeyedSingleton<IAnswerEngine>(LlmServiceCollectionExtensions.FallbackEngineKey, new StubExtractiveEngine());
        var before = services.ToList();

        services.AddLlm(Config(OpenAi()));

        Assert.All(before, d => Assert.Contains(d, services));
        Assert.Single(services, d => d.ServiceType == typeof(IAnswerEngine) && !d.IsKeyedService);
    }

    [Fact]
    public void Without_the_extractive_engine_the_container_says_what_is_missing()
    {
        using var sp = new ServiceCollection().AddLogging().AddLlm(Config(OpenAi())).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => sp.GetRequiredService<IAnswerEngine>());
        Assert.Contains("IAnswerEngine", error.Message);
    }

    [Theory]
    [InlineData("Ollama", "Llm:Endpoint", "http://127.0.0.1:11434", "Llm:Model", "llama3.2")]
    [InlineData("AzureOpenAI", "Llm:Endpoint", "https://example.openai.azure.com/", "Llm:Deployment", "gpt-4o-mini")]
    public void Ollama_and_Azure_build_a_chat_service(string provider, string k1, string v1, string k2, string v2)
    {
        using var sp = Build(new() { ["Llm:Provider"] = provider, [k1] = v1, [k2] = v2, ["Llm:ApiKey"] = "k" });

        Assert.NotNull(sp.GetRequiredService<IChatCompletionService>());
        Assert.IsType<FallbackAnswerEngine>(sp.GetRequiredService<IAnswerEngine>());
    }

    [Theory]
    [InlineData("Llm:Model", "Llm:Model is required when Llm:Provider is OpenAI")]
    [InlineData("Llm:Endpoint=not a url", "Llm:Endpoint must be an absolute http(s) URL when Llm:Provider is OpenAI")]
    [InlineData("Llm:TimeoutSeconds=0", "Llm:TimeoutSeconds must be between 0 and 3600")]
    public void A_bad_OpenAI_setting_stops_the_start_with_one_line_naming_the_key(string change, string expected)
    {
        var settings = OpenAi();
        var parts = change.Split('=');
        if (parts.Length == 1)
        {
            settings.Remove(parts[0]);
        }
        else
        {
            settings[parts[0]] = parts[1];
        }

        using var sp = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => Validate(sp));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void An_unknown_provider_names_Llm_Provider_and_replaces_nothing()
    {
        using var sp = Build(new() { ["Llm:Provider"] = "Claud" });

        var error = Assert.Throws<OptionsValidationException>(() => Validate(sp));
        Assert.Equal("Llm:Provider 'Claud' is not known; use Extractive, OpenAI, AzureOpenAI or Ollama", error.Message);
    }

    [Theory]
    [InlineData("AzureOpenAI", "", "d", "k", "", "Llm:Endpoint is required when Llm:Provider is AzureOpenAI")]
    [InlineData("AzureOpenAI", "https://x.openai.azure.com", "", "k", "", "Llm:Deployment is required when Llm:Provider is AzureOpenAI")]
    [InlineData("AzureOpenAI", "https://x.openai.azure.com", "d", "", "", "Llm:ApiKey is required when Llm:Provider is AzureOpenAI")]
    [InlineData("Ollama", "", "", "", "llama3", "Llm:Endpoint is required when Llm:Provider is Ollama")]
    [InlineData("ollama", "http://127.0.0.1:11434", "", "", "", "Llm:Model is required when Llm:Provider is Ollama")]
    [InlineData("OpenAI", "", "", "", "gpt-4o-mini", "Llm:ApiKey is required when Llm:Provider is OpenAI without Llm:Endpoint")]
    public void Each_provider_names_its_missing_key(string provider, string endpoint, string deployment, string key, string model, string expected)
    {
        var options = new LlmOptions { Provider = provider, Endpoint = endpoint, Deployment = deployment, ApiKey = key, Model = model };

        var result = new LlmOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(expected, result.FailureMessage);
    }

    [Fact]
    public void An_OpenAI_compatible_server_needs_no_key()
    {
        var options = new LlmOptions { Provider = "OpenAI", Endpoint = "http://127.0.0.1:1234/v1", Model = "local" };

        Assert.True(new LlmOptionsValidator().Validate(null, options).Succeeded);
    }

    internal static Dictionary<string, string?> OpenAi(string endpoint = "http://127.0.0.1:9/v1") => new()
    {
        ["Llm:Provider"] = "OpenAI",
        ["Llm:Endpoint"] = endpoint,
        ["Llm:ApiKey"] = "test",
        ["Llm:Model"] = "test-model",
    };

    internal static IConfiguration Config(Dictionary<string, string?> settings) => new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static ServiceProvider Build(Dictionary<string, string?> settings, StubExtractiveEngine? core = null) =>
        new ServiceCollection().AddLogging().AddKeyedSingleton<IAnswerEngine>(LlmServiceCollectionExtensions.FallbackEngineKey, core ?? new StubExtractiveEngine())
            .AddLlm(Config(settings)).BuildServiceProvider();

    /// <summary>What the host does at start for ValidateOnStart options.</summary>
    private static void Validate(IServiceProvider sp) => sp.GetRequiredService<IStartupValidator>().Validate();
}
