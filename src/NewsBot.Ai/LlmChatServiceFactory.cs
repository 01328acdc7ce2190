using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OllamaSharp;

namespace NewsBot.Ai;

/// <summary>Builds Semantic Kernel's chat-completion service for the configured provider, over an HttpClient with retries.</summary>
public static class LlmChatServiceFactory
{
    /// <summary>First wait before retrying a 5xx that names no Retry-After; doubles per attempt.</summary>
    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(1);

    public static IChatCompletionService Create(LlmOptions options, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var provider = LlmOptions.TryParseProvider(options.Provider);
        var http = CreateHttpClient(options, time, loggerFactory.CreateLogger("NewsBot.Ai.LlmHttp"));
        switch (provider)
        {
            case LlmProvider.OpenAI when string.IsNullOrWhiteSpace(options.Endpoint):
                return new OpenAIChatCompletionService(options.Model!, options.ApiKey!, organization: null, httpClient: http);
            case LlmProvider.OpenAI:
                // Local OpenAI-compatible servers often need no key, but the connector insists on one.
                var key = string.IsNullOrWhiteSpace(options.ApiKey) ? "none" : options.ApiKey;
#pragma warning disable SKEXP0010 // The custom-endpoint constructor is marked experimental; it is the documented way to reach compatible servers.
                return new OpenAIChatCompletionService(options.Model!, new Uri(options.Endpoint!), key, organization: null, httpClient: http);
#pragma warning restore SKEXP0010
            case LlmProvider.AzureOpenAI:
                return new AzureOpenAIChatCompletionService(
                    options.Deployment!, options.Endpoint!, options.ApiKey!, modelId: string.IsNullOrWhiteSpace(options.Model) ? null : options.Model, httpClient: http);
            case LlmProvider.Ollama:
                http.BaseAddress = OllamaRoot(options.Endpoint!);
                return new OllamaApiClient(http, options.Model!).AsChatCompletionService();
            default:
                http.Dispose();
                throw new InvalidOperationException($"Llm:Provider '{options.Provider}' has no chat model");
        }
    }

    /// <summary>The native API lives at the server root; an endpoint copied from OpenAI-style settings ends in /v1.</summary>
    internal static Uri OllamaRoot(string endpoint)
    {
        var root = endpoint.TrimEnd('/');
        if (root.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            root = root[..^3];
        }

        return new Uri(root + "/");
    }

    internal static HttpClient CreateHttpClient(LlmOptions options, TimeProvider time, ILogger logger)
    {
        var retry = new LlmRetryHandler(options.MaxRetries, RetryBaseDelay, maxDelay: options.Timeout, time, logger)
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };

        // The engine enforces TimeoutSeconds itself (streams included, on the injected clock); this is a backstop.
        return new HttpClient(retry) { Timeout = options.Timeout + TimeSpan.FromSeconds(1) };
    }
}
