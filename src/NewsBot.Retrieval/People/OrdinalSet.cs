namespace NewsBot.Retrieval.People;

/// <summary>
/// A candidate's paragraph ordinals: distinct, ascending (what a <c>SortedSet&lt;int&gt;</c> gave). A type of the app's own is
/// precompiled with it (ReadyToRun); <c>SortedSet&lt;int&gt;</c> is not, for a framework-dependent app, and the runtime compiled
/// 39 of its methods in every process that extracts people. Ordinals mostly arrive in reading order, so an add is
/// usually an append.
/// </summary>
internal sealed class OrdinalSet
{
    private int[] _items = new int[4];

    public int Count { get; private set; }

    public void Add(int ordinal)
    {
        var at = Position(ordinal);
        if (at < Count && _items[at] == ordinal)
        {
            return;
        }

        if (Count == _items.Length)
        {
            var grown = new int[_items.Length * 2];
            Array.Copy(_items, grown, Count);
            _items = grown;
        }

        Array.Copy(_items, at, _items, at + 1, Count - at);
        _items[at] = ordinal;
        Count++;
    }

    public void UnionWith(OrdinalSet other)
    {
        for (var i = 0; i < other.Count; i++)
        {
            Add(other._items[i]);
        }
    }

    /// <summary>The ordinals, ascending, as a new list.</summary>
    public List<int> ToList()
    {
        var list = new List<int>(Count);
        for (var i = 0; i < Count; i++)
        {
            list.Add(_items[i]);
        }

        return list;
    }

    /// <summary>Where <paramref name="ordinal"/> is or would go: the first position whose ordinal is not smaller.</summary>
    private int Position(int ordinal)
    {
        if (Count == 0 || _items[Count - 1] < ordinal)
        {
            return Count;
        }

        int low = 0, high = Count - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_items[middle] < ordinal)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
