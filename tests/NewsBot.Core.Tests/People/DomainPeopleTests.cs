using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.People;

/// <summary>
/// /who outside diplomacy: short original articles from sport, courts, business, culture and science in German and
/// English, built with the dictionary's word knowledge as the app builds them (trans-de-en, which CI installs).
/// </summary>
public sealed class DomainPeopleTests
{
    private static readonly Lazy<WordKnowledge> Knowledge = new(() =>
    {
        Assert.True(File.Exists(SearchOptions.DefaultDictionaryPath), $"{SearchOptions.DefaultDictionaryPath} is missing: install Debian's trans-de-en package");
        return WordKnowledge.Load(SearchOptions.DefaultDictionaryPath);
    });

    private static PeopleIndex Build(params Article[] articles) => PeopleIndexBuilder.Build(articles, Knowledge.Value);

    private static Article German(string id, string body) => PeopleFixtures.FromRaw(id, "date 2025-04\n\n" + body, Language.German);

    private static Article English(string id, string body) => PeopleFixtures.FromRaw(id, "date 2025-04\n\n" + body, Language.English);

    private static readonly Article Football = German("sport_de", """
        Bayern gewinnt das Spitzenspiel

        Der FC Bayern hat das Spitzenspiel gegen Leverkusen mit 3:1 gewonnen. Bayern-Trainer Vincent Kompany lobte seine Mannschaft nach dem Abpfiff. »Wir haben heute als Team gespielt und uns das verdient«, sagte Kompany.

        Torhüter Manuel Neuer hielt in der ersten Halbzeit einen Elfmeter. Stürmer Harry Kane traf doppelt, den dritten Treffer erzielte Musiala nach einer Vorlage von Kimmich. »Das war ein perfekter Pass«, sagte Musiala. Kapitän Joshua Kimmich sprach von einem wichtigen Schritt.

        Leverkusens Trainer Xabi Alonso haderte mit dem Schiedsrichter. Sportvorstand Max Eberl sagte, Musiala sei nicht zu ersetzen.
        """);

    private static readonly Article Court = German("court_de", """
        Urteil im Betrugsprozess

        Das Landgericht hat am Donnerstag einen früheren Bankmanager zu vier Jahren Haft verurteilt. Die Vorsitzende Richterin Sabine Krämer sprach von einem »planvollen und eigennützigen Vorgehen«.

        Staatsanwältin Miriam Oberholzer hatte sechs Jahre gefordert. Verteidiger Thomas Brandstätter kündigte Revision an: »Das Urteil wird vor dem Bundesgerichtshof keinen Bestand haben«, sagte Brandstätter. Der Angeklagte Jörg Wiesinger schwieg bis zuletzt.
        """);

    private static readonly Article Trial = English("court_en", """
        Contractor convicted of fraud

        A federal jury in Denver convicted contractor Paul Okafor of wire fraud on Friday. Judge Linda Whitcombe set sentencing for June.

        "My client will appeal this verdict," lawyer Marcus Feldman told reporters outside the courthouse. Prosecutor Dana Rourke said the evidence had been overwhelming.
        """);

    private static readonly Article Business = German("business_de", """
        Wechsel an der Konzernspitze

        Der Maschinenbauer bekommt eine neue Chefin. Vorstandschefin Katharina Vollmerhaus übernimmt im Juli, teilte der Aufsichtsrat mit. Aufsichtsratschef Gerold Tiefenbach sagte, sie bringe Erfahrung aus dem Ausland mit.

        Die bisherige Geschäftsführerin Ilse Pfaffenrath wechselt in den Aufsichtsrat. Vollmerhaus kündigte an, das Werk in Sachsen zu erhalten.
        """);

    private static readonly Article Culture = English("culture_en", """
        A quiet film wins the festival

        Director Ingrid Halvorsen won the main prize on Saturday for her film about a lighthouse keeper. Singer Tomas Varga, who wrote the score, thanked the jury.

        "We made this film with almost no money," Halvorsen said. Author Miriam Okonjo, whose novel the film adapts, was in the audience.
        """);

    private static readonly Article Science = German("science_de", """
        Neue Spur im Eis

        Forscherin Hanna Lindqvist vom Polarinstitut hat in Bohrkernen Spuren eines frühen Klimawechsels gefunden. Lindqvist sagte, die Daten seien eindeutig.

        Der Physiker Reto Camenzind hält die Deutung für voreilig. »Wir brauchen mehr Proben«, sagte Camenzind.
        """);

