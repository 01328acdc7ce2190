using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.People;

/// <summary>
/// Shapes of names beyond "Given Surname", in own short articles, with the dictionary as the app uses it: initials,
/// generation suffixes, particles at a sentence start, surnames that are also place or organisation words, and named things
/// that start with a given name.
/// </summary>
public sealed class NameShapeTests
{
    private static readonly Lazy<WordKnowledge> Knowledge = new(() =>
    {
        Assert.True(File.Exists(SearchOptions.DefaultDictionaryPath), $"{SearchOptions.DefaultDictionaryPath} is missing: install Debian's trans-de-en package");
        return WordKnowledge.Load(SearchOptions.DefaultDictionaryPath);
    });

    private static PeopleIndex Build(params Article[] articles) => PeopleIndexBuilder.Build(articles, Knowledge.Value);

    private static Article German(string id, string body) => PeopleFixtures.FromRaw(id, "date 2025-04\n\n" + body, Language.German);

    private static Article English(string id, string body) => PeopleFixtures.FromRaw(id, "date 2025-04\n\n" + body, Language.English);

    [Fact]
    public void MiddleInitialsAndGenerationSuffixesStayInOneName()
    {
        var index = Build(English("gala", """
            Actor Michael J. Fox opened the gala on Saturday. University president Wayne A. I. Frederick spoke next, and Robert Downey Jr. presented the award.

            Downey thanked the organisers. A tribute to Martin Luther King Jr. closed the evening.
            """));

        Assert.Equal("Actor", index.Find("Michael J Fox")!.MainRole?.Text);
        Assert.Equal("Wayne A I Frederick", index.Find("Frederick")!.Name);
        var downey = index.Find("Robert Downey")!;
        Assert.Contains("Robert Downey Jr.", downey.Aliases);
        Assert.Equal(2, downey.Mentions);
        var king = index.Find("Martin Luther King")!;
        Assert.Empty(king.Roles);
        Assert.DoesNotContain(index.People, p => p.Name.EndsWith("Jr", StringComparison.Ordinal) || p.Surname == "Jr");
    }

