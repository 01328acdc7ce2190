using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;

namespace NewsBot.Core.Tests.People;

/// <summary>The seed article (German, Riad talks) is the main fixture: ten people, their roles, their quotes.</summary>
public sealed class SeedPeopleTests
{
    private static readonly PeopleIndex Index = PeopleIndexBuilder.Build([PeopleFixtures.Seed]);

    [Fact]
    public void SeedListsExactlyTheTenPeople()
    {
        string[] expected =
        [
            "Donald Trump", "Wladimir Putin", "Marco Rubio", "Sergej Lawrow", "Wolodymyr Selenskyj",
            "Emmanuel Macron", "Pete Hegseth", "Dmitri Peskow", "Joe Biden", "Antony Blinken",
        ];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Index.People.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SeedListsTheMostMentionedFirst()
    {
        Assert.Equal("Donald Trump", Index.People[0].Name);
        Assert.Equal("Wladimir Putin", Index.People[1].Name);
        Assert.True(Index.People.Zip(Index.People.Skip(1)).All(pair => pair.First.Mentions >= pair.Second.Mentions));
    }

    [Theory]
    [InlineData("Donald Trump", "US-Präsident")]
    [InlineData("Wladimir Putin", "Russlands Präsident")]
    [InlineData("Marco Rubio", "Außenminister")]
    [InlineData("Sergej Lawrow", "Außenminister")]
    [InlineData("Wolodymyr Selenskyj", "ukrainischer Präsident")]
    [InlineData("Emmanuel Macron", "Frankreichs Präsident")]
    [InlineData("Pete Hegseth", "US-Verteidigungsminister")]
    [InlineData("Dmitri Peskow", "Kremlsprecher")]
    [InlineData("Joe Biden", "Amtsvorgänger")]
    [InlineData("Antony Blinken", "damaliger US-Außenminister")]
    public void EachPersonHasTheRoleTheArticleGives(string name, string role)
    {
        var person = Assert.Single(Index.People, p => p.Name == name);
        var main = Assert.IsType<PersonRole>(person.MainRole);
        Assert.Equal(role, main.Text);
        Assert.Equal(Language.German, main.Language);
        Assert.Equal(PeopleFixtures.SeedId, main.ArticleId);
        Assert.Single(person.Roles);
    }

    [Theory]
    [InlineData("Riad")]
    [InlineData("Kreml")]
    [InlineData("Nato")]
    [InlineData("Washington")]
    [InlineData("Moskau")]
    [InlineData("Europa")]
    [InlineData("Saudi-Arabien")]
    [InlineData("Javascript")]
    [InlineData("Ukraine")]
    [InlineData("Kiew")]
    [InlineData("Brüssel")]
    [InlineData("Paris")]
    [InlineData("Nachfragen")] // "wich der US-Präsident Nachfragen aus": a role noun before an ordinary noun
    [InlineData("Ukrainer")]
    [InlineData("Republikaner")]
    public void PlacesOrganisationsAndNounsAreNotPeople(string word)
    {
        Assert.Null(Index.Find(word));
        Assert.DoesNotContain(Index.People, p => p.Aliases.Contains(word, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void BareAndGenitiveSurnamesFoldIntoTheFullName()
    {
        var paragraphs = PeopleFixtures.Seed.Paragraphs.ToList();
        var selenskyj = Index.Find("Wolodymyr Selenskyj")!;

        // Full name, "mahnte Selenskyj", "mit Selenskyj" and twice the genitive "Selenskyjs".
        Assert.Equal(5, selenskyj.Mentions);
        var genitiveOnly = paragraphs.FindIndex(p => p.Contains("Legitimität Selenskyjs", StringComparison.Ordinal));
        Assert.Contains((PeopleFixtures.SeedId, genitiveOnly), selenskyj.Places);

        var trump = Index.Find("Trump")!;
        var trumpsOnly = paragraphs.FindIndex(p => p.Contains("Trumps veränderten Kurs", StringComparison.Ordinal));
        Assert.Contains((PeopleFixtures.SeedId, trumpsOnly), trump.Places);

        var lawrow = Index.Find("Sergej Lawrow")!;
        var bareLawrow = paragraphs.FindIndex(p => p.StartsWith("Rubio und Lawrow", StringComparison.Ordinal));
        Assert.Contains((PeopleFixtures.SeedId, bareLawrow), lawrow.Places);
        Assert.Contains("Lawrow", lawrow.Aliases);

        // Inflected forms are mentions of the person, never people of their own.
        Assert.DoesNotContain(Index.People, p => p.Name.EndsWith('s'));
    }

    [Fact]
    public void MentionsCountEveryFormAndPlacesPointAtParagraphsNamingThePerson()
    {
        var paragraphs = PeopleFixtures.Seed.Paragraphs.ToList();
        foreach (var person in Index.People)
        {
            Assert.Equal(person.Places.Count, person.Places.Distinct().Count());
            Assert.True(person.Mentions >= person.Places.Count);
            foreach (var (articleId, ordinal) in person.Places)
            {
                Assert.Equal(PeopleFixtures.SeedId, articleId);
                Assert.Contains(person.Surname, paragraphs[ordinal], StringComparison.Ordinal);
            }
        }

        Assert.Equal([PeopleFixtures.SeedId], Index.Find("Putin")!.ArticleIds);
    }

    [Fact]
    public void SelenskyjQuoteIsAttributedWithItsParagraph()
    {
        var quote = Assert.Single(Index.Find("Selenskyj")!.Quotes);
        Assert.StartsWith("Sie können besprechen", quote.Text, StringComparison.Ordinal);
        Assert.EndsWith("zu beenden ist", quote.Text, StringComparison.Ordinal);
        Assert.Equal(PeopleFixtures.SeedId, quote.ArticleId);
        Assert.Contains(quote.Text, PeopleFixtures.Seed.Paragraphs.ElementAt(quote.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void LawrowQuoteIsAttributedWithItsParagraph()
    {
        var quote = Assert.Single(Index.Find("Lawrow")!.Quotes);
        Assert.Equal("Das Gespräch war, so denke ich, sehr nützlich", quote.Text);
        Assert.Contains(quote.Text, PeopleFixtures.Seed.Paragraphs.ElementAt(quote.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void SingleWordsInQuotationMarksAreNotQuotes()
    {
        // »Fehler« and »Deal« are Trump's words in the article's framing, not statements.
        Assert.Empty(Index.Find("Trump")!.Quotes);
        Assert.Equal(2, Index.People.Sum(p => p.Quotes.Count));
    }
}