    [Fact]
    public void SportFindsPlayersAndCoachesWithTheirRoles()
    {
        var index = Build(Football);
        Assert.Equal("Bayern-Trainer", index.Find("Kompany")!.MainRole!.Text);
        Assert.Equal("Torhüter", index.Find("Neuer")!.MainRole!.Text);
        Assert.Equal("Stürmer", index.Find("Kane")!.MainRole!.Text);
        Assert.Equal("Kapitän", index.Find("Kimmich")!.MainRole!.Text);
        Assert.Equal("Trainer", index.Find("Alonso")!.MainRole!.Text);
        Assert.Equal("Sportvorstand", index.Find("Eberl")!.MainRole!.Text);
        Assert.NotNull(index.Find("Musiala"));
        Assert.Equal("Joshua Kimmich", index.Find("Kimmich")!.Name);
        Assert.Null(index.Find("Leverkusen"));
        Assert.Null(index.Find("Bayern"));
    }

    [Fact]
    public void QuotesOutsidePoliticsGoToTheSpeaker()
    {
        var kompany = Build(Football).Find("Kompany")!;
        Assert.StartsWith("Wir haben heute als Team gespielt", Assert.Single(kompany.Quotes).Text, StringComparison.Ordinal);

        var court = Build(Court);
        Assert.StartsWith("Das Urteil wird vor dem Bundesgerichtshof", Assert.Single(court.Find("Brandstätter")!.Quotes).Text, StringComparison.Ordinal);

        var trial = Build(Trial);
        Assert.StartsWith("My client will appeal", Assert.Single(trial.Find("Feldman")!.Quotes).Text, StringComparison.Ordinal);

        var culture = Build(Culture);
        Assert.StartsWith("We made this film", Assert.Single(culture.Find("Halvorsen")!.Quotes).Text, StringComparison.Ordinal);

        var science = Build(Science);
        Assert.Equal("Wir brauchen mehr Proben", Assert.Single(science.Find("Camenzind")!.Quotes).Text);
    }

    [Fact]
    public void CourtRolesAreFoundAndTheRoleNounIsNoPerson()
    {
        var index = Build(Court);
        Assert.Equal("Richterin", index.Find("Krämer")!.MainRole!.Text.Split(' ')[^1]);
        Assert.Equal("Staatsanwältin", index.Find("Oberholzer")!.MainRole!.Text);
        Assert.Equal("Verteidiger", index.Find("Brandstätter")!.MainRole!.Text);
        Assert.Equal("Angeklagte", index.Find("Wiesinger")!.MainRole!.Text);
        Assert.DoesNotContain(index.People, p => p.Name.Contains("Richterin", StringComparison.Ordinal) || p.Name == "Vorsitzende");
        Assert.Equal(4, index.People.Count);
    }

    [Fact]
    public void EnglishTrialFindsTheLawyerAndTheJudge()
    {
        var index = Build(Trial);
        Assert.Equal("lawyer", index.Find("Marcus Feldman")!.MainRole!.Text);
        Assert.Equal("Judge", index.Find("Whitcombe")!.MainRole!.Text);
        Assert.Equal("Prosecutor", index.Find("Rourke")!.MainRole!.Text);
        Assert.Equal("Paul Okafor", index.Find("Okafor")!.Name);
        Assert.Null(index.Find("Denver"));
    }

    [Fact]
    public void FeminineRolesInBusinessAndScience()
    {
        var business = Build(Business);
        Assert.Equal("Vorstandschefin", business.Find("Vollmerhaus")!.MainRole!.Text);
        Assert.Equal("Aufsichtsratschef", business.Find("Tiefenbach")!.MainRole!.Text);
        Assert.EndsWith("Geschäftsführerin", business.Find("Pfaffenrath")!.MainRole!.Text, StringComparison.Ordinal);
        Assert.Equal(3, business.People.Count);

        var science = Build(Science);
        Assert.Equal("Forscherin", science.Find("Lindqvist")!.MainRole!.Text);
        Assert.Equal("Physiker", science.Find("Camenzind")!.MainRole!.Text);
    }

    [Fact]
    public void CultureRolesInEnglish()
    {
        var index = Build(Culture);
        Assert.Equal("Director", index.Find("Halvorsen")!.MainRole!.Text);
        Assert.Equal("Singer", index.Find("Varga")!.MainRole!.Text);
        Assert.Equal("Author", index.Find("Okonjo")!.MainRole!.Text);
    }

