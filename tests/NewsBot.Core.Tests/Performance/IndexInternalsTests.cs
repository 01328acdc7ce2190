using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;
using NewsBot.Tests.Shared;

namespace NewsBot.Core.Tests.Performance;

/// <summary>The fast paths of the index give the same results as the plain ones they replace.</summary>
public sealed class IndexInternalsTests
{
    private static readonly IReadOnlyList<Article> Articles =
        [.. new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(TestPaths.SampleCorpus), TestCorpus.Seed()];

    [Theory]
    [InlineData(null)]
    [InlineData(Language.German)]
    [InlineData(Language.English)]
    public void The_term_cache_analyses_text_exactly_like_the_text_analyzer(Language? language)
    {
        var cache = new TermCache(language);
        var texts = Articles.SelectMany(a => a.Blocks.Select(b => b.Text))
            .Append("Lawrow traf Rubio in Riad; Zelenskyy/Selenskyj — 2025-02-18, Straße & Kyiv's \"Überraschung\" 3,5 %")
            .Append("Where did Doris Day die? The war was over; man and dog died.")
            .ToList();

        // Twice: the second pass answers from the cache.
        foreach (var text in texts.Concat(texts))
        {
            Assert.Equal(TextAnalyzer.Terms(text, language), cache.Terms(text));
        }
    }

    [Fact]
    public void The_score_board_picks_the_same_top_passages_as_a_full_sort()
    {
        var random = new Random(3);
        for (var round = 0; round < 50; round++)
        {
            var board = ScoreBoard.Rent(500);
            var expected = new Dictionary<int, double>();
            for (var i = 0; i < random.Next(0, 400); i++)
            {
                var passage = random.Next(500);
                // Coarse scores make ties, which must break by the lower passage number.
                var score = random.Next(1, 8) / 4.0;
                board.Add(passage, score);
                expected[passage] = expected.GetValueOrDefault(passage) + score;
            }

            var limit = random.Next(1, 12);
            var want = expected.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(limit).Select(kv => (kv.Key, kv.Value)).ToList();
            Assert.Equal(want, board.Top(limit));
            board.Return();
        }
    }

    [Fact]
    public void Searches_give_the_same_hits_in_any_order_and_from_many_threads()
    {
        var index = CorpusIndex.Build(Articles);
        var queries = new[] { "Hafen Hamburg", "Lisbon tram", "wind park North Sea", "Bibliothek Nacht", "Rubio Lawrow Riad", "nothing matches zzzz" };
        var expected = queries.ToDictionary(q => q, q => Describe(index.Search(new SearchQuery(q), 5)));

        foreach (var q in queries.Reverse().Concat(queries))
        {
            Assert.Equal(expected[q], Describe(index.Search(new SearchQuery(q), 5)));
        }

        Parallel.For(0, 200, i =>
        {
            var q = queries[i % queries.Length];
            Assert.Equal(expected[q], Describe(index.Search(new SearchQuery(q), 5)));
        });
        Assert.NotEmpty(expected["Hafen Hamburg"]);
        Assert.Empty(expected["nothing matches zzzz"]);
    }

    private static List<string> Describe(IReadOnlyList<SearchHit> hits) =>
        hits.Select(h => $"{h.Passage.Article.Id}#{h.Passage.Ordinal}:{h.Score:R}").ToList();
}
