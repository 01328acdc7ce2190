using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Ai.Tests.Fakes;

/// <summary>
/// Test articles built by hand, independent of the core's parser: the German seed article read from
/// ../shared/corpus/seed (never copied into the repository) and a short English article on another subject.
/// </summary>
public static class SeedCorpus
{
    public const string SeedFileName = "000_59b4a59a8a957c04.txt";

    public static string SeedPath => Path.Combine(SharedDirectory(), "corpus", "seed", SeedFileName);

    public static string SeedDirectory => Path.GetDirectoryName(SeedPath)!;

    /// <summary>The seed article: first line "date 2025-02 ..." then paragraphs separated by blank lines.</summary>
    public static Article Seed()
    {
        var lines = File.ReadAllText(SeedPath).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var date = lines[0].Trim().Split(' ')[1];
        var blocks = string.Join('\n', lines.Skip(1))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => new ArticleBlock(t.Length < 80 && !".!?«»\"".Contains(t[^1]) ? BlockKind.Heading : BlockKind.Paragraph, t))
            .ToList();
        return new Article
        {
            Id = Path.GetFileNameWithoutExtension(SeedFileName),
            Title = "Annäherung zwischen Washington und Moskau",
            Date = date,
            Language = Language.German,
            Blocks = blocks,
            Source = SeedPath,
            ContentHash = "seed-v1",
        };
    }

    public static Article English(string id = "council-budget", string text = "The city council approved the budget for 2026 after a long debate about school funding.") => new()
    {
        Id = id,
        Title = "Council approves budget",
        Date = "2025-03-01",
        Language = Language.English,
        Blocks = [new ArticleBlock(BlockKind.Paragraph, text)],
        Source = id + ".txt",
        ContentHash = "h-" + id,
    };

    public static IReadOnlyList<Passage> Passages(Article article) =>
        article.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select((b, i) => new Passage(article, i, b.Text, null)).ToList();

    /// <summary>The gold passage: the first paragraph naming Riad.</summary>
    public static Passage Gold(Article seed) => Passages(seed).First(p => p.Text.Contains("Riad", StringComparison.Ordinal));

    /// <summary>"Where did Rubio and Lavrov meet?" with an unrelated English passage ranked first and the gold seed passage second.</summary>
    public static AskContext RubioLavrov(IProgress<string>? partial = null, Language answerLanguage = Language.English)
    {
        var seed = Seed();
        var english = English();
        var other = Passages(english)[0];
        const string question = "Where did Rubio and Lavrov meet?";
        var index = CorpusIndex.Build([seed, english]);
        return new AskContext
        {
            Question = question,
            QuestionLanguage = Language.English,
            AnswerLanguage = answerLanguage,
            Hits = [new SearchHit(other, 2.0), new SearchHit(Gold(seed), 1.5)],
            Corpus = new CorpusSnapshot([seed, english], index, PeopleIndex.Empty, 1),
            Plan = index.Find(new SearchQuery(question), 6).Plan,
            Partial = partial,
        };
    }

    private static string SharedDirectory()
    {
        // Walk up from the test binaries: the repository (or worktree) sits next to "shared".
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (File.Exists(Path.Combine(candidate, "corpus", "seed", SeedFileName)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"../shared/corpus/seed/{SeedFileName} not found above {AppContext.BaseDirectory}");
    }
}
