using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsBot.Ai.Tests.Fakes;
using NewsBot.Core;
using NewsBot.Core.Answers;
using NewsBot.Core.Chat;

namespace NewsBot.Ai.Tests;

/// <summary>
/// The core's pipeline on the seed corpus (its search, its extractive engine as fallback) composed with AddLlm as the
/// host does, talking to the loopback OpenAI-compatible server through Semantic Kernel's connector.
/// </summary>
public sealed class PipelineEndToEndTests : IAsyncLifetime
{
    private const string SeedId = "000_59b4a59a8a957c04";
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Core_then_AddLlm_puts_the_model_in_front_of_the_core_extractive_engine()
    {
        using var sp = Build();

        Assert.IsType<FallbackAnswerEngine>(sp.GetRequiredService<IAnswerEngine>());
        Assert.IsType<Core.Answers.ExtractiveAnswerEngine>(sp.GetRequiredKeyedService<IAnswerEngine>(LlmServiceCollectionExtensions.FallbackEngineKey));
        Assert.IsType<LlmQueryExpander>(sp.GetRequiredService<IQueryExpander>());
    }

    [Fact]
    public async Task An_English_question_on_the_German_seed_is_expanded_retrieved_and_answered_by_the_model_streaming()
    {
        using var sp = Build();
        var progress = new RecordingProgress();

        var reply = await sp.GetRequiredService<IChatPipeline>().HandleAsync(Ask("Where did Rubio and Lavrov meet?"), progress, CancellationToken.None);

        Assert.Equal("llm", reply.Backend);
        Assert.Equal("Rubio and Lavrov met in Riyadh, Saudi Arabia [1].", reply.PlainText);
        Assert.Equal(SeedId, Assert.Single(reply.Citations).ArticleId);
        Assert.Equal(reply.PlainText, progress.Reports[^1]);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains("search terms", _server.Requests[0].Messages[0].Content);
        Assert.True(_server.Requests[1].Stream);
        Assert.Contains("Riad", _server.Requests[1].Messages[^1].Content);
    }

    [Fact]
    public async Task With_the_model_down_the_core_extractive_answer_comes_with_the_note()
    {
        _server.Behavior = FakeBehavior.ServerError;
        using var sp = Build();

        var reply = await sp.GetRequiredService<IChatPipeline>().HandleAsync(Ask("Wo trafen sich Rubio und Lawrow?"), null, CancellationToken.None);

        Assert.Equal("extractive", reply.Backend);
        Assert.Contains("Riad", reply.PlainText);
        Assert.Equal(new ReplyBlock(ReplyBlockKind.Note, "Das Sprachmodell war nicht erreichbar; dies ist eine extraktive Antwort."), reply.Blocks[^1]);
        Assert.Equal(SeedId, Assert.Single(reply.Citations).ArticleId);
    }

    [Fact]
    public async Task The_who_list_shows_roles_translated_by_the_model_in_one_call()
    {
        using var sp = Build();

        var reply = await sp.GetRequiredService<IChatPipeline>().HandleAsync(Ask("x") with { Text = "/who", UserLocale = "en" }, null, CancellationToken.None);
        var again = await sp.GetRequiredService<IChatPipeline>().HandleAsync(Ask("x") with { Text = "/who", UserLocale = "en" }, null, CancellationToken.None);

        Assert.Contains("Sergej Lawrow, EN Außenminister", reply.PlainText);
        Assert.Contains("Dmitri Peskow, EN Kremlsprecher", reply.PlainText);
        Assert.DoesNotContain("as the article words them", reply.PlainText);
        Assert.Equal(reply.PlainText, again.PlainText);
        Assert.Single(_server.Requests, r => r.Messages[0].Content.Contains("roles in the news", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_model_down_the_who_list_keeps_the_original_roles_and_says_so_once()
    {
        _server.Behavior = FakeBehavior.ServerError;
        using var sp = Build();

        var reply = await sp.GetRequiredService<IChatPipeline>().HandleAsync(Ask("x") with { Text = "/who", UserLocale = "en" }, null, CancellationToken.None);

        // Marked once under the list, not on every line.
        Assert.Contains("Dmitri Peskow, Kremlsprecher – ", reply.PlainText);
        Assert.Equal(new ReplyBlock(ReplyBlockKind.Note, "Roles from German articles are given as the article words them."), reply.Blocks[^1]);
        Assert.Single(reply.Blocks, b => b.Text.Contains("words them", StringComparison.Ordinal));
    }

    private static ChatRequest Ask(string question) =>
        new() { Platform = Platforms.Console, ChatId = "test", UserId = "u", Text = "/ask " + question };

    private ServiceProvider Build()
    {
        var settings = AddLlmTests.OpenAi(_server.BaseUrl);
        settings["Corpus:Path"] = SeedCorpus.SeedDirectory;
        settings["Corpus:Watch"] = "false";
        settings["Llm:MaxRetries"] = "0";
        var configuration = AddLlmTests.Config(settings);
        return new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddNewsBotCore(configuration)
            .AddInMemoryState()
            .AddLlm(configuration)
            .BuildServiceProvider();
    }
}
