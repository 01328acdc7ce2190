using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsBot.Ai.Tests.Fakes;
using NewsBot.Core.Answers;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Ai.Tests;

/// <summary>Through Semantic Kernel's real OpenAI connector, configured by AddLlm, against a loopback OpenAI-compatible server.</summary>
public sealed class OpenAiEndToEndTests : IAsyncLifetime
{
    private const string SeedId = "000_59b4a59a8a957c04";
    private FakeOpenAiServer _server = null!;
    private readonly CapturingLoggerProvider _logs = new();

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_model_is_asked_with_the_seed_passage_in_English_and_its_answer_comes_back_cited()
    {
        using var sp = Build();
        var engine = sp.GetRequiredService<IAnswerEngine>();

        var answer = await engine.AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("test-model", request.Model);
        Assert.Equal("Bearer test", request.Authorization);
        Assert.False(request.Stream);
        var all = string.Join("\n", request.Messages.Select(m => m.Content));
        Assert.Contains(SeedCorpus.Gold(SeedCorpus.Seed()).Text, all);
        Assert.Contains("Answer language: English", all);
        Assert.Equal("system", request.Messages[0].Role);

        Assert.Equal("llm", answer.Backend);
        Assert.Equal("Rubio and Lavrov met in Riyadh, Saudi Arabia [1].", answer.ToReply().PlainText);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal((1, SeedId), (citation.Number, citation.ArticleId));
    }

    [Fact]
    public async Task When_the_sources_do_not_hold_the_answer_the_model_says_so_and_nothing_is_cited()
    {
        _server.Keyword = "Tokio";
        using var sp = Build();

        var answer = await sp.GetRequiredService<IAnswerEngine>().AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);

        Assert.Equal("llm", answer.Backend);
        Assert.True(answer.NotFound);
        Assert.Empty(answer.Citations);
        Assert.Equal("The articles do not say.", answer.ToReply().PlainText);
    }

    [Fact]
    public async Task Streaming_shows_the_answer_growing_without_the_models_reasoning()
    {
        _server.Thinking = "The user asks about a meeting. Source 2 mentions Riad.";
        using var sp = Build();
        var progress = new RecordingProgress();

        var answer = await sp.GetRequiredService<IAnswerEngine>().AnswerAsync(SeedCorpus.RubioLavrov(progress), CancellationToken.None);

        Assert.True(Assert.Single(_server.Requests).Stream);
        Assert.Equal("Rubio and Lavrov met in Riyadh, Saudi Arabia [1].", answer.ToReply().PlainText);
        var reports = progress.Reports;
        Assert.True(reports.Count >= 3, $"only {reports.Count} partial reports");
        for (var i = 1; i < reports.Count; i++)
        {
            Assert.StartsWith(reports[i - 1], reports[i], StringComparison.Ordinal);
        }

        Assert.Equal(answer.ToReply().PlainText, reports[^1]);
        Assert.All(reports, r => Assert.DoesNotContain("Source 2", r));
        Assert.All(reports, r => Assert.DoesNotContain("think", r));
    }

    [Fact]
    public async Task A_server_error_is_retried_then_answered_extractively_with_the_note()
    {
        _server.Behavior = FakeBehavior.ServerError;
        using var sp = Build(maxRetries: 1);

        var answer = await sp.GetRequiredService<IAnswerEngine>().AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        AssertExtractiveWithNote(answer);
        Assert.Contains("HTTP 500", Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning).Message);
    }

    [Fact]
    public async Task A_rate_limit_with_Retry_After_is_waited_out_and_the_model_answers()
    {
        _server.Behavior = FakeBehavior.RateLimitedOnce;
        using var sp = Build(maxRetries: 2);

        var answer = await sp.GetRequiredService<IAnswerEngine>().AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal("llm", answer.Backend);
        Assert.Equal(SeedId, Assert.Single(answer.Citations).ArticleId);
    }

    [Fact]
    public async Task A_refused_key_is_not_retried_falls_back_and_the_key_is_never_logged()
    {
        const string key = "sk-test-do-not-log-4242";
        _server.Behavior = FakeBehavior.Unauthorized;
        using var sp = Build(maxRetries: 3, apiKey: key);

        var answer = await sp.GetRequiredService<IAnswerEngine>().AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);

        Assert.Equal($"Bearer {key}", Assert.Single(_server.Requests).Authorization);
        AssertExtractiveWithNote(answer);
        Assert.Contains("HTTP 401 (key refused)", Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning).Message);
        Assert.DoesNotContain(key, _logs.AllText);
    }

    [Fact]
    public async Task A_model_that_never_answers_times_out_into_the_extractive_answer()
    {
        _server.Behavior = FakeBehavior.Hang;
        using var sp = Build(timeoutSeconds: 1);

        var answer = await sp.GetRequiredService<IAnswerEngine>().AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        AssertExtractiveWithNote(answer);
        Assert.Contains("timeout after 1 s", Assert.Single(_logs.Entries, e => e.Level >= LogLevel.Warning).Message);
    }

    [Fact]
    public async Task A_stream_that_never_answers_times_out_into_the_extractive_answer()
    {
        _server.Behavior = FakeBehavior.Hang;
        using var sp = Build(timeoutSeconds: 0.5);

        var answer = await sp.GetRequiredService<IAnswerEngine>().AnswerAsync(SeedCorpus.RubioLavrov(new RecordingProgress()), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        AssertExtractiveWithNote(answer);
    }

    [Fact]
    public async Task Query_expansion_and_summaries_go_through_the_same_connector()
    {
        using var sp = Build();
        var expander = sp.GetRequiredService<IQueryExpander>();
        var engine = sp.GetRequiredService<IAnswerEngine>();
        var seed = SeedCorpus.Seed();

        var terms = await expander.ExpandAsync("Where did Rubio and Lavrov meet?", Language.English, [Language.German], CancellationToken.None);
        var summary = new SummaryContext { AnswerLanguage = Language.English, Articles = [seed] };
        var first = await engine.SummarizeAsync(summary, CancellationToken.None);
        var second = await engine.SummarizeAsync(summary, CancellationToken.None);

        Assert.NotEmpty(terms);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains("German", _server.Requests[0].Messages[0].Content);
        Assert.Equal(first.ToReply().PlainText, second.ToReply().PlainText);
        Assert.Equal(SeedId, Assert.Single(first.Citations).ArticleId);
    }

    private static void AssertExtractiveWithNote(Answer answer)
    {
        Assert.Equal("extractive", answer.Backend);
        Assert.Equal(new ReplyBlock(ReplyBlockKind.Note, "The language model was unavailable; this is an extractive answer."), answer.Blocks[^1]);
        Assert.Equal("council-budget", Assert.Single(answer.Citations).ArticleId);
    }

    private ServiceProvider Build(int maxRetries = 2, double timeoutSeconds = 20, string apiKey = "test")
    {
        var settings = AddLlmTests.OpenAi(_server.BaseUrl);
        settings["Llm:ApiKey"] = apiKey;
        settings["Llm:MaxRetries"] = maxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ServiceCollection()
            .AddLogging(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace))
            .AddKeyedSingleton<IAnswerEngine, StubExtractiveEngine>(LlmServiceCollectionExtensions.FallbackEngineKey)
            .AddLlm(AddLlmTests.Config(settings))
            .BuildServiceProvider();
    }
}
