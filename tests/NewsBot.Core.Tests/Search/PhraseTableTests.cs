using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.Search;

public sealed class PhraseTableTests
{
    [Fact]
    public void Every_phrase_is_found_by_its_id_and_nothing_else_is()
    {
        // Many short phrases, so linear probing meets collisions and runs of occupied slots.
        var phrases = Enumerable.Range(0, 5000).Select(i => i % 3 == 0 ? $"w{i}" : $"w{i} x{i % 17}").Append("").Append("ümlaut ß").ToList();

        var table = PhraseTable.Build(phrases);

        Assert.Equal(phrases.Count, table.Count);
        for (var id = 0; id < phrases.Count; id++)
        {
            Assert.Equal(id, table.Find(phrases[id]));
            Assert.Equal(phrases[id], table[id]);
        }

        Assert.Equal(-1, table.Find("w1"));
        Assert.Equal(-1, table.Find("w0 x0"));
        Assert.Equal(-1, table.Find("W3"));
        Assert.Equal(-1, table.Find("umlaut ss"));
    }

    [Fact]
    public void An_empty_table_finds_nothing()
    {
        Assert.Equal(-1, PhraseTable.Build([]).Find("anything"));
    }

    [Fact]
    public void Slots_that_point_past_the_phrases_are_refused()
    {
        var table = PhraseTable.Build(["eins", "zwei"]);
        var slots = (int[])table.Slots.Clone();
        slots[Array.IndexOf(slots, 0)] = 3;

        Assert.Throws<InvalidDataException>(() => new PhraseTable(table.Text, table.Starts, slots));
    }

    [Fact]
    public void A_table_without_a_free_slot_is_refused_rather_than_probed_forever()
    {
        var table = PhraseTable.Build(["eins", "zwei"]);
        var full = Enumerable.Repeat(1, table.Slots.Length).ToArray();

        Assert.Throws<InvalidDataException>(() => new PhraseTable(table.Text, table.Starts, full));
    }

    [Fact]
    public void A_hash_set_holds_what_it_was_given_and_zero_only_when_given()
    {
        var hashes = Enumerable.Range(1, 3000).Select(i => (ulong)i * 0x9E3779B97F4A7C15UL).ToList();

        var set = HashSet64.Build(hashes);

        Assert.Equal(hashes.Count, set.Count);
        Assert.All(hashes, h => Assert.True(set.Contains(h)));
        Assert.False(set.Contains(0));
        Assert.False(set.Contains(12345));
        Assert.True(HashSet64.Build([0UL, 7UL]).Contains(0));
        Assert.Equal(2, HashSet64.Build([0UL, 7UL, 7UL]).Count);
    }
}