    [Fact]
    public void ASurnameCutToItsInitialMakesAPersonButAnInitialBeforeANewSentenceDoesNot()
    {
        var index = Build(German("prozess", """
            Der Angeklagte Emanuel S. schwieg am ersten Prozesstag. Die Zeugin Petra K., eine Nachbarin, sagte aus. Am Ende sprach Emanuel S. doch. Gemeint war Block C. Die Polizei kam spät.
            """));

        var emanuel = index.Find("Emanuel S.")!;
        Assert.Equal(2, emanuel.Mentions);
        Assert.Equal("Zeugin", index.Find("Petra K.")!.MainRole?.Text);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void APlaceWordAfterAGivenNameIsASurnameButNotAlone()
    {
        var index = Build(
            English("film", "Denzel Washington flew to Washington for the premiere. The film opens in May."),
            German("bank", "Der frühere Bankchef Tilo Berlin sagte am Montag in Berlin aus. Berlin wies alle Vorwürfe zurück."));

        Assert.Equal(["film"], index.Find("Denzel Washington")!.ArticleIds);
        Assert.Equal("Bankchef", index.Find("Tilo Berlin")!.MainRole?.Text);
        Assert.DoesNotContain(index.People, p => p.Name is "Washington" or "Berlin");
    }

    [Fact]
    public void ACapitalisedParticleAtASentenceStartIsTheSurnamesNotAGivenName()
    {
        var index = Build(
            German("praesident", "Bundespräsident Alexander Van der Bellen empfing die Delegation. Van der Bellen sagte, das Treffen sei gut gewesen."),
            German("physik", "Die Physikerin Anna-Lena de Vries hat einen Preis erhalten. De Vries forscht in Delft."));

        Assert.Equal(2, index.Find("Alexander Van der Bellen")!.Mentions);
        Assert.Equal(2, index.Find("Anna-Lena de Vries")!.Mentions);
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void AThingNamedAfterAPersonIsNoPerson()
    {
        var index = Build(English("prize", """
            The Nobel Prize in physics went to researcher Karin Lindqvist on Tuesday. She said she had watched a Walt Disney film to celebrate.
            """));

        Assert.Equal(["Karin Lindqvist"], index.People.Select(p => p.Name));
    }

    [Fact]
    public void APluralRoleCoversAListWithBracketedAdditions()
    {
        var index = Build(German("regierung", """
            Das Treffen sei bei den Ministerinnen Helga Brandauer (Soziales) und Ines Kogelnig (Umwelt) gut angekommen, hieß es.
            """));

        Assert.Equal("Ministerin", index.Find("Helga Brandauer")!.MainRole?.Text);
        Assert.Equal("Ministerin", index.Find("Ines Kogelnig")!.MainRole?.Text);
    }

    [Fact]
    public void AnEnglishRoleBeforeACommaNamesThePersonOnlyWhenTheNameIsSetOff()
    {
        var index = Build(English("campus", """
            "We will rebuild the library," said the university's chancellor, Nadia Okonkwo. After meeting the mayor, Peter Lindholm left for the airport.
            """));

        Assert.Equal("chancellor", index.Find("Nadia Okonkwo")!.MainRole?.Text.Split(' ')[^1]);
        Assert.Empty(index.Find("Peter Lindholm")!.Roles);
    }

    [Fact]
    public void ANameInTheGenitiveMayFollowAPrepositionButAThingNamedAfterAGivenNameMayNot()
    {
        var index = Build(German("festival", """
            Das Festival zeigt am Abend in Joanna Hoggs Film Exhibition, wie London wohnt. Die Costa Concordia liegt längst im Hafen.
            """));

        Assert.StartsWith("Joanna Hogg", Assert.Single(index.People).Name, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownWordThatLeadsSeveralNamesIsAFirmNotAGivenName()
    {
        var index = Build(English("retail", """
            Vendrix sold its Polish stores on Monday. Vendrix Polska will close 40 shops, Kurier Wolski reported, and Kurier Mazowiecki said the sale had been expected.

            Runner Ababel Yeshaneh won the city race. Yeshaneh said she was tired.
            """));

        Assert.Equal(["Ababel Yeshaneh"], index.People.Select(p => p.Name));
    }

    [Fact]
    public void AGivenNameInsideATitleThatTheOpensIsNoPerson()
    {
        var index = Build(
            German("kino", "Bei der Premiere von The Quiet Martin Returns sprach die Regisseurin Ilka Sommerfeld über den Dreh."),
            English("music", "The band played songs from The Lonely Clara Sessions, said manager Tom Brewster. The Martin family came too."));

        Assert.Equal(["Ilka Sommerfeld", "Tom Brewster"], index.People.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AGermanPossessiveIsFollowedByANounNotAGivenName()
    {
        var index = Build(German("oper", """
            Die Sopranistin Anna Berger singt die Leonore, ihren Mann Florestan gibt Markus Hofer. »Florestan gibt nie auf«, sagte Regisseurin Clara Winter.
            """));

        Assert.DoesNotContain(index.People, p => p.Name.StartsWith("Mann", StringComparison.Ordinal));
        Assert.Equal("Regisseurin", index.Find("Clara Winter")!.MainRole?.Text);
    }

    [Fact]
    public void AGivenNameTheDictionaryTranslatesAsANameIsNoOrdinaryWord()
    {
        // "Lena" is in the dictionary as a river ("Lena (river)"), "Meier" as a plant genus: neither makes the pair ordinary words.
        var index = Build(German("grab", "Die Archäologin Lena Meier sagte, die Kammern seien größer als gedacht."));

        Assert.Equal("Archäologin", index.Find("Lena Meier")!.MainRole?.Text);
    }

    [Fact]
    public void AOneWordNameInAPositionOnlyAPersonTakesIsAPerson()
    {
        var index = Build(
            German("grab", """
                Das Grab des Pharaos Amenemope war lange verschollen. Nun haben Archäologen in Theben neue Funde gemacht.

                Amenemopes Mumie liegt heute in Kairo. Die Forscher vermuten, dass Amenemope jung starb.

                Auch eine Büste von Meritaton, der Tochter des Königs, wurde untersucht. Meritaton lebte am Hof.
                """),
            English("tomb", """
                Archaeologists said on Monday they had found the tomb of Hatnofer near Luxor. Hatnofer was buried with jewellery and linen.
                """));

        Assert.True(index.Find("Amenemope")!.Mentions >= 2);
        Assert.NotNull(index.Find("Meritaton"));
        Assert.Equal(["tomb"], index.Find("Hatnofer")!.ArticleIds);
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void AOneWordNameNeedsAPersonOnlyPositionRepetitionAndNoDictionaryEntry()
    {
        var index = Build(
            German("boerse", """
                Zalandos Aktie fiel am Montag deutlich. Zalando verkauft Schuhe und Kleidung im Netz.

                Das Grab von Ptahmose wurde einmal erwähnt. Die Mutter von Kaiser war nicht da, Kaiser kam allein.
                """),
            English("market", """
                Spotify's shares rose on Monday, and Spotify hired staff. The tomb of Sennedjem Khaled was opened; Sennedjem Khaled spoke later.
                """));

        var clauses = Build(
            German("klinik", """
                Die Ärzte gaben das Mittel Quetrolin, das die Patientinnen beruhigen soll. Quetrolin wirkt schnell.

                Im Ort Vrbanja, das kaum 5.000 Einwohner zählt, warten viele. Vrbanja liegt an der Grenze. Die Helfer suchten die
                anderen Vermissten, die Bergführerin fand sie. Der Tod der anderen Vermissten, einer Wanderin, wurde bestätigt.
                """),
            English("software", """
                The end of FreeNix, the Project of the year, came fast; many called it the death of FreeNix. The death of LinOS
                was mourned too, and LinOS fans, the users of the system, moved on.
                """));

        Assert.DoesNotContain(index.People, p => p.Name is "Zalando" or "Spotify" or "Ptahmose" or "Kaiser" or "Sennedjem");
        Assert.DoesNotContain(clauses.People, p => p.Name is "Quetrolin" or "Vrbanja" or "Vermissten" or "FreeNix" or "LinOS");
    }
}