    [Fact]
    public void SameSurnameWithDifferentGivenNamesIsTwoPeople()
    {
        var index = Build(
            English("hunter_1", "Robert Hunter wrote the lyrics for the band. Hunter was 78."),
            English("hunter_2", "Hunter Biden appeared in court on Monday. Hunter spoke briefly to reporters."),
            English("hunter_3", "Students at Hunter College protested on Tuesday. The Hurricane Hunters flew into the storm."),
            German("hunter_de", "Am Dienstag flog auch Hunter in den Sturm, berichtete die Wetterbehörde."));
        var robert = index.Find("Robert Hunter")!;
        Assert.Equal(["hunter_1"], robert.ArticleIds);
        var biden = index.Find("Hunter Biden")!;
        Assert.Equal(["hunter_2"], biden.ArticleIds);
        Assert.Equal(2, biden.Mentions);
        Assert.DoesNotContain(index.People, p => p.ArticleIds.Contains("hunter_3") || p.ArticleIds.Contains("hunter_de"));
    }

    [Fact]
    public void EventAndPlaceWordsDoNotJoinAPerson()
    {
        var index = Build(
            English("day_1", "Doris Day sang the song in 1956. Day later said she never liked it."),
            English("day_2", "Crowds gathered in Paris for Bastille Day. Labor Day and National Day followed later in the year."),
            English("assembly", "The Assembly voted on Monday. Speaker Maria Lopez said the Assembly would meet again."));
        Assert.Equal(["day_1"], index.Find("Doris Day")!.ArticleIds);
        Assert.Null(index.Find("Assembly"));
        Assert.Equal("Speaker", index.Find("Lopez")!.MainRole!.Text);
    }

    [Fact]
    public void AGivenNameIsNeverTakenFromAnotherPersonInTheSentence()
    {
        var index = Build(English("cummings", """
            Representative Elijah Cummings died on Thursday. Cummings, whose father Robert Cummings was a laborer, represented Baltimore for 23 years.
            """));
        var elijah = index.Find("Elijah Cummings")!;
        Assert.Equal("Elijah Cummings", elijah.Name);
        Assert.Equal("Representative", elijah.MainRole?.Text);
        Assert.NotSame(elijah, index.Find("Robert Cummings"));
    }

    [Fact]
    public void AnAthleteIsFoundByRecurringNameWithoutAKnownGivenName()
    {
        var index = Build(English("marathon", """
            Kenyan runner Eliud Kipchoge won the Berlin Marathon on Sunday. Kipchoge finished in 2:01:09, and Ethiopian Amos Kebede was second.
            """));
        Assert.Equal("runner", index.Find("Kipchoge")!.MainRole!.Text.Split(' ')[^1]);
        Assert.NotNull(index.Find("Kebede"));
        Assert.Null(index.Find("Berlin Marathon"));
    }

    [Fact]
    public void AGivenNameAloneAfterAKinshipNounIsAPersonOfThatArticleOnly()
    {
        var index = Build(
            English("obituary", "Oceanographer Walter Munk died on Friday. His wife Mary said he had loved the sea."),
            English("other", "Retired teacher Mary Whitfield opened the library. His wife Mary was not there."));
        var marys = index.People.Where(p => p.Name == "Mary").ToList();
        Assert.Equal(2, marys.Count);
        Assert.All(marys, m => Assert.Single(m.ArticleIds));
        Assert.Equal(["other"], index.Find("Mary Whitfield")!.ArticleIds);
    }

    [Fact]
    public void SeedStaysTenPeopleWithTheDictionary()
    {
        var index = Build(PeopleFixtures.Seed);
        Assert.Equal(
            ["Antony Blinken", "Dmitri Peskow", "Donald Trump", "Emmanuel Macron", "Joe Biden", "Marco Rubio", "Pete Hegseth", "Sergej Lawrow", "Wladimir Putin", "Wolodymyr Selenskyj"],
            index.People.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Kremlsprecher", index.Find("Peskow")!.MainRole!.Text);
        Assert.Equal("Amtsvorgänger", index.Find("Biden")!.MainRole!.Text);
        Assert.Contains("Lawrow", index.Find("Sergej Lawrow")!.Aliases);
    }

    [Fact]
    public void A_family_name_after_bin_is_a_name_though_it_is_also_a_word()
    {
        // "laden" is an English adjective and "Laden" a German noun; after "bin" ("son of") it is the family name.
        var index = Build(English("binladen_en", """
            Trump says Osama bin Laden's son killed

            US President Donald Trump said Hamza bin Laden, son of the late Al-Qaeda founder Osama bin Laden, has been killed. Osama bin Laden founded Al-Qaeda. The scholar Ahmad ibn Hanbal was quoted.
            """));
        Assert.Equal("Ahmad ibn Hanbal", index.Find("Ahmad ibn Hanbal")?.Name);
        Assert.Equal("Hamza bin Laden", index.Find("Hamza bin Laden")?.Name);
        Assert.Equal("Osama bin Laden", index.Find("Osama bin Laden")?.Name);
    }
}
