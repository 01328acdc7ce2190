using NewsBot.Core.Chat;

namespace NewsBot.Core.Tests.Answers;

/// <summary>Questions the articles do not answer are declined, not answered from a sentence that only shares letters with them.</summary>
public sealed class DecliningTests
{
    private static readonly TestCorpus Visits = TestCorpus.WithDictionary(
        TestCorpus.Parse("wien", "wien.txt", "date 2021-05\n\nBundespräsident Heinz Fischer traf am Dienstag in Berlin Kanzlerin Angela Merkel. Fischer betonte dabei, man wolle keine Grenzen schließen und den Brenner-Pass nicht sperren, hieß es.\n"),
        TestCorpus.Parse("oslo", "oslo.md", "---\ntitle: Norway presents its budget\ndate: 2021-06\n---\n\nNorway's government presented its budget for next year on Monday. The finance minister expects the economy to grow.\n"),
        TestCorpus.Parse("museum", "museum.txt", "date 2024-09\n\nDas Stadtmuseum zählte im vergangenen Jahr 50.000 Besucherinnen und Besucher. Für Touristen war der Eintritt frei.\n"),
        TestCorpus.Parse("kino", "kino.txt", "date 2024-10\n\nDas Kino in der Hall der alten Fabrik zeigt ab Montag wieder Filme. Statt einer Feier gibt es freien Eintritt.\n"),
        TestCorpus.Parse("amazonas", "amazonas.txt", "date 2024-11\n\nIm Amazonas wurden im vergangenen Jahr 10.000 Quadratkilometer Wald gerodet, teilte die Regierung mit.\n"),
        TestCorpus.Parse("ubahn", "ubahn.txt", "date 2024-12\n\nDer Salzburger Gemeinderat streitet über eine U-Bahn unter der Altstadt. Die Kosten seien viel zu hoch, sagte die Opposition.\n"),
        TestCorpus.Parse("insel", "insel.txt", "date 2025-01\n\nIm Sommer ist die Donauinsel bei Badegästen sehr beliebt. Die Reinigung der Insel kostet die Stadt jährlich 2,5 Millionen Euro.\n"),
        TestCorpus.Parse("freibad", "freibad.txt", "date 2025-02\n\nDas neue Freibad in Linz wird am 1. Juni eröffnet. Im ersten Sommer erwartet die Stadt 40.000 Badegäste.\n"));

    private static readonly TestCorpus Shares = TestCorpus.WithDictionary(
        TestCorpus.Parse("messe", "messe.txt", "date 2025-03\n\nAuf der Automesse in Frankfurt stellte der Digitalverband am Mittwoch eine Umfrage vor. Demnach würden 37 Prozent ein selbstfahrendes Auto kaufen.\n"),
        TestCorpus.Parse("umfrage", "umfrage.txt", "date 2025-04\n\nLaut einer neuen Umfrage lesen 64 Prozent der Pensionisten täglich eine Zeitung.\n"),
        TestCorpus.Parse("konzert", "konzert.txt", "date 2025-06\n\nHeute um 20.15 auf ORF 2: das Sommerkonzert aus Grafenegg mit dem Tonkünstler-Orchester.\n"),
        TestCorpus.Parse("marathon", "marathon.md", "---\ntitle: Kipchoge runs a marathon in Vienna\ndate: 2025-05\n---\n\nEliud Kipchoge ran the marathon in Vienna in under two hours on Saturday.\n"));

