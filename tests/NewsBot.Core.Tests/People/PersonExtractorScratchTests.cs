using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Tests.Shared;

namespace NewsBot.Core.Tests.People;

/// <summary>
/// A worker's buffers remember the capitalised words it read last (<see cref="PersonExtractor.Scratch"/>), so that a frequent one
/// costs no probe of the shared table: reading articles one after another with the same buffers must give the tokens and people
/// fresh buffers give.
/// </summary>
public sealed class PersonExtractorScratchTests
{
    private static readonly PersonExtractor Extractor = new();

    private static Article Make(string id, Language language, params string[] paragraphs) => new()
    {
        Id = id,
        Title = "",
        Date = "",
        Language = language,
        Blocks = paragraphs.Select(p => new ArticleBlock(BlockKind.Paragraph, p)).ToList(),
    };

    // Spellings that differ only in case, a lowercase word with capitals inside, and the sample corpus (thousands of words
    // over a table of a few thousand slots, so words share slots).
    private static List<Article> Articles() =>
    [
        Make("case", Language.English, "The iPhone maker said Tim Cook met IPHONE fans; iphone sales rose, Cook said. The eBay deal, EBay said."),
        Make("fall", Language.German, "Die Wahl gewann Angela Merkel. die Wahl war knapp, sagte Merkel, und DIE WAHL bleibt."),
        PeopleFixtures.Seed,
        PeopleFixtures.English,
        .. new CorpusLoader(NullLogger<CorpusLoader>.Instance).LoadFolder(TestPaths.SampleCorpus),
    ];

    private static List<(string Text, string Lower, int Start, int End, bool Cap)> Tokens(Article article, PersonExtractor.Scratch scratch)
    {
        var ranges = scratch.Tokenize(article.Blocks.Select(b => b.Text).ToList());
        var used = ranges.Length == 0 ? 0 : ranges[^1].Offset + ranges[^1].Count;
        return scratch.Tokens.Take(used).Select(t => (t.Text, t.Lower, t.Start, t.End, t.Cap)).ToList();
    }

    private static string People(Article article, PersonExtractor.Scratch scratch) => string.Join(
        "\n",
        Extractor.Extract(article, KnownSurnames.Of(null), scratch).People.Select(p =>
            $"{p.Name}|{p.Mentions}|{string.Join(",", p.Forms)}|{string.Join(",", p.Roles)}|{string.Join(",", p.Ordinals)}|{string.Join(",", p.Quotes.Select(q => q.Text))}|{p.Introduced}"));

    [Fact]
    public void Buffers_handed_on_give_the_tokens_fresh_buffers_give()
    {
        var articles = Articles();
        var fresh = articles.Select(a => Tokens(a, new PersonExtractor.Scratch())).ToList();
        Assert.Contains(fresh[0], t => t is { Text: "iPhone", Lower: "iphone", Cap: false });
        Assert.Contains(fresh[0], t => t is { Text: "IPHONE", Lower: "iphone", Cap: true });

        var shared = new PersonExtractor.Scratch();
        for (var round = 0; round < 2; round++)
        {
            for (var a = 0; a < articles.Count; a++)
            {
                Assert.Equal(fresh[a], Tokens(articles[a], shared));
            }
        }
    }

    [Fact]
    public void Buffers_handed_on_find_the_people_fresh_buffers_find()
    {
        var articles = Articles();
        var fresh = articles.Select(a => People(a, new PersonExtractor.Scratch())).ToList();
        Assert.Contains("Merkel", fresh[1], StringComparison.Ordinal);

        var shared = new PersonExtractor.Scratch();
        Assert.Equal(fresh, articles.Select(a => People(a, shared)));
        Assert.Equal(Enumerable.Reverse(fresh), Enumerable.Reverse(articles).Select(a => People(a, shared)));
    }
}
