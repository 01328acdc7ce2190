using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace NewsBot.Core.Articles;

/// <summary>Reads every article file under a folder. A file that cannot be read or parsed is skipped with a warning naming it.</summary>
public sealed partial class CorpusLoader(ILogger<CorpusLoader> logger)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public IReadOnlyList<Article> LoadFolder(string folder, CancellationToken cancellationToken = default)
    {
        var files = ArticleFiles(folder);
        var articles = new List<Article>(files.Count);
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryLoad(folder, file) is { } article && ids.Add(article.Id))
            {
                articles.Add(article);
            }
        }

        return articles;
    }

    /// <summary>The article files below a folder, in a stable order.</summary>
    public static IReadOnlyList<string> ArticleFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => ArticleParser.Extensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Loads one file, or logs why it was skipped and returns null.</summary>
    public Article? TryLoad(string folder, string file)
    {
        try
        {
            var bytes = File.ReadAllBytes(file);
            var content = Decode(bytes);
            var article = ArticleParser.Parse(IdFor(folder, file), Path.GetFileName(file), content);
            return article with
            {
                AddedAt = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero),
                ContentHash = Convert.ToHexString(SHA256.HashData(bytes))[..16],
                Source = article.Url ?? Path.GetFileName(file),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArticleParseException)
        {
            LogSkipped(logger, file, ex.Message);
            return null;
        }
    }

    /// <summary>The id is the file name without extension (with its sub-folder when nested): stable across runs.</summary>
    public static string IdFor(string folder, string file)
    {
        var relative = Path.GetRelativePath(folder, file);
        var withoutExtension = Path.ChangeExtension(relative, null) ?? relative;
        return withoutExtension.Replace(Path.DirectorySeparatorChar, '-').Replace(' ', '_');
    }

    /// <summary>UTF-8 when valid, else Latin-1 (older German files): a text file is never rejected for its encoding.</summary>
    private static string Decode(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped article file {File}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string file, string reason);
}
