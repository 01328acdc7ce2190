using System.Text.Json;

namespace NewsBot.Benchmarks.Answers;

/// <summary>
/// A question written for this project as a reader would ask it about one article of ../shared/datasets (referenced by
/// its benchmark key, "gnad-0123" or "wn-0042"; the article text stays in ../shared), with the strings a right answer contains.
/// <see cref="Article"/> is null for a question no article answers.
/// </summary>
internal sealed record ReaderQuestion(string Id, string Question, string Direction, string Type, string? Article, IReadOnlyList<string> Expected)
{
    /// <summary>Half A (tuned on) or B (not): every other question by sorted id, fixed before tuning; a file of one's own may give it.</summary>
    public string Half { get; init; } = "A";
}

internal static class ReaderQuestions
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The project's reader questions, split by sorted id.</summary>
    public static IReadOnlyList<ReaderQuestion> Load(string path) =>
        [.. Read(path).OrderBy(q => q.Id, StringComparer.Ordinal).Select((q, i) => q with { Half = i % 2 == 0 ? "A" : "B" })];

    /// <summary>A question file of one's own: each question in the half the file gives it, else in half A.</summary>
    public static IReadOnlyList<ReaderQuestion> LoadOwn(string path) =>
        [.. Read(path).OrderBy(q => q.Id, StringComparer.Ordinal).Select(q => q.Half is "A" or "B" ? q : q with { Half = "A" })];

    private static List<ReaderQuestion> Read(string path)
    {
        var questions = JsonSerializer.Deserialize<List<ReaderQuestion>>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path}: not a list of questions");
        var bad = questions.FirstOrDefault(q => string.IsNullOrWhiteSpace(q.Id) || string.IsNullOrWhiteSpace(q.Question) || (q.Article is not null && q.Expected.Count == 0));
        if (bad is not null)
        {
            throw new InvalidDataException($"{path}: question '{bad.Id}' lacks an id, a question or (answerable) expected strings");
        }

        return questions;
    }
}
