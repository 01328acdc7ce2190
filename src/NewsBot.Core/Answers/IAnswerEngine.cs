using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Answers;

/// <summary>One earlier exchange in a conversation, oldest first.</summary>
public sealed record ConversationTurn(string Question, string Answer, DateTimeOffset At)
{
    /// <summary>The turn that remembers <paramref name="answer"/>; its notes ("the model was unavailable") are about that reply, not part of the conversation.</summary>
    public static ConversationTurn Of(string question, Answer answer, DateTimeOffset at) =>
        new(question, string.Join("\n\n", answer.Blocks.Where(b => b.Kind != ReplyBlockKind.Note).Select(b => b.Text)), at);
}

/// <summary>What an answer engine needs to answer a question: retrieval is already done.</summary>
public sealed record AskContext
{
    public required string Question { get; init; }

    public required Language AnswerLanguage { get; init; }

    public required Language QuestionLanguage { get; init; }

    /// <summary>Retrieved passages, best first.</summary>
    public required IReadOnlyList<SearchHit> Hits { get; init; }

    /// <summary>The corpus snapshot the hits were found in: the engine reads nothing newer or older.</summary>
    public required CorpusSnapshot Corpus { get; init; }

    /// <summary>How the search read the question that found the hits (its concepts, translator and term statistics).</summary>
    public required QueryPlan Plan { get; init; }

    public IReadOnlyList<ConversationTurn> History { get; init; } = [];

    /// <summary>
    /// What the conversation adds to a follow-up (the earlier person's names for "er", "she"): weighed beside the
    /// question's own words, never instead of them.
    /// </summary>
    public IReadOnlyList<string> Context { get; init; } = [];

    /// <summary>Receives the text as it grows when the engine streams.</summary>
    public IProgress<string>? Partial { get; init; }
}

/// <summary>A summary of one article or of a topic across articles.</summary>
public sealed record SummaryContext
{
    public required Language AnswerLanguage { get; init; }

    /// <summary>The topic words, or null for an article or corpus summary.</summary>
    public string? Topic { get; init; }

    /// <summary>The articles to summarise, most relevant first.</summary>
    public required IReadOnlyList<Article> Articles { get; init; }

    /// <summary>For a topic: the passages that matched it, best first.</summary>
    public IReadOnlyList<SearchHit> Hits { get; init; } = [];

    /// <summary>For a topic: how the search read it (none when there is no topic).</summary>
    public QueryPlan Plan { get; init; } = QueryPlan.None;

    public IProgress<string>? Partial { get; init; }
}

/// <summary>What the engine knows of a person, for /who.</summary>
public sealed record PersonContext
{
    public required Language AnswerLanguage { get; init; }

    public required Person Person { get; init; }

    /// <summary>Passages that mention the person, best first.</summary>
    public required IReadOnlyList<SearchHit> Hits { get; init; }

    /// <summary>The snapshot the person and the hits come from, to find the articles their roles and quotes cite.</summary>
    public CorpusSnapshot? Corpus { get; init; }

    public IProgress<string>? Partial { get; init; }
}

/// <summary>An engine's answer: blocks of text that cite sources as [n], the cited sources, and any note.</summary>
public sealed record Answer(Language Language, IReadOnlyList<ReplyBlock> Blocks, IReadOnlyList<Citation> Citations, string Backend)
{
    /// <summary>True when the sources did not hold an answer.</summary>
    public bool NotFound { get; init; }

    public Reply ToReply() => new(Language, Blocks, Citations) { Backend = Backend, Kind = NotFound ? ReplyKind.Info : ReplyKind.Answer };
}

/// <summary>Writes answers from retrieved passages: the embedded extractive engine, or an LLM.</summary>
public interface IAnswerEngine
{
    /// <summary>"extractive" or "llm".</summary>
    string Backend { get; }

    Task<Answer> AnswerAsync(AskContext context, CancellationToken cancellationToken);

    Task<Answer> SummarizeAsync(SummaryContext context, CancellationToken cancellationToken);

    /// <summary>A one- or two-sentence blurb of an article for a digest.</summary>
    Task<string> BlurbAsync(Article article, Language language, CancellationToken cancellationToken);

    Task<Answer> DescribePersonAsync(PersonContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Short texts (roles such as "Kremlsprecher") in <paramref name="language"/>, in the same order; null when this engine
    /// cannot translate (the extractive engine), and the caller shows the original wording, marked as such.
    /// </summary>
    Task<IReadOnlyList<string>?> TranslateAsync(IReadOnlyList<string> texts, Language language, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>?>(null);
}

/// <summary>Turns a question into extra search terms in other languages (a model's translation); the default adds none.</summary>
public interface IQueryExpander
{
    Task<IReadOnlyList<string>> ExpandAsync(string question, Language questionLanguage, IReadOnlyCollection<Language> corpusLanguages, CancellationToken cancellationToken);
}
