using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NewsBot.Retrieval.Articles;

namespace NewsBot.Retrieval.People;

/// <summary>
/// Builds a <see cref="PeopleIndex"/> from articles. Either all at once (static <see cref="Build"/>) or live with one
/// builder kept per corpus: <see cref="Rebuild"/> once, then
/// <see cref="Upsert"/> / <see cref="Remove"/> single articles, then <see cref="ToIndex"/>. Each article is extracted
/// once into an <see cref="ArticlePeople"/>; merging those is cheap.
/// </summary>
/// <remarks>
/// <para>An article's result depends on the other articles only through the surnames they introduce: its bare "Putin" is a
/// mention once another article introduced Vladimir Putin. So each article is read alone first, which gives the surnames it
/// introduces and the surname keys its rules looked up; it is read again, against the corpus's surnames among those keys
/// (its own left out), only when there are any; that second reading starts from the first one's checkpoint (its state before
/// it counts bare surnames) when it looked none of those up before then, as most articles (see <see cref="PersonExtractor.Checkpoint"/>).
/// When articles come and go, only an article that looked up a surname that
/// joined or left the corpus is read again: found from the stored lookups, without reading any text. The result is a
/// function of the articles alone, so an updated index is the one a fresh build gives.</para>
/// <para>With <see cref="WordKnowledge"/> (from the dictionary) person detection tells ordinary words from names and knows
/// role nouns in every domain; without it, it falls back on its built-in lists.</para>
/// Not thread-safe: one builder per corpus loader; the indexes it returns are immutable.
/// </remarks>
public sealed class PeopleIndexBuilder(WordKnowledge? knowledge = null)
{
    /// <summary>
    /// Bump whenever extraction or merging changes what the index holds (PersonExtractor, its word lists, <see cref="Merge"/>):
    /// a people index persisted by an older version is then rebuilt instead of trusted (see <see cref="PeopleIndexFile"/>).
    /// 6: a family name after "bin", "ibn" or "ben" is a name though it is also a word ("Hamza bin Laden").
    /// </summary>
    public const int ExtractorVersion = 6;

    private readonly PersonExtractor _extractor = new(knowledge);
    private readonly Dictionary<string, Article> _articles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExtractedArticle> _extracted = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Articles read alone (new or changed) and not yet read against the corpus's surnames.</summary>
    private readonly HashSet<string> _unresolved = new(StringComparer.Ordinal);

    private readonly ConcurrentBag<PersonExtractor.Scratch> _scratches = [];

    /// <summary>For unresolved articles that looked surnames up: where their reading alone stood before it counted bare surnames.</summary>
    private readonly Dictionary<string, PersonExtractor.Checkpoint> _checkpoints = new(StringComparer.Ordinal);

    private HashSet<string> _surnames = new(StringComparer.Ordinal);

    private int _articlesRead;

    /// <summary>What the last <see cref="ToIndex"/> merged, so that the next one builds again only the people that changed.</summary>
    private MergeCache _merge = new();
    private int _articlesResumed;

    /// <summary>How many times this builder has run the extraction on an article (to show that an update reads little).</summary>
    public int ArticlesRead => _articlesRead;

    /// <summary>Of <see cref="ArticlesRead"/>, the readings against other articles' surnames that started from a checkpoint.</summary>
    internal int ArticlesResumed => _articlesResumed;

    /// <summary>
    /// Whether a second reading starts from the first one's checkpoint where it can (the default); off only to show that
    /// the result is the same either way.
    /// </summary>
    internal bool Resume { get; set; } = true;

    /// <summary>Per-article results, by article id (for inspection, caching or an LLM merge); a copy, so read it once, not in a loop.</summary>
    public IReadOnlyDictionary<string, ArticlePeople> Extracted => _extracted.ToDictionary(e => e.Key, e => e.Value.People, StringComparer.Ordinal);

    /// <summary>The index of <paramref name="articles"/>, built from scratch (for one-shot use; keep a builder to update live).</summary>
    public static PeopleIndex Build(IReadOnlyList<Article> articles, WordKnowledge? knowledge = null) => new PeopleIndexBuilder(knowledge).Rebuild(articles);

