using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Tests.Shared;

/// <summary>One chat on a surface, as the people in it see it: they write, the bot's messages show up and change.</summary>
public interface IChatContractDriver : IAsyncDisposable
{
    /// <summary>The longest message the platform shows.</summary>
    int MaxMessageLength { get; }

    /// <summary>Sends a message as the asker, or as another member of the chat.</summary>
    Task SendAsync(string text, string? locale = "en", bool fromAnotherMember = false);

    /// <summary>The bot's messages in the chat as they read now (after edits), oldest first.</summary>
    IReadOnlyList<string> Messages { get; }

    /// <summary>Waits until the messages satisfy <paramref name="condition"/>; fails with what the chat shows.</summary>
    Task WaitUntilAsync(Func<IReadOnlyList<string>, bool> condition, string what);
}

/// <summary>
/// The answer engine of the contract tests: each question takes the next scripted behaviour (an answer by default).
/// It answers from the retrieved passages, so the real router, access rules and gate run in front of it.
/// </summary>
public sealed class ScriptedEngine : IAnswerEngine
{
    public const string Partial = "Partial answer about the harbour";
    public const string Full = "Partial answer about the harbour, now complete.";

    private readonly Queue<Behaviour> _script = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public enum Behaviour
    {
        Answer,
        Long,
        Stream,
        Fail,
    }

    public string Backend => "extractive";

