using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Benchmarks.Retrieval;

/// <summary>A retrieval system under test: index articles of one language, then return the keys ("articleId#ordinal") of the top passages.</summary>
internal interface IRetriever : IDisposable
{
    string Name { get; }

    void Index(IReadOnlyList<Article> articles, Language language);

    IReadOnlyList<string> Search(string question, int k);
}
