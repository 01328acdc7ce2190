using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Answers;

/// <summary>Adds no terms: the default when no model translates queries.</summary>
public sealed class NoQueryExpansion : IQueryExpander
{
    public Task<IReadOnlyList<string>> ExpandAsync(string question, Language questionLanguage, IReadOnlyCollection<Language> corpusLanguages, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
