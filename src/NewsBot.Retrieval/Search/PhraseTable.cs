using System.Numerics;
using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// The dictionary's keys and translations (terms and two-term phrases): their characters in one array, found through an
/// open-addressing hash table of ids. Three flat arrays in place of half a million strings and a hash map over them, so a
/// snapshot is read in bulk and a start pays no per-phrase allocation or hashing; a phrase becomes a string only when a
/// translation is asked for. Lookups are ordinal, as a <c>Dictionary&lt;string, int&gt;</c> with the ordinal comparer was.
/// </summary>
internal sealed class PhraseTable
{
    private readonly char[] _text;
    private readonly int[] _starts;
    private readonly int[] _slots;
    private readonly int _shift;

    /// <param name="text">Every phrase's characters, one after another, in id order.</param>
    /// <param name="starts">Phrase i is <c>text[starts[i]..starts[i + 1]]</c>.</param>
    /// <param name="slots">A power-of-two hash table with free slots: 0 for free, else phrase id + 1.</param>
    public PhraseTable(char[] text, int[] starts, int[] slots)
    {
        if (starts.Length == 0 || starts[0] != 0 || starts[^1] != text.Length || slots.Length < starts.Length || !IsPowerOfTwo(slots.Length))
        {
            throw new InvalidDataException("phrase table sizes do not match");
        }

        for (var i = 1; i < starts.Length; i++)
        {
            if (starts[i] < starts[i - 1])
            {
                throw new InvalidDataException("phrase starts out of order");
            }
        }

        var free = 0;
        foreach (var slot in slots)
        {
            if ((uint)slot > (uint)(starts.Length - 1))
            {
                throw new InvalidDataException("phrase slot out of range");
            }

            free += slot == 0 ? 1 : 0;
        }

        // A lookup probes until it meets a free slot: a damaged table without one would never end.
        if (free == 0)
        {
            throw new InvalidDataException("phrase table has no free slot");
        }

        _text = text;
        _starts = starts;
        _slots = slots;
        _shift = 64 - int.Log2(slots.Length);
    }

    public int Count => _starts.Length - 1;

    /// <summary>Every phrase's characters in id order (for the snapshot).</summary>
    public char[] Text => _text;

    /// <summary>Where each phrase starts in <see cref="Text"/>, and the end (for the snapshot).</summary>
    public int[] Starts => _starts;

    /// <summary>The hash table (for the snapshot).</summary>
    public int[] Slots => _slots;

    public string this[int id] => new(Span(id));

    /// <summary>The table of <paramref name="phrases"/> (distinct), with ids in their order; a third to two thirds of its slots stay free.</summary>
    public static PhraseTable Build(IReadOnlyList<string> phrases)
    {
        var starts = new int[phrases.Count + 1];
        for (var i = 0; i < phrases.Count; i++)
        {
            starts[i + 1] = checked(starts[i] + phrases[i].Length);
        }

        var text = new char[starts[^1]];
        for (var i = 0; i < phrases.Count; i++)
        {
            phrases[i].CopyTo(text.AsSpan(starts[i]));
        }

        var slots = new int[Math.Max(2, (int)BitOperations.RoundUpToPowerOf2((uint)(phrases.Count + (phrases.Count / 2) + 1)))];
        var shift = 64 - int.Log2(slots.Length);
        var mask = slots.Length - 1;
        for (var id = 0; id < phrases.Count; id++)
        {
            var slot = (int)(Hash(phrases[id]) >> shift);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = id + 1;
        }

        return new PhraseTable(text, starts, slots);
    }

    /// <summary>The phrase's id, or -1 when the table does not have it.</summary>
    [MethodImpl(HotPath.Options)]
    public int Find(ReadOnlySpan<char> phrase)
    {
        var mask = _slots.Length - 1;
        for (var slot = (int)(Hash(phrase) >> _shift); ; slot = (slot + 1) & mask)
        {
            var id = _slots[slot] - 1;
            if (id < 0)
            {
                return -1;
            }

            if (Span(id).SequenceEqual(phrase))
            {
                return id;
            }
        }
    }

    private ReadOnlySpan<char> Span(int id) => _text.AsSpan(_starts[id], _starts[id + 1] - _starts[id]);

    /// <summary>FNV-1a over the UTF-16 code units: stable across processes (a snapshot stores slots by it); the high bits pick the slot.</summary>
    public static ulong Hash(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static bool IsPowerOfTwo(int value) => value > 0 && (value & (value - 1)) == 0;
}
