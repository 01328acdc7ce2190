using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace NewsBot.Sources;

/// <summary>One entry of a feed.</summary>
public sealed record FeedItem(string? Title, string Link, string? Id, DateTimeOffset? Published, string? Content);

/// <summary>The feed could not be read as RSS or Atom; the message says why.</summary>
public sealed class FeedFormatException(string message) : Exception(message)
{
    public FeedFormatException()
        : this("not a feed")
    {
    }

    public FeedFormatException(string message, Exception innerException)
        : this(message + ": " + innerException.Message)
    {
    }
}

/// <summary>Reads RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 with a safe XML reader (no DTDs, no external entities).</summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Rss1 = "http://purl.org/rss/1.0/";
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static IReadOnlyList<FeedItem> Parse(string xml, Uri feedUrl)
    {
        var trimmed = xml.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException("the URL returned an HTML page, not a feed");
        }

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(trimmed), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"malformed XML (line {ex.LineNumber}, position {ex.LinePosition})");
        }

        var root = document.Root!;
        IEnumerable<FeedItem?> items = root.Name.LocalName switch
        {
            "rss" => root.Elements("channel").Elements("item").Select(i => Rss2(i, feedUrl)),
            "RDF" when root.Name.Namespace == Rdf => root.Elements(Rss1 + "item").Select(i => Rss1Item(i, feedUrl)),
            "feed" when root.Name.Namespace == Atom => root.Elements(Atom + "entry").Select(e => AtomEntry(e, feedUrl)),
            "html" => throw new FeedFormatException("the URL returned an HTML page, not a feed"),
            _ => throw new FeedFormatException($"<{root.Name.LocalName}> is neither RSS nor Atom"),
        };
        return items.OfType<FeedItem>().ToList();
    }

    private static FeedItem? Rss2(XElement item, Uri feedUrl)
    {
        var guid = item.Element("guid");
        var link = Value(item.Element("link"))
            ?? (guid is not null && !string.Equals(guid.Attribute("isPermaLink")?.Value, "false", StringComparison.OrdinalIgnoreCase) ? Value(guid) : null);
        return Item(
            Value(item.Element("title")),
            link,
            Value(guid),
            Date(Value(item.Element("pubDate")) ?? Value(item.Element(Dc + "date"))),
            Value(item.Element(Content + "encoded")) ?? Value(item.Element("description")),
            feedUrl);
    }

    private static FeedItem? Rss1Item(XElement item, Uri feedUrl) =>
        Item(
            Value(item.Element(Rss1 + "title")),
            Value(item.Element(Rss1 + "link")) ?? item.Attribute(Rdf + "about")?.Value,
            item.Attribute(Rdf + "about")?.Value,
            Date(Value(item.Element(Dc + "date"))),
            Value(item.Element(Content + "encoded")) ?? Value(item.Element(Rss1 + "description")),
            feedUrl);

    private static FeedItem? AtomEntry(XElement entry, Uri feedUrl)
    {
        var links = entry.Elements(Atom + "link").ToList();
        var link = links.FirstOrDefault(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate") ?? links.FirstOrDefault();
        return Item(
            Value(entry.Element(Atom + "title")),
            link?.Attribute("href")?.Value,
            Value(entry.Element(Atom + "id")),
            Date(Value(entry.Element(Atom + "published")) ?? Value(entry.Element(Atom + "updated"))),
            Value(entry.Element(Atom + "content")) ?? Value(entry.Element(Atom + "summary")),
            feedUrl);
    }

    private static FeedItem? Item(string? title, string? link, string? id, DateTimeOffset? published, string? content, Uri feedUrl)
    {
        if (link is null || !Uri.TryCreate(feedUrl, link.Trim(), out var absolute))
        {
            return null;
        }

        return new FeedItem(title, absolute.AbsoluteUri, id, published, content);
    }

    private static string? Value(XElement? element) => element is null || string.IsNullOrWhiteSpace(element.Value) ? null : element.Value.Trim();

    private static DateTimeOffset? Date(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // RFC 822 dates often name the zone ("GMT", "CET"); DateTimeOffset understands GMT and numeric offsets.
        var cleaned = text.Replace(" UT", " GMT", StringComparison.Ordinal).Replace(" CEST", " +0200", StringComparison.Ordinal).Replace(" CET", " +0100", StringComparison.Ordinal);
        return DateTimeOffset.TryParse(cleaned, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }
}
