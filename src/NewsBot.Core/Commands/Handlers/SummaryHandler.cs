using NewsBot.Core.Answers;
using NewsBot.Retrieval.Search;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;

namespace NewsBot.Core.Commands.Handlers;

/// <summary>/summary: the latest articles; /summary &lt;id&gt;: one article; /summary &lt;words&gt;: a topic across articles.</summary>
public sealed class SummaryHandler(IAnswerEngine engine) : IChatCommandHandler
{
    private const int LatestCount = 5;

    public IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("summary", new("Artikel oder Thema zusammenfassen", "Summarise an article or topic"))
        {
            Aliases = ["zusammenfassung"],
            GermanName = "zusammenfassung",
            Usage = new("[Artikel-ID | Thema]", "[article id | topic]"),
            Help = new("Zusammenfassung eines Artikels, Themas oder der neuesten Artikel", "summary of an article, a topic or the latest articles"),
            Argument = new("topic", "thema", new("Thema oder Artikel (optional)", "Topic or article (optional)"), Required: false),
            Order = 20,
            AnswersFromCorpus = true,
            IsLogged = true,
        },
    ];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var corpus = context.Corpus;
        var what = context.Command.Arguments;
        SummaryContext summary;
        if (what.Length == 0)
        {
            summary = new SummaryContext { AnswerLanguage = context.Language, Articles = corpus.Articles.Take(LatestCount).ToList(), Partial = context.Partial };
        }
        else if (corpus.Find(what) is { } article)
        {
            summary = new SummaryContext { AnswerLanguage = context.Language, Articles = [article], Partial = context.Partial };
        }
        else
        {
            var (hits, plan) = corpus.Index.Find(new SearchQuery(what), 12);
            if (hits.Count == 0)
            {
                return Reply.Text(context.Language, Texts.ArticleNotFound(context.Language, what));
            }

            summary = new SummaryContext
            {
                AnswerLanguage = context.Language,
                Topic = what,
                Hits = hits,
                Plan = plan,
                Articles = hits.Select(h => h.Passage.Article).Distinct().ToList(),
                Partial = context.Partial,
            };
        }

        return (await engine.SummarizeAsync(summary, cancellationToken)).ToReply();
    }
}
