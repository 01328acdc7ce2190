using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Search;

namespace NewsBot.Ai.Prompts;

/// <summary>One numbered source of a prompt: a passage, or a whole article (or its opening).</summary>
public sealed record PromptSource(Article Article, string Text, string? Heading = null)
{
    public static PromptSource FromPassage(Passage passage) => new(passage.Article, passage.Text, passage.Heading);
}

/// <summary>A prompt ready to send, with the sources its [n] refer to (source n is Sources[n - 1]).</summary>
public sealed record Prompt(Microsoft.SemanticKernel.ChatCompletion.ChatHistory History, IReadOnlyList<PromptSource> Sources)
{
    public IReadOnlyList<Article> SourceArticles => Sources.Select(s => s.Article).ToList();
}
