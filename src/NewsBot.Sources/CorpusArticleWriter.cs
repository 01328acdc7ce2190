using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Articles.Html;

namespace NewsBot.Sources;

public enum WriteOutcome
{
    /// <summary>A new article file.</summary>
    Added,

    /// <summary>The same URL with new text: its file was replaced.</summary>
    Updated,

    /// <summary>The same URL with the same text: nothing written.</summary>
    Unchanged,

    /// <summary>Another URL already brought the same text (a republished item): nothing written.</summary>
    Duplicate,
}

public sealed record WriteResult(WriteOutcome Outcome, string File, string Url);

/// <summary>Where an article came from, for its front matter.</summary>
public sealed record ArticleOrigin(string? Feed, string? Language, bool FromFeedContent);

/// <summary>
/// Writes an extracted article into the corpus folder (or <see cref="FeedsOptions.FeedFolder"/> under it) as a raw-form
/// text file with front matter (title, date, url, feed, language), so the loader, the live watcher, /who and digests pick it
/// up unchanged. The write is atomic: a hidden temp file (the loader skips dot files), then a rename. Dedupe: by canonical
/// URL (the same URL with new text replaces its file) and by content hash (new URL, same text: not a new article).
/// </summary>
public sealed class CorpusArticleWriter(IOptions<CorpusOptions> corpus, IOptions<FeedsOptions> feeds, SourceStateStore state)
{
    public string Folder
    {
        get
        {
            var root = corpus.Value.ResolveFolder() ?? throw new DirectoryNotFoundException($"Corpus folder not found: {corpus.Value.Path} (set Corpus:Path or --corpus)");
            return string.IsNullOrWhiteSpace(feeds.Value.FeedFolder) ? root : Path.Combine(root, feeds.Value.FeedFolder);
        }
    }

    public Task<WriteResult> WriteAsync(ExtractedPage page, string fetchedUrl, ArticleOrigin origin, CancellationToken cancellationToken)
    {
        var url = CanonicalUrl(page.Url ?? fetchedUrl);
        var text = page.Text;
        var hash = Hash(text);
        var root = corpus.Value.ResolveFolder() ?? throw new DirectoryNotFoundException($"Corpus folder not found: {corpus.Value.Path}");
        var folder = Folder;
        return state.UpdateAsync(
            s =>
            {
                if (s.Articles.TryGetValue(url, out var known))
                {
                    var knownPath = Path.Combine(root, known.File);
                    if (known.Hash == hash && File.Exists(knownPath))
                    {
                        return new WriteResult(WriteOutcome.Unchanged, knownPath, url);
                    }

                    WriteAtomically(knownPath, Render(page, url, origin));
                    known.Hash = hash;
                    return new WriteResult(WriteOutcome.Updated, knownPath, url);
                }

                if (s.Articles.FirstOrDefault(a => a.Value.Hash == hash) is { Value: not null } same && File.Exists(Path.Combine(root, same.Value.File)))
                {
                    return new WriteResult(WriteOutcome.Duplicate, Path.Combine(root, same.Value.File), same.Key);
                }

                Directory.CreateDirectory(folder);
                var path = UniquePath(folder, FileName(page, url));
                WriteAtomically(path, Render(page, url, origin));
                s.Articles[url] = new SavedArticle { File = Path.GetRelativePath(root, path), Hash = hash, Feed = origin.Feed };
                return new WriteResult(WriteOutcome.Added, path, url);
            },
            cancellationToken);
    }

    /// <summary>The URL without fragment and tracking parameters (utm_*), host in lower case: one article, one key.</summary>
    public static string CanonicalUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }

        var query = string.Join('&', uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)));
        var builder = new UriBuilder(uri) { Fragment = "", Query = query, Host = uri.Host.ToLowerInvariant() };
        if (builder.Uri.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri.AbsoluteUri;
    }

    /// <summary>The hash of the text with whitespace collapsed, so a re-wrapped copy counts as the same.</summary>
    public static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))))[..32];

    private static string Render(ExtractedPage page, string url, ArticleOrigin origin)
    {
        var text = new StringBuilder();
        text.Append("---\n");
        Field("title", page.Title);
        Field("date", page.Date);
        Field("url", url);
        Field("feed", origin.Feed);
        Field("language", origin.Language ?? page.Language);
        Field("author", page.Author);
        if (origin.FromFeedContent)
        {
            // The page could not be fetched or gave no text: this is the feed's own summary or content.
            Field("extracted", "feed-content");
        }

        text.Append("---\n\n");
        foreach (var block in page.Blocks)
        {
            text.Append(block.Text).Append("\n\n");
        }

        return text.ToString();

        void Field(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                text.Append(key).Append(": \"").Append(value.Replace("\n", " ", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n");
            }
        }
    }

    private static void WriteAtomically(string path, string content)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp");
        File.WriteAllText(temp, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temp, path, overwrite: true);
    }

    private static string FileName(ExtractedPage page, string url)
    {
        var date = page.Date ?? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var basis = page.Title ?? Uri.UnescapeDataString(new Uri(url).Segments.LastOrDefault()?.Trim('/') ?? "article");
        return $"{date}-{Slug(basis)}.txt";
    }

    private static string Slug(string text)
    {
        var normalized = text.ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in normalized)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= 60)
            {
                break;
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length > 0 ? result : "article";
    }

    private static string UniquePath(string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(fileName)}-{n}{Path.GetExtension(fileName)}");
        }

        return path;
    }
}
