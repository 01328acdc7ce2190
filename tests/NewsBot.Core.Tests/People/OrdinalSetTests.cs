using NewsBot.Retrieval.People;

namespace NewsBot.Core.Tests.People;

public sealed class OrdinalSetTests
{
    [Fact]
    public void KeepsOrdinalsDistinctAndAscendingWhateverTheOrderTheyCameIn()
    {
        var set = new OrdinalSet();
        foreach (var ordinal in new[] { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 0, 9 })
        {
            set.Add(ordinal);
        }

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 9], set.ToList());
        Assert.Equal(8, set.Count);
    }

    [Fact]
    public void AUnionHoldsEachOrdinalOfBothOnce()
    {
        var a = new OrdinalSet();
        var b = new OrdinalSet();
        foreach (var ordinal in Enumerable.Range(0, 20).Where(i => i % 2 == 0))
        {
            a.Add(ordinal);
        }

        foreach (var ordinal in Enumerable.Range(0, 20).Where(i => i % 3 == 0))
        {
            b.Add(ordinal);
        }

        a.UnionWith(b);
        Assert.Equal(new SortedSet<int>(Enumerable.Range(0, 20).Where(i => i % 2 == 0 || i % 3 == 0)).ToList(), a.ToList());
        Assert.Equal([0, 3, 6, 9, 12, 15, 18], b.ToList());
    }
}
