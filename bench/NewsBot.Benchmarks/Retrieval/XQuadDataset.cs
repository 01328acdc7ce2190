using System.Text.Json;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Benchmarks.Retrieval;

/// <summary>One XQuAD question and the position of its gold paragraph (the same in every language's file).</summary>
internal sealed record XQuadQuestion(string Id, string Text, int Article, int Paragraph)
{
    /// <summary>The gold answer spans (texts) in this language's paragraph.</summary>
    public IReadOnlyList<string> Answers { get; init; } = [];
}

/// <summary>One language's XQuAD file: its articles (paragraphs as blocks) and questions.</summary>
internal sealed record XQuadDataset(Language Language, IReadOnlyList<Article> Articles, IReadOnlyList<XQuadQuestion> Questions)
{
    public static XQuadDataset Load(string path, Language language)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var articles = new List<Article>();
        var questions = new List<XQuadQuestion>();
        var a = 0;
        foreach (var article in json.RootElement.GetProperty("data").EnumerateArray())
        {
            var blocks = new List<ArticleBlock>();
            var p = 0;
            foreach (var paragraph in article.GetProperty("paragraphs").EnumerateArray())
            {
                blocks.Add(new ArticleBlock(BlockKind.Paragraph, paragraph.GetProperty("context").GetString() ?? ""));
                foreach (var qa in paragraph.GetProperty("qas").EnumerateArray())
                {
                    questions.Add(new XQuadQuestion(qa.GetProperty("id").GetString() ?? "", qa.GetProperty("question").GetString() ?? "", a, p)
                    {
                        Answers = [.. qa.GetProperty("answers").EnumerateArray().Select(x => x.GetProperty("text").GetString() ?? "").Where(x => x.Length > 0)],
                    });
                }

                p++;
            }

            articles.Add(new Article
            {
                Id = $"xquad-{a:000}",
                Title = article.GetProperty("title").GetString() ?? "",
                Date = "",
                Language = language,
                Blocks = blocks,
            });
            a++;
        }

        return new XQuadDataset(language, articles, questions);
    }

    /// <summary>The first <paramref name="articles"/> articles and their questions (a smoke run).</summary>
    public XQuadDataset Take(int articles) =>
        this with { Articles = [.. Articles.Take(articles)], Questions = [.. Questions.Where(q => q.Article < articles)] };

    public static string GoldKey(XQuadQuestion question) => $"xquad-{question.Article:000}#{question.Paragraph}";
}
