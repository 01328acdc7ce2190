using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.People;

/// <summary>A role as an article gives it, in the article's language ("Kremlsprecher", "Secretary of State").
/// Without an LLM it is shown as is, marked with <see cref="Language"/> when that differs from the answer language.</summary>
public sealed record PersonRole(string Text, Languages.Language Language, string ArticleId);

/// <summary>A quote attributed to a person. <see cref="Ordinal"/> is the zero-based index of the paragraph among the
/// article's paragraph blocks (<see cref="Articles.Article.Paragraphs"/>; headings are not counted).</summary>
public sealed record PersonQuote(string Text, string ArticleId, int Ordinal);

/// <summary>A person found in the corpus: canonical name, roles, aliases and where they appear.</summary>
public sealed record Person
{
    /// <summary>The canonical name: the full form the corpus uses most ("Sergej Lawrow").</summary>
    public required string Name { get; init; }

    /// <summary>Roles as the articles give them, one per (wording, article); the most widespread wording first.</summary>
    public IReadOnlyList<PersonRole> Roles { get; init; } = [];

    /// <summary>Other spellings: forms seen in the articles ("Lawrow", "Sergei Lavrov") and known transliterations ("Lavrov").</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Articles that mention the person, in corpus order.</summary>
    public IReadOnlyList<string> ArticleIds { get; init; } = [];

    /// <summary>All mentions across all articles and forms (full name, bare surname, inflected "Putins").</summary>
    public int Mentions { get; init; }

    public IReadOnlyList<PersonQuote> Quotes { get; init; } = [];

    /// <summary>(article id, paragraph ordinal) pairs where the person is mentioned; ordinal as in <see cref="PersonQuote.Ordinal"/>.</summary>
    public IReadOnlyList<(string ArticleId, int Ordinal)> Places { get; init; } = [];

    /// <summary>The surname ("Lawrow", "von der Leyen"); empty when unknown, then the last word of <see cref="Name"/> stands in.</summary>
    public string Surname { get; init; } = "";

    /// <summary>The role to show first, or null when no article gives one.</summary>
    public PersonRole? MainRole => Roles.Count > 0 ? Roles[0] : null;

    /// <summary>The first role worded in <paramref name="language"/>, else <see cref="MainRole"/> (check its Language to mark it).</summary>
    public PersonRole? RoleIn(Language language) => Roles.FirstOrDefault(r => r.Language == language) ?? MainRole;

    /// <summary>Number of articles mentioning the person.</summary>
    public int ArticleCount => ArticleIds.Count;
}
