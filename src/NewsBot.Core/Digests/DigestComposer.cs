using NewsBot.Core.Answers;
using NewsBot.Core.Articles;
using NewsBot.Core.Chat;
using NewsBot.Core.Languages;
using NewsBot.Core.Search;

namespace NewsBot.Core.Digests;

/// <summary>One article in a digest, with its blurb in the digest's language.</summary>
public sealed record DigestItem(Article Article, string Summary, int Group);

public sealed record Digest(Language Language, IReadOnlyList<DigestItem> Items, Reply Reply)
{
    public bool IsEmpty => Items.Count == 0;
}

/// <summary>
/// Composes a digest: the given articles newest first, each with a short blurb and a citation;
/// articles that tell the same story stand together under the first one.
/// </summary>
public sealed class DigestComposer(IAnswerEngine engine)
{
    /// <summary>Share of shared salient terms above which two articles count as one story.</summary>
    private const double SameStoryOverlap = 0.35;

    public async Task<Digest> ComposeAsync(IReadOnlyList<Article> articles, Language language, int maxArticles, CancellationToken cancellationToken)
    {
        var chosen = articles.OrderByDescending(a => a.SortDate).ThenByDescending(a => a.AddedAt).Take(maxArticles).ToList();
        if (chosen.Count == 0)
        {
            return new Digest(language, [], Reply.Text(language, Texts.NothingNew(language)));
        }

        var groups = GroupStories(chosen);
        var items = new List<DigestItem>();
        foreach (var article in chosen)
        {
            var blurb = await engine.BlurbAsync(article, language, cancellationToken);
            items.Add(new DigestItem(article, blurb, groups[article.Id]));
        }

        var citations = new CitationList();
        var blocks = new List<ReplyBlock> { new(ReplyBlockKind.Heading, Texts.DigestHeading(language, items.Count)) };
        foreach (var story in items.GroupBy(i => i.Group))
        {
            var first = true;
            foreach (var item in story)
            {
                var date = item.Article.Date.Length > 0 ? $" ({item.Article.Date})" : "";
                var text = $"{item.Article.Title}{date}: {item.Summary} {citations.Marker(item.Article)}";
                blocks.Add(new ReplyBlock(first ? ReplyBlockKind.ListItem : ReplyBlockKind.Quote, text));
                first = false;
            }
        }

        return new Digest(language, items, new Reply(language, blocks, citations.Citations) { Backend = engine.Backend });
    }

    /// <summary>Story group per article id: articles whose title and lead share enough salient terms join the earlier one.</summary>
    private static Dictionary<string, int> GroupStories(IReadOnlyList<Article> articles)
    {
        var signatures = articles.Select(a => new HashSet<string>(
            TextAnalyzer.Terms(a.Title + " " + string.Join(' ', a.Paragraphs.Take(1))).Where(t => t.Length > 3),
            StringComparer.Ordinal)).ToList();
        var group = new Dictionary<string, int>();
        for (var i = 0; i < articles.Count; i++)
        {
            group[articles[i].Id] = i;
            for (var j = 0; j < i; j++)
            {
                var a = signatures[i];
                var b = signatures[j];
                var smaller = Math.Min(a.Count, b.Count);
                if (smaller > 0 && (double)a.Count(b.Contains) / smaller >= SameStoryOverlap)
                {
                    group[articles[i].Id] = group[articles[j].Id];
                    break;
                }
            }
        }

        return group;
    }
}
