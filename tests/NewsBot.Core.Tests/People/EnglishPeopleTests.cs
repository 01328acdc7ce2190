using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;

namespace NewsBot.Core.Tests.People;

public sealed class EnglishPeopleTests
{
    private static readonly PeopleIndex Index = PeopleIndexBuilder.Build([PeopleFixtures.English]);

    [Fact]
    public void EnglishArticleListsItsPeople()
    {
        Assert.Equal(
            new[] { "Dmitry Peskov", "Donald Trump", "Emmanuel Macron", "Marco Rubio", "Vladimir Putin" },
            Index.People.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Marco Rubio", "Secretary of State")]
    [InlineData("Dmitry Peskov", "Kremlin spokesman")]
    [InlineData("Donald Trump", "President")]
    [InlineData("Emmanuel Macron", "French President")]
    public void EnglishRolesAreTakenAsWritten(string name, string role)
    {
        var main = Index.Find(name)!.MainRole!;
        Assert.Equal(role, main.Text);
        Assert.Equal(Language.English, main.Language);
    }

    [Fact]
    public void VladimirPutinHasNoRoleInThisArticle()
    {
        Assert.Null(Index.Find("Putin")!.MainRole);
    }

    [Theory]
    [InlineData("Riyadh")]
    [InlineData("NATO")]
    [InlineData("Moscow")]
    [InlineData("Kremlin")]
    [InlineData("Washington")]
    [InlineData("Europe")]
    [InlineData("Ukraine")]
    [InlineData("Talks")]
    public void PlacesAndOrganisationsAreNotPeople(string word)
    {
        Assert.Null(Index.Find(word));
    }

    [Fact]
    public void PossessivesFoldIntoThePerson()
    {
        var peskov = Index.Find("Peskov")!;
        Assert.Equal(3, peskov.Mentions); // "Dmitry Peskov", "said Peskov", "Peskov's office"
        Assert.Equal(2, Index.Find("Rubio")!.Mentions);
        Assert.DoesNotContain(Index.People, p => p.Name.Contains('\'', StringComparison.Ordinal));
    }

    [Fact]
    public void QuoteWithSaidIsAttributed()
    {
        var quote = Assert.Single(Index.Find("Dmitry Peskov")!.Quotes);
        Assert.Equal("We are ready to listen to any serious proposal from Washington", quote.Text);
        Assert.Contains(quote.Text, PeopleFixtures.English.Paragraphs.ElementAt(quote.Ordinal), StringComparison.Ordinal);
        Assert.Equal(1, Index.People.Sum(p => p.Quotes.Count));
    }

    [Fact]
    public void A_name_in_quotation_marks_is_no_statement()
    {
        var article = PeopleFixtures.FromRaw("en_award", """
            Time names activist

            On Wednesday, Time magazine announced its selection of climate change activist Greta Thunberg as their "Person of the Year". Thunberg said, "We will not let you get away with this."
            """, Language.English);
        var quotes = PeopleIndexBuilder.Build([article]).Find("Greta Thunberg")!.Quotes.Select(q => q.Text);
        Assert.Equal(["We will not let you get away with this."], quotes);
    }

    [Fact]
    public void GermanAndEnglishArticlesMergeIntoOnePersonEach()
    {
        var index = PeopleIndexBuilder.Build([PeopleFixtures.Seed, PeopleFixtures.English]);
        Assert.Equal(10, index.Count);
        var peskov = index.Find("Peskow")!;
        Assert.Same(peskov, index.Find("Dmitry Peskov"));
        Assert.Equal([PeopleFixtures.SeedId, "en_talks"], peskov.ArticleIds);
        Assert.Contains(peskov.Roles, r => r is { Text: "Kremlsprecher", Language: Language.German });
        Assert.Contains(peskov.Roles, r => r is { Text: "Kremlin spokesman", Language: Language.English });
        Assert.Equal("Kremlin spokesman", peskov.RoleIn(Language.English)!.Text);
        Assert.Equal("Kremlsprecher", peskov.RoleIn(Language.German)!.Text);
        Assert.Same(index.Find("Vladimir Putin"), index.Find("Wladimir Putin"));
    }
}
