using NewsBot.Core.Languages;
using NewsBot.Core.People;
using NewsBot.Core.Search;

namespace NewsBot.Core.Articles;

/// <summary>An immutable view of the corpus: its articles, search index and people. Swapped whole when files change.</summary>
public sealed class CorpusSnapshot
{
    private readonly Dictionary<string, Article> _byId;

    public CorpusSnapshot(IReadOnlyList<Article> articles, ISearchIndex index, PeopleIndex people, long version)
    {
        Articles = articles.OrderByDescending(a => a.SortDate).ThenByDescending(a => a.AddedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        _byId = Articles.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        Index = index;
        People = people;
        Version = version;
        Languages = Articles.Select(a => a.Language).Distinct().ToList();
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Article> Articles { get; }

    public ISearchIndex Index { get; }

    public PeopleIndex People { get; }

    /// <summary>Increases with every reload.</summary>
    public long Version { get; }

    public IReadOnlyCollection<Language> Languages { get; }

    public Article? Find(string id) => _byId.GetValueOrDefault(id);
}

/// <summary>Holds the current corpus snapshot and says when it changes.</summary>
public interface ICorpusProvider
{
    CorpusSnapshot Current { get; }

    event EventHandler<CorpusSnapshot>? Changed;
}
