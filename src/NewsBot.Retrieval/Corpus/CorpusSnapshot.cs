using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Retrieval.Corpus;

/// <summary>An immutable view of the corpus: its articles, search index and people. Swapped whole when files change.</summary>
public sealed class CorpusSnapshot
{
    private readonly Dictionary<string, Article> _byId;
    private readonly Task<PeopleIndex> _people;

    public CorpusSnapshot(IReadOnlyList<Article> articles, ISearchIndex index, PeopleIndex people, long version)
        : this(articles, index, Task.FromResult(people), version)
    {
    }

    /// <summary>A snapshot whose people index is still being built: <see cref="People"/> waits for it on first use.</summary>
    public CorpusSnapshot(IReadOnlyList<Article> articles, ISearchIndex index, Task<PeopleIndex> people, long version)
    {
        Articles = articles.OrderByDescending(a => a.SortDate).ThenByDescending(a => a.AddedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        _byId = Articles.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        Index = index;
        _people = people;
        Version = version;
        Languages = Articles.Select(a => a.Language).Distinct().ToList();
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Article> Articles { get; }

    public ISearchIndex Index { get; }

    /// <summary>The people in the news; blocks until a background build (see the Task constructor) has finished.</summary>
    public PeopleIndex People => _people.IsCompletedSuccessfully ? _people.Result : _people.GetAwaiter().GetResult();

    /// <summary>True once <see cref="People"/> answers without waiting.</summary>
    public bool PeopleReady => _people.IsCompleted;

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
