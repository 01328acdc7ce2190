using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;

namespace NewsBot.Retrieval.Articles.Html;

/// <summary>
/// Title, date, author, URL and language from a page's head: JSON-LD (NewsArticle, Article, BlogPosting … also inside
/// @graph), Open Graph and article: meta tags, Dublin Core and itemprop, the canonical link, &lt;time&gt; and &lt;html lang&gt;.
/// Attributes are read through the DOM, so their order does not matter.
/// </summary>
internal sealed record HtmlMetadata(string? Headline, string? SocialTitle, string? DocumentTitle, string? Date, string? Url, string? Author, string? Language)
{
    public static HtmlMetadata Read(IDocument document, string? pageUrl)
    {
        var ld = JsonLd.Read(document);
        var social = First(Meta(document, "og:title"), Meta(document, "twitter:title"), Meta(document, "dc.title"));
        var date = First(
            ld?.DatePublished,
            Meta(document, "article:published_time"),
            Meta(document, "og:article:published_time"),
            Meta(document, "datePublished"),
            Meta(document, "date"),
            Meta(document, "dc.date"),
            Meta(document, "dc.date.issued"),
            Meta(document, "dcterms.created"),
            Meta(document, "pubdate"),
            Meta(document, "publishdate"),
            Meta(document, "sailthru.date"),
            Meta(document, "parsely-pub-date"),
            document.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        var author = First(ld?.Author, Meta(document, "author"), Meta(document, "article:author"), Meta(document, "dc.creator"), Meta(document, "parsely-author"));
        if (author is not null && author.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            // article:author is often a profile URL, not a name.
            author = null;
        }

        var canonical = document.QuerySelectorAll("link[rel]")
            .FirstOrDefault(l => l.GetAttribute("rel")!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("canonical", StringComparer.OrdinalIgnoreCase))
            ?.GetAttribute("href");
        var url = AbsoluteHttp(First(canonical, Meta(document, "og:url"), ld?.Url), pageUrl) ?? AbsoluteHttp(pageUrl, null);
        var language = LanguageCode(First(ld?.Language, document.DocumentElement.GetAttribute("lang"), Meta(document, "og:locale"), Meta(document, "content-language"), Meta(document, "dc.language")));
        return new HtmlMetadata(First(ld?.Headline), social, First(document.Title), NormalizeDate(date), url, author, language);
    }

    /// <summary>The content of a meta tag named by property, name or itemprop (any case, any attribute order).</summary>
    public static string? Meta(IDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            foreach (var attribute in (ReadOnlySpan<string>)["property", "name", "itemprop", "http-equiv"])
            {
                if (string.Equals(meta.GetAttribute(attribute)?.Trim(), key, StringComparison.OrdinalIgnoreCase))
                {
                    var content = meta.GetAttribute("content")?.Trim();
                    if (!string.IsNullOrEmpty(content))
                    {
                        return content;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>"yyyy-MM-dd" from ISO 8601 dates and timestamps, RFC 1123, or "dd.MM.yyyy"; null when it is none of these.</summary>
    public static string? NormalizeDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim();
        if (v.Length >= 10 && DateOnly.TryParseExact(v[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var any))
        {
            return any.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return DateOnly.TryParseExact(v.Length >= 10 ? v[..10] : v, "dd.MM.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var german)
            ? german.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>"de" from "de-DE", "de_DE" or "DE"; null for anything that is not a language tag.</summary>
    public static string? LanguageCode(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var code = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }

    private static string? AbsoluteHttp(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        Uri? uri;
        if (!Uri.TryCreate(href.Trim(), UriKind.Absolute, out uri) && baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var b))
        {
            Uri.TryCreate(b, href.Trim(), out uri);
        }

        return uri is not null && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : null;
    }

    private static string? First(params string?[] values) =>
        values.Select(v => v is null ? null : System.Net.WebUtility.HtmlDecode(v).Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    /// <summary>The first JSON-LD object whose @type names an article kind.</summary>
    private sealed record JsonLd(string? Headline, string? DatePublished, string? Author, string? Url, string? Language, string? Body)
    {
        public static JsonLd? Read(IDocument document)
        {
            foreach (var script in document.QuerySelectorAll("script[type]"))
            {
                if (!string.Equals(script.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                try
                {
                    using var json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                    if (Find(json.RootElement, 0) is { } found)
                    {
                        return found;
                    }
                }
                catch (JsonException)
                {
                    // Broken JSON-LD is common; the meta tags still count.
                }
            }

            return null;
        }

        private static JsonLd? Find(JsonElement element, int depth)
        {
            if (depth > 4)
            {
                return null;
            }

            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (element.TryGetProperty("@graph", out var graph) && Find(graph, depth + 1) is { } inGraph)
            {
                return inGraph;
            }

            if (!IsArticleType(element))
            {
                return null;
            }

            return new JsonLd(
                String(element, "headline") ?? String(element, "name"),
                String(element, "datePublished") ?? String(element, "dateCreated"),
                Names(element),
                String(element, "url") ?? (element.TryGetProperty("mainEntityOfPage", out var page) ? page.ValueKind == JsonValueKind.String ? page.GetString() : String(page, "@id") : null),
                String(element, "inLanguage"),
                String(element, "articleBody"));
        }

        private static bool IsArticleType(JsonElement element)
        {
            if (!element.TryGetProperty("@type", out var type))
            {
                return false;
            }

            IEnumerable<string?> types = type.ValueKind switch
            {
                JsonValueKind.String => [type.GetString()],
                JsonValueKind.Array => type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()),
                _ => [],
            };

            // NewsArticle, Article, ReportageNewsArticle, AnalysisNewsArticle, BlogPosting, LiveBlogPosting, …
            return types.Any(t => t is not null && (t.EndsWith("Article", StringComparison.Ordinal) || t.EndsWith("BlogPosting", StringComparison.Ordinal)));
        }

        private static string? Names(JsonElement element)
        {
            if (!element.TryGetProperty("author", out var author))
            {
                return null;
            }

            var items = author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToList() : [author];
            var names = items
                .Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : String(a, "name"))
                .Where(n => !string.IsNullOrWhiteSpace(n))
                .Select(n => n!.Trim())
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return names.Count > 0 ? string.Join(", ", names) : null;
        }

        private static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
    }
}
