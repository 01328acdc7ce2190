using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NewsBot.Retrieval.Articles;

/// <summary>Where the article cache of a corpus folder lives: one file per folder, under the app's data folder unless configured.</summary>
public sealed class CorpusCacheLocation(IOptions<CorpusOptions> options)
{
    public const string DefaultFolderName = "cache";

    /// <summary>The cache folder (corpus cache, dictionary snapshot), or null when caching is off.</summary>
    public string? Folder
    {
        get
        {
            var o = options.Value;
            if (!o.Cache)
            {
                return null;
            }

            return string.IsNullOrWhiteSpace(o.CacheFolder)
                ? Path.Combine(AppDataFolder.Resolve(), DefaultFolderName)
                : Path.GetFullPath(o.CacheFolder);
        }
    }

    /// <summary>The cache file for <paramref name="corpusFolder"/>, or null when caching is off.</summary>
    public string? FileFor(string corpusFolder)
    {
        if (Folder is not { } folder)
        {
            return null;
        }

        // Named by the corpus folder's full path, so two corpora never share (or overwrite) one cache.
        var key = KeyFor(corpusFolder);
        return Path.Combine(folder, $"corpus-{key}.articles");
    }

    /// <summary>A short stable name for a file or folder's full path, so caches of two sources never share a file.</summary>
    public static string KeyFor(string path) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path))))[..16].ToLowerInvariant();
}
