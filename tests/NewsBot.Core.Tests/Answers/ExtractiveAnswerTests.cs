using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Answers;

/// <summary>The extractive engine end to end through the router, on the seed with the bilingual dictionary.</summary>
public sealed class ExtractiveAnswerTests
{
    private static readonly TestCorpus Seed = TestCorpus.WithDictionary(TestCorpus.Seed());

    [Theory]
    [InlineData("Who is the Kremlin spokesman?", "Kremlsprecher Dmitri Peskow")]
    [InlineData("What happened to the rouble?", "Rubel")]
    [InlineData("Where did Rubio and Lavrov meet?", "Riad")]
    public async Task English_questions_are_answered_from_the_german_sentence_that_holds_the_answer(string question, string expected)
    {
        using var services = TestPipeline.Services(Seed);
        var reply = await services.Send(question);

        Assert.Equal(Language.English, reply.Language);
        // The short answer may come first; the German evidence is quoted after the framing line.
        var quote = reply.Blocks.First(b => b.Kind == ReplyBlockKind.Quote);
        Assert.Contains(expected, quote.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Was sagte Selenskyj?", "»Sie können besprechen")]
    [InlineData("What did Lavrov say?", "»Das Gespräch war")]
    public async Task What_someone_said_is_answered_with_their_quotation(string question, string expected)
    {
        using var services = TestPipeline.Services(Seed);
        var reply = await services.Send(question);
        Assert.Contains(expected, reply.PlainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What is the capital of Peru?")]
    [InlineData("How much did the wind hub cost?")]
    [InlineData("Wer gewann die Fußball-Weltmeisterschaft?")]
    public async Task A_question_about_something_absent_is_not_answered_from_loose_translations(string question)
    {
        using var services = TestPipeline.Services(Seed);
        var reply = await services.Send(question);
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }
}