    /// <summary>Forgets everything, adds <paramref name="articles"/> and returns the index.</summary>
    public PeopleIndex Rebuild(IReadOnlyList<Article> articles)
    {
        _articles.Clear();
        _extracted.Clear();
        _order.Clear();
        _unresolved.Clear();
        _checkpoints.Clear();
        _surnames = new(StringComparer.Ordinal);
        return Update(articles);
    }

    /// <summary>Each article with its result, in corpus order (to seed another builder, see <see cref="Seed"/>).</summary>
    public IEnumerable<(Article Article, ExtractedArticle Extracted)> Results => _order.Select(id => (_articles[id], _extracted[id]));

    /// <summary>The folded surnames that articles introduce, as the last <see cref="ToIndex"/> resolved them (saved with <see cref="Results"/>).</summary>
    public IReadOnlyCollection<string> Surnames => _surnames;

    /// <summary>
    /// Takes per-article results saved earlier (<see cref="Results"/> and <see cref="Surnames"/> after a <see cref="ToIndex"/>):
    /// each pair's article is not extracted again while its content stays the same. Follow with <see cref="Update"/>.
    /// </summary>
    public void Seed(IEnumerable<(Article Article, ExtractedArticle Extracted)> results, IEnumerable<string> surnames)
    {
        _articles.Clear();
        _extracted.Clear();
        _order.Clear();
        _unresolved.Clear();
        _checkpoints.Clear();
        foreach (var (article, extracted) in results)
        {
            if (_articles.TryAdd(article.Id, article))
            {
                _order.Add(article.Id);
                _extracted[article.Id] = extracted;
            }
        }

        _surnames = surnames.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The index of <paramref name="articles"/>, extracting only articles that are new or whose content changed (by
    /// <see cref="Article.ContentHash"/>); the rest keep their results, and cross-article surnames are resolved as in <see cref="ToIndex"/>.
    /// </summary>
    public PeopleIndex Update(IReadOnlyList<Article> articles)
    {
        Refresh(articles);
        return ToIndex();
    }

    /// <summary>
    /// What <see cref="Update"/> does short of the merge: extracts the articles that are new or changed and resolves the
    /// cross-article surnames, so that <see cref="Results"/> and <see cref="Surnames"/> are those of <paramref name="articles"/>.
    /// </summary>
    public void Refresh(IReadOnlyList<Article> articles)
    {
        var previous = _articles.ToDictionary(StringComparer.Ordinal);
        var results = new Dictionary<string, ExtractedArticle>(_extracted, StringComparer.Ordinal);
        var unresolved = _unresolved.ToHashSet(StringComparer.Ordinal);
        _articles.Clear();
        _extracted.Clear();
        _order.Clear();
        _unresolved.Clear();
        var pending = new List<Article>();
        foreach (var article in articles)
        {
            if (_articles.ContainsKey(article.Id))
            {
                continue;
            }

            _articles[article.Id] = article;
            _order.Add(article.Id);
            if (previous.TryGetValue(article.Id, out var before) && before.ContentHash == article.ContentHash && article.ContentHash.Length > 0)
            {
                _extracted[article.Id] = results[article.Id];
                if (unresolved.Contains(article.Id))
                {
                    _unresolved.Add(article.Id);
                }
            }
            else
            {
                pending.Add(article);
            }
        }

        var extracted = InParallel(pending, ReadAlone);
        for (var i = 0; i < pending.Count; i++)
        {
            Keep(pending[i].Id, extracted[i]);
        }

        foreach (var gone in _checkpoints.Keys.Where(id => !_unresolved.Contains(id)).ToList())
        {
            _checkpoints.Remove(gone);
        }

        ResolveSurnames();
    }

    /// <summary>
    /// Runs <paramref name="extract"/> over articles. An extraction reads only its article and the surnames (which do not change
    /// meanwhile), so the articles are shared out over the cores, each worker with its own buffers (handed on from the pass
    /// before; dropped once the surnames are resolved); the results are what one after another would give.
    /// </summary>
    private T[] InParallel<T>(IReadOnlyList<Article> articles, Func<Article, PersonExtractor.Scratch, T> extract)
    {
        var results = new T[articles.Count];
        Parallel.For(
            0,
            articles.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => _scratches.TryTake(out var scratch) ? scratch : new PersonExtractor.Scratch(),
            (i, _, scratch) =>
            {
                results[i] = extract(articles[i], scratch);
                return scratch;
            },
            _scratches.Add);
        return results;
    }

    /// <summary>
    /// The article read alone: its people, the surnames it introduces and the surname keys its rules looked up; and, when it
    /// looked any up, its checkpoint for the reading against the corpus's surnames.
    /// </summary>
    private (ExtractedArticle Extracted, PersonExtractor.Checkpoint? Checkpoint) ReadAlone(Article article, PersonExtractor.Scratch? scratch = null)
    {
        Interlocked.Increment(ref _articlesRead);
        var known = KnownSurnames.Recording(scratch?.Asked);
        var people = _extractor.Extract(article, known, scratch, out var checkpoint);
        var introduces = people.People.Where(p => p.Introduced).Select(p => NameKey.Fold(p.Surname)).Distinct(StringComparer.Ordinal).ToArray();
        var lookups = SurnameLookups.Of(known.Asked);
        return (new ExtractedArticle(people, introduces, lookups), lookups.Keys.Count > 0 ? checkpoint : null);
    }

    /// <summary>Keeps an article's reading alone until it is read against the corpus's surnames.</summary>
    private void Keep(string id, (ExtractedArticle Extracted, PersonExtractor.Checkpoint? Checkpoint) read)
    {
        _extracted[id] = read.Extracted;
        _unresolved.Add(id);
        if (read.Checkpoint is { } checkpoint && Resume)
        {
            _checkpoints[id] = checkpoint;
        }
        else
        {
            _checkpoints.Remove(id);
        }
    }

    /// <summary>Adds or replaces one article (by id); read against the other articles' surnames at the next <see cref="ToIndex"/>.</summary>
    public void Upsert(Article article)
    {
        if (!_articles.ContainsKey(article.Id))
        {
            _order.Add(article.Id);
        }

        _articles[article.Id] = article;
        Keep(article.Id, ReadAlone(article));
    }

    /// <summary>Removes one article; false when it was not there.</summary>
    public bool Remove(string articleId)
    {
        if (!_articles.Remove(articleId))
        {
            return false;
        }

        _extracted.Remove(articleId);
        _unresolved.Remove(articleId);
        _checkpoints.Remove(articleId);
        _order.Remove(articleId);
        return true;
    }

    /// <summary>
    /// Brings cross-article surname resolution up to date and merges all articles into an index; people whose per-article
    /// results did not change since the last call are taken over from it, not built again.
    /// </summary>
    public PeopleIndex ToIndex()
    {
        ResolveSurnames();
        return Merge(_order.Select(id => _extracted[id].People).ToList(), _merge);
    }

    /// <summary>
    /// Brings cross-article surname resolution up to date (what <see cref="Results"/> saves) and says how many people
    /// <see cref="ToIndex"/> would give, without building them: for a process that only writes the results to disk.
    /// </summary>
    public int CountPeople()
    {
        ResolveSurnames();
        return CountPeople(_order.Select(id => _extracted[id].People).ToList());
    }

    /// <summary>
    /// A builder with <paramref name="knowledge"/> that holds this one's results, surnames and last merge: what a builder
    /// seeded from disk (without the word knowledge it did not need) hands on once something must be extracted.
    /// </summary>
    public PeopleIndexBuilder With(WordKnowledge? knowledge)
    {
        var builder = new PeopleIndexBuilder(knowledge);
        builder.Seed(Results, _surnames);
        builder._unresolved.UnionWith(_unresolved);
        builder._merge = _merge;
        return builder;
    }

    /// <summary>
    /// The index as <see cref="ToIndex"/> builds it, after <paramref name="refiner"/> has confirmed or added people and roles
    /// per article. The builder's own per-article results stay the rules' (so live updates work the same with or without a
    /// refiner); a refiner that fails for an article leaves that article as the rules found it.
    /// </summary>
    public async Task<PeopleIndex> ToIndexAsync(IPeopleRefiner? refiner, CancellationToken cancellationToken)
    {
        if (refiner is null)
        {
            return ToIndex();
        }

        ResolveSurnames();
        var pairs = _order.Select(id => (_articles[id], _extracted[id].People)).ToList();
        var refined = await refiner.RefineAsync(pairs, cancellationToken).ConfigureAwait(false);
        if (refined.Count != pairs.Count)
        {
            throw new InvalidOperationException($"The people refiner returned {refined.Count} articles for {pairs.Count}.");
        }

        return Merge(refined);
    }

    /// <summary>Merges per-article results (in corpus order) into one index; usable on its own, e.g. with cached results.</summary>
    public static PeopleIndex Merge(IReadOnlyList<ArticlePeople> articles) => Merge(articles, cache: null);

    /// <summary>
    /// Merges as <see cref="Merge(IReadOnlyList{ArticlePeople})"/> does; with a <paramref name="cache"/> from the last merge,
    /// a person whose parts are the very same per-article results as then is taken over instead of built again, so a merge
    /// after a few articles changed builds only the people those articles touch.
    /// </summary>
    private static PeopleIndex Merge(IReadOnlyList<ArticlePeople> articles, MergeCache? cache)
    {
        var groups = Grouped(articles, cache);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
        {
            position.TryAdd(articles[i].ArticleId, i);
        }

        var people = new List<Person>(groups.Count);
        foreach (var (key, group) in groups)
        {
            group.Order(position);
            people.Add(cache is null ? group.ToPerson() : cache.Person(key, group));
        }

        var index = new PeopleIndex(people, cache?.Index);
        cache?.Completed(index);
        return index;
    }

    /// <summary>
    /// How many people a merge of <paramref name="articles"/> gives (see <see cref="Grouped"/>), without grouping their parts:
    /// one per distinct full-name key, and one per surname of an introduced bare surname that no full name's group claimed
    /// (a group claims the surname of its first part). Bare surnames that are not introduced only ever join a group, and
    /// the noun uses only decide whether they do, so neither is looked at. Counting this way folds only the names that
    /// decide the count; an ingest prints it after every update, so it runs over every article each time.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    internal static int CountPeople(IReadOnlyList<ArticlePeople> articles)
    {
        var full = new HashSet<string>(StringComparer.Ordinal);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var bare = new HashSet<string>(StringComparer.Ordinal);

        // The same person recurs across articles under the same spelling: each spelling's key is folded once.
        var spelt = new Dictionary<(string GivenName, string Surname), string>();
        foreach (var article in articles)
        {
            foreach (var person in article.People)
            {
                if (person.GivenName is { } given)
                {
                    if (person.Surname.Length > 0)
                    {
                        ref var key = ref CollectionsMarshal.GetValueRefOrAddDefault(spelt, (given, person.Surname), out var known);
                        if (!known)
                        {
                            key = PersonKeys.FullKey(article, person);
                        }

                        if (full.Add(key!))
                        {
                            claimed.Add(NameKey.Fold(person.Surname));
                        }
                    }
                    else if (full.Add(PersonKeys.FullKey(article, person)))
                    {
                        claimed.Add("");
                    }
                }
                else if (person.Introduced)
                {
                    bare.Add(NameKey.Fold(person.Surname));
                }
            }
        }

        bare.ExceptWith(claimed);
        return full.Count + bare.Count;
    }

    /// <summary>
    /// The people of a merge, each with the (article, person) parts it is made of, in the order a merge creates them (which
    /// breaks ties in the index's order): full names first, in corpus order, then bare surnames nobody's full name claimed.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    private static List<(string Key, Group Group)> Grouped(IReadOnlyList<ArticlePeople> articles, MergeCache? cache)
    {
        var groups = new List<(string Key, Group Group)>();
        var byFullKey = new Dictionary<string, Group>(StringComparer.Ordinal);
        var keyed = new PersonKeys[articles.Count][];
        for (var a = 0; a < articles.Count; a++)
        {
            var article = articles[a];
            var keys = keyed[a] = cache?.Keys(article) ?? PersonKeys.Of(article);
            for (var p = 0; p < article.People.Count; p++)
            {
                // Someone an article knows by a given name only ("his wife Mary") is that article's alone (see PersonKeys).
                if (keys[p].Full is not { } key)
                {
                    continue;
                }

                if (!byFullKey.TryGetValue(key, out var group))
                {
                    byFullKey[key] = group = new Group(keys[p].Surname);
                    groups.Add((key, group));
                }

                group.Add(article, article.People[p]);
            }
        }

        // A bare surname belongs to the most mentioned full name with that surname.
        var bySurname = new Dictionary<string, Group>(StringComparer.Ordinal);
        foreach (var (_, group) in groups.OrderByDescending(g => g.Group.Mentions))
        {
            bySurname.TryAdd(group.SurnameKey, group);
        }

        // Bare surnames folded in from other articles are dropped for surnames the corpus often uses as nouns
        // ("Sommer", "Haft", "Wahl"): at least two noun uses and at least a fifth as many as such bare mentions.
        var nounUses = new Dictionary<string, int>(StringComparer.Ordinal);
        var looseMentions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var a = 0; a < articles.Count; a++)
        {
            foreach (var (key, count) in articles[a].NounUses)
            {
                nounUses[key] = nounUses.GetValueOrDefault(key) + count;
            }

            var people = articles[a].People;
            for (var p = 0; p < people.Count; p++)
            {
                if (!people[p].Introduced)
                {
                    var key = keyed[a][p].Surname;
                    looseMentions[key] = looseMentions.GetValueOrDefault(key) + people[p].Mentions;
                }
            }
        }

        bool ReadsAsNoun(string key) =>
            nounUses.GetValueOrDefault(key) is var uses && uses >= 2 && uses * 5 >= looseMentions.GetValueOrDefault(key);

        for (var a = 0; a < articles.Count; a++)
        {
            var people = articles[a].People;
            for (var p = 0; p < people.Count; p++)
            {
                var person = people[p];
                if (person.GivenName is not null)
                {
                    continue;
                }

                var key = keyed[a][p].Surname;
                if (!person.Introduced && ReadsAsNoun(key))
                {
                    continue;
                }

                if (!bySurname.TryGetValue(key, out var group))
                {
                    if (!person.Introduced)
                    {
                        continue;
                    }

                    bySurname[key] = group = new Group(key);
                    groups.Add(("\u0002" + key, group));
                }

                group.Add(articles[a], person);
            }
        }

        return groups;
    }

    /// <summary>
    /// Reads again, against the corpus's surnames, the articles read alone since and those that looked up a surname that joined
    /// or left the corpus; the rest keep their results.
    /// </summary>
    private void ResolveSurnames()
    {
        var current = _extracted.Values.SelectMany(e => e.Introduces).ToHashSet(StringComparer.Ordinal);
        var changed = new HashSet<uint>(current.Except(_surnames).Concat(_surnames.Except(current)).Select(SurnameLookups.Hash));
        if (changed.Count == 0 && _unresolved.Count == 0)
        {
            return;
        }

        _surnames = current;
        var byHash = current.ToLookup(SurnameLookups.Hash);
        var again = _order
            .Where(id => _unresolved.Contains(id) || _extracted[id].Lookups.Any(changed))
            .Select(id => _articles[id])
            .ToList();
        var extracted = InParallel(again, (article, scratch) => ReadAgainst(article, byHash, scratch));
        for (var i = 0; i < again.Count; i++)
        {
            if (extracted[i] is { } people)
            {
                _extracted[again[i].Id] = _extracted[again[i].Id] with { People = people };
            }
        }

        _unresolved.Clear();
        _checkpoints.Clear();
        _scratches.Clear();
    }

    /// <summary>
    /// The article's people given the other articles' surnames among those its rules looked up: read again when there are any,
    /// read alone when there are none (null when the result read alone is already there).
    /// </summary>
    private ArticlePeople? ReadAgainst(Article article, ILookup<uint, string> surnames, PersonExtractor.Scratch scratch)
    {
        var extracted = _extracted[article.Id];
        var known = extracted.Lookups.Keys
            .SelectMany(hash => surnames[hash])
            .Where(key => !extracted.Introduces.Contains(key, StringComparer.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        if (known.Count > 0)
        {
            Interlocked.Increment(ref _articlesRead);
            if (_checkpoints.TryGetValue(article.Id, out var checkpoint) && checkpoint.FitsBefore(known))
            {
                Interlocked.Increment(ref _articlesResumed);
                return _extractor.Resume(article, checkpoint, KnownSurnames.Of(known), scratch);
            }

            return _extractor.Extract(article, KnownSurnames.Of(known), scratch);
        }

        if (_unresolved.Contains(article.Id))
        {
            return null;
        }

        Interlocked.Increment(ref _articlesRead);
        return _extractor.Extract(article, KnownSurnames.Of(new HashSet<string>()), scratch);
    }

    /// <summary>The folded keys of one article's people: the full name's (null for a bare surname) and the surname's.</summary>
    private readonly record struct PersonKeys(string? Full, string Surname)
    {
        [MethodImpl(HotPath.Options)]
        public static PersonKeys[] Of(ArticlePeople article)
        {
            var keys = new PersonKeys[article.People.Count];
            for (var i = 0; i < keys.Length; i++)
            {
                var person = article.People[i];
                var surname = NameKey.Fold(person.Surname);
                keys[i] = new PersonKeys(person.GivenName is null ? null : FullKey(article, person), surname);
            }

            return keys;
        }

        /// <summary>The full-name key of a person with a given name: one known by a given name only is the article's alone.</summary>
        public static string FullKey(ArticlePeople article, ArticlePerson person) =>
            person.Surname.Length == 0 ? article.ArticleId + "\u0001" + NameKey.Fold(person.GivenName!)
                : NameKey.Fold(person.GivenName + " " + person.Surname);
    }

    /// <summary>
    /// What the last merge of a builder computed, to take over what did not change: each article's folded person keys and
    /// each person with the parts it was built from (both by reference: a result read again is a new object), and the index.
    /// </summary>
    private sealed class MergeCache
    {
        private Dictionary<ArticlePeople, PersonKeys[]> _keys = new(ReferenceEqualityComparer.Instance);
        private Dictionary<ArticlePeople, PersonKeys[]> _nextKeys = new(ReferenceEqualityComparer.Instance);
        private Dictionary<string, (Part[] Parts, Person Person)> _people = new(StringComparer.Ordinal);
        private Dictionary<string, (Part[] Parts, Person Person)> _nextPeople = new(StringComparer.Ordinal);

        /// <summary>The index of the last merge, whose people's lookup keys the next index takes over.</summary>
        public PeopleIndex? Index { get; private set; }

        public PersonKeys[] Keys(ArticlePeople article)
        {
            if (!_keys.TryGetValue(article, out var keys) && !_nextKeys.TryGetValue(article, out keys))
            {
                keys = PersonKeys.Of(article);
            }

            _nextKeys[article] = keys;
            return keys;
        }

        public Person Person(string key, Group group)
        {
            var entry = _people.TryGetValue(key, out var cached) && group.Is(cached.Parts) ? cached : (Parts: group.Parts(), Person: group.ToPerson());
            _nextPeople[key] = entry;
            return entry.Person;
        }

        /// <summary>Keeps what this merge used (and drops what it did not) for the next one.</summary>
        public void Completed(PeopleIndex index)
        {
            (_keys, _nextKeys) = (_nextKeys, _keys);
            _nextKeys.Clear();
            (_people, _nextPeople) = (_nextPeople, _people);
            _nextPeople.Clear();
            Index = index;
        }
    }

    private readonly record struct Part(ArticlePeople Article, ArticlePerson Person);

    private sealed class Group(string surnameKey)
    {
        private readonly List<Part> _parts = [];

        public int Mentions { get; private set; }

        /// <summary>The folded surname of the first part (the one that created the group).</summary>
        public string SurnameKey => surnameKey;

        public void Add(ArticlePeople article, ArticlePerson person)
        {
            _parts.Add(new Part(article, person));
            Mentions += person.Mentions;
        }

        /// <summary>Corpus order for article ids, quotes and places, and for breaking ties between spellings.</summary>
        public void Order(IReadOnlyDictionary<string, int> position)
        {
            var ordered = _parts.OrderBy(p => position[p.Article.ArticleId]).ToList();
            _parts.Clear();
            _parts.AddRange(ordered);
        }

        public Part[] Parts() => [.. _parts];

        /// <summary>Whether this group's (ordered) parts are the very objects of <paramref name="parts"/>: then it is the same person.</summary>
        public bool Is(Part[] parts)
        {
            if (parts.Length != _parts.Count)
            {
                return false;
            }

            for (var i = 0; i < parts.Length; i++)
            {
                if (!ReferenceEquals(parts[i].Article, _parts[i].Article) || !ReferenceEquals(parts[i].Person, _parts[i].Person))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The person these parts make, after <see cref="Order"/>.</summary>
        public Person ToPerson()
        {
            var name = MostUsed(_parts.Where(p => p.Person.GivenName is not null).Select(p => (p.Person.Name, p.Person.Mentions)))
                ?? MostUsed(_parts.Select(p => (p.Person.Surname, p.Person.Mentions)))!;
            var surname = MostUsed(_parts.Select(p => (p.Person.Surname, p.Person.Mentions)))!;

            var roles = _parts
                .SelectMany((p, index) => p.Person.Roles.Select(r => (Role: new PersonRole(r, p.Article.Language, p.Article.ArticleId), Index: index)))
                .DistinctBy(r => (r.Role.Text, r.Role.ArticleId))
                .GroupBy(r => r.Role.Text, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Min(r => r.Index))
                .SelectMany(g => g.Select(r => r.Role))
                .ToList();

            var aliases = new List<string>();
            void AddAlias(string alias)
            {
                if (!string.Equals(alias, name, StringComparison.OrdinalIgnoreCase)
                    && !aliases.Contains(alias, StringComparer.OrdinalIgnoreCase))
                {
                    aliases.Add(alias);
                }
            }

            foreach (var (_, person) in _parts)
            {
                foreach (var form in person.Forms.Append(person.Name))
                {
                    AddAlias(form);
                }
            }

            // Known transliterations the corpus may not use itself: "Sergej Lawrow" → "Sergei Lavrov", "Lavrov".
            foreach (var form in aliases.Prepend(name).ToList())
            {
                var words = form.Split(' ');
                if (words.Length == 1)
                {
                    foreach (var spelling in PeopleLexicon.SpellingsOf(form))
                    {
                        AddAlias(spelling);
                    }

                    continue;
                }

                // One spelling tradition per variant: all German-style words, or all English-style words.
                for (var tradition = 0; tradition < 2; tradition++)
                {
                    var index = tradition;
                    AddAlias(string.Join(' ', words.Select(w => PeopleLexicon.SpellingsOf(w).ElementAtOrDefault(index) ?? w)));
                }
            }

            var articleIds = _parts.Select(p => p.Article.ArticleId).Distinct(StringComparer.Ordinal).ToList();
            return new Person
            {
                Name = name,
                Surname = surname,
                Roles = roles,
                Aliases = aliases,
                ArticleIds = articleIds,
                Mentions = Mentions,
                Quotes = _parts.SelectMany(p => p.Person.Quotes).ToList(),
                Places = _parts.SelectMany(p => p.Person.Ordinals.Select(o => (p.Article.ArticleId, o))).Distinct().ToList(),
            };
        }

        private static string? MostUsed(IEnumerable<(string Text, int Mentions)> forms)
        {
            var totals = new List<(string Text, int Mentions)>();
            foreach (var (text, mentions) in forms)
            {
                var i = totals.FindIndex(t => t.Text == text);
                if (i < 0)
                {
                    totals.Add((text, mentions));
                }
                else
                {
                    totals[i] = (text, totals[i].Mentions + mentions);
                }
            }

            // First seen wins ties, so the order of the corpus decides, not the alphabet.
            return totals.Count == 0 ? null : totals.OrderByDescending(t => t.Mentions).First().Text;
        }
    }
}
