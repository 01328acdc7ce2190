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
        Articles = NewestFirst(articles);
        _byId = Articles.ToDictionary(a => a.Id, StringComparer.OrdinalIgnoreCase);
        Index = index;
        _people = people;
        Version = version;
        Languages = LanguagesOf(Articles);
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

    /// <summary>The languages the articles are in, in order of first appearance (a loop: two values, no set to compile).</summary>
    private static List<Language> LanguagesOf(IReadOnlyList<Article> articles)
    {
        var languages = new List<Language>(2);
        foreach (var article in articles)
        {
            if (!languages.Contains(article.Language))
            {
                languages.Add(article.Language);
            }
        }

        return languages;
    }

    /// <summary>
    /// By date, then time added, newest first, then by id: each article's date parsed once and the order sorted as positions,
    /// which a start compiles far less code for than a three-key LINQ ordering over value-type keys (same order: ties fall to
    /// the id, then to the position, as OrderBy's stable sort did).
    /// </summary>
    private static List<Article> NewestFirst(IReadOnlyList<Article> articles)
    {
        var days = new int[articles.Count];
        var added = new long[articles.Count];
        var order = new int[articles.Count];
        for (var i = 0; i < order.Length; i++)
        {
            days[i] = articles[i].SortDate.DayNumber;
            added[i] = articles[i].AddedAt.UtcTicks;
            order[i] = i;
        }

        Array.Sort(order, (x, y) =>
        {
            var c = days[y].CompareTo(days[x]);
            c = c != 0 ? c : added[y].CompareTo(added[x]);
            c = c != 0 ? c : string.CompareOrdinal(articles[x].Id, articles[y].Id);
            return c != 0 ? c : x.CompareTo(y);
        });
        var sorted = new List<Article>(order.Length);
        foreach (var i in order)
        {
            sorted.Add(articles[i]);
        }

        return sorted;
    }
}

/// <summary>Holds the current corpus snapshot and says when it changes.</summary>
public interface ICorpusProvider
{
    CorpusSnapshot Current { get; }

    event EventHandler<CorpusSnapshot>? Changed;
}
