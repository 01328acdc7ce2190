using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands.Handlers;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;

namespace NewsBot.Core.Tests.Policies;

public sealed class FollowUpTests
{
    /// <summary>The seed's paragraph that goes on about Selenskyj as "der Ukrainer" and mentions Europe.</summary>
    private const string EuropeSentence = "Bereits zuvor hatte der Ukrainer betont, dass ein Friedensprozess nicht ohne sein Land und Europa stattfinden dürfe.";

    [Fact]
    public async Task In_a_direct_chat_he_in_a_follow_up_is_the_person_asked_about_before()
    {
        using var bot = PolicyHarness.Create(realEngine: true);

        var first = await bot.Send("What did Zelensky say?");
        Assert.Contains("Selenskyj", first.PlainText, StringComparison.Ordinal);

        var followUp = await bot.Send("And what did he say about Europe?");
        Assert.Equal(ReplyKind.Answer, followUp.Kind);
        Assert.Equal(Language.English, followUp.Language);
        Assert.Contains(EuropeSentence, followUp.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task German_follow_up_retrieves_only_passages_about_the_person_including_the_one_on_europe()
    {
        var recorder = new RecordingEngine();
        using var bot = PolicyHarness.Create(realEngine: true, configure: s => s.AddSingleton<IAnswerEngine>(sp => recorder.Wrap(sp.GetRequiredService<ExtractiveAnswerEngine>())));

        await bot.Send("Was sagte Selenskyj?");
        await bot.Send("Und was sagte er über Europa?");

        var hits = recorder.Asked[^1].Hits;
        Assert.Contains(hits, h => h.Passage.Text.Contains(EuropeSentence, StringComparison.Ordinal));
        Assert.DoesNotContain(hits, h => h.Passage.Text.Contains("sagte Lawrow", StringComparison.Ordinal));
        Assert.Equal("Was sagte Selenskyj?", Assert.Single(recorder.Asked[^1].History).Question);
    }

    [Fact]
    public async Task After_who_a_follow_up_is_about_that_person()
    {
        var recorder = new RecordingEngine();
        using var bot = PolicyHarness.Create(realEngine: true, configure: s => s.AddSingleton<IAnswerEngine>(sp => recorder.Wrap(sp.GetRequiredService<ExtractiveAnswerEngine>())));

        var who = await bot.Send("/who Selenskyj");
        Assert.Contains("Selenskyj", who.PlainText, StringComparison.Ordinal);
        var followUp = await bot.Send("Und was sagte er über Europa?");

        Assert.Contains(EuropeSentence, followUp.PlainText, StringComparison.Ordinal);
        Assert.Contains("Selenskyj", Assert.Single(recorder.Asked[^1].History).Question, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_that_history_the_same_follow_up_is_not_tied_to_the_person()
    {
        var recorder = new RecordingEngine();
        using var bot = PolicyHarness.Create(realEngine: true, configure: s => s.AddSingleton<IAnswerEngine>(sp => recorder.Wrap(sp.GetRequiredService<ExtractiveAnswerEngine>())));

        await bot.Send("What did Zelensky say?");
        await bot.Send("/reset");
        await bot.Send("And what did he say about Europe?");

        Assert.Empty(recorder.Asked[^1].History);
        Assert.Contains(recorder.Asked[^1].Hits, h => !h.Passage.Text.Contains("Selenskyj", StringComparison.Ordinal) && !h.Passage.Text.Contains("Ukrainer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_a_group_only_a_reply_to_the_bot_continues_the_conversation()
    {
        var recorder = new RecordingEngine();
        using var bot = PolicyHarness.Create(realEngine: true, configure: s => s.AddSingleton<IAnswerEngine>(sp => recorder.Wrap(sp.GetRequiredService<ExtractiveAnswerEngine>())));
        var pipeline = bot.Pipeline;
        ChatRequest Group(string text, bool reply) => new() { Platform = Platforms.Telegram, ChatId = "-1", UserId = "u", Text = text, IsGroup = true, IsReplyToBot = reply };

        await pipeline.HandleAsync(Group("What did Zelensky say?", reply: true), null, CancellationToken.None);
        await pipeline.HandleAsync(Group("And what did he say about Europe?", reply: false), null, CancellationToken.None);
        Assert.Empty(recorder.Asked[^1].History);

        var threaded = await pipeline.HandleAsync(Group("And what did he say about Europe?", reply: true), null, CancellationToken.None);
        Assert.Single(recorder.Asked[^1].History);
        Assert.Contains(EuropeSentence, threaded.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pronoun_resolves_to_the_latest_person_named_and_a_named_person_wins()
    {
        var people = new PeopleIndex([new Person { Name = "Wolodymyr Selenskyj", Aliases = ["Selenski"] }, new Person { Name = "Pete Hegseth" }]);
        var at = DateTimeOffset.UnixEpoch;
        IReadOnlyList<ConversationTurn> history = [new("Was sagte Selenskyj?", "…", at), new("What did Hegseth say?", "…", at)];

        Assert.Equal(["Pete Hegseth"], FollowUp.Subject("And what did he say about NATO?", history, people)?.Names);
        Assert.Equal(["Wolodymyr Selenskyj", "Selenski"], FollowUp.Subject("Und was sagte er?", [history[0]], people)?.Names);
        Assert.Null(FollowUp.Subject("And what did Selenskyj say about NATO?", history, people));
        Assert.Null(FollowUp.Subject("And what about NATO?", history, people));
        Assert.Null(FollowUp.Subject("Und was sagte er?", [], people));
        // The question brings in its own subject before the pronoun: "her" is the woman's, not Hegseth's.
        Assert.Null(FollowUp.Subject("Where did a woman allegedly kill her son?", history, people));
        Assert.Null(FollowUp.Subject("Wo soll eine Frau ihren Sohn getötet haben?", history, people));
        Assert.Equal(["Pete Hegseth"], FollowUp.Subject("Did he buy a car for his son?", history, people)?.Names);

        Assert.Equal("Europa", FollowUp.NewWords("Und was sagte er über Europa?", "Was sagte Selenskyj?").Split(' ')[^1]);
        Assert.DoesNotContain("sagte", FollowUp.NewWords("Und was sagte er über Europa?", "Was sagte Selenskyj?"), StringComparison.Ordinal);

        // A question since that named something else and leaned on no one set a new topic: "sie" is the commission.
        Assert.Equal(["Commission"], FollowUp.Subject("Und wann besucht sie Bonn?", [.. history, new("Who leads the EC Commission?", "…", at)], people)?.Names);
        // One that leaned on the person keeps them.
        Assert.Equal(["Pete Hegseth"], FollowUp.Subject("Did he buy a car?", [.. history, new("And what did he say about NATO?", "…", at)], people)?.Names);

        // A name the people index does not know still carries over.
        Assert.Equal(["Rutte"], FollowUp.Subject("What did he say?", [new("What did Rutte say?", "…", at)], PeopleIndex.Empty)?.Names);
    }

    /// <summary>Records what the answer engine was asked, and passes it on to the real engine.</summary>
    private sealed class RecordingEngine
    {
        public List<AskContext> Asked { get; } = [];

        public IAnswerEngine Wrap(IAnswerEngine inner) => new Recording(this, inner);

        private sealed class Recording(RecordingEngine owner, IAnswerEngine inner) : IAnswerEngine
        {
            public string Backend => inner.Backend;

            public Task<Answer> AnswerAsync(AskContext context, CancellationToken cancellationToken)
            {
                owner.Asked.Add(context);
                return inner.AnswerAsync(context, cancellationToken);
            }

            public Task<Answer> SummarizeAsync(SummaryContext context, CancellationToken cancellationToken) => inner.SummarizeAsync(context, cancellationToken);

            public Task<string> BlurbAsync(Article article, Language language, CancellationToken cancellationToken) => inner.BlurbAsync(article, language, cancellationToken);

            public Task<Answer> DescribePersonAsync(PersonContext context, CancellationToken cancellationToken) => inner.DescribePersonAsync(context, cancellationToken);
        }
    }

    [Theory]
    [InlineData("Und am Tag danach?", true)]
    [InlineData("And in Hamburg?", true)]
    [InlineData("What about Lisbon?", true)]
    [InlineData("Warum?", true)]
    [InlineData("Was sagte sie dazu?", true)]
    [InlineData("How many people were there?", true)]
    [InlineData("Wie viele Zuschauer sahen das Volleyball-Finale?", false)]
    [InlineData("How many people died in the storms in southern Germany?", false)]
    [InlineData("Wie alt ist er?", true)]
    // Seen at the keyboard: after a question about burglaries in Innsbruck, this one quoted three more sentences of
    // Conyers' career than asked alone, for "he" was read as a back-reference and the Innsbruck question searched for too.
    [InlineData("How old was John Conyers when he died?", false)]
    [InlineData("Wie alt war Conyers, als er starb?", false)]
    public void A_question_leans_on_the_conversation_by_a_connective_a_back_reference_or_too_few_words_of_its_own(string question, bool leans) =>
        Assert.Equal(leans, FollowUp.LeansOnConversation(question));

    [Fact]
    public async Task A_question_that_says_all_it_asks_is_read_as_if_asked_alone()
    {
        // Seen at the keyboard: after a question about the Copa América, the volleyball final's spectators were those of the
        // Copa's final, which the earlier question's words (read as a follow-up's) lifted above the volleyball article.
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(
            TestCorpus.Parse("copa", "copa.md", "---\ntitle: Chile gewinnt die Copa America\ndate: 2015-07\n---\n\nChile hat erstmals die Copa America gewonnen. Das Finale in Santiago sahen 45.693 Zuschauer.\n"),
            TestCorpus.Parse("volley", "volley.md", "---\ntitle: Frankreich ist Europameister\ndate: 2015-10\n---\n\nFrankreichs Volleyballer sind erstmals Europameister. Das Finale in Sofia sahen 11.500 Zuschauer.\n")));
        var alone = await services.Send("Wie viele Zuschauer sahen das Volleyball-Finale?", chat: "alone");
        Assert.StartsWith("11.500", alone.PlainText, StringComparison.Ordinal);

        await services.Send("Who won the Copa America?", chat: "c");
        var next = await services.Send("Wie viele Zuschauer sahen das Volleyball-Finale?", chat: "c");
        Assert.StartsWith("11.500", next.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_person_a_question_names_is_read_by_the_whole_name_not_by_a_given_name_someone_else_shares()
    {
        // Seen at the keyboard: "Wie alt ist er?" after "Wer ist Michael Frontzeck?" answered about Michael Avenatti, whom
        // the people index knows best by "Michael" alone.
        var people = PeopleIndexBuilder.Build([
            TestCorpus.Parse("anwalt", "anwalt.txt", "date 2020-02\n\nMichael Avenatti, ein Anwalt aus Kalifornien, wurde verurteilt. Avenatti hatte Nike erpresst. Avenatti muss ins Gefängnis. Michael Avenatti sagte nichts.\n"),
            TestCorpus.Parse("trainer", "trainer.txt", "date 2015-04\n\nHannover – Michael Frontzeck ist nicht mehr Trainer von Hannover 96.\n"),
        ]);
        Assert.Equal("Michael Frontzeck", FollowUp.KnownPerson("Wer ist Michael Frontzeck?", people)?.Name);
        Assert.Equal("Michael Avenatti", FollowUp.KnownPerson("Was sagte Avenatti?", people)?.Name);
    }

    [Fact]
    public async Task A_question_that_leans_on_the_one_before_is_read_with_its_words()
    {
        // "Why?" alone names nothing to look for; after a question about the fine it asks why the fine was paid.
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(
            TestCorpus.Parse("strafe", "strafe.md", "---\ntitle: Rekordstrafe\ndate: 2015-07\n---\n\nWegen Fehlern bei Rückrufen muss der Autobauer Fiat Chrysler eine Strafe von 105 Millionen Dollar zahlen.\n"),
            TestCorpus.Parse("market", "market.md", "---\ntitle: Market\ndate: 2024-03\n---\n\nThe new market in the old town opens on Saturday.\n")));
        await services.Send("How much did Fiat Chrysler have to pay?", chat: "c");
        var why = await services.Send("Why?", chat: "c");
        Assert.Equal(ReplyKind.Answer, why.Kind);
        Assert.Contains("Wegen Fehlern bei Rückrufen", why.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_that_names_too_little_of_its_own_is_read_with_the_one_before_from_the_start()
    {
        // Seen at the keyboard on the sample corpus: "Und was kostet das?" after the Lisbon tram question led with Hamburg's
        // pilot project, whose sentence says "kostet das" itself.
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(
            TestCorpus.Parse("hafen", "hafen.md", "---\ntitle: Hafen testet Kräne\ndate: 2025-03\n---\n\nNach Angaben der Betreiber kostet das Pilotprojekt rund 14 Millionen Euro.\n"),
            TestCorpus.Parse("tram", "tram.md", "---\ntitle: Lisbon extends its tram line\ndate: 2025-03\n---\n\nLisbon's council approved an extension of tram line 15 to the riverside district. The tram extension is budgeted at 48 million euros.\n")));
        await services.Send("Where is Lisbon's tram line extended?", chat: "c");
        var cost = await services.Send("Und was kostet das?", chat: "c");
        Assert.Contains("48 million", cost.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("14 Millionen", cost.PlainText, StringComparison.Ordinal);
    }
}
