namespace NewsBot.Retrieval.People;

/// <summary>
/// The people of the corpus, with lookup by name or alias in any spelling. Immutable and thread-safe; build it with
/// <see cref="PeopleIndexBuilder"/>.
/// <para>For the /who handler: <see cref="People"/> lists everyone (most mentioned first); <see cref="Find"/> resolves
/// a user's spelling ("Lavrov", "lawrow", "Zelensky", "Putins", "Vladimir Putin") to one person or null;
/// <see cref="Suggest"/> offers the closest names when <see cref="Find"/> returns null.</para>
/// </summary>
public sealed class PeopleIndex
{
    public static PeopleIndex Empty { get; } = new([]);

    private readonly Dictionary<string, List<Person>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Person>> _bySurname = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Person>> _byGivenName = new(StringComparer.Ordinal);
    private readonly Dictionary<Person, Keys> _keys = new(ReferenceEqualityComparer.Instance);

    public PeopleIndex(IReadOnlyList<Person> people)
        : this(people, previous: null)
    {
    }

    /// <summary>
    /// The index of <paramref name="people"/>; the folded lookup keys of a person that <paramref name="previous"/> also holds
    /// (the same object) are taken from there rather than folded again (an update changes few people).
    /// </summary>
    internal PeopleIndex(IReadOnlyList<Person> people, PeopleIndex? previous)
    {
        _byArticle = new(ByArticle, LazyThreadSafetyMode.ExecutionAndPublication);
        People = people.OrderByDescending(p => p.Mentions).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        foreach (var person in People)
        {
            if (previous?._keys.GetValueOrDefault(person) is not { } keys)
            {
                keys = Keys.Of(person);
            }

            foreach (var key in keys.Names)
            {
                Add(_byKey, key, person);
            }

            Add(_bySurname, keys.Surname, person);
            if (keys.GivenName is { } given)
            {
                Add(_byGivenName, given, person);
            }

            _keys[person] = keys;
        }
    }

    /// <summary>Most mentioned first.</summary>
    public IReadOnlyList<Person> People { get; }

    public int Count => People.Count;

    /// <summary>
    /// The person a query names, in any spelling or case, or null. Tries, in order: the whole name or alias
    /// ("Sergei Lavrov"), the same with an inflected last word ("Wladimir Putins"), a surname within the query
    /// ("Lavrov", "Präsident Putin"), then a given name alone ("Wolodymyr"). Ties go to the most mentioned person.
    /// </summary>
    public Person? Find(string query)
    {
        var words = Words(query);
        if (words.Length == 0)
        {
            return null;
        }

        var key = NameKey.Fold(string.Join(' ', words));
        if (Best(_byKey, key) is { } exact)
        {
            return exact;
        }

        var head = words.Length > 1 ? NameKey.Fold(string.Join(' ', words[..^1])) + " " : "";
        foreach (var last in NameKey.InflectionKeys(words[^1]))
        {
            if (Best(_byKey, head + last) is { } inflected)
            {
                return inflected;
            }
        }

        for (var i = words.Length - 1; i >= 0; i--)
        {
            foreach (var wordKey in NameKey.InflectionKeys(words[i]))
            {
                if (Best(_bySurname, wordKey) is { } bySurname)
                {
                    return bySurname;
                }
            }
        }

        return words.Length == 1 ? Best(_byGivenName, NameKey.FoldWord(words[0])) : null;
    }

    /// <summary>
    /// The names of up to <paramref name="max"/> people closest to <paramref name="query"/> (edit distance on the
    /// folded spelling, so "Lavrof" is near "Sergej Lawrow"); only reasonably close names, nearest first.
    /// For the "not found" answer after <see cref="Find"/> returned null.
    /// </summary>
    public IReadOnlyList<string> Suggest(string query, int max = 5) => SuggestPeople(query, max).Select(p => p.Name).ToList();

    /// <summary>Like <see cref="Suggest"/>, returning the people themselves.</summary>
    public IReadOnlyList<Person> SuggestPeople(string query, int max = 5)
    {
        var words = Words(query);
        if (words.Length == 0 || max <= 0)
        {
            return [];
        }

        var queryKey = NameKey.Fold(string.Join(' ', words));
        var wordKeys = words.Select(NameKey.FoldWord).Where(k => k.Length > 0).ToArray();
        var scored = new List<(Person Person, double Score)>();
        foreach (var person in People)
        {
            var best = double.MaxValue;
            foreach (var key in _keys[person].All)
            {
                best = Math.Min(best, Relative(queryKey, key));
                foreach (var wordKey in wordKeys)
                {
                    best = Math.Min(best, Relative(wordKey, key));
                }
            }

            if (best <= 0.5)
            {
                scored.Add((person, best));
            }
        }

        return scored.OrderBy(s => s.Score).ThenByDescending(s => s.Person.Mentions).Take(max).Select(s => s.Person).ToList();
    }

    /// <summary>The people an article mentions, most mentioned first.</summary>
    public IReadOnlyList<Person> InArticle(string articleId) =>
        _byArticle.Value.TryGetValue(articleId, out var people) ? people : [];

    /// <summary>Article id (any case) → its people, most mentioned first: made on the first <see cref="InArticle"/> (answers ask it
    /// for every article they weigh; a scan of all people each time grew with the archive).</summary>
    private readonly Lazy<Dictionary<string, List<Person>>> _byArticle;

    private Dictionary<string, List<Person>> ByArticle()
    {
        var byArticle = new Dictionary<string, List<Person>>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in People)
        {
            foreach (var id in person.ArticleIds)
            {
                if (!byArticle.TryGetValue(id, out var list))
                {
                    byArticle[id] = list = [];
                }

                // An id listed twice (in two cases) names the person once.
                if (list.Count == 0 || !ReferenceEquals(list[^1], person))
                {
                    list.Add(person);
                }
            }
        }

        return byArticle;
    }

    private static double Relative(string a, string b) =>
        a.Length == 0 ? double.MaxValue : (double)NameKey.Distance(a, b) / Math.Max(a.Length, b.Length);

    private static string[] Words(string query) =>
        query.Split([' ', '\t', '\u00A0', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => NameKey.FoldWord(w).Length > 0)
            .ToArray();

    private static Person? Best(Dictionary<string, List<Person>> map, string key) =>
        map.TryGetValue(key, out var list) ? list[0] : null;

    /// <summary>A person's folded lookup keys: names and aliases (distinct, in order), surname, given name; all for suggestions.</summary>
    private sealed record Keys(string[] Names, string Surname, string? GivenName, string[] All)
    {
        public static Keys Of(Person person)
        {
            var names = new List<string>();
            var all = new HashSet<string>(StringComparer.Ordinal);
            foreach (var name in person.Aliases.Prepend(person.Name))
            {
                var key = NameKey.Fold(name);
                if (key.Length > 0 && all.Add(key))
                {
                    names.Add(key);
                }
            }

            var surname = NameKey.Fold(person.Surname.Length > 0 ? person.Surname : person.Name.Split(' ')[^1]);
            all.Add(surname);
            var words = person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new Keys([.. names], surname, words.Length > 1 ? NameKey.FoldWord(words[0]) : null, [.. all]);
        }
    }

    // People are added most mentioned first, so list[0] is the best match for a key.
    private static void Add(Dictionary<string, List<Person>> map, string key, Person person)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Contains(person))
        {
            list.Add(person);
        }
    }
}
