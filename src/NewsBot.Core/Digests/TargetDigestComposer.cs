using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Digests;

/// <summary>A digest planned for one target, with what it covers.</summary>
/// <param name="NewestAddedAt">The newest added-at time among the new articles (shown or not): the next digest starts after it.</param>
/// <param name="ArticleIds">The articles shown, plus every new one added at exactly <paramref name="NewestAddedAt"/> (shown or not).</param>
public sealed record PlannedDigest(Digest Digest, DateTimeOffset NewestAddedAt, IReadOnlyList<string> ArticleIds);

/// <summary>The digest for one target: the articles it has not had yet, or the latest ones for its first digest.</summary>
public sealed class TargetDigestComposer(DigestComposer composer, IDigestHistoryStore history)
{
    /// <summary>Null when nothing is new for the target.</summary>
    public async Task<PlannedDigest?> ComposeAsync(CorpusSnapshot corpus, ChatKey target, Language language, int maxArticles, CancellationToken cancellationToken)
    {
        var last = await history.GetLastDigestAsync(target.ToString(), cancellationToken);
        var fresh = NewArticles.Since(corpus, last);
        if (fresh.Count == 0)
        {
            return null;
        }

        var digest = await composer.ComposeAsync(fresh, language, maxArticles, cancellationToken);
        var more = last is null ? 0 : fresh.Count - digest.Items.Count;
        if (more > 0)
        {
            // More arrived than fit: say so rather than let them pass unmentioned.
            var reply = digest.Reply with { Blocks = [.. digest.Reply.Blocks, new ReplyBlock(ReplyBlockKind.Note, DigestTexts.MoreArticles(language, more))] };
            digest = digest with { Reply = reply };
        }

        // The next digest starts after the newest added-at time; the ids settle ties at exactly that instant.
        var newest = fresh.Max(a => a.AddedAt);
        var covered = digest.Items.Select(i => i.Article.Id).Concat(fresh.Where(a => a.AddedAt == newest).Select(a => a.Id)).Distinct().ToList();
        return new PlannedDigest(digest, newest, covered);
    }

    /// <summary>Records what a digest covered, unless a later one was already recorded.</summary>
    public async Task RecordAsync(ChatKey target, DateTimeOffset newestAddedAt, IReadOnlyList<string> articleIds, CancellationToken cancellationToken)
    {
        var last = await history.GetLastDigestAsync(target.ToString(), cancellationToken);
        if (last is null || newestAddedAt >= last.LastArticleAddedAt)
        {
            await history.SetLastDigestAsync(target.ToString(), newestAddedAt, articleIds, cancellationToken);
        }
    }
}
