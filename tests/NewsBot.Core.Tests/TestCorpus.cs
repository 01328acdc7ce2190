using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;
using NewsBot.Tests.Shared;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Tests;

/// <summary>Builds corpus snapshots from the seed article, the samples, or articles written in a test.</summary>
internal sealed class TestCorpus(CorpusSnapshot snapshot) : ICorpusProvider
{
    public CorpusSnapshot Current { get; } = snapshot;

    public event EventHandler<CorpusSnapshot>? Changed
    {
        add { }
        remove { }
    }

    public static Article Seed() => new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(TestPaths.SeedCorpus).Single();

    public static TestCorpus From(params Article[] articles) =>
        new(new CorpusSnapshot(articles, CorpusIndex.Build(articles), PeopleIndexBuilder.Build(articles), 1));

    /// <summary>The system's German–English dictionary (CI installs Debian's trans-de-en); missing, these tests fail loudly.</summary>
    public static QueryTranslator Dictionary { get; } = QueryTranslator.From(BilingualDictionary.Load("/usr/share/trans/de-en"));

    public static TestCorpus WithDictionary(params Article[] articles) =>
        new(new CorpusSnapshot(articles, CorpusIndex.Build(articles, Dictionary), PeopleIndexBuilder.Build(articles), 1));

    public static TestCorpus FromFolder(string folder) =>
        From([.. new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(folder)]);

    public static Article Parse(string id, string fileName, string content) => ArticleParser.Parse(id, fileName, content);
}
