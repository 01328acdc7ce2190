using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.People;

/// <summary>Articles for the people tests, built by hand so these tests do not depend on the article parser.</summary>
internal static class PeopleFixtures
{
    public const string SeedId = "000_59b4a59a8a957c04";

    private static readonly Lazy<Article> SeedArticle = new(() => FromRaw(SeedId, File.ReadAllText(SeedPath()), Language.German));

    public static Article Seed => SeedArticle.Value;

    /// <summary>An original English article with English role patterns.</summary>
    public static Article English { get; } = FromRaw("en_talks", """
        date 2025-03

        Talks in Riyadh

        Secretary of State Marco Rubio met Russian officials in Riyadh on Tuesday, a week after President Donald Trump spoke with Vladimir Putin by phone. Kremlin spokesman Dmitry Peskov called the meeting a first step.

        "We are ready to listen to any serious proposal from Washington," said Peskov. He added that Moscow would not discuss NATO membership for Ukraine.

        French President Emmanuel Macron warned that Europe must not be left out. Rubio's aides said the Kremlin had asked for more time, and Peskov's office did not comment.
        """, Language.English);

    /// <summary>Splits a raw corpus text the way the design describes: drop the "date" line, paragraphs on blank
    /// lines, short lines without final punctuation are headings.</summary>
    public static Article FromRaw(string id, string raw, Language language)
    {
        var lines = raw.Replace("\r\n", "\n").Split('\n');
        var body = string.Join('\n', lines.SkipWhile(l => l.Trim().Length == 0).Skip(1));
        var blocks = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Replace('\n', ' '))
            .Select(p => new ArticleBlock(p.Length < 80 && !".!?:«\"".Contains(p[^1]) ? BlockKind.Heading : BlockKind.Paragraph, p))
            .ToList();
        return new Article { Id = id, Title = "", Date = "", Language = language, Blocks = blocks };
    }

    private static string SeedPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "corpus", "seed", SeedId + ".txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        return Path.Combine("/work/shared/corpus/seed", SeedId + ".txt");
    }
}
