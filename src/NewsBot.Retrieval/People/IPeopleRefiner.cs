using NewsBot.Retrieval.Articles;

namespace NewsBot.Retrieval.People;

/// <summary>
/// An optional second opinion on the people of each article (a language model, registered by the Ai project). It may
/// confirm or add people and roles; <see cref="PeopleProposals"/> accepts only what the article's text names. Without
/// one, the people index is the rule-based one.
/// </summary>
public interface IPeopleRefiner
{
    /// <summary>
    /// The people of each article, refined where the refiner could; an article it could not handle (a model error, a
    /// reply it could not read, a budget spent) comes back as the rules found it. One call per index build; never throws
    /// for a failed article. The result has the same length and order as <paramref name="articles"/>.
    /// </summary>
    Task<IReadOnlyList<ArticlePeople>> RefineAsync(
        IReadOnlyList<(Article Article, ArticlePeople Rules)> articles,
        CancellationToken cancellationToken);
}

/// <summary>A person someone other than the rules (a model) says an article names, with the role it says the article gives.</summary>
public sealed record ProposedPerson(string Name, string? Role = null);
