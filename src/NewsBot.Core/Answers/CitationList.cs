using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;

namespace NewsBot.Core.Answers;

/// <summary>Numbers cited articles in order of first use, so "[1]" always means the first source listed.</summary>
public sealed class CitationList
{
    private readonly List<Citation> _citations = [];

    public IReadOnlyList<Citation> Citations => _citations;

    public int NumberOf(Article article)
    {
        var existing = _citations.FindIndex(c => c.ArticleId == article.Id);
        if (existing >= 0)
        {
            return existing + 1;
        }

        _citations.Add(For(article, _citations.Count + 1));
        return _citations.Count;
    }

    public string Marker(Article article) => $"[{NumberOf(article)}]";

    public static Citation For(Article article, int number) =>
        new(number, article.Id, article.Title, article.Date, article.Source, article.Url);
}
