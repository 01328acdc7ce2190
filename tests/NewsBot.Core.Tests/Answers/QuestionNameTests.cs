using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.Answers;

/// <summary>
/// A question's names (a person or thing the dictionary does not know, an acronym) must be named by the article that answers
/// it; the other words of a question alone ("alt", "infections") are met by too many articles. Articles written for these tests.
/// </summary>
public sealed class QuestionNameTests
{
    private static readonly Article Bridge = TestCorpus.Parse("bruecke", "bruecke.txt", "date 2024-05\n\nBürgermeisterin Adaeze Okonkwo eröffnete am Montag die neue Brücke über den Fluss.\n");
    private static readonly Article Tickets = TestCorpus.Parse("eintritt", "eintritt.txt", "date 2024-06\n\nKinder, die noch keine 14 Jahre alt sind, zahlen im Freibad keinen Eintritt.\n");

    [Fact]
    public async Task A_name_in_the_genitive_before_a_noun_is_the_name_alone()
    {
        // "Chiracs Tod" is not a name of two words that "death" alone would meet: the article about another death never
        // names Chirac and does not answer.
        var other = TestCorpus.Parse("leonov", "leonov.md", "---\ntitle: Cosmonaut Alexei Leonov dies at age 85\ndate: 2019-10-12\n---\n\nYesterday, Roscosmos, the Russian space agency, announced the death of cosmonaut Alexei Leonov.\n");
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(other, Bridge));
        var reply = await services.Send("Wer gab Chiracs Tod bekannt?");
        Assert.Empty(reply.Citations);
    }

    [Fact]
    public async Task A_question_about_a_name_is_not_answered_from_an_article_that_never_names_it()
    {
        // "alt" alone meets the pool's "14 Jahre alt"; Okonkwo's article names her but not her age.
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(Bridge, Tickets));
        var reply = await services.Send("Wie alt wurde Okonkwo?");
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Fact]
    public async Task A_designation_is_named_by_its_numbered_parts_not_by_its_kin()
    {
        // "K2-18b" and "K2-33b" share "K2": the article about the other planet shares more words of the question ("known",
        // "exoplanets", "discovered"), but never names the one asked about.
        var other = TestCorpus.Parse("other", "other.md", "---\ntitle: Young planet\ndate: 2022-01\n---\n\nDiscovered in 2016, K2-33b is one of the youngest exoplanets known so far.\n\nIts star lies in the constellation Scorpius.\n");
        var asked = TestCorpus.Parse("asked", "asked.md", "---\ntitle: Water vapour found on a distant world\ndate: 2020-04\n---\n\nAstronomers found water vapour in the atmosphere of K2-18b. K2-18b was first identified in 2015 by a space telescope.\n\nThe team used data from the Hubble telescope.\n");
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(other, asked, Bridge));
        var reply = await services.Send("Since when is the exoplanet K2-18b known?");
        Assert.Equal("asked", reply.Citations[0].ArticleId);
        Assert.Contains("2015", reply.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_article_that_names_the_name_answers()
    {
        var obituary = TestCorpus.Parse("nachruf", "nachruf.txt", "date 2024-07\n\nDie frühere Bürgermeisterin Adaeze Okonkwo ist am Sonntag gestorben. Sie wurde 88 Jahre alt.\n");
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(Bridge, Tickets, obituary));
        var reply = await services.Send("Wie alt wurde Okonkwo?");
        Assert.Contains("88 Jahre", reply.PlainText, StringComparison.Ordinal);
        Assert.Equal("nachruf", reply.Citations[0].ArticleId);
    }

    [Fact]
    public async Task A_word_the_corpus_seldom_uses_is_a_name_though_the_dictionary_translates_it()
    {
        // "Manning" is a dictionary word ("Bemannung"), so by the dictionary alone it is no name and "14 years old" answers.
        // In a corpus of 60 passages more, one passage is few enough to make it a name; the article naming Manning says no age.
        var filler = TestCorpus.CouncilMeetings(60);
        using var services = TestPipeline.Services(TestCorpus.WithDictionary([
            TestCorpus.Parse("bridge", "bridge.md", "---\ntitle: New bridge\ndate: 2024-05\n---\n\nMayor Manning opened the new bridge over the river on Monday.\n"),
            TestCorpus.Parse("pool", "pool.md", "---\ntitle: Pool prices\ndate: 2024-06\n---\n\nChildren who are not yet 14 years old pay no entry fee at the pool.\n"),
            .. filler]));
        var reply = await services.Send("How old did Manning turn?");
        Assert.DoesNotContain("14", reply.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_acronym_is_named_by_the_words_its_letters_begin()
    {
        // The article writes "United States", never "USA"; the other article names the USA but counts nothing.
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(
            TestCorpus.Parse("cases", "cases.md", "---\ntitle: Case count\ndate: 2020-04\n---\n\nThe United States has counted 500,000 infections so far.\n"),
            TestCorpus.Parse("fans", "fans.md", "---\ntitle: Final\ndate: 2020-05\n---\n\nFans in the USA watched the final on a big screen.\n")));
        var reply = await services.Send("How many infections does the USA have?");
        Assert.Contains("500,000 infections", reply.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_german_weak_verb_whose_particle_ends_the_clause_is_translated_through_its_infinitive()
    {
        // "dockte … an" is andocken ("to dock"), which the dictionary lists by its infinitive and participles only. Without it
        // the sentence about the station ("Raumstation" → "station") answers with the return, not the docking.
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(
            TestCorpus.Parse("capsule", "capsule.md", "---\ntitle: Capsule mission\ndate: 2019-03\n---\n\nOn Sunday the capsule docked with the orbiting laboratory. The capsule will remain at the space station until its return on Friday.\n"),
            TestCorpus.Parse("leeds", "leeds.md", "---\ntitle: Leeds\ndate: 2019-04\n---\n\nThe train station in Leeds reopened on Monday after the station was repaired.\n")));
        var reply = await services.Send("Wann dockte die Kapsel an der Raumstation an?");
        Assert.StartsWith("Sunday", reply.PlainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wann dockte die Kapsel an der Station an?", "andocken")]
    [InlineData("Die Kapsel dockt an der Station an.", "andocken")]
    public void A_weak_verb_with_its_particle_is_read_as_its_infinitive(string sentence, string infinitive)
    {
        // "ankommen" lists its two-word forms ("kommt an"): the dictionary's separable particles are read from such forms.
        var verbs = GermanVerbForms.Parse(
        [
            "andocken {vi} | andockend | angedockt :: to dock | docking | docked",
            "ankommen {vi} | ankommend | angekommen | kommt an | kam an :: to arrive | arriving | arrived | arrives | arrived",
        ]);
        Assert.Contains(TextAnalyzer.Term(infinitive)!, verbs.Terms(sentence));
    }

    [Fact]
    public void A_how_question_is_not_answered_by_a_cause()
    {
        // "How did … vote?" asks how it went; a comment citing "a reason" answers a why-question only.
        var how = AnswerTypes.Classify("How did the city council vote?");
        var why = AnswerTypes.Classify("Why did the city council vote against it?");
        const string comment = "The mayor cited the budget as a reason for the delay.";
        Assert.Equal(AnswerKind.Reason, how.Kind);
        Assert.False(AnswerTypes.Holds(comment, how, new HashSet<string>()));
        Assert.True(AnswerTypes.Holds(comment, why, new HashSet<string>()));
    }
}
