using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;

namespace NewsBot.Core.Tests.People;

public sealed class PersonExtractorTests
{
    private static readonly PersonExtractor Extractor = new();

    private static Article Make(Language language, params string[] paragraphs) => new()
    {
        Id = "t",
        Title = "",
        Date = "",
        Language = language,
        Blocks = paragraphs.Select(p => new ArticleBlock(BlockKind.Paragraph, p)).ToList(),
    };

    private static IReadOnlyList<ArticlePerson> German(params string[] paragraphs) => Extractor.Extract(Make(Language.German, paragraphs)).People;

    private static IReadOnlyList<ArticlePerson> English(params string[] paragraphs) => Extractor.Extract(Make(Language.English, paragraphs)).People;

    [Fact]
    public void RoleBeforeAnUncoordinatedPairIsNotShared()
    {
        var people = German("Ein Telefonat von US-Präsident Donald Trump und Wladimir Putin fand statt.");
        Assert.Equal(["US-Präsident"], people.Single(p => p.Surname == "Trump").Roles);
        Assert.Empty(people.Single(p => p.Surname == "Putin").Roles);
    }

    [Fact]
    public void PluralRoleIsSharedByACoordinatedPair()
    {
        var people = German("Ein Treffen der Außenminister Marco Rubio und Sergej Lawrow begann.");
        Assert.All(people, p => Assert.Equal(["Außenminister"], p.Roles));
        Assert.Equal(2, people.Count);
    }

    [Fact]
    public void RoleCueIntroducesNamesWithoutAKnownGivenName()
    {
        var people = German("Regierungschef Kyriakos Mitsotakis kam nach Berlin. Dort sprach Mitsotakis lange.");
        var person = Assert.Single(people);
        Assert.Equal("Kyriakos Mitsotakis", person.Name);
        Assert.Equal(2, person.Mentions);
    }

    [Fact]
    public void RoleCueWithASingleRepeatedNameIntroducesASurname()
    {
        var people = German("Präsident Selenskyj reiste nach Kiew. Selenskyj sagte, die Lage sei ernst.");
        var person = Assert.Single(people);
        Assert.Equal("Selenskyj", person.Name);
        Assert.Null(person.GivenName);
        Assert.Equal(["Präsident"], person.Roles);
        Assert.Equal(2, person.Mentions);
    }

    [Fact]
    public void RoleCueBeforeAnOrdinaryNounIntroducesNobody()
    {
        Assert.Empty(German("Bislang wich der US-Präsident Nachfragen aus.", "Der Kanzler Gesprächsbereitschaft signalisierte."));
    }

    [Fact]
    public void CapitalisedNounsWithoutEvidenceAreNotPeople()
    {
        Assert.Empty(German("Die Regierung in Berlin und der Kreml in Moskau streiten über Gas. Europa schaut zu, Washington schweigt."));
    }

    [Fact]
    public void NameParticlesAndFeminineRolesAreKept()
    {
        var person = Assert.Single(German("Die deutsche EU-Kommissionspräsidentin Ursula von der Leyen reiste nach Kiew. Von der Leyen sprach dort."));
        Assert.Equal("Ursula von der Leyen", person.Name);
        Assert.Equal("von der Leyen", person.Surname);
        Assert.Equal(["deutsche EU-Kommissionspräsidentin"], person.Roles);
    }

    [Fact]
    public void InflectedRoleNounIsNormalised()
    {
        var person = Assert.Single(German("Er traf sich mit dem russischen Präsidenten Wladimir Putin in Moskau."));
        Assert.Equal(["russischer Präsident"], person.Roles);
    }

    [Fact]
    public void HyphenatedCompoundKeepsTheSurname()
    {
        var person = Assert.Single(German("Joe Biden ist abgetreten. Die Biden-Regierung hatte Kiew unterstützt."));
        Assert.Equal("Joe Biden", person.Name);
        Assert.Equal(1, person.Mentions);
    }

    [Fact]
    public void QuoteBeforeASpeakerWithColonIsAttributed()
    {
        var person = Assert.Single(German("Kanzler Olaf Scholz sagte: „Wir stehen fest an der Seite der Ukraine.“"));
        var quote = Assert.Single(person.Quotes);
        Assert.Equal("Wir stehen fest an der Seite der Ukraine.", quote.Text);
        Assert.Equal(0, quote.Ordinal);
    }

    [Fact]
    public void QuoteWithAPronounGoesToThePersonMentionedBefore()
    {
        var person = Assert.Single(German(
            "Kremlsprecher Dmitri Peskow äußerte sich am Abend.",
            "»Russland ist offen für Gespräche«, sagte er in Moskau."));
        var quote = Assert.Single(person.Quotes);
        Assert.Equal(1, quote.Ordinal);
    }

    [Fact]
    public void QuoteWithoutASpeechVerbIsNotAttributed()
    {
        var people = German("Olaf Scholz las das Buch »Der Mann ohne Eigenschaften« im Urlaub.");
        Assert.Empty(Assert.Single(people).Quotes);
    }

    [Fact]
    public void ParagraphOrdinalsSkipHeadings()
    {
        var article = new Article
        {
            Id = "h",
            Title = "",
            Date = "",
            Language = Language.German,
            Blocks =
            [
                new ArticleBlock(BlockKind.Paragraph, "Ein Absatz ohne Namen."),
                new ArticleBlock(BlockKind.Heading, "Merz unter Druck"),
                new ArticleBlock(BlockKind.Paragraph, "CDU-Chef Friedrich Merz sagte: »Wir werden das schaffen, ganz sicher.«"),
            ],
        };

        var person = Assert.Single(Extractor.Extract(article).People);
        Assert.Equal([1], person.Ordinals);
        Assert.Equal(1, Assert.Single(person.Quotes).Ordinal);
        Assert.Equal(2, person.Mentions); // the heading counts as a mention but is not a place
        Assert.Equal(["CDU-Chef"], person.Roles);
    }

