using NewsBot.Retrieval.People;

namespace NewsBot.Core.Tests.People;

public sealed class PeopleLookupTests
{
    private static readonly PeopleIndex Seed = PeopleIndexBuilder.Build([PeopleFixtures.Seed]);
    private static readonly PeopleIndex English = PeopleIndexBuilder.Build([PeopleFixtures.English]);

    [Fact]
    public void InArticleListsAnArticlesPeopleMostMentionedFirstInAnyCaseOfItsId()
    {
        var index = PeopleIndexBuilder.Build([PeopleFixtures.Seed, PeopleFixtures.English]);
        foreach (var id in new[] { PeopleFixtures.Seed.Id, PeopleFixtures.English.Id })
        {
            var expected = index.People.Where(p => p.ArticleIds.Contains(id, StringComparer.OrdinalIgnoreCase)).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, index.InArticle(id));
            Assert.Equal(expected, index.InArticle(id.ToUpperInvariant()));
        }

        Assert.Empty(index.InArticle("no-such-article"));
        Assert.Empty(PeopleIndex.Empty.InArticle(PeopleFixtures.Seed.Id));
    }

    [Theory]
    [InlineData("Lavrov", "Sergej Lawrow")]
    [InlineData("lawrow", "Sergej Lawrow")]
    [InlineData("LAWROW", "Sergej Lawrow")]
    [InlineData("Sergei Lavrov", "Sergej Lawrow")]
    [InlineData("Sergey Lavrov", "Sergej Lawrow")]
    [InlineData("Zelensky", "Wolodymyr Selenskyj")]
    [InlineData("Zelenskyy", "Wolodymyr Selenskyj")]
    [InlineData("Volodymyr Zelensky", "Wolodymyr Selenskyj")]
    [InlineData("selenskyj", "Wolodymyr Selenskyj")]
    [InlineData("Selenskyjs", "Wolodymyr Selenskyj")]
    [InlineData("Peskov", "Dmitri Peskow")]
    [InlineData("Dmitry Peskov", "Dmitri Peskow")]
    [InlineData("Vladimir Putin", "Wladimir Putin")]
    [InlineData("Putin", "Wladimir Putin")]
    [InlineData("Putins", "Wladimir Putin")]
    [InlineData("Putin's", "Wladimir Putin")]
    [InlineData("Präsident Macron", "Emmanuel Macron")]
    [InlineData("  trump ", "Donald Trump")]
    public void GermanNamesAreFoundInAnySpelling(string query, string expected)
    {
        Assert.Equal(expected, Seed.Find(query)?.Name);
    }

    [Theory]
    [InlineData("Peskow", "Dmitry Peskov")]
    [InlineData("Dmitri Peskow", "Dmitry Peskov")]
    [InlineData("Wladimir Putin", "Vladimir Putin")]
    [InlineData("Wladimir", "Vladimir Putin")]
    public void EnglishNamesAreFoundFromGermanSpellings(string query, string expected)
    {
        Assert.Equal(expected, English.Find(query)?.Name);
    }

    [Fact]
    public void AliasesListKnownTransliterations()
    {
        var lawrow = Seed.Find("Lawrow")!;
        Assert.Contains("Lavrov", lawrow.Aliases);
        Assert.Contains("Sergei Lavrov", lawrow.Aliases);
        var selenskyj = Seed.Find("Selenskyj")!;
        Assert.Contains("Zelensky", selenskyj.Aliases);
        Assert.Contains("Volodymyr Zelensky", selenskyj.Aliases);
        Assert.Contains("Vladimir Putin", Seed.Find("Putin")!.Aliases);
    }

    [Fact]
    public void UnknownNameIsNullAndSuggestsTheClosestNames()
    {
        Assert.Null(Seed.Find("Merkel"));
        Assert.Null(Seed.Find("Pesko"));
        Assert.Null(Seed.Find(""));

        Assert.Equal("Dmitri Peskow", Seed.Suggest("Pesko", 3)[0]);
        Assert.Equal("Antony Blinken", Seed.Suggest("Blinkn", 3)[0]);
        Assert.Equal("Sergej Lawrow", Seed.Suggest("Lavrof", 3)[0]);
        Assert.Equal("Wolodymyr Selenskyj", Seed.Suggest("Zelenski Wolodimir", 3)[0]);
    }

    [Fact]
    public void SuggestionsStayCloseAndRespectTheLimit()
    {
        Assert.Empty(Seed.Suggest("Xyzzyqwerty", 5));
        Assert.Empty(Seed.Suggest("Rubi", 0));
        Assert.True(Seed.Suggest("Bide", 1).Count <= 1);
        Assert.Equal("Joe Biden", Seed.Suggest("Bide", 1)[0]);
    }

    [Fact]
    public void EmptyIndexFindsNothing()
    {
        Assert.Null(PeopleIndex.Empty.Find("Putin"));
        Assert.Empty(PeopleIndex.Empty.Suggest("Putin", 5));
        Assert.Empty(PeopleIndex.Empty.People);
    }
}
