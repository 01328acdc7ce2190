using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.Search;

public sealed class EnglishVerbTableTests
{
    private static readonly string[] Lines =
    [
        "jdn./etw. führen; anführen {vt} | führend; anführend | geführt; angeführt :: to lead sb./sth. {led; led} | leading; leading | led; led",
        "einen Sprung machen; springen {vi} (an einen Ort) | springend | gesprungen :: to leap (to a place) {leaped/leapt; leaped/leapt} | leaping | leaped; leapt",
        "etw. tun wollen; etw. beabsichtigen {vt} | beabsichtigend | beabsichtigt :: to mean to do sth. {meant; meant} | meaning | meant",
        "fallen {vi} | fallend | gefallen :: to fall {fell; fallen} | falling | fallen",
        "gehen {vi} | gehend | gegangen :: to walk | walking | walked",
    ];

    [Theory]
    [InlineData("lead", "led")]
    [InlineData("fall", "fell")]
    [InlineData("leap", "leapt")]
    [InlineData("mean", "meant")]
    [InlineData("led", "")]
    [InlineData("walk", "")]
    public void An_irregular_verb_has_the_past_forms_the_dictionary_gives_it_in_braces(string verb, string expected)
    {
        // Past forms are found only from the base form, and the verb is the one its synonym starts with: "to mean to do sth."
        // is "mean", "to leap (to a place)" is "leap". A form the stemmer already joins ("leaped", "fallen") is left out.
        var table = EnglishVerbTable.Parse(Lines);
        var term = TextAnalyzer.Term(verb, Language.English)!;
        var forms = table.PastForms(term).Select(f => f.Word).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), forms);
    }

    [Fact]
    public async Task A_question_with_a_verbs_base_form_finds_the_sentence_with_its_past_form()
    {
        // "leads" met nothing in "led by": the spokesman's sentence named the commission as often and came first.
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(
            TestCorpus.Parse("commission", "commission.md", "---\ntitle: Commission to visit Bonn\ndate: 1987-03\n---\n\nThe commission's spokesman Peter Hahn said the commission will visit Bonn next month. The commissioners, led by president Jacques Morel, will stay two days.\n")));
        var reply = await services.Send("Who leads the commission?");
        Assert.StartsWith("Jacques Morel", reply.PlainText.TrimStart(), StringComparison.Ordinal);
    }
}
