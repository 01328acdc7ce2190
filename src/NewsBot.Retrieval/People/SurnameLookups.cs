namespace NewsBot.Retrieval.People;

/// <summary>
/// The surname keys an article's extraction looked up among other articles' surnames, as 32-bit hashes (sorted, distinct):
/// small enough to keep and store for every article, and enough to tell which articles a surname joining or leaving the
/// corpus can change. A hash shared by two keys only makes an article be read once more than needed.
/// </summary>
public sealed class SurnameLookups
{
    private readonly uint[] _hashes;

    public SurnameLookups(uint[] hashes)
    {
        _hashes = hashes;
    }

    public static SurnameLookups Empty { get; } = new([]);

    /// <summary>Sorted, distinct.</summary>
    public IReadOnlyList<uint> Keys => _hashes;

    internal ReadOnlySpan<uint> Span => _hashes;

    public static SurnameLookups Of(IReadOnlyCollection<string> keys)
    {
        if (keys.Count == 0)
        {
            return Empty;
        }

        // Filled and trimmed by hand, not with LINQ or a range: framework generics over uint are not precompiled for a
        // framework-dependent app (ReadyToRun), and LINQ's array builder and pool over uint cost ~25 methods compiled at run
        // time in every process that extracts people.
        var hashes = new uint[keys.Count];
        var count = 0;
        foreach (var key in keys)
        {
            hashes[count++] = Hash(key);
        }

        // Sorted, then distinct in place (once per article read: no set for the few keys).
        Array.Sort(hashes);
        var distinct = 1;
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] != hashes[distinct - 1])
            {
                hashes[distinct++] = hashes[i];
            }
        }

        if (distinct == hashes.Length)
        {
            return new(hashes);
        }

        var kept = new uint[distinct];
        Array.Copy(hashes, kept, distinct);
        return new(kept);
    }

    /// <summary>True when any of the article's lookups has one of <paramref name="hashes"/>.</summary>
    public bool Any(IReadOnlySet<uint> hashes)
    {
        if (hashes.Count == 0)
        {
            return false;
        }

        foreach (var hash in _hashes)
        {
            if (hashes.Contains(hash))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>FNV-1a over the key's UTF-16 code units: the same in every process (string.GetHashCode is not).</summary>
    public static uint Hash(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
