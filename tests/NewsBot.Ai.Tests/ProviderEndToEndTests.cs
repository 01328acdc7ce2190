using Microsoft.Extensions.DependencyInjection;
using NewsBot.Ai.Tests.Fakes;
using NewsBot.Core.Answers;
using NewsBot.Core.Chat;

namespace NewsBot.Ai.Tests;

/// <summary>The other providers of the switch, each through its real client against the loopback server.</summary>
public sealed class ProviderEndToEndTests : IAsyncLifetime
{
    private const string SeedId = "000_59b4a59a8a957c04";
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Root => _server.BaseUrl[..^"/v1".Length];

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "/v1/")]
    public async Task Ollama_answers_through_OllamaSharp_plain_and_streaming(bool streaming, string endpointSuffix)
    {
        using var sp = Build(new() { ["Llm:Provider"] = "Ollama", ["Llm:Endpoint"] = Root + endpointSuffix, ["Llm:Model"] = "llama3.2" });
        var progress = streaming ? new RecordingProgress() : null;

        var answer = await sp.GetRequiredService<IAnswerEngine>().AnswerAsync(SeedCorpus.RubioLavrov(progress), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/api/chat", request.Path);
        Assert.Equal("llama3.2", request.Model);
        Assert.Contains("Answer language: English", request.Messages[^1].Content);
        Assert.Equal("llm", answer.Backend);
        Assert.Equal("Rubio and Lavrov met in Riyadh, Saudi Arabia [1].", answer.ToReply().PlainText);
        Assert.Equal(SeedId, Assert.Single(answer.Citations).ArticleId);
        if (progress is not null)
        {
            Assert.Equal(answer.ToReply().PlainText, progress.Reports[^1]);
        }
    }

    [Fact]
    public async Task Ollama_failing_falls_back_with_the_note()
    {
        _server.Behavior = FakeBehavior.ServerError;
        using var sp = Build(new() { ["Llm:Provider"] = "Ollama", ["Llm:Endpoint"] = Root, ["Llm:Model"] = "llama3.2", ["Llm:MaxRetries"] = "0" });

        var answer = await sp.GetRequiredService<IAnswerEngine>().AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);

        Assert.Equal("extractive", answer.Backend);
        Assert.Equal(ReplyBlockKind.Note, answer.Blocks[^1].Kind);
    }

    [Fact]
    public async Task Azure_OpenAI_posts_to_the_deployment_with_the_api_key_header()
    {
        using var sp = Build(new()
        {
            ["Llm:Provider"] = "AzureOpenAI",
            ["Llm:Endpoint"] = Root,
            ["Llm:Deployment"] = "news-gpt",
            ["Llm:ApiKey"] = "azure-key",
        });

        var answer = await sp.GetRequiredService<IAnswerEngine>().AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/openai/deployments/news-gpt/chat/completions", request.Path);
        Assert.Equal("azure-key", request.ApiKey);
        Assert.Equal("llm", answer.Backend);
        Assert.Equal(SeedId, Assert.Single(answer.Citations).ArticleId);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddKeyedSingleton<IAnswerEngine, StubExtractiveEngine>(LlmServiceCollectionExtensions.FallbackEngineKey)
            .AddLlm(AddLlmTests.Config(settings))
            .BuildServiceProvider();
}
