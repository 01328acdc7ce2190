using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// The index's term dictionary and postings in three flat arrays: the terms in ordinal order, each term's start in one
/// postings array, and the postings (passage, frequency) in passage order per term. A lookup is a binary search; prefixes
/// (spelling cognates) are a range. Flat arrays are written to and read from disk in bulk, so opening a persisted index
/// costs a read, not a rebuild of hundreds of thousands of objects.
/// </summary>
internal sealed class TermTable
{
    public TermTable(string[] terms, int[] offsets, CorpusIndex.Posting[] postings)
    {
        if (offsets.Length != terms.Length + 1 || offsets[0] != 0 || offsets[^1] != postings.Length)
        {
            throw new InvalidDataException("term table offsets do not match its terms and postings");
        }

        Terms = terms;
        Offsets = offsets;
        Postings = postings;
    }

    public static TermTable Empty { get; } = new([], [0], []);

    /// <summary>Ordinal order.</summary>
    public string[] Terms { get; }

    /// <summary>Term t's postings are <c>Postings[Offsets[t]..Offsets[t + 1]]</c>.</summary>
    public int[] Offsets { get; }

    public CorpusIndex.Posting[] Postings { get; }

    public int Count => Terms.Length;

    /// <summary>
    /// The term's position, or the bitwise complement of where it would go when the index does not have it (as
    /// <see cref="Array.BinarySearch(Array, object)"/>). A query asks this for every word, translation and spelling it tries;
    /// written out and compiled optimised at once rather than through a comparer's interface calls.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public int Find(string term)
    {
        var terms = Terms;
        int lo = 0, hi = terms.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var order = string.CompareOrdinal(terms[mid], term);
            if (order == 0)
            {
                return mid;
            }

            if (order < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return ~lo;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<CorpusIndex.Posting> PostingsOf(int term) => Postings.AsSpan(Offsets[term], Offsets[term + 1] - Offsets[term]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DocumentFrequency(int term) => Offsets[term + 1] - Offsets[term];

    /// <summary>The table of a built term → postings dictionary (each list in passage order).</summary>
    public static TermTable From(Dictionary<string, CorpusIndex.Posting[]> postings)
    {
        var terms = postings.Keys.ToArray();
        Array.Sort(terms, StringComparer.Ordinal);
        var offsets = new int[terms.Length + 1];
        for (var t = 0; t < terms.Length; t++)
        {
            offsets[t + 1] = offsets[t] + postings[terms[t]].Length;
        }

        var flat = new CorpusIndex.Posting[offsets[^1]];
        for (var t = 0; t < terms.Length; t++)
        {
            postings[terms[t]].CopyTo(flat, offsets[t]);
        }

        return new TermTable(terms, offsets, flat);
    }

    /// <summary>
    /// This table with passages renumbered by <paramref name="remap"/> (old passage → new, or -1 when it is gone), merged with
    /// <paramref name="added"/> (postings of new passages, all numbered after every kept one). Terms left with no posting go.
    /// </summary>
    public TermTable Update(int[] remap, Dictionary<string, CorpusIndex.Posting[]> added)
    {
        var addedTerms = added.Keys.ToArray();
        Array.Sort(addedTerms, StringComparer.Ordinal);
        var addedCount = 0;
        foreach (var list in added.Values)
        {
            addedCount += list.Length;
        }

        // Written into arrays of the largest size they can take, trimmed at the end (a no-op when nothing went). When no passage
        // went (articles only added), each kept term's postings are copied as one block instead of renumbered one by one.
        var unchanged = IsIdentity(remap);
        var terms = new string[Terms.Length + addedTerms.Length];
        var offsets = new int[terms.Length + 1];
        var flat = new CorpusIndex.Posting[Postings.Length + addedCount];
        int i = 0, j = 0, count = 0, filled = 0;
        while (i < Terms.Length || j < addedTerms.Length)
        {
            var order = i == Terms.Length ? 1 : j == addedTerms.Length ? -1 : string.CompareOrdinal(Terms[i], addedTerms[j]);
            var before = filled;
            string term;
            if (order <= 0)
            {
                term = Terms[i];
                var kept = PostingsOf(i);
                if (unchanged)
                {
                    kept.CopyTo(flat.AsSpan(filled));
                    filled += kept.Length;
                }
                else
                {
                    foreach (var posting in kept)
                    {
                        // Kept passages keep their relative order, so the renumbered list stays in passage order.
                        if (remap[posting.Passage] is var renumbered and >= 0)
                        {
                            flat[filled++] = posting with { Passage = renumbered };
                        }
                    }
                }

                i++;
            }
            else
            {
                term = addedTerms[j];
            }

            if (order >= 0)
            {
                var list = added[addedTerms[j]];
                list.CopyTo(flat, filled);
                filled += list.Length;
                j++;
            }

            if (filled > before)
            {
                terms[count++] = term;
                offsets[count] = filled;
            }
        }

        Array.Resize(ref terms, count);
        Array.Resize(ref offsets, count + 1);
        Array.Resize(ref flat, filled);
        return new TermTable(terms, offsets, flat);
    }

    private static bool IsIdentity(int[] remap)
    {
        for (var i = 0; i < remap.Length; i++)
        {
            if (remap[i] != i)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The postings as bytes, for writing them in one go.</summary>
    public ReadOnlySpan<byte> PostingBytes => MemoryMarshal.AsBytes(Postings.AsSpan());
}