    private static readonly TestCorpus Dates = TestCorpus.WithDictionary(
        TestCorpus.Parse("tennis", "tennis.txt", "date 2025-07\n\nLondon – Andy Murray und Rafael Nadal sind mit klaren Siegen ins Saisonfinale in London gestartet. Murray setzte sich im ersten Spiel der Gruppe 6:4, 6:4 gegen den Spanier David Ferrer durch.\n"),
        TestCorpus.Parse("punk", "punk.txt", "date 2025-08\n\nDie Sängerin Ari Up ist 2010 gestorben, ihre Bandkollegin Viv Albertine hat im Vorjahr ein Buch über diese Zeit geschrieben.\n"),
        TestCorpus.Parse("comicon", "comicon.md", "---\ntitle: Toronto Comicon returns\ndate: 2025-09\n---\n\nToronto Comicon returned to the city from March 15 to 17, as one of the largest pop culture events in Canada.\n"),
        TestCorpus.Parse("festival", "festival.md", "---\ntitle: Harbour festival\ndate: 2025-10\n---\n\nThe harbour festival in Kiel drew 120 visitors from May 3 to 5.\n"));

    private static readonly TestCorpus Prices = TestCorpus.WithDictionary(
        TestCorpus.Parse("hotline", "hotline.txt", "date 2024-03\n\nDie Betroffene rief die vermeintliche Kündigungshotline an, zu der ein Anruf 3,64 Euro pro Minute kostet.\n"),
        TestCorpus.Parse("tram", "tram.txt", "date 2024-04\n\nDie neue Straßenbahnlinie kostet rund 48 Millionen Euro, teilte die Stadt mit.\n"));

    [Theory]
    [InlineData("Was kostet die Mondmission?")]
    [InlineData("How much does the moon mission cost?")]
    public async Task A_price_of_something_else_does_not_answer_what_a_thing_costs(string question)
    {
        using var services = TestPipeline.Services(Prices);
        // The sentences meet only "kostet": nothing of what the question asks the price of.
        var reply = await services.Send(question);
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Theory]
    [InlineData("Was kostet die Straßenbahnlinie?")]
    [InlineData("How much does the new tram line cost?")]
    public async Task The_price_of_the_thing_asked_about_answers(string question)
    {
        using var services = TestPipeline.Services(Prices);
        var reply = await services.Send(question);
        Assert.Contains("48 Millionen Euro", reply.PlainText, StringComparison.Ordinal);
    }

    private static readonly TestCorpus Rents = TestCorpus.WithDictionary(
        TestCorpus.Parse("sturm", "sturm.txt", "date 2024-05\n\nDie Grazer Fußballer liegen in der Tabelle bereits zehn Punkte hinter dem Spitzenreiter.\n"),
        TestCorpus.Parse("klub", "klub.md", "---\ntitle: Football club in Leeds\ndate: 2024-06\n---\n\nThe football club in Leeds has 25,000 members and plays in the second league.\n"));