    /// <summary>Completes when a streaming answer has reported its partial text.</summary>
    public TaskCompletionSource Streaming { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a streaming answer was cancelled.</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScriptedEngine Then(Behaviour behaviour)
    {
        lock (_script)
        {
            _script.Enqueue(behaviour);
        }

        return this;
    }

    /// <summary>Lets a streaming answer finish.</summary>
    public void Release() => _release.TrySetResult();

    public async Task<Answer> AnswerAsync(AskContext context, CancellationToken cancellationToken)
    {
        Behaviour next;
        lock (_script)
        {
            next = _script.Count > 0 ? _script.Dequeue() : Behaviour.Answer;
        }

        var source = Source(context.Hits);
        switch (next)
        {
            case Behaviour.Fail:
                throw new InvalidOperationException("the scripted engine fails");
            case Behaviour.Long:
                var paragraphs = Enumerable.Range(1, 40).Select(i => new ReplyBlock(ReplyBlockKind.Paragraph, $"Paragraph {i:00}: " + new string('x', 240) + " [1]")).ToList();
                return new Answer(context.AnswerLanguage, paragraphs, [source], Backend);
            case Behaviour.Stream:
                context.Partial?.Report(Partial);
                Streaming.TrySetResult();
                try
                {
                    await _release.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Cancelled.TrySetResult();
                    throw;
                }

                context.Partial?.Report(Full);
                return new Answer(context.AnswerLanguage, [new ReplyBlock(ReplyBlockKind.Paragraph, Full + " [1]")], [source], Backend);
            default:
                return new Answer(context.AnswerLanguage, [new ReplyBlock(ReplyBlockKind.Paragraph, $"Answer to: {context.Question} [1]")], [source], Backend);
        }
    }

    public Task<Answer> SummarizeAsync(SummaryContext context, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string> BlurbAsync(Article article, Language language, CancellationToken cancellationToken) => Task.FromResult(article.Title);

    public Task<Answer> DescribePersonAsync(PersonContext context, CancellationToken cancellationToken) => throw new NotSupportedException();

    private static Citation Source(IReadOnlyList<NewsBot.Retrieval.Search.SearchHit> hits) =>
        hits.Count == 0
            ? new Citation(1, "none", "none", "", "")
            : new Citation(1, hits[0].Passage.Article.Id, hits[0].Passage.Article.Title, "", hits[0].Passage.Article.Source);
}

/// <summary>
/// The scenarios every chat surface passes the same way (Telegram, Discord, the console), through the real core with a
/// scripted engine: the turn runner, not the adapter, decides what users see.
/// </summary>
public abstract class ChatContract
{
    /// <summary>A question the sample corpus has passages for.</summary>
    protected const string Question = "Was kostet das Pilotprojekt im Hamburger Hafen?";

    protected const string EnglishQuestion = "How much does the Pilotprojekt at the Hamburger Hafen cost?";

    /// <summary>Starts the surface on the sample corpus with <paramref name="engine"/> answering.</summary>
    protected abstract Task<IChatContractDriver> StartAsync(ScriptedEngine engine);

    [Fact]
    public async Task An_answer_arrives_with_its_sources()
    {
        var engine = new ScriptedEngine();
        await using var chat = await StartAsync(engine);

        await chat.SendAsync(EnglishQuestion);

        await chat.WaitUntilAsync(m => m.Any(t => t.Contains("Answer to: " + EnglishQuestion, StringComparison.Ordinal) && t.Contains("[1]", StringComparison.Ordinal)), "the answer with its source");
    }

    [Fact]
    public async Task A_long_answer_arrives_in_parts_that_fit_the_platform_in_order()
    {
        var engine = new ScriptedEngine().Then(ScriptedEngine.Behaviour.Long);
        await using var chat = await StartAsync(engine);

        await chat.SendAsync(EnglishQuestion);

        await chat.WaitUntilAsync(m => string.Concat(m).Contains("Paragraph 40", StringComparison.Ordinal), "the last paragraph");
        var all = string.Concat(chat.Messages);
        Assert.All(chat.Messages, m => Assert.InRange(m.Length, 1, chat.MaxMessageLength));
        var positions = Enumerable.Range(1, 40).Select(i => all.IndexOf($"Paragraph {i:00}", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task A_streamed_answer_shows_while_it_is_written_and_ends_as_the_full_answer()
    {
        var engine = new ScriptedEngine().Then(ScriptedEngine.Behaviour.Stream);
        await using var chat = await StartAsync(engine);

        await chat.SendAsync(EnglishQuestion);
        await chat.WaitUntilAsync(m => m.Any(t => t.Contains(ScriptedEngine.Partial, StringComparison.Ordinal)), "the draft while the answer is written");
        engine.Release();

        await chat.WaitUntilAsync(m => m.Any(t => t.Contains(ScriptedEngine.Full, StringComparison.Ordinal) && t.Contains("[1]", StringComparison.Ordinal)), "the full answer with its source");
        Assert.Single(chat.Messages, t => t.Contains(ScriptedEngine.Partial, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/cancel", "en", "Cancelled.")]
    [InlineData("/abbrechen", "de", "Abgebrochen.")]
    public async Task The_asker_stops_a_streamed_answer_and_the_draft_says_so(string command, string locale, string confirmation)
    {
        var engine = new ScriptedEngine().Then(ScriptedEngine.Behaviour.Stream);
        await using var chat = await StartAsync(engine);
        await chat.SendAsync(locale == "de" ? Question : EnglishQuestion, locale);
        await chat.WaitUntilAsync(m => m.Any(t => t.Contains(ScriptedEngine.Partial, StringComparison.Ordinal)), "the draft");

        await chat.SendAsync(command, locale);

        await engine.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await chat.WaitUntilAsync(
            m => m.Any(t => t.Contains(ScriptedEngine.Partial, StringComparison.Ordinal) && t.Contains('⏹')) && m.Any(t => t.Trim() == confirmation),
            "the stopped draft and the confirmation");
        Assert.DoesNotContain(chat.Messages, t => t.Contains(ScriptedEngine.Full, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_question_while_one_runs_waits_its_turn_and_is_answered_after_it()
    {
        var engine = new ScriptedEngine().Then(ScriptedEngine.Behaviour.Stream);
        await using var chat = await StartAsync(engine);
        await chat.SendAsync(EnglishQuestion);
        await chat.WaitUntilAsync(m => m.Any(t => t.Contains(ScriptedEngine.Partial, StringComparison.Ordinal)), "the first answer's draft");

        await chat.SendAsync("And what else does the Pilotprojekt at the Hamburger Hafen include?");
        engine.Release();

        await chat.WaitUntilAsync(m => m.Any(t => t.Contains("Answer to: And what else does", StringComparison.Ordinal)), "the second answer");
        var all = string.Concat(chat.Messages);
        Assert.True(all.IndexOf(ScriptedEngine.Full, StringComparison.Ordinal) is var first && first >= 0, "the first answer is complete");
        Assert.True(first < all.IndexOf("Answer to: And what else does", StringComparison.Ordinal), "the answers keep the order of the questions");
        Assert.DoesNotContain(chat.Messages, t => t.Contains("still working", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("en", EnglishQuestion, "Something went wrong there. Please try again in a moment.")]
    [InlineData("de", Question, "Dabei ist etwas schiefgegangen. Bitte versuche es gleich noch einmal.")]
    public async Task A_failing_engine_gives_one_apology_in_the_askers_language_and_the_chat_goes_on(string locale, string question, string apology)
    {
        var engine = new ScriptedEngine().Then(ScriptedEngine.Behaviour.Fail);
        await using var chat = await StartAsync(engine);

        await chat.SendAsync(question, locale);
        await chat.WaitUntilAsync(m => m.Any(t => t.Trim() == apology), "the apology");
        await chat.SendAsync(EnglishQuestion);

        await chat.WaitUntilAsync(m => m.Any(t => t.Contains("Answer to: " + EnglishQuestion, StringComparison.Ordinal)), "the next answer");
        Assert.Single(chat.Messages, t => t.Trim() == apology);
    }
}

/// <summary>The scenarios of chats with several members (Telegram and Discord groups).</summary>
public abstract class GroupChatContract : ChatContract
{
    [Fact]
    public async Task Another_members_cancel_does_not_stop_the_askers_answer()
    {
        var engine = new ScriptedEngine().Then(ScriptedEngine.Behaviour.Stream);
        await using var chat = await StartAsync(engine);
        await chat.SendAsync(EnglishQuestion);
        await chat.WaitUntilAsync(m => m.Any(t => t.Contains(ScriptedEngine.Partial, StringComparison.Ordinal)), "the draft");

        await chat.SendAsync("/cancel", fromAnotherMember: true);
        await chat.WaitUntilAsync(m => m.Any(t => t.Trim() == "No answer is running."), "the other member's reply");
        engine.Release();

        await chat.WaitUntilAsync(m => m.Any(t => t.Contains(ScriptedEngine.Full, StringComparison.Ordinal)), "the asker's full answer");
        Assert.False(engine.Cancelled.Task.IsCompleted, "another member stopped the asker's answer");
    }

    [Fact]
    public async Task A_German_locale_gets_German_help()
    {
        await using var chat = await StartAsync(new ScriptedEngine());

        await chat.SendAsync("/help", "de");

        await chat.WaitUntilAsync(m => m.Any(t => t.Contains("Ich beantworte Fragen", StringComparison.Ordinal) && t.Contains("/abbrechen", StringComparison.Ordinal)), "the German help");
    }
}
