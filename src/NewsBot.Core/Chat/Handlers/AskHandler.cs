using Microsoft.Extensions.Options;
using NewsBot.Core.Answers;
using NewsBot.Core.Articles;
using NewsBot.Core.Languages;
using NewsBot.Core.People;
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
        var limit = options.Value.Passages;
        IReadOnlyList<SearchHit> hits;
        if (FollowUp.Subject(question, history, context.Corpus.People) is { } person)
        {
            // "Und was sagte er über Europa?": the person is the established subject and the new words are the topic.
            // Search for both, then prefer passages about that person, including the paragraph after a mention,
            // where news text goes on with "der Ukrainer" or "the president" instead of the name.
            extra.Add(person.Name);
            extra.AddRange(person.Aliases);
            var candidates = context.Corpus.Index.Search(new SearchQuery(question) { ExtraTerms = extra }, limit * 4);
            hits = FollowUp.PreferAbout(person, candidates).Take(limit).ToList();
        }
        else
        {
            // Any other follow-up ("and the day after?") leans on the previous questions' words.
            extra.AddRange(history.TakeLast(2).Select(t => t.Question));
            hits = context.Corpus.Index.Search(new SearchQuery(question) { ExtraTerms = extra }, limit);
        }
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

/// <summary>Resolves a follow-up question's pronoun ("er", "she") to the person the conversation is about.</summary>
public static class FollowUp
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "er", "ihn", "ihm", "sein", "seine", "seinen", "seinem", "seiner", "sie", "ihr", "ihre", "ihren", "ihrem", "ihrer",
        "he", "him", "his", "she", "her", "hers",
    };

    /// <summary>
    /// The person a follow-up refers to: the question uses a personal pronoun and names nobody itself,
    /// and the most recent earlier question that names a known person names them.
    /// </summary>
    public static Person? Subject(string question, IReadOnlyList<ConversationTurn> history, PeopleIndex people)
    {
        if (history.Count == 0 || !TextAnalyzer.Tokens(question).Any(Pronouns.Contains) || NamedPerson(question, people) is not null)
        {
            return null;
        }

        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (NamedPerson(history[i].Question, people) is { } person)
            {
                return person;
            }
        }

        return null;
    }

    /// <summary>The first known person a text names by a capitalised name or surname.</summary>
    public static Person? NamedPerson(string text, PeopleIndex people) =>
        TextAnalyzer.Tokens(text)
            .Where(t => t.Length > 2 && char.IsUpper(t[0]) && !TextAnalyzer.IsStopWord(t))
            .Select(people.Find)
            .FirstOrDefault(p => p is not null);

    /// <summary>Passages about the person first (a mention in it or in the paragraph before), each group in search order.</summary>
    public static IEnumerable<SearchHit> PreferAbout(Person person, IReadOnlyList<SearchHit> hits)
    {
        var names = new HashSet<string>(
            new[] { person.Name }.Concat(person.Aliases).Select(n => TextAnalyzer.Terms(n).LastOrDefault()).OfType<string>(),
            StringComparer.Ordinal);
        return hits.OrderBy(h => Mentions(h.Passage.Text, names) || Mentions(PreviousParagraph(h.Passage), names) ? 0 : 1);
    }

    private static bool Mentions(string? text, HashSet<string> names) => text is not null && TextAnalyzer.Terms(text).Exists(names.Contains);

    private static string? PreviousParagraph(Passage passage) =>
        passage.Ordinal == 0 ? null : passage.Article.Blocks.Where(b => b.Kind != BlockKind.Heading).ElementAtOrDefault(passage.Ordinal - 1)?.Text;
}
