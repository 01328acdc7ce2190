using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval;

/// <summary>
/// A thread-safe per-word memo of a pure classification (the vocabulary repeats, the classifying does not need to), emptied
/// when it reaches its bound. An open-addressing table of immutable entries, read without locks and compiled optimised at
/// once: the people extraction asks several of these per token, and a <c>ConcurrentDictionary</c> there ran unoptimised
/// through much of a cold ingest (its lookups were about 7% of the CPU at 9,318 articles). Its size is counted apart
/// (a dictionary's <c>Count</c> takes every lock; asked on every miss it once made the extraction wait more than it classified).
/// </summary>
/// <remarks>
/// A value is a pure function of its word, so a lost race (two threads adding the same word, an add landing in a table just
/// replaced by a larger one) costs one more classification later, never a wrong answer.
/// </remarks>
internal sealed class WordCache<TValue>(int limit = 100_000)
{
    private const int InitialSlots = 1024;

    private Entry?[] _slots = new Entry?[InitialSlots];
    private int _count;
    private readonly Lock _resize = new();

    private sealed class Entry(string word, int hash, TValue value)
    {
        public readonly string Word = word;
        public readonly int Hash = hash;
        public readonly TValue Value = value;
    }

    public bool TryGetValue(string word, out TValue value) => TryGetValue(word.AsSpan(), out value);

    /// <summary>The value for the word spelt by <paramref name="word"/>, without making a string of it.</summary>
    [MethodImpl(HotPath.Options)]
    public bool TryGetValue(ReadOnlySpan<char> word, out TValue value)
    {
        var slots = Volatile.Read(ref _slots);
        var hash = HashOf(word);
        var mask = slots.Length - 1;
        for (int slot = hash & mask, probes = 0; probes <= mask; slot = (slot + 1) & mask, probes++)
        {
            var entry = Volatile.Read(ref slots[slot]);
            if (entry is null)
            {
                break;
            }

            if (entry.Hash == hash && word.SequenceEqual(entry.Word))
            {
                value = entry.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Remembers <paramref name="value"/> for <paramref name="word"/> and returns it.</summary>
    [MethodImpl(HotPath.Options)]
    public TValue Add(string word, TValue value)
    {
        var hash = HashOf(word);
        var entry = new Entry(word, hash, value);
        while (true)
        {
            var slots = Volatile.Read(ref _slots);
            var mask = slots.Length - 1;
            for (int slot = hash & mask, probes = 0; probes <= mask; slot = (slot + 1) & mask, probes++)
            {
                var existing = Volatile.Read(ref slots[slot]) ?? Interlocked.CompareExchange(ref slots[slot], entry, null);
                if (existing is null)
                {
                    Added(slots);
                    return value;
                }

                if (existing.Hash == hash && string.Equals(existing.Word, word, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            // Full (racing adds outran the count): grow, then try again.
            Grow(slots, reset: false);
        }
    }

    private void Added(Entry?[] slots)
    {
        var count = Interlocked.Increment(ref _count);
        if (count >= limit)
        {
            Grow(slots, reset: true);
        }
        else if (count * 2 > slots.Length)
        {
            Grow(slots, reset: false);
        }
    }

    /// <summary>Replaces <paramref name="slots"/> (unless another thread did) by an empty table, or by one twice its size holding its entries.</summary>
    private void Grow(Entry?[] slots, bool reset)
    {
        lock (_resize)
        {
            if (!ReferenceEquals(_slots, slots))
            {
                return;
            }

            if (reset)
            {
                Volatile.Write(ref _count, 0);
                Volatile.Write(ref _slots, new Entry?[InitialSlots]);
                return;
            }

            var grown = new Entry?[slots.Length * 2];
            var mask = grown.Length - 1;
            var count = 0;
            for (var i = 0; i < slots.Length; i++)
            {
                var entry = Volatile.Read(ref slots[i]);
                if (entry is null)
                {
                    continue;
                }

                var slot = entry.Hash & mask;
                while (grown[slot] is not null)
                {
                    slot = (slot + 1) & mask;
                }

                grown[slot] = entry;
                count++;
            }

            Volatile.Write(ref _count, count);
            Volatile.Write(ref _slots, grown);
        }
    }

    /// <summary>FNV-1a over the word's characters, mixed so that its low bits (the home slot) depend on every character.</summary>
    [MethodImpl(HotPath.Options)]
    internal static int HashOf(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return (int)(hash & 0x7FFFFFFF);
    }
}
