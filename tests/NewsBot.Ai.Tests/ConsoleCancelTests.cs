using NewsBot.Ai.Tests.Fakes;
using NewsBot.Tests.Shared;

namespace NewsBot.Ai.Tests;

/// <summary>/cancel typed at a terminal while the model is still answering: the built binary under a pseudo-terminal.</summary>
public sealed class ConsoleCancelTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Cancel_typed_while_the_model_answers_stops_the_answer_and_the_chat_goes_on()
    {
        _server.Behavior = FakeBehavior.Hang;
        await using var bot = LiveNewsbot.Start(
            ["--corpus", SeedCorpus.SeedDirectory],
            new Dictionary<string, string>
            {
                ["Llm__Provider"] = "OpenAI",
                ["Llm__Endpoint"] = _server.BaseUrl,
                ["Llm__ApiKey"] = "test",
                ["Llm__Model"] = "test-model",
            },
            terminal: true);
        await bot.WaitForOutputAsync(o => o.Contains("\n> ", StringComparison.Ordinal));

        var mark = bot.Output.Length;
        await bot.WriteLineAsync("Where did Rubio and Lavrov meet?");
        await _server.WaitForRequestAsync(r => r.Messages[^1].Content.Contains("Rubio", StringComparison.Ordinal));
        await bot.WriteLineAsync("/cancel");
        var cancelled = await bot.WaitForOutputAsync(o => o.Contains("Cancelled.", StringComparison.Ordinal), mark);
        Assert.DoesNotContain("Sources", cancelled, StringComparison.Ordinal);

        // The chat goes on: the next question gets the model's answer.
        _server.Behavior = FakeBehavior.Answer;
        mark = bot.Output.Length;
        await bot.WriteLineAsync("Where did Rubio and Lavrov meet?");
        var answer = await bot.WaitForOutputAsync(o => o.Contains("Sources", StringComparison.Ordinal), mark);
        Assert.Contains("Riyadh", answer, StringComparison.Ordinal);
    }
}
