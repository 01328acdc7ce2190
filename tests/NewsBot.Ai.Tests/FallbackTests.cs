using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Moq;
using NewsBot.Ai.Tests.Fakes;
using NewsBot.Core.Answers;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Ai.Tests;

public sealed class FallbackTests
{
    [Fact]
    public async Task A_connector_error_gives_the_extractive_answer_with_a_note_and_one_log_line()
    {
        var logs = new CapturingLoggerProvider();
        var extractive = new StubExtractiveEngine();
        var error = new HttpOperationException(HttpStatusCode.ServiceUnavailable, "busy", "Service Unavailable", null);
        var engine = Engines.WithFallback(ChatMocks.Throwing(error).Object, extractive, logs);

        var answer = await engine.AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);

        Assert.Equal("extractive", answer.Backend);
        Assert.Equal(1, extractive.Calls);
        Assert.Equal(new ReplyBlock(ReplyBlockKind.Note, "The language model was unavailable; this is an extractive answer."), answer.Blocks[^1]);
        Assert.Equal("council-budget", Assert.Single(answer.Citations).ArticleId);
        var warning = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("HTTP 503", warning.Message);
        Assert.IsType<LlmUnavailableException>(warning.Exception);
    }

    [Fact]
    public async Task The_note_is_German_for_a_German_answer()
    {
        var engine = Engines.WithFallback(ChatMocks.Throwing(new InvalidOperationException("boom")).Object, new StubExtractiveEngine());

        var answer = await engine.AnswerAsync(SeedCorpus.RubioLavrov(answerLanguage: Language.German), CancellationToken.None);

        Assert.Equal("Das Sprachmodell war nicht erreichbar; dies ist eine extraktive Antwort.", answer.Blocks[^1].Text);
        Assert.Equal(ReplyBlockKind.Note, answer.Blocks[^1].Kind);
    }

    [Fact]
    public async Task A_streaming_failure_falls_back_too()
    {
        var error = new HttpOperationException(HttpStatusCode.Unauthorized, "bad key", "Unauthorized", null);
        var engine = Engines.WithFallback(ChatMocks.Throwing(error).Object, new StubExtractiveEngine());

        var answer = await engine.AnswerAsync(SeedCorpus.RubioLavrov(new RecordingProgress()), CancellationToken.None);

        Assert.Equal("extractive", answer.Backend);
        Assert.Equal(ReplyBlockKind.Note, answer.Blocks[^1].Kind);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_falls_back_on_the_injected_clock()
    {
        var time = new FakeTimeProvider();
        var started = new TaskCompletionSource();
        var logs = new CapturingLoggerProvider();
        var engine = Engines.WithFallback(ChatMocks.Hanging(started).Object, new StubExtractiveEngine(), logs, time, Engines.Options(timeoutSeconds: 60));

        var pending = engine.AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(60));
        var answer = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("extractive", answer.Backend);
        Assert.Equal(ReplyBlockKind.Note, answer.Blocks[^1].Kind);
        Assert.Contains("timeout after 60 s", Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning).Message);
    }

    [Fact]
    public async Task The_callers_own_cancellation_is_not_turned_into_a_fallback()
    {
        var started = new TaskCompletionSource();
        var extractive = new StubExtractiveEngine();
        var engine = Engines.WithFallback(ChatMocks.Hanging(started).Object, extractive);
        using var cts = new CancellationTokenSource();

        var pending = engine.AnswerAsync(SeedCorpus.RubioLavrov(), cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, extractive.Calls);
    }

    [Fact]
    public async Task With_nothing_retrieved_the_extractive_engine_answers_without_a_model_call_or_note()
    {
        var chat = new Mock<IChatCompletionService>(MockBehavior.Strict);
        var engine = Engines.WithFallback(chat.Object, new StubExtractiveEngine());

        var answer = await engine.AnswerAsync(SeedCorpus.RubioLavrov() with { Hits = [] }, CancellationToken.None);

        Assert.Equal(StubExtractiveEngine.NothingFound, answer.ToReply().PlainText);
        Assert.DoesNotContain(answer.Blocks, b => b.Kind == ReplyBlockKind.Note);
    }

    [Fact]
    public async Task Summary_who_and_blurb_fall_back_as_well()
    {
        var seed = SeedCorpus.Seed();
        var extractive = new StubExtractiveEngine();
        var engine = Engines.WithFallback(ChatMocks.Throwing(new HttpRequestException("refused")).Object, extractive);

        var summary = await engine.SummarizeAsync(new SummaryContext { AnswerLanguage = Language.English, Articles = [seed] }, CancellationToken.None);
        var who = await engine.DescribePersonAsync(
            new PersonContext { AnswerLanguage = Language.English, Person = new NewsBot.Retrieval.People.Person { Name = "Lawrow" }, Hits = SeedCorpus.RubioLavrov().Hits },
            CancellationToken.None);
        var blurb = await engine.BlurbAsync(seed, Language.English, CancellationToken.None);

        Assert.Equal(ReplyBlockKind.Note, summary.Blocks[^1].Kind);
        Assert.Equal(ReplyBlockKind.Note, who.Blocks[^1].Kind);
        Assert.Equal(seed.Paragraphs.First(), blurb);
        Assert.Equal(3, extractive.Calls);
    }

    [Fact]
    public async Task After_a_failure_the_model_rests_for_the_cooldown_and_the_spared_calls_log_no_warning()
    {
        var time = new FakeTimeProvider();
        var logs = new CapturingLoggerProvider();
        var chat = ChatMocks.Throwing(new HttpOperationException(HttpStatusCode.BadGateway, "", "Bad Gateway", null));
        var options = Microsoft.Extensions.Options.Options.Create(Engines.Options());
        var circuit = new LlmCircuit(options, time);
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var engine = new FallbackAnswerEngine(new LlmAnswerEngine(chat.Object, options, time, circuit), new StubExtractiveEngine(), loggers.CreateLogger<FallbackAnswerEngine>());
        var expander = new LlmQueryExpander(chat.Object, options, time, circuit, loggers.CreateLogger<LlmQueryExpander>());

        var first = await engine.AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(29));
        var terms = await expander.ExpandAsync("Where did they meet?", Language.English, [Language.German], CancellationToken.None);
        var second = await engine.AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);
        Assert.Single(chat.Invocations);
        time.Advance(TimeSpan.FromSeconds(1));
        await engine.AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);

        Assert.Equal(2, chat.Invocations.Count);
        Assert.Empty(terms);
        Assert.Equal(ReplyBlockKind.Note, first.Blocks[^1].Kind);
        Assert.Equal(ReplyBlockKind.Note, second.Blocks[^1].Kind);
        Assert.Equal(2, logs.Entries.Count(e => e.Level >= LogLevel.Warning));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("skipped after a recent failure: HTTP 502", StringComparison.Ordinal));
    }

    [Fact]
    public void The_api_key_is_redacted_from_a_failure_and_the_echoing_exception_is_not_kept()
    {
        var options = Engines.Options();
        options.ApiKey = "sk-very-secret";
        var echo = new HttpOperationException(HttpStatusCode.Unauthorized, "Incorrect API key provided: sk-very-secret", "Unauthorized", null);

        var failure = LlmUnavailableException.From(echo, timedOut: false, options);

        Assert.Equal("HTTP 401 (key refused)", failure.Cause);
        Assert.DoesNotContain("sk-very-secret", failure.ToString());
        Assert.Null(failure.InnerException);
    }
}
