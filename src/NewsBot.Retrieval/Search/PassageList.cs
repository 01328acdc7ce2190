using System.Collections;
using NewsBot.Retrieval.Articles;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// An index's passages in passage order. A built index holds them as objects; a persisted one makes each on first use from
/// the article and the block positions the file gives: a start made one object per paragraph of the archive (57,000 at
/// 9,300 articles) where an answer reads a few dozen.
/// </summary>
internal sealed class PassageList : IReadOnlyList<Passage>
{
    private readonly Passage?[] _made;

    /// <summary>Per passage its article, its ordinal in it and its block positions; null when every passage is made.</summary>
    private readonly Article[]? _articles;
    private readonly int[]? _ordinals;
    private readonly int[]? _blocks;
    private readonly int[]? _headingBlocks;

    public PassageList(Passage[] passages) => _made = passages;

    /// <summary>Passages made on first use: passage <c>i</c> is paragraph <paramref name="ordinals"/>[i] of <paramref name="articles"/>[i], at the given block positions.</summary>
    public PassageList(Article[] articles, int[] ordinals, int[] blocks, int[] headingBlocks)
    {
        _made = new Passage?[articles.Length];
        _articles = articles;
        _ordinals = ordinals;
        _blocks = blocks;
        _headingBlocks = headingBlocks;
    }

    public int Count => _made.Length;

    public Passage this[int index] => _made[index] ?? Make(index);

    /// <summary>The passage's article, without making the passage.</summary>
    public Article ArticleOf(int index) => _articles is { } articles ? articles[index] : _made[index]!.Article;

    public IEnumerator<Passage> GetEnumerator()
    {
        for (var i = 0; i < _made.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Made once: concurrent queries that meet the same passage get the same object.</summary>
    private Passage Make(int index)
    {
        var passage = new Passage(_articles![index], _ordinals![index], null, null, _blocks![index], _headingBlocks![index]);
        return Interlocked.CompareExchange(ref _made[index], passage, null) ?? passage;
    }
}
