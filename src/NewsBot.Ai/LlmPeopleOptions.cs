using Microsoft.Extensions.Options;
using NewsBot.Retrieval;

namespace NewsBot.Ai;

/// <summary>
/// The <c>Llm:People</c> section: the optional model pass over each article's people (see <see cref="LlmPeopleRefiner"/>).
/// Off by default, since it costs one model call per article; replies are cached per article, so each article is asked once.
/// </summary>
public sealed class LlmPeopleOptions
{
    public const string SectionName = "Llm:People";

    /// <summary>Ask the model for each article's people and roles (with a model configured).</summary>
    public bool Enabled { get; set; }

    /// <summary>Articles asked per index build (cached ones do not count); the rest keep the rule-based people until a
    /// later build, so that /who never waits for thousands of calls (0 to 100,000).</summary>
    public int MaxCallsPerBuild { get; set; } = 20;
}

public sealed class LlmPeopleOptionsValidator : IValidateOptions<LlmPeopleOptions>
{
    // The message data annotations made of a [Range] without one of its own, kept as it was.
    public ValidateOptionsResult Validate(string? name, LlmPeopleOptions options) => new OptionChecks<LlmPeopleOptions>()
        .Check(options.MaxCallsPerBuild is >= 0 and <= 100_000, nameof(options.MaxCallsPerBuild), "The field MaxCallsPerBuild must be between 0 and 100000.")
        .Result;
}
