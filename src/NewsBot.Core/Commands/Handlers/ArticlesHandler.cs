using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Commands.Handlers;

/// <summary>/articles [words]: the newest articles, or those matching the words, with id, date and language.</summary>
public sealed class ArticlesHandler : IChatCommandHandler
{
    private const int ChatLimit = 20;

    public IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("articles", new("Artikel auflisten oder suchen", "List or search articles"))
        {
            Aliases = ["artikel"],
            GermanName = "artikel",
            Usage = new("[Suchwörter]", "[words]"),
            Help = new("Artikel auflisten", "list articles"),
            Argument = new("words", "begriffe", new("Suchbegriffe (optional)", "Filter words (optional)"), Required: false),
            Order = 40,
            AnswersFromCorpus = true,
        },
    ];

    public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var articles = Find(context.Corpus, context.Command.Arguments, context.Request.ListLimit ?? ChatLimit);
        if (articles.Count == 0)
        {
            return Task.FromResult(Reply.Text(language, Texts.ArticleNotFound(language, context.Command.Arguments)) with { Data = articles });
        }

        var citations = new CitationList();
        var blocks = new List<ReplyBlock> { new(ReplyBlockKind.Heading, Texts.ArticlesHeading(language, articles.Count)) };
        foreach (var article in articles)
        {
            var date = article.Date.Length > 0 ? article.Date + ", " : "";
            blocks.Add(new ReplyBlock(ReplyBlockKind.ListItem, $"{article.Title} ({date}{article.Language.ToCode()}; id {article.Id}) {citations.Marker(article)}"));
        }

        return Task.FromResult(new Reply(language, blocks, citations.Citations) { Data = articles });
    }

    /// <summary>All articles newest first, or the articles of the best passages for the words (at most <paramref name="limit"/>).</summary>
    public static IReadOnlyList<Article> Find(CorpusSnapshot corpus, string words, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (words.Length == 0)
        {
            return corpus.Articles.Take(limit).ToList();
        }

        // Several passages of one article may rank high, so ask for more passages than articles (never more than there are;
        // the multiplication is checked so "all articles" cannot overflow into a negative count).
        var passages = (int)Math.Min((long)limit * 4, corpus.Index.Passages.Count);
        return corpus.Index.Search(new SearchQuery(words), Math.Max(passages, 1)).Select(h => h.Passage.Article).Distinct().Take(limit).ToList();
    }
}
