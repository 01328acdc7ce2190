using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;

namespace NewsBot.Ai.Tests.Fakes;

public static class Engines
{
    public static LlmOptions Options(double timeoutSeconds = 30) =>
        new() { Provider = "OpenAI", Model = "test-model", ApiKey = "test", TimeoutSeconds = timeoutSeconds };

    public static LlmAnswerEngine Llm(IChatCompletionService chat, TimeProvider? time = null, LlmOptions? options = null)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options ?? Options());
        return new(chat, wrapped, time ?? TimeProvider.System, new LlmCircuit(wrapped, time ?? TimeProvider.System));
    }

    public static FallbackAnswerEngine WithFallback(IChatCompletionService chat, StubExtractiveEngine fallback, CapturingLoggerProvider? logs = null, TimeProvider? time = null, LlmOptions? options = null)
    {
        var factory = logs is null ? NullLoggerFactory.Instance : LoggerFactoryWith(logs);
        return new FallbackAnswerEngine(Llm(chat, time, options), fallback, factory.CreateLogger<FallbackAnswerEngine>());
    }

    private static ILoggerFactory LoggerFactoryWith(CapturingLoggerProvider logs) =>
        LoggerFactory.Create(b => b.AddProvider(logs));
}