    [Theory]
    [InlineData("Wie hoch ist das Gehalt der Grazer Fußballer?")]
    [InlineData("How much is the football club in Leeds worth?")]
    public async Task A_salary_or_worth_is_a_sum_of_money_that_points_or_members_do_not_give(string question)
    {
        using var services = TestPipeline.Services(Rents);
        // A rent, a wage, a salary, a fee or what something is worth is paid in money: "zehn Punkte" and "25,000 members" count other things.
        var reply = await services.Send(question);
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Fact]
    public async Task A_rent_in_money_answers()
    {
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(
            TestCorpus.Parse("mieten", "mieten.txt", "date 2024-07\n\nDie durchschnittliche Miete in Wien beträgt 9,50 Euro pro Quadratmeter, die Wohnungen sind im Schnitt 70 Quadratmeter groß.\n")));
        var reply = await services.Send("Wie hoch ist die durchschnittliche Miete in Wien?");
        Assert.Contains("9,50 Euro", reply.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_common_word_met_only_by_a_surname_does_not_answer()
    {
        using var services = TestPipeline.Services(Visits);
        // "fishing" and "Fischer" share a term once stemmed and folded, and "ban" meets "sperren": but Fischer is a person.
        var reply = await services.Send("Why did Norway ban fishing in its fjords?");
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Fact]
    public async Task A_surname_asked_for_by_name_still_answers()
    {
        using var services = TestPipeline.Services(Visits);
        var reply = await services.Send("Did Fischer want to close the Brenner Pass?");
        Assert.Contains("Brenner-Pass nicht sperren", reply.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_that_only_looks_like_a_compound_and_that_no_article_mentions_is_declined()
    {
        using var services = TestPipeline.Services(Visits);
        // "Hallstatt" splits as "Hall" + "statt", but no compound noun ends in a preposition; the corpus lacks it.
        var reply = await services.Send("Wie viele Touristen besuchen jedes Jahr Hallstatt?");
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Fact]
    public async Task An_unknown_compound_whose_parts_the_article_names_is_answered()
    {
        using var services = TestPipeline.Services(Visits);
        // No article writes "Amazonaswald", but the cited one names the Amazonas and its forest.
        var reply = await services.Send("Wie viele Quadratkilometer Amazonaswald wurden gerodet?");
        Assert.Contains("10.000 Quadratkilometer", reply.PlainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wann wird die U-Bahn in Salzburg eröffnet?")]
    [InlineData("When will the subway in Salzburg open?")]
    public async Task A_when_question_whose_article_names_no_time_is_declined(string question)
    {
        using var services = TestPipeline.Services(Visits);
        // The article speaks of the subway in Salzburg, but of no date: when it opens, the articles do not say.
        var reply = await services.Send(question);
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Fact]
    public async Task A_how_many_question_whose_article_counts_nothing_is_declined()
    {
        using var services = TestPipeline.Services(Visits);
        // The article speaks of bathers on the island, but its only number is a sum of money, which counts no people.
        var reply = await services.Send("Wie viele Badegäste kommen im Sommer auf die Donauinsel?");
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    private static readonly TestCorpus News = TestCorpus.WithDictionary(
        TestCorpus.Parse("guy", "guy.txt", "date 2025-11\n\nDer britische Mathematiker Richard Guy ist am Montag im Alter von 103 Jahren gestorben. Guy veröffentlichte über 300 Arbeiten zur Zahlentheorie.\n"),
        TestCorpus.Parse("opec", "opec.md", "---\ntitle: Oil ministers meet in Vienna\ndate: 2025-12\n---\n\nThe ministers of OPEC met in Vienna on Friday to discuss their output. The members did not agree on cuts.\n"));

    [Theory]
    [InlineData("Wann wurde Richard Guy geboren?")]
    [InlineData("When was OPEC founded?")]
    public async Task A_when_question_met_only_by_the_day_of_other_news_is_declined(string question)
    {
        using var services = TestPipeline.Services(News);
        // "am Montag", "on Friday" date the death and the meeting the articles report, not a birth or a founding.
        var reply = await services.Send(question);
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Theory]
    [InlineData("Wann ist Richard Guy gestorben?", "am Montag")]
    [InlineData("When did the ministers of OPEC meet in Vienna?", "on Friday")]
    [InlineData("Wann haben sich die Minister der OPEC in Wien getroffen?", "on Friday")]
    public async Task A_when_question_met_by_the_day_of_its_own_event_is_answered(string question, string expected)
    {
        using var services = TestPipeline.Services(News);
        var reply = await services.Send(question);
        Assert.Contains(expected, reply.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_for_the_day_is_answered_by_a_weekday_though_its_verb_is_paraphrased()
    {
        using var services = TestPipeline.Services(TestCorpus.WithDictionary([.. TestCorpus.CouncilMeetings(60),
            TestCorpus.Parse("rauchen", "rauchen.txt", "date 2016-02\n\nDarunter Verbot, in Anwesenheit Minderjähriger im Auto zu rauchen – Strafen werden deutlich erhöht.\n\nRom – In Italien sind am Dienstag schärfere Maßnahmen gegen das Rauchen in Kraft getreten. Zu den Änderungen zählt das Verbot, in Anwesenheit Minderjähriger im Auto zu rauchen.\n")]));
        // "wirksam werden" and "in Kraft treten" share no word, but "An welchem Tag …" asks for the day the article gives.
        var reply = await services.Send("An welchem Tag wurden in Italien die strengeren Regeln gegen das Rauchen wirksam?");
        Assert.Equal("am Dienstag", reply.Blocks[0].Text);
    }

    [Theory]
    [InlineData("Wann wird das neue Freibad in Linz eröffnet?", "1. Juni")]
    [InlineData("Wie viele Badegäste erwartet Linz im ersten Sommer im Freibad?", "40.000 Badegäste")]
    public async Task A_when_or_how_many_question_whose_article_gives_a_date_or_count_is_answered(string question, string expected)
    {
        using var services = TestPipeline.Services(Visits);
        var reply = await services.Send(question);
        Assert.Contains(expected, reply.PlainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wie viele Besucher kamen zur Automesse in Frankfurt?")]
    [InlineData("How many people watched the marathon in Vienna?")]
    [InlineData("Wie viele Zuschauer hatte das Sommerkonzert in Grafenegg?")]
    public async Task A_how_many_question_met_only_by_a_share_a_span_of_time_or_a_label_is_declined(string question)
    {
        using var services = TestPipeline.Services(Shares);
        // "37 Prozent" are of those asked in a survey, "two hours" is how long he ran, "20.15" a time and "ORF 2" a channel:
        // none counts visitors or viewers.
        var reply = await services.Send(question);
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Fact]
    public async Task A_share_of_the_things_counted_answers_how_many()
    {
        using var services = TestPipeline.Services(Shares);
        var reply = await services.Send("Wie viele Pensionisten lesen täglich eine Zeitung?");
        Assert.Contains("64 Prozent der Pensionisten", reply.PlainText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Wie viele Zuschauer sahen das Spiel von Andy Murray gegen David Ferrer?")]
    [InlineData("Wie viele Seiten hat das Buch von Viv Albertine?")]
    [InlineData("How many visitors came to Toronto Comicon?")]
    public async Task A_how_many_question_met_only_by_a_score_a_year_or_a_day_is_declined(string question)
    {
        using var services = TestPipeline.Services(Dates);
        // "6:4" scores the game, "2010" dates a death, "17" is the last day of the convention: none counts anything.
        var reply = await services.Send(question);
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Fact]
    public async Task A_count_beside_a_range_of_days_answers_how_many()
    {
        using var services = TestPipeline.Services(Dates);
        var reply = await services.Send("How many visitors came to the harbour festival in Kiel?");
        Assert.Contains("120 visitors", reply.PlainText, StringComparison.Ordinal);
    }

    private const string Treaty = "Bratislava/Wien – Der Vertrag zwischen Wien und Bratislava zur Unterbringung von Flüchtlingen wurde schon Mitte Juli unterzeichnet.";

    private const string Tube = "date 2025-12\n\nDer Hyperloop soll Passagiere in Röhren befördern, sagen seine Entwickler.\n";

    [Fact]
    public async Task An_article_of_several_paragraphs_that_never_names_the_question_s_name_does_not_answer_it()
    {
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(
            TestCorpus.Parse("vertrag", "vertrag.txt", $"date 2025-11\n\n{Treaty}\n\nDie ersten Flüchtlinge sollen im Herbst in das slowakische Dorf ziehen.\n"),
            TestCorpus.Parse("roehre", "roehre.txt", Tube)));
        // The treaty article shares "zwischen", "Wien" and "Bratislava" and gives a date, but a whole article that never
        // names a Hyperloop is about something else.
        var reply = await services.Send("Wann fährt der erste Hyperloop zwischen Wien und Bratislava?");
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Fact]
    public async Task An_excerpt_of_one_paragraph_may_leave_the_name_to_the_paragraph_before()
    {
        using var services = TestPipeline.Services(TestCorpus.WithDictionary(
            TestCorpus.Parse("vertrag", "vertrag.txt", $"date 2025-11\n\n{Treaty} Die ersten Flüchtlinge sollen im Herbst in das slowakische Dorf ziehen.\n"),
            TestCorpus.Parse("roehre", "roehre.txt", Tube)));
        var reply = await services.Send("Wann fährt der erste Hyperloop zwischen Wien und Bratislava?");
        Assert.Contains("Mitte Juli", reply.PlainText, StringComparison.Ordinal);
    }

    private static readonly TestCorpus Tributes = TestCorpus.WithDictionary(
        TestCorpus.Parse("mendez", "mendez.md", "---\ntitle: Former CIA officer dies\ndate: 2019-01\n---\n\nA former CIA officer who rescued six diplomats from Iran has died aged 78.\n\nJimmy Carter was president of the United States at the time.\n\nActor Ben Affleck said of Tony Mendez, \"He was a true American hero.\"\n"),
        TestCorpus.Parse("carter", "carter.md", "---\ntitle: Carter turns 95\ndate: 2019-10\n---\n\nFormer president Jimmy Carter turned 95 on Tuesday.\n"));

    [Fact]
    public async Task A_quotation_of_someone_else_does_not_answer_what_a_person_said()
    {
        using var services = TestPipeline.Services(Tributes);
        // The article names Carter, but the only quotation about Mendez is Affleck's, whose sentence does not name Carter.
        var reply = await services.Send("What did Jimmy Carter say about Tony Mendez?");
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Fact]
    public async Task A_quotation_of_the_person_asked_about_answers()
    {
        using var services = TestPipeline.Services(Tributes);
        var reply = await services.Send("What did Ben Affleck say about Tony Mendez?");
        Assert.Contains("true American hero", reply.PlainText, StringComparison.Ordinal);
    }

    private static readonly TestCorpus Storms = TestCorpus.WithDictionary(
        TestCorpus.Parse("taifun", "taifun.md", "---\ntitle: Typhoon Phanfone hits the Philippines\ndate: 2019-12\n---\n\nTyphoon Phanfone caused damage in the same regions as Typhoon Haiyan, which killed over 6,000 people in 2013.\n"),
        TestCorpus.Parse("sturm", "sturm.md", "---\ntitle: Storm Kirra hits the coast\ndate: 2020-01\n---\n\nStorm Kirra caused damage worth 12 million dollars along the coast.\n"));

    [Fact]
    public async Task A_question_that_names_a_currency_is_not_answered_by_a_count()
    {
        using var services = TestPipeline.Services(Storms);
        // "in dollars" asks for money: the typhoon article counts the dead of another storm, and gives no sum.
        var reply = await services.Send("How much damage did Typhoon Phanfone cause in dollars?");
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Fact]
    public async Task A_sum_in_the_currency_asked_for_answers()
    {
        using var services = TestPipeline.Services(Storms);
        var reply = await services.Send("How much damage did Storm Kirra cause in dollars?");
        Assert.Contains("12 million dollars", reply.PlainText, StringComparison.Ordinal);
    }

    private static readonly TestCorpus Gadgets = TestCorpus.WithDictionary(
        TestCorpus.Parse("brille", "brille.txt", "date 2020-02\n\nDie neue Datenbrille Lumo kostet 800 Dollar und kommt mit zwei Bewegungscontrollern.\n"),
        TestCorpus.Parse("drohne", "drohne.txt", "date 2020-03\n\nDie neue Drohne Falko wiegt nur 470 Gramm und kostet 300 Euro.\n"),
        TestCorpus.Parse("turm", "turm.md", "---\ntitle: Linz opens a tower\ndate: 2020-04\n---\n\nThe new Danube tower in Linz cost 40 million euros and opened in 2019.\n"),
        TestCorpus.Parse("mast", "mast.md", "---\ntitle: Graz raises a mast\ndate: 2020-05\n---\n\nThe new radio mast in Graz is 120 metres tall and cost 2 million euros.\n"),
        TestCorpus.Parse("flug", "flug.md", "---\ntitle: A new flight to Tokyo\ndate: 2020-06\n---\n\nFrom May the new flight from Vienna to Tokyo takes eleven hours.\n"));

    [Theory]
    [InlineData("Wie schwer ist die Datenbrille Lumo?")]
    [InlineData("How heavy is the Lumo headset?")]
    [InlineData("How tall is the Danube tower in Linz?")]
    public async Task A_measure_question_met_only_by_an_amount_of_another_dimension_is_declined(string question)
    {
        using var services = TestPipeline.Services(Gadgets);
        // "800 Dollar", "zwei Bewegungscontrollern", "40 million euros", "2019": a price, a count and a year weigh nothing
        // and measure no height.
        var reply = await services.Send(question);
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Theory]
    [InlineData("Wie schwer ist die Drohne Falko?", "470 Gramm")]
    [InlineData("How tall is the radio mast in Graz?", "120 metres")]
    // "How long is" a flight asks for a span of time as much as for a length.
    [InlineData("How long is the new flight from Vienna to Tokyo?", "eleven hours")]
    public async Task A_measure_question_met_by_an_amount_of_its_dimension_answers(string question, string expected)
    {
        using var services = TestPipeline.Services(Gadgets);
        var reply = await services.Send(question);
        Assert.Contains(expected, reply.PlainText, StringComparison.Ordinal);
    }

    private static readonly TestCorpus Awards = TestCorpus.WithDictionary(
        TestCorpus.Parse("preis", "preis.txt", "date 2020-07\n\nDen Theaterpreis gewann überraschend Jonas Brandauer (56): Er stach den Favoriten Quirin Hallberg aus.\n"),
        TestCorpus.Parse("zug", "zug.md", "---\ntitle: Train driver praised\ndate: 2020-08\n---\n\nLoco pilot Meera Kashyap stopped the train in time, and 22-year-old Anil Dharwad was her co-pilot.\n"));

    [Theory]
    [InlineData("Wie alt ist Quirin Hallberg?")]
    [InlineData("How old is Meera Kashyap?")]
    public async Task The_age_of_someone_else_named_beside_it_does_not_answer_how_old_a_person_is(string question)
    {
        using var services = TestPipeline.Services(Awards);
        // Each sentence names the person asked about, but its age stands beside someone else's name.
        var reply = await services.Send(question);
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Theory]
    [InlineData("Wie alt ist Jonas Brandauer?", "56")]
    [InlineData("How old is Anil Dharwad?", "22-year-old")]
    public async Task The_age_beside_the_person_asked_about_answers(string question, string expected)
    {
        using var services = TestPipeline.Services(Awards);
        var reply = await services.Send(question);
        Assert.Contains(expected, reply.PlainText, StringComparison.Ordinal);
    }

    private static readonly TestCorpus Rulings = TestCorpus.WithDictionary(
        TestCorpus.Parse("gericht", "gericht.md", "---\ntitle: Court rules on the harbour closure\ndate: 2020-09\n---\n\nThe court found Mayor Tom Ashdown's order to close the harbour \"was unlawful and must be withdrawn\".\n"),
        TestCorpus.Parse("hafen", "hafen.md", "---\ntitle: Harbour master reacts\ndate: 2020-10\n---\n\nHarbour master Lena Voss said of the court's ruling: \"It is a good day for the fishermen.\"\n"));

    [Fact]
    public async Task A_quotation_that_names_the_speaker_only_as_an_owner_does_not_answer_what_the_speaker_said()
    {
        using var services = TestPipeline.Services(Rulings);
        // The quotation is the court's; Ashdown is named only as the owner of the order.
        var reply = await services.Send("What did Tom Ashdown say about the order to close the harbour?");
        Assert.Empty(reply.Citations);
        Assert.Equal(Texts.NotFound(reply.Language), reply.PlainText);
    }

    [Fact]
    public async Task A_quotation_of_its_speaker_answers_what_the_speaker_said()
    {
        using var services = TestPipeline.Services(Rulings);
        var reply = await services.Send("What did Lena Voss say about the court's ruling?");
        Assert.Contains("good day for the fishermen", reply.PlainText, StringComparison.Ordinal);
    }
}
