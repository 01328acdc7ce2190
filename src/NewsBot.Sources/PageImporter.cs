using Microsoft.Extensions.Logging;
using NewsBot.Retrieval.Articles.Html;

namespace NewsBot.Sources;

/// <summary>What importing one page did.</summary>
public sealed record ImportResult(WriteOutcome Outcome, string File, string Url, string? Title, bool FromFeedContent);

/// <summary>
/// Fetches one page, extracts its article and writes it into the corpus. For a feed item whose page cannot be fetched or
/// yields no text, the item's own content or summary is used instead and marked so in the front matter.
/// </summary>
public sealed partial class PageImporter(PageFetcher fetcher, CorpusArticleWriter writer, ILogger<PageImporter> logger)
{
    /// <summary>Fetches and extracts a page without writing it (newsbot extract).</summary>
    public async Task<ExtractedPage> ExtractAsync(Uri url, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(url, cancellationToken: cancellationToken);
        return HtmlArticleExtractor.Extract(HtmlDecoding.Decode(fetched.Body, fetched.Charset), fetched.Url.AbsoluteUri);
    }

    /// <summary>One URL into the corpus (newsbot add, /add): a page that cannot be fetched or has no text is an error.</summary>
    public async Task<ImportResult> ImportAsync(Uri url, CancellationToken cancellationToken)
    {
        var page = await ExtractAsync(url, cancellationToken);
        if (page.Blocks.Count == 0)
        {
            throw new FetchException($"no article text found on {url}");
        }

        var written = await writer.WriteAsync(page, url.AbsoluteUri, new ArticleOrigin(null, null, false), cancellationToken);
        return new ImportResult(written.Outcome, written.File, written.Url, page.Title, false);
    }

    /// <summary>One feed item into the corpus, falling back to the item's content when its page fails.</summary>
    public async Task<ImportResult?> ImportItemAsync(FeedItem item, FeedDefinition feed, CancellationToken cancellationToken)
    {
        ExtractedPage? page = null;
        try
        {
            page = await ExtractAsync(UrlGuard.Parse(item.Link), cancellationToken);
        }
        catch (Exception ex) when (ex is FetchException or SourceRefusedException or HttpRequestException)
        {
            LogItemPageFailed(logger, feed.Name, item.Link, ex.Message);
        }

        var fromContent = page is null || page.Blocks.Count == 0;
        if (fromContent)
        {
            if (string.IsNullOrWhiteSpace(item.Content))
            {
                return null;
            }

            var content = HtmlArticleExtractor.Extract($"<html><body><article>{item.Content}</article></body></html>", item.Link);
            page = content with { Title = item.Title ?? content.Title, Url = item.Link, Date = Date(item) ?? content.Date };
            if (page.Blocks.Count == 0)
            {
                return null;
            }
        }

        page = page! with { Title = page.Title ?? item.Title, Date = page.Date ?? Date(item) };
        var written = await writer.WriteAsync(page, item.Link, new ArticleOrigin(feed.Name, feed.Language, fromContent), cancellationToken);
        return new ImportResult(written.Outcome, written.File, written.Url, page.Title, fromContent);
    }

    private static string? Date(FeedItem item) => item.Published?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Feed}: page {Url} could not be fetched ({Reason}); using the item's own content")]
    private static partial void LogItemPageFailed(ILogger logger, string feed, string url, string reason);
}
