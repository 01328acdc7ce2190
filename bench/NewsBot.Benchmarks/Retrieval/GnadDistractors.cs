using System.Text;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Benchmarks.Retrieval;

/// <summary>
/// The 10kGNAD test split (German news, one article a line: <c>label;'text'</c>, <c>'</c> quotes, <c>''</c> escapes one)
/// as distractor articles. Each article is cut into paragraph-sized passages of whole sentences, like the corpus's own.
/// </summary>
internal static class GnadDistractors
{
    private const int ParagraphWords = 90;

    public static List<Article> Load(string path, int limit = int.MaxValue)
    {
        var articles = new List<Article>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (articles.Count >= limit)
            {
                break;
            }

            var separator = line.IndexOf(';', StringComparison.Ordinal);
            if (separator < 0)
            {
                continue;
            }

            var text = Unquote(line[(separator + 1)..]);
            if (text.Length == 0)
            {
                continue;
            }

            articles.Add(new Article
            {
                Id = $"gnad-{articles.Count:0000}",
                Title = line[..separator],
                Date = "",
                Language = Language.German,
                Blocks = [.. Paragraphs(text).Select(p => new ArticleBlock(BlockKind.Paragraph, p))],
            });
        }

        return articles;
    }

    private static string Unquote(string field)
    {
        field = field.Trim();
        if (field.Length >= 2 && field[0] == '\'' && field[^1] == '\'')
        {
            field = field[1..^1];
        }

        return field.Replace("''", "'", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Paragraphs(string text)
    {
        var current = new StringBuilder();
        var words = 0;
        foreach (var sentence in Sentences.Split(text))
        {
            current.Append(sentence).Append(' ');
            words += sentence.Count(c => c == ' ') + 1;
            if (words >= ParagraphWords)
            {
                yield return current.ToString().Trim();
                current.Clear();
                words = 0;
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString().Trim();
        }
    }
}
