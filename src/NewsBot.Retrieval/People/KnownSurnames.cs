namespace NewsBot.Retrieval.People;

/// <summary>
/// The surnames other articles introduced, as one extraction sees them, optionally writing down every key the extraction asks
/// about. Those keys are all an article's result can depend on: when none of them joins or leaves the corpus's surnames, the
/// article need not be extracted again (see <see cref="PeopleIndexBuilder"/>).
/// </summary>
internal sealed class KnownSurnames
{
    private readonly IReadOnlySet<string>? _keys;
    private readonly HashSet<string>? _asked;

    private KnownSurnames(IReadOnlySet<string>? keys, HashSet<string>? asked)
    {
        _keys = keys;
        _asked = asked;
    }

    /// <summary>Extraction of the article alone: no other article's surnames, nothing asked.</summary>
    public static KnownSurnames None { get; } = new(null, null);

    public static KnownSurnames Of(IReadOnlySet<string>? keys) => keys is null ? None : new(keys, null);

    private static readonly HashSet<string> NoKeys = new(StringComparer.Ordinal);

    /// <summary>No surnames known, every key asked about written down (into <paramref name="asked"/>, emptied first, when
    /// given: a worker's set reused from article to article).</summary>
    public static KnownSurnames Recording(HashSet<string>? asked = null)
    {
        asked?.Clear();
        return new(NoKeys, asked ?? new HashSet<string>(StringComparer.Ordinal));
    }

    /// <summary>False when the article is extracted alone (bare surnames from elsewhere are not looked for).</summary>
    public bool Active => _keys is not null;

    /// <summary>True for <see cref="Recording"/>: no surnames known, every key asked about written down.</summary>
    public bool RecordsAlone => _asked is not null && _keys is { Count: 0 };

    /// <summary>The keys asked about so far (empty unless recording).</summary>
    public IReadOnlyCollection<string> Asked => _asked ?? (IReadOnlyCollection<string>)[];

    public bool Contains(string key)
    {
        _asked?.Add(key);
        return _keys?.Contains(key) == true;
    }
}
