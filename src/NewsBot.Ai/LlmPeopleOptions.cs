using System.ComponentModel.DataAnnotations;

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
    /// later build, so that /who never waits for thousands of calls.</summary>
    [Range(0, 100_000)]
    public int MaxCallsPerBuild { get; set; } = 20;
}
