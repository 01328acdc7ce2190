using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;

namespace NewsBot.Benchmarks.Retrieval;

/// <summary>The bot's own index, with or without the dictionary translator.</summary>
internal sealed class NewsBotRetriever(string name, QueryTranslator translator) : IRetriever
{
    private CorpusIndex _index = CorpusIndex.Empty;

    public string Name { get; } = name;

    public void Index(IReadOnlyList<Article> articles, Language language) => _index = CorpusIndex.Build(articles, translator);

    public IReadOnlyList<string> Search(string question, int k) =>
        [.. _index.Search(new SearchQuery(question), k).Select(h => $"{h.Passage.Article.Id}#{h.Passage.Ordinal}")];

    public void Dispose()
    {
    }
}
