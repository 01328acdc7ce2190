using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Ai.Tests.Fakes;

/// <summary>Stands in for the core's extractive engine: quotes the best passage and cites it.</summary>
public sealed class StubExtractiveEngine : IAnswerEngine
{
    public const string NothingFound = "Nothing found in the articles.";

    private int _calls;

    public string Backend => "extractive";

    public int Calls => _calls;

    public Task<Answer> AnswerAsync(AskContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Quote(context.AnswerLanguage, context.Hits.Select(h => h.Passage).FirstOrDefault()));

    public Task<Answer> SummarizeAsync(SummaryContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Quote(context.AnswerLanguage, null, context.Articles.Count > 0 ? context.Articles[0] : null));

    public Task<string> BlurbAsync(Article article, Language language, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(article.Paragraphs.First());
    }

    public Task<Answer> DescribePersonAsync(PersonContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Quote(context.AnswerLanguage, context.Hits.Select(h => h.Passage).FirstOrDefault()));

    private Answer Quote(Language language, NewsBot.Retrieval.Search.Passage? passage, Article? article = null)
    {
        Interlocked.Increment(ref _calls);
        var source = passage?.Article ?? article;
        if (source is null)
        {
            return new Answer(language, [new ReplyBlock(ReplyBlockKind.Paragraph, NothingFound)], [], Backend) { NotFound = true };
        }

        var text = passage?.Text ?? source.Paragraphs.First();
        return new Answer(language, [new ReplyBlock(ReplyBlockKind.Quote, text + " [1]")], [new Citation(1, source.Id, source.Title, source.Date, source.Source)], Backend);
    }
}
