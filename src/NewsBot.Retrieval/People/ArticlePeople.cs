using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.People;

/// <summary>
/// One person as one article presents them. This is the per-article extraction result that
/// <see cref="PeopleIndexBuilder"/> merges, so a changed article is re-extracted alone.
/// </summary>
public sealed record ArticlePerson
{
    /// <summary>The name as the article introduces it ("Sergej Lawrow"), or the bare surname when it never gives more.</summary>
    public required string Name { get; init; }

    /// <summary>The given name (with middle names), or null when the article only gives a surname.</summary>
    public string? GivenName { get; init; }

    /// <summary>The uninflected surname, particles included ("von der Leyen").</summary>
    public required string Surname { get; init; }

    /// <summary>Roles as the article words them, in nominative form, first appearance first.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Uninflected spellings the article uses for the person ("Sergej Lawrow", "Lawrow").</summary>
    public IReadOnlyList<string> Forms { get; init; } = [];

    /// <summary>Every mention, full name, bare surname and inflected forms alike; headings included.</summary>
    public int Mentions { get; init; }

    /// <summary>Paragraph ordinals (see <see cref="PersonQuote.Ordinal"/>) with a mention, ascending, distinct.</summary>
    public IReadOnlyList<int> Ordinals { get; init; } = [];

    public IReadOnlyList<PersonQuote> Quotes { get; init; } = [];

    /// <summary>
    /// False when the article never introduces the person (no given name, no role) and the bare surname was only
    /// recognised because another article introduced it; such entries are dropped if that article goes away.
    /// </summary>
    public bool Introduced { get; init; } = true;
}

/// <summary>The people one article mentions, in order of first mention.</summary>
public sealed record ArticlePeople(string ArticleId, Language Language, IReadOnlyList<ArticlePerson> People)
{
    /// <summary>
    /// Folded surnames the article also uses as nouns ("im Sommer", "in Haft"), with counts. The merge stops
    /// folding other articles' bare mentions into a surname that the corpus often uses as a noun.
    /// </summary>
    public IReadOnlyDictionary<string, int> NounUses { get; init; } = new Dictionary<string, int>();
}
