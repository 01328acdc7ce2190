using System.Text.Json;
using NewsBot.Tests.Shared;

namespace NewsBot.Tests;

/// <summary>A question about something no article mentions is declined through the CLI, with the host's word knowledge.</summary>
public sealed class DecliningCliTests
{
    private static async Task<JsonElement> AskAsync(string question, string corpus)
    {
        var result = await CliRunner.RunAsync("ask", question, "--corpus", corpus, "--json");
        Assert.Equal(0, result.ExitCode);
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    [Fact]
    public async Task A_name_that_only_looks_like_a_compound_is_declined_and_a_compound_whose_parts_the_article_names_is_answered()
    {
        var folder = TestPaths.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "museum.txt"), "date 2024-09\n\nDas Stadtmuseum zählte im vergangenen Jahr 50.000 Besucherinnen und Besucher. Für Touristen war der Eintritt frei.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "kino.txt"), "date 2024-10\n\nDas Kino in der Hall der alten Fabrik zeigt ab Montag wieder Filme. Statt einer Feier gibt es freien Eintritt.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "amazonas.txt"), "date 2024-11\n\nIm Amazonas wurden im vergangenen Jahr 10.000 Quadratkilometer Wald gerodet, teilte die Regierung mit.\n");

        // "Hallstatt" splits as "Hall" + "statt", but no compound noun ends in a preposition, and no article names it.
        var hallstatt = await AskAsync("Wie viele Touristen besuchen jedes Jahr Hallstatt?", folder);
        Assert.Equal(0, hallstatt.GetProperty("citations").GetArrayLength());
        var amazonas = await AskAsync("Wie viele Quadratkilometer Amazonaswald wurden gerodet?", folder);
        Assert.Contains("10.000 Quadratkilometer", amazonas.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_about_a_name_is_not_answered_from_an_article_that_never_names_it()
    {
        var folder = TestPaths.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "bruecke.txt"), "date 2024-05\n\nBürgermeisterin Adaeze Okonkwo eröffnete am Montag die neue Brücke über den Fluss.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "eintritt.txt"), "date 2024-06\n\nKinder, die noch keine 14 Jahre alt sind, zahlen im Freibad keinen Eintritt.\n");

        // "alt" alone meets the pool's "14 Jahre alt"; the article that names Okonkwo does not give her age.
        var json = await AskAsync("Wie alt wurde Okonkwo?", folder);
        Assert.Equal(0, json.GetProperty("citations").GetArrayLength());
    }

    [Fact]
    public async Task A_when_or_how_many_question_is_declined_when_its_article_gives_no_time_or_count_and_answered_when_it_does()
    {
        var folder = TestPaths.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "ubahn.txt"), "date 2024-12\n\nDer Salzburger Gemeinderat streitet über eine U-Bahn unter der Altstadt. Die Kosten seien viel zu hoch, sagte die Opposition.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "insel.txt"), "date 2025-01\n\nIm Sommer ist die Donauinsel bei Badegästen sehr beliebt. Die Reinigung der Insel kostet die Stadt jährlich 2,5 Millionen Euro.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "freibad.txt"), "date 2025-02\n\nDas neue Freibad in Linz wird am 1. Juni eröffnet. Im ersten Sommer erwartet die Stadt 40.000 Badegäste.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "messe.txt"), "date 2025-03\n\nAuf der Automesse in Frankfurt stellte der Digitalverband am Mittwoch eine Umfrage vor. Demnach würden 37 Prozent ein selbstfahrendes Auto kaufen.\n");

        // The Salzburg article names no date, the island article counts nobody (its only number is money): both declined.
        var subway = await AskAsync("Wann wird die U-Bahn in Salzburg eröffnet?", folder);
        Assert.Equal(0, subway.GetProperty("citations").GetArrayLength());
        var island = await AskAsync("Wie viele Badegäste kommen im Sommer auf die Donauinsel?", folder);
        Assert.Equal(0, island.GetProperty("citations").GetArrayLength());
        // "37 Prozent" are of those asked in a survey: they count no visitors.
        var fair = await AskAsync("Wie viele Besucher kamen zur Automesse in Frankfurt?", folder);
        Assert.Equal(0, fair.GetProperty("citations").GetArrayLength());
        var pool = await AskAsync("Wann wird das neue Freibad in Linz eröffnet?", folder);
        Assert.Contains("1. Juni", pool.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("freibad", pool.GetProperty("citations")[0].GetProperty("articleId").GetString());
    }

    [Fact]
    public async Task A_how_many_question_met_only_by_a_score_a_year_or_a_day_is_declined_and_a_count_answers()
    {
        var folder = TestPaths.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "tennis.txt"), "date 2025-07\n\nLondon – Andy Murray und Rafael Nadal sind mit klaren Siegen ins Saisonfinale in London gestartet. Murray setzte sich im ersten Spiel der Gruppe 6:4, 6:4 gegen den Spanier David Ferrer durch.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "punk.txt"), "date 2025-08\n\nDie Sängerin Ari Up ist 2010 gestorben, ihre Bandkollegin Viv Albertine hat im Vorjahr ein Buch über diese Zeit geschrieben.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "comicon.md"), "---\ntitle: Toronto Comicon returns\ndate: 2025-09\n---\n\nToronto Comicon returned to the city from March 15 to 17, as one of the largest pop culture events in Canada.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "festival.md"), "---\ntitle: Harbour festival\ndate: 2025-10\n---\n\nThe harbour festival in Kiel drew 120 visitors from May 3 to 5.\n");

        // "6:4" scores the game, "2010" dates a death, "17" ends the convention's days: none counts what is asked.
        var spectators = await AskAsync("Wie viele Zuschauer sahen das Spiel von Andy Murray gegen David Ferrer?", folder);
        Assert.Equal(0, spectators.GetProperty("citations").GetArrayLength());
        var pages = await AskAsync("Wie viele Seiten hat das Buch von Viv Albertine?", folder);
        Assert.Equal(0, pages.GetProperty("citations").GetArrayLength());
        var visitors = await AskAsync("How many visitors came to Toronto Comicon?", folder);
        Assert.Equal(0, visitors.GetProperty("citations").GetArrayLength());
        var festival = await AskAsync("How many visitors came to the harbour festival in Kiel?", folder);
        Assert.Contains("120 visitors", festival.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("festival", festival.GetProperty("citations")[0].GetProperty("articleId").GetString());
    }

    [Fact]
    public async Task An_article_of_several_paragraphs_that_never_names_the_question_s_name_does_not_answer_it()
    {
        var folder = TestPaths.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "vertrag.txt"), "date 2025-11\n\nBratislava/Wien – Der Vertrag zwischen Wien und Bratislava zur Unterbringung von Flüchtlingen wurde schon Mitte Juli unterzeichnet.\n\nDie ersten Flüchtlinge sollen im Herbst in das slowakische Dorf ziehen.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "roehre.txt"), "date 2025-12\n\nDer Hyperloop soll Passagiere in Röhren befördern, sagen seine Entwickler.\n");

        // The treaty article shares "zwischen", "Wien", "Bratislava" and a date, but never names a Hyperloop.
        var hyperloop = await AskAsync("Wann fährt der erste Hyperloop zwischen Wien und Bratislava?", folder);
        Assert.Equal(0, hyperloop.GetProperty("citations").GetArrayLength());
        var treaty = await AskAsync("Wann wurde der Vertrag zwischen Wien und Bratislava unterzeichnet?", folder);
        Assert.Contains("Mitte Juli", treaty.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("vertrag", treaty.GetProperty("citations")[0].GetProperty("articleId").GetString());
    }

    [Fact]
    public async Task A_quotation_of_someone_else_does_not_answer_what_a_person_said()
    {
        var folder = TestPaths.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "mendez.md"), "---\ntitle: Former CIA officer dies\ndate: 2019-01\n---\n\nA former CIA officer who rescued six diplomats from Iran has died aged 78.\n\nJimmy Carter was president of the United States at the time.\n\nActor Ben Affleck said of Tony Mendez, \"He was a true American hero.\"\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "carter.md"), "---\ntitle: Carter turns 95\ndate: 2019-10\n---\n\nFormer president Jimmy Carter turned 95 on Tuesday.\n");

        // The only quotation about Mendez is Affleck's: what Carter said, the articles do not say.
        var carter = await AskAsync("What did Jimmy Carter say about Tony Mendez?", folder);
        Assert.Equal(0, carter.GetProperty("citations").GetArrayLength());
        var affleck = await AskAsync("What did Ben Affleck say about Tony Mendez?", folder);
        Assert.Contains("true American hero", affleck.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("mendez", affleck.GetProperty("citations")[0].GetProperty("articleId").GetString());
    }

    [Fact]
    public async Task A_question_that_names_a_currency_is_declined_without_a_sum_and_answered_with_one()
    {
        var folder = TestPaths.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "taifun.md"), "---\ntitle: Typhoon Phanfone hits the Philippines\ndate: 2019-12\n---\n\nTyphoon Phanfone caused damage in the same regions as Typhoon Haiyan, which killed over 6,000 people in 2013.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "sturm.md"), "---\ntitle: Storm Kirra hits the coast\ndate: 2020-01\n---\n\nStorm Kirra caused damage worth 12 million dollars along the coast.\n");

        // "in dollars" asks for money; a count of the dead of another storm is no answer.
        var typhoon = await AskAsync("How much damage did Typhoon Phanfone cause in dollars?", folder);
        Assert.Equal(0, typhoon.GetProperty("citations").GetArrayLength());
        var storm = await AskAsync("How much damage did Storm Kirra cause in dollars?", folder);
        Assert.Contains("12 million dollars", storm.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("sturm", storm.GetProperty("citations")[0].GetProperty("articleId").GetString());
    }

    [Fact]
    public async Task A_how_heavy_question_is_declined_without_a_weight_and_answered_with_one()
    {
        var folder = TestPaths.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "brille.txt"), "date 2020-02\n\nDie neue Datenbrille Lumo kostet 800 Dollar und kommt mit zwei Bewegungscontrollern.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "drohne.txt"), "date 2020-03\n\nDie neue Drohne Falko wiegt nur 470 Gramm und kostet 300 Euro.\n");

        // A price and a count weigh nothing.
        var headset = await AskAsync("Wie schwer ist die Datenbrille Lumo?", folder);
        Assert.Equal(0, headset.GetProperty("citations").GetArrayLength());
        var drone = await AskAsync("Wie schwer ist die Drohne Falko?", folder);
        Assert.Contains("470 Gramm", drone.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_age_of_someone_else_named_beside_it_is_declined_and_the_asked_person_s_answers()
    {
        var folder = TestPaths.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "preis.txt"), "date 2020-07\n\nDen Theaterpreis gewann überraschend Jonas Brandauer (56): Er stach den Favoriten Quirin Hallberg aus.\n");

        // "(56)" stands beside Brandauer: it is not Hallberg's age.
        var favourite = await AskAsync("Wie alt ist Quirin Hallberg?", folder);
        Assert.Equal(0, favourite.GetProperty("citations").GetArrayLength());
        var winner = await AskAsync("Wie alt ist Jonas Brandauer?", folder);
        Assert.Contains("56", winner.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quotation_that_names_the_speaker_only_as_an_owner_is_declined_and_the_speaker_s_own_answers()
    {
        var folder = TestPaths.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "gericht.md"), "---\ntitle: Court rules on the harbour closure\ndate: 2020-09\n---\n\nThe court found Mayor Tom Ashdown's order to close the harbour \"was unlawful and must be withdrawn\".\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "hafen.md"), "---\ntitle: Harbour master reacts\ndate: 2020-10\n---\n\nHarbour master Lena Voss said of the court's ruling: \"It is a good day for the fishermen.\"\n");

        // The court's words name Ashdown only as the owner of the order.
        var mayor = await AskAsync("What did Tom Ashdown say about the order to close the harbour?", folder);
        Assert.Equal(0, mayor.GetProperty("citations").GetArrayLength());
        var master = await AskAsync("What did Lena Voss say about the court's ruling?", folder);
        Assert.Contains("good day for the fishermen", master.GetProperty("answer").GetString(), StringComparison.Ordinal);
    }
}
