using Microsoft.Extensions.Options;
using NewsBot.Core.Answers;
using NewsBot.Core.Languages;
using NewsBot.Core.Search;
using NewsBot.Core.State;

namespace NewsBot.Core.Chat.Handlers;

/// <summary>Answers a question: retrieval (with conversation context and any model translation), then the answer engine.</summary>
public sealed class AskHandler(
    IAnswerEngine engine,
    IQueryExpander expander,
    IConversationStore conversations,
    IOptions<BotOptions> options,
    IOptions<MemoryOptions> memory,
    TimeProvider time) : IChatCommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["ask"];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var question = context.Command.Arguments;
        if (question.Length == 0)
        {
            return Reply.Text(context.Language, Texts.Help(context.Language));
        }

        var request = context.Request;
        var chat = ConversationKey(request);
        var history = chat is { } key
            ? await conversations.GetRecentAsync(key, memory.Value.MaxTurns, time.GetUtcNow() - memory.Value.MaxAge, cancellationToken)
            : [];

        var questionLanguage = LanguageDetector.Detect(question) ?? context.Language;
        var extra = new List<string>(await expander.ExpandAsync(question, questionLanguage, context.Corpus.Languages, cancellationToken));
        // A follow-up ("and what did he say about NATO?") leans on the previous question's words.
        extra.AddRange(history.TakeLast(2).Select(t => t.Question));

        var hits = context.Corpus.Index.Search(new SearchQuery(question) { ExtraTerms = extra }, options.Value.Passages);
        var answer = await engine.AnswerAsync(
            new AskContext
            {
                Question = question,
                AnswerLanguage = context.Language,
                QuestionLanguage = questionLanguage,
                Hits = hits,
                History = history,
                Partial = context.Partial,
            },
            cancellationToken);

        if (chat is { } k && !answer.NotFound)
        {
            await conversations.AppendAsync(k, new ConversationTurn(question, string.Join("\n\n", answer.Blocks.Select(b => b.Text)), time.GetUtcNow()), cancellationToken);
        }

        return answer.ToReply();
    }

    /// <summary>In a direct chat every message continues the conversation; in a group only a reply to the bot does.</summary>
    public static ChatKey? ConversationKey(ChatRequest request) =>
        !request.IsGroup || request.IsReplyToBot ? new ChatKey(request.Platform, request.ChatId) : null;
}

public sealed class MemoryOptions
{
    public const string SectionName = "Bot:Memory";

    public int MaxTurns { get; set; } = 6;

    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(2);
}

/// <summary>Adds no terms: the default when no model translates queries.</summary>
public sealed class NoQueryExpansion : IQueryExpander
{
    public Task<IReadOnlyList<string>> ExpandAsync(string question, Language questionLanguage, IReadOnlyCollection<Language> corpusLanguages, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
