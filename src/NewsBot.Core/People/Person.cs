namespace NewsBot.Core.People;

/// <summary>A role as an article gives it, in the article's language.</summary>
public sealed record PersonRole(string Text, Languages.Language Language, string ArticleId);

/// <summary>A quote attributed to a person.</summary>
public sealed record PersonQuote(string Text, string ArticleId, int Ordinal);

/// <summary>A person found in the corpus: canonical name, roles, aliases and where they appear.</summary>
public sealed record Person
{
    public required string Name { get; init; }

    public IReadOnlyList<PersonRole> Roles { get; init; } = [];

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public IReadOnlyList<string> ArticleIds { get; init; } = [];

    public int Mentions { get; init; }

    public IReadOnlyList<PersonQuote> Quotes { get; init; } = [];

    /// <summary>(article id, paragraph ordinal) pairs where the person is mentioned.</summary>
    public IReadOnlyList<(string ArticleId, int Ordinal)> Places { get; init; } = [];
}
