using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Corpus;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Tests.Corpus;

public sealed class CorpusSnapshotTests
{
    private static Article Make(string id, string date, int addedDay, Language language = Language.English) => new()
    {
        Id = id,
        Title = id,
        Date = date,
        Language = language,
        Blocks = [new ArticleBlock(BlockKind.Paragraph, "Text of " + id + ".")],
        AddedAt = new DateTimeOffset(2025, 3, addedDay, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Articles_are_newest_first_by_date_then_by_time_added_then_by_id_and_the_languages_in_order_of_appearance()
    {
        Article[] articles =
        [
            Make("b", "2025-03", 2),
            Make("undated", "", 9, Language.German),
            Make("a", "2025-03-01", 2),
            Make("c", "2025-03-01", 5, Language.German),
            Make("d", "2025-04-02", 1),
            Make("aa", "2025-03-01", 2),
        ];

        var snapshot = new CorpusSnapshot(articles, CorpusIndex.Empty, PeopleIndex.Empty, 1);

        // "2025-03" counts as the first of the month; ids break the remaining tie ordinally.
        Assert.Equal(["d", "c", "a", "aa", "b", "undated"], snapshot.Articles.Select(a => a.Id));
        Assert.Equal(
            articles.OrderByDescending(a => a.SortDate).ThenByDescending(a => a.AddedAt).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Id),
            snapshot.Articles.Select(a => a.Id));
        Assert.Equal([Language.English, Language.German], snapshot.Languages);
    }
}
