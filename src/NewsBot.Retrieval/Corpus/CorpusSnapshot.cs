using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Retrieval.Corpus;

/// <summary>An immutable view of the corpus: its articles, search index and people. Swapped whole when files change.</summary>
public sealed class CorpusSnapshot
{
    private readonly Dictionary<string, Article> _byId;
    private readonly Lazy<Task<PeopleIndex>> _people;

    public CorpusSnapshot(IReadOnlyList<Article> articles, ISearchIndex index, PeopleIndex people, long version)
        : this(articles, index, Task.FromResult(people), version)
    {
    }

    /// <summary>A snapshot whose people index is still being built: <see cref="People"/> waits for it on first use.</summary>
    public CorpusSnapshot(IReadOnlyList<Article> articles, ISearchIndex index, Task<PeopleIndex> people, long version)
        : this(articles, index, new Lazy<Task<PeopleIndex>>(people), version)
    {
    }

    /// <summary>A snapshot whose people index is built when first asked for (<see cref="People"/>) and not before.</summary>
    public CorpusSnapshot(IReadOnlyList<Article> articles, ISearchIndex index, Lazy<Task<PeopleIndex>> people, long version)
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

    /// <summary>The people in the news; starts a deferred build, and blocks until the build has finished.</summary>
    public PeopleIndex People => _people.Value is { IsCompletedSuccessfully: true } done ? done.Result : _people.Value.GetAwaiter().GetResult();

    /// <summary>True once <see cref="People"/> answers without waiting (never for a deferred build nobody asked for).</summary>
    public bool PeopleReady => _people.IsValueCreated && _people.Value.IsCompleted;

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
