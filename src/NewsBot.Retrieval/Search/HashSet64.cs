using System.Numerics;
using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// A set of 64-bit hashes in one open-addressing array (0 marks a free slot; a hash of 0 is kept aside): read from a snapshot in
/// bulk and looked up in place, where a <c>HashSet&lt;ulong&gt;</c> had to be rebuilt entry by entry at every start.
/// </summary>
internal sealed class HashSet64
{
    private readonly ulong[] _slots;
    private readonly int _shift;

    /// <param name="slots">A power-of-two table with free slots (0), each hash at or after its home slot (the hash's high bits).</param>
    /// <param name="hasZero">Whether the hash 0 is in the set.</param>
    public HashSet64(ulong[] slots, bool hasZero)
    {
        if (slots.Length < 2 || (slots.Length & (slots.Length - 1)) != 0)
        {
            throw new InvalidDataException("hash set size is not a power of two");
        }

        _slots = slots;
        HasZero = hasZero;
        _shift = 64 - int.Log2(slots.Length);
        var free = 0;
        foreach (var slot in slots)
        {
            free += slot == 0 ? 1 : 0;
        }

        if (free == 0)
        {
            throw new InvalidDataException("hash set has no free slot");
        }

        Count = slots.Length - free + (hasZero ? 1 : 0);
    }

    public int Count { get; }

    public bool HasZero { get; }

    /// <summary>The table (for the snapshot).</summary>
    public ulong[] Slots => _slots;

    /// <summary>The set of <paramref name="hashes"/>, a third to two thirds of its slots free.</summary>
    public static HashSet64 Build(IReadOnlyCollection<ulong> hashes)
    {
        var slots = new ulong[Math.Max(2, (int)BitOperations.RoundUpToPowerOf2((uint)(hashes.Count + (hashes.Count / 2) + 1)))];
        var shift = 64 - int.Log2(slots.Length);
        var mask = slots.Length - 1;
        var hasZero = false;
        foreach (var hash in hashes)
        {
            if (hash == 0)
            {
                hasZero = true;
                continue;
            }

            var slot = (int)(hash >> shift);
            while (slots[slot] != 0 && slots[slot] != hash)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = hash;
        }

        return new HashSet64(slots, hasZero);
    }

    // Compiled optimised at once: the people extraction asks it several times per word from the first article on.
    [MethodImpl(HotPath.Options)]
    public bool Contains(ulong hash)
    {
        if (hash == 0)
        {
            return HasZero;
        }

        var mask = _slots.Length - 1;
        for (var slot = (int)(hash >> _shift); ; slot = (slot + 1) & mask)
        {
            var stored = _slots[slot];
            if (stored == hash)
            {
                return true;
            }

            if (stored == 0)
            {
                return false;
            }
        }
    }
}
