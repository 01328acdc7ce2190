using NewsBot.Core.Chat;

namespace NewsBot.Core.Tests.Answers;

/// <summary>Which sentence of the right article answers: rules that follow from how text states things, each on an article written for it.</summary>
public sealed class SentenceChoiceTests
{
    [Fact]
    public async Task A_sentence_that_leans_on_the_one_before_is_read_with_it()
    {
        // "Diese Lehre" names the topic of the sentence before: together they answer, and both are quoted.
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(
            TestCorpus.Parse("pest", "pest.md", "---\ntitle: Seuchen in Italien\ndate: 2024-03\n---\n\nIm Mittelalter führten die Ärzte die Pest auf schlechte Luft aus den Sümpfen zurück. Diese Lehre trägt heute den Namen Miasmentheorie. Die Stadt Florenz verlor damals die Hälfte ihrer Einwohner.\n")));
        var reply = await services.Send("Wie heißt die Lehre der Ärzte im Mittelalter, dass die Pest von schlechter Luft aus den Sümpfen kam?");
        Assert.Contains("Miasmentheorie", reply.PlainText, StringComparison.Ordinal);
        Assert.Contains("schlechte Luft", reply.PlainText, StringComparison.Ordinal);
    }
}
