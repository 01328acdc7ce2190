using Microsoft.Extensions.Options;

namespace NewsBot.Ai;

/// <summary>Which model backend writes answers.</summary>
public enum LlmProvider
{
    /// <summary>No model: the core's extractive engine answers.</summary>
    Extractive,
    OpenAI,
    AzureOpenAI,
    Ollama,
}

/// <summary>The <c>Llm</c> configuration section.</summary>
public sealed class LlmOptions
{
    public const string SectionName = "Llm";

    /// <summary>Bound as text and parsed by <see cref="TryParseProvider"/> so that a typo gets a clear message.</summary>
    public string Provider { get; set; } = nameof(LlmProvider.Extractive);

    /// <summary>The model name (OpenAI, Ollama); for Azure the deployment's model, optional.</summary>
    public string? Model { get; set; }

    /// <summary>Base URL: an OpenAI-compatible server (".../v1"), the Azure resource, or the Ollama server.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Azure OpenAI deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>The whole budget of one model call, retries included.</summary>
    public double TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries after a 429 or 5xx answer.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>After a failed call, further calls go straight to the fallback for this long.</summary>
    public double CooldownSeconds { get; set; } = 30;

    /// <summary>Earlier turns of a conversation sent along with a question.</summary>
    public int MaxHistoryTurns { get; set; } = 4;

    public LlmProvider ParsedProvider => TryParseProvider(Provider) ?? LlmProvider.Extractive;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <summary>A name for caches and logs: the model, or the Azure deployment.</summary>
    public string ModelName => !string.IsNullOrWhiteSpace(Model) ? Model! : Deployment ?? "";

    public static LlmProvider? TryParseProvider(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return LlmProvider.Extractive;
        }

        // Enum.TryParse would accept numbers ("2"); only names are meaningful in a config file.
        foreach (var provider in Enum.GetValues<LlmProvider>())
        {
            if (string.Equals(provider.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return provider;
            }
        }

        return null;
    }
}

/// <summary>Stops the start with one line naming the key that is wrong.</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var error = FirstError(options);
        return error is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
    }

    private static string? FirstError(LlmOptions o)
    {
        var provider = LlmOptions.TryParseProvider(o.Provider);
        if (provider is null)
        {
            return $"Llm:Provider '{o.Provider}' is not known; use Extractive, OpenAI, AzureOpenAI or Ollama";
        }

        if (provider == LlmProvider.Extractive)
        {
            return null;
        }

        if (o.TimeoutSeconds <= 0 || double.IsNaN(o.TimeoutSeconds) || o.TimeoutSeconds > 3600)
        {
            return "Llm:TimeoutSeconds must be between 0 and 3600";
        }

        if (o.CooldownSeconds < 0 || double.IsNaN(o.CooldownSeconds))
        {
            return "Llm:CooldownSeconds must not be negative";
        }

        if (o.MaxRetries is < 0 or > 10)
        {
            return "Llm:MaxRetries must be between 0 and 10";
        }

        if (!string.IsNullOrWhiteSpace(o.Endpoint) && !IsHttpUrl(o.Endpoint))
        {
            return $"Llm:Endpoint must be an absolute http(s) URL when Llm:Provider is {provider}";
        }

        return provider switch
        {
            LlmProvider.OpenAI when string.IsNullOrWhiteSpace(o.Model) => "Llm:Model is required when Llm:Provider is OpenAI",
            LlmProvider.OpenAI when string.IsNullOrWhiteSpace(o.ApiKey) && string.IsNullOrWhiteSpace(o.Endpoint) =>
                "Llm:ApiKey is required when Llm:Provider is OpenAI without Llm:Endpoint",
            LlmProvider.AzureOpenAI when string.IsNullOrWhiteSpace(o.Endpoint) => "Llm:Endpoint is required when Llm:Provider is AzureOpenAI",
            LlmProvider.AzureOpenAI when string.IsNullOrWhiteSpace(o.Deployment) => "Llm:Deployment is required when Llm:Provider is AzureOpenAI",
            LlmProvider.AzureOpenAI when string.IsNullOrWhiteSpace(o.ApiKey) => "Llm:ApiKey is required when Llm:Provider is AzureOpenAI",
            LlmProvider.Ollama when string.IsNullOrWhiteSpace(o.Endpoint) => "Llm:Endpoint is required when Llm:Provider is Ollama",
            LlmProvider.Ollama when string.IsNullOrWhiteSpace(o.Model) => "Llm:Model is required when Llm:Provider is Ollama",
            _ => null,
        };
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
