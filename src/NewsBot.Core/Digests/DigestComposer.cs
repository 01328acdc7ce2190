using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;

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
    /// <summary>Share of shared salient title-and-lead terms above which two articles with a common title term count as one story.</summary>
    private const double SameStoryOverlap = 0.35;

    /// <summary>Share of shared salient title terms (at least two) above which two articles count as one story.</summary>
    private const double SameStoryTitleOverlap = 0.6;

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

    /// <summary>
    /// Story group per article id: an article joins an earlier one when their titles share most of their salient terms,
    /// or share at least one and their title-plus-lead overlap is high. Anchoring on the title keeps stock phrases of
    /// news prose ("officials said", "on Tuesday") from merging unrelated stories.
    /// </summary>
    private static Dictionary<string, int> GroupStories(IReadOnlyList<Article> articles)
    {
        static HashSet<string> Salient(string text) => new(TextAnalyzer.Terms(text).Where(t => t.Length > 3), StringComparer.Ordinal);

        var titles = articles.Select(a => Salient(a.Title)).ToList();
        var leads = articles.Select(a => Salient(a.Title + " " + string.Join(' ', a.Paragraphs.Take(1)))).ToList();
        var group = new Dictionary<string, int>();
        for (var i = 0; i < articles.Count; i++)
        {
            group[articles[i].Id] = i;
            for (var j = 0; j < i; j++)
            {
                if (SameStory(titles[i], titles[j], leads[i], leads[j]))
                {
                    group[articles[i].Id] = group[articles[j].Id];
                    break;
                }
            }
        }

        return group;
    }

    private static bool SameStory(HashSet<string> titleA, HashSet<string> titleB, HashSet<string> leadA, HashSet<string> leadB)
    {
        var sharedTitle = titleA.Count(titleB.Contains);
        if (sharedTitle == 0)
        {
            return false;
        }

        var smallerTitle = Math.Min(titleA.Count, titleB.Count);
        if (sharedTitle >= 2 && (double)sharedTitle / smallerTitle >= SameStoryTitleOverlap)
        {
            return true;
        }

        var smallerLead = Math.Min(leadA.Count, leadB.Count);
        return smallerLead > 0 && (double)leadA.Count(leadB.Contains) / smallerLead >= SameStoryOverlap;
    }
}
