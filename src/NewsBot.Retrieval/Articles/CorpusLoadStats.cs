namespace NewsBot.Retrieval.Articles;

/// <summary>What one load of the corpus folder did: how many files were parsed, taken from the cache, or skipped.</summary>
public sealed record CorpusLoadStats(int Files, int Parsed, int FromCache, int Skipped)
{
    /// <summary>True when a cache file existed but could not be used (corrupt, truncated, older format) and was rebuilt.</summary>
    public bool CacheRebuilt { get; init; }

    /// <summary>True when the cache file was (re)written or appended to by this load.</summary>
    public bool CacheWritten { get; init; }

    /// <summary>True when this load appended its new and changed articles to the cache file instead of writing it anew.</summary>
    public bool CacheAppended { get; init; }

    /// <summary>Files that did not parse before and are unchanged: reported again without being read (part of <see cref="Skipped"/>).</summary>
    public int KnownUnparsable { get; init; }
}

/// <summary>The articles of one load and what it took.</summary>
public sealed record CorpusLoadResult(IReadOnlyList<Article> Articles, CorpusLoadStats Stats);
