using NewsBot.Retrieval.People;

namespace NewsBot.Core.Tests.People;

public sealed class SurnameLookupsTests
{
    [Fact]
    public void KeepsEachKeysHashOnceInAscendingOrder()
    {
        string[] keys = ["putin", "merz", "putin", "scholz", "merz", "macron"];
        var expected = keys.Distinct().Select(SurnameLookups.Hash).Order().ToArray();

        var lookups = SurnameLookups.Of(keys);

        Assert.Equal(expected, lookups.Keys);
    }

    [Fact]
    public void NoKeysIsTheSharedEmptySet()
    {
        Assert.Same(SurnameLookups.Empty, SurnameLookups.Of([]));
        Assert.Equal([SurnameLookups.Hash("putin")], SurnameLookups.Of(["putin"]).Keys);
    }
}
