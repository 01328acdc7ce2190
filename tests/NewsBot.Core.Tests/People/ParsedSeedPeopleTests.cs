using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.People;
using NewsBot.Tests.Shared;

namespace NewsBot.Core.Tests.People;

/// <summary>The same seed expectations through the real article parser, as the running bot sees the corpus.</summary>
public sealed class ParsedSeedPeopleTests
{
    [Fact]
    public void ParsedSeedArticleGivesTheTenPeopleWithTheirRoles()
    {
        var path = TestPaths.SeedFile;
        var article = ArticleParser.Parse(Path.GetFileNameWithoutExtension(path), Path.GetFileName(path), File.ReadAllText(path));
        var index = PeopleIndexBuilder.Build([article]);

        var expected = PeopleIndexBuilder.Build([PeopleFixtures.Seed]).People
            .Select(p => (p.Name, p.MainRole?.Text, p.Mentions))
            .Order()
            .ToList();
        Assert.Equal(10, expected.Count);
        Assert.Equal(expected, index.People.Select(p => (p.Name, p.MainRole?.Text, p.Mentions)).Order().ToList());
        Assert.Equal(2, index.People.Sum(p => p.Quotes.Count));
        foreach (var quote in index.People.SelectMany(p => p.Quotes))
        {
            Assert.Contains(quote.Text, article.Paragraphs.ElementAt(quote.Ordinal), StringComparison.Ordinal);
        }
    }
}
