using NewsBot.Retrieval.Articles;
using NewsBot.Core.State;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Digests;

/// <summary>Which articles a target has not had in a digest yet.</summary>
public static class NewArticles
{
    /// <summary>
    /// Articles added after the newest one the last digest covered (newest first); the whole corpus when there was no digest yet.
    /// An article added in the same instant as that newest one counts as new unless the last digest listed it.
    /// </summary>
    public static IReadOnlyList<Article> Since(CorpusSnapshot corpus, LastDigest? last)
    {
        if (last is null)
        {
            return corpus.Articles;
        }

        var listed = new HashSet<string>(last.ArticleIds, StringComparer.OrdinalIgnoreCase);
        return corpus.Articles
            .Where(a => a.AddedAt > last.LastArticleAddedAt || (a.AddedAt == last.LastArticleAddedAt && !listed.Contains(a.Id)))
            .ToList();
    }
}

/// <summary>Where the scheduler keeps, per schedule, the instant up to which occurrences have been handled.</summary>
public static class DigestMarks
{
    public static string Key(string scheduleName) => "digest:last:" + scheduleName;

    public static async Task<DateTimeOffset?> GetAsync(IKeyValueStore store, string scheduleName, CancellationToken cancellationToken) =>
        await store.GetAsync(Key(scheduleName), cancellationToken) is { } text
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            ? at
            : null;

    public static Task SetAsync(IKeyValueStore store, string scheduleName, DateTimeOffset handledUntil, CancellationToken cancellationToken) =>
        store.SetAsync(Key(scheduleName), handledUntil.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
}
