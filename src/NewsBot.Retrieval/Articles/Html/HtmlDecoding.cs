using System.Text;
using System.Text.RegularExpressions;

namespace NewsBot.Retrieval.Articles.Html;

/// <summary>
/// Decodes the bytes of an HTML page the way a browser would, in order: a byte-order mark, the charset of the HTTP
/// Content-Type header, a &lt;meta charset&gt; or http-equiv declaration in the first 4 KB, then UTF-8 when the bytes are
/// valid UTF-8, else Windows-1252 (what pages labelled Latin-1 really use).
/// </summary>
public static partial class HtmlDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes, string? headerCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        var declared = ForName(headerCharset) ?? ForName(MetaCharset(bytes));
        if (declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
        {
            return declared.GetString(bytes);
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Declared UTF-8 but is not, or nothing declared: the usual culprit is Windows-1252.
            return (ForName("windows-1252") ?? Encoding.Latin1).GetString(bytes);
        }
    }

    /// <summary>The encoding for a charset name, or null when .NET (with the code-pages provider) does not know it.</summary>
    public static Encoding? ForName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim().Trim('"', '\'');
        // HTML's rule: a page labelled ISO-8859-1 or ASCII is decoded as Windows-1252.
        if (trimmed.Equals("iso-8859-1", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("latin1", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = "windows-1252";
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(trimmed) ?? Encoding.GetEncoding(trimmed);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1").</summary>
    public static string? CharsetOf(string? contentType) =>
        contentType is not null && HeaderCharset().Match(contentType) is { Success: true } m ? m.Groups["cs"].Value : null;

    private static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        return MetaCharsetPattern().Match(head) is { Success: true } m ? m.Groups["cs"].Value : null;
    }

    [GeneratedRegex(@"<meta[^>]+charset\s*=\s*[""']?(?<cs>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex MetaCharsetPattern();

    [GeneratedRegex(@"charset\s*=\s*[""']?(?<cs>[A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderCharset();
}
