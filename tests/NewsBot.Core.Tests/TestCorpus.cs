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

    /// <summary>
    /// Articles of other news that share nothing with a test's question: enough passages (60 make a corpus in which one
    /// passage is few) for a word the test's article uses once to be rare.
    /// </summary>
    public static IEnumerable<Article> CouncilMeetings(int count) => Enumerable.Range(1, count).Select(i => Parse($"rat{i}", $"rat{i}.md",
        $"---\ntitle: Council meeting {i}\ndate: 2024-03\n---\n\nThe town council of district {i} approved a new budget for roads and schools on Tuesday.\n"));
}