    [Fact]
    public void EnglishRolesWithModifiersAndApostrophes()
    {
        var people = English(
            "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Marco Rubio. Lavrov's deputy attended.",
            "The former Prime Minister Boris Johnson said nothing.");
        Assert.Equal(["Russian Foreign Minister"], people.Single(p => p.Surname == "Lavrov").Roles);
        Assert.Equal(2, people.Single(p => p.Surname == "Lavrov").Mentions);
        Assert.Equal(["U.S. Secretary of State"], people.Single(p => p.Surname == "Rubio").Roles);
        Assert.Equal(["former Prime Minister"], people.Single(p => p.Surname == "Johnson").Roles);
    }

    [Fact]
    public void EnglishSpeakerBeforeTheVerbAfterTheQuote()
    {
        var person = Assert.Single(English("Kremlin spokesman Dmitry Peskov spoke to reporters. \"The talks were useful and constructive,\" Peskov said."));
        Assert.Equal("The talks were useful and constructive", Assert.Single(person.Quotes).Text);
    }
}

public sealed class PersonExtractorCorpusTests
{
    private static Article German(string id, params string[] paragraphs) => new()
    {
        Id = id,
        Title = "",
        Date = "",
        Language = Language.German,
        Blocks = paragraphs.Select(p => new ArticleBlock(BlockKind.Paragraph, p)).ToList(),
    };

    [Fact]
    public void SurnameThatReadsAsANounIsNotFoldedAcrossArticles()
    {
        var index = PeopleIndexBuilder.Build(
        [
            German("a", "Vorstand Markus Wahl erklärte das Ergebnis. Wahl sagte, man sei zufrieden."),
            German("b", "Bei der Wahl siegte die Opposition. Nach der Wahl kam der Streit."),
            German("c", "Die Wahl wurde verschoben. Wahl ist wichtig, hieß es zur Wahl."),
        ]);

        var wahl = index.Find("Markus Wahl")!;
        Assert.Equal(["a"], wahl.ArticleIds);
        Assert.Equal(2, wahl.Mentions);
    }

    [Fact]
    public void GenitiveAfterARoleNamesThePossessor()
    {
        var people = new PersonExtractor().Extract(German("g", "Erwin Pröll regiert lange. Die mögliche Nachfolgerin Prölls schweigt.")).People;
        var proell = Assert.Single(people);
        Assert.Empty(proell.Roles);
        Assert.Equal(2, proell.Mentions);
    }

    [Fact]
    public void DoubleSIsNotAGenitive()
    {
        var person = Assert.Single(new PersonExtractor().Extract(German("s", "Kandidatin Irmgard Griss trat an. Griss sagte wenig.")).People);
        Assert.Equal("Irmgard Griss", person.Name);
        Assert.Equal(2, person.Mentions);
    }

    [Fact]
    public void CapitalisedParticlesJoinTheSurname()
    {
        var person = Assert.Single(new PersonExtractor().Extract(German("v", "Der grüne Präsidentschaftskandidat Alexander Van der Bellen gewann.")).People);
        Assert.Equal("Alexander Van der Bellen", person.Name);
        Assert.Equal(["grüner Präsidentschaftskandidat"], person.Roles);
    }

    [Fact]
    public void SentenceStartWordWrittenLowercaseElsewhereIsNoMention()
    {
        var person = Assert.Single(new PersonExtractor().Extract(German("w", "Komponist Kurt Weill lebte in Berlin. Weil er floh, blieb er in New York, weil es sicher war.")).People);
        Assert.Equal(1, person.Mentions);
    }
}

public sealed class AppositionRoleTests
{
    private static IReadOnlyList<ArticlePerson> Extract(Language language, string text) => new PersonExtractor().Extract(new Article
    {
        Id = "ap",
        Title = "",
        Date = "",
        Language = language,
        Blocks = [new ArticleBlock(BlockKind.Paragraph, text)],
    }).People;

    [Fact]
    public void GermanRoleAfterTheName()
    {
        var person = Assert.Single(Extract(Language.German, "Sergej Lawrow, Russlands Außenminister, lobte das Treffen."));
        Assert.Equal(["Russlands Außenminister"], person.Roles);
        person = Assert.Single(Extract(Language.German, "Antony Blinken, der damalige US-Außenminister, reiste ab."));
        Assert.Equal(["damaliger US-Außenminister"], person.Roles);
    }

    [Fact]
    public void EnglishRoleAfterTheName()
    {
        var person = Assert.Single(Extract(Language.English, "Marco Rubio, the US secretary of state, said the talks went well."));
        Assert.Equal(["US secretary of state"], person.Roles);
    }

    [Fact]
    public void RoleBeforeTheNextNameIsNotAnApposition()
    {
        var people = Extract(Language.German, "Es sprachen Donald Trump, Kremlsprecher Dmitri Peskow und andere.");
        Assert.Empty(people.Single(p => p.Surname == "Trump").Roles);
        Assert.Equal(["Kremlsprecher"], people.Single(p => p.Surname == "Peskow").Roles);
    }
}
