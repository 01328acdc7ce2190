using Microsoft.Extensions.Options;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;
using NewsBot.Core.State;
using NewsBot.Core.Telemetry;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Commands.Handlers;

/// <summary>Answers a question: retrieval (with conversation context and any model translation), then the answer engine.</summary>
public sealed class AskHandler(
    IAnswerEngine engine,
    IQueryExpander expander,
    IConversationStore conversations,
    IOptions<BotOptions> options,
    IOptions<MemoryOptions> memory,
    TimeProvider time) : IChatCommandHandler
{
    public IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("ask", new("Eine Frage zu den Nachrichten stellen", "Ask a question about the news"))
        {
            Aliases = ["frage"],
            GermanName = "frage",
            Usage = new("<Frage>", "<question>"),
            Help = new("eine Frage stellen", "ask a question"),
            Argument = new("question", "frage", new("Deine Frage", "Your question"), Required: true),
            Order = 10,
            AnswersFromCorpus = true,
            IsLogged = true,
        },
    ];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var question = context.Command.Arguments;
        if (question.Length == 0)
        {
            return Reply.Text(context.Language, context.Commands.Help(context.Language));
        }

        var request = context.Request;
        var chat = ConversationKey(request);
        var history = chat is { } key
            ? await conversations.GetRecentAsync(key, memory.Value.MaxTurns, time.GetUtcNow() - memory.Value.MaxAge, cancellationToken)
            : [];

        var questionLanguage = LanguageDetector.Detect(question) ?? context.Language;
        var extra = new List<string>(await expander.ExpandAsync(question, questionLanguage, context.Corpus.Languages, cancellationToken));
        var retrieval = System.Diagnostics.Stopwatch.GetTimestamp();
        SearchResult found;
        FollowUpSubject? subject;
        using (NewsBotTelemetry.Source.StartActivity("newsbot.retrieve"))
        {
            (found, subject) = Retrieve(context.Corpus, question, history, extra);
        }

        NewsBotTelemetry.RetrievalDuration.Record(NewsBotTelemetry.SecondsSince(retrieval));
        var ask = new AskContext
        {
            Question = question,
            AnswerLanguage = context.Language,
            QuestionLanguage = questionLanguage,
            Hits = found.Hits,
            Corpus = context.Corpus,
            Plan = found.Plan,
            History = history,
            Partial = context.Partial,
        };
        // "Und was kostet das?" after a question about Lisbon's tram: a question that names too little of its own to be read
        // alone is read with the question before from the start (its own words found Hamburg's pilot project).
        var leans = subject is null && history.Count > 0 && FollowUp.LeansOnConversation(question);
        var elliptical = leans && FollowUp.NamesTooLittle(question);
        var withQuestionBefore = leans ? ask with { Context = [history[^1].Question] } : ask;
        var answer = await engine.AnswerAsync(elliptical ? withQuestionBefore : ask, cancellationToken);
        if (answer.NotFound && subject is not null)
        {
            // "Und was sagte er danach?": the question's own words found nothing about the person; read them with the
            // person's names added.
            answer = await engine.AnswerAsync(ask with { Context = subject.Names }, cancellationToken);
        }

        if (answer.NotFound && leans && !elliptical)
        {
            // "Und wie viel kostete es?" after a question about a fine: a question that leans on the one before and found
            // nothing on its own words is read with that question's words (at the weight of extra terms), as a reader means it.
            answer = await engine.AnswerAsync(withQuestionBefore, cancellationToken);
        }

        if (answer.NotFound && history.Count > 0)
        {
            // A follow-up is never worse than the same question asked alone: when the conversation's reading finds
            // nothing, the question is answered on its own words.
            var alone = Alone(context.Corpus, question, [.. await expander.ExpandAsync(question, questionLanguage, context.Corpus.Languages, cancellationToken)]);
            answer = await engine.AnswerAsync(ask with { Hits = alone.Hits, Plan = alone.Plan, Context = [] }, cancellationToken);
        }

        if (chat is { } k && !answer.NotFound)
        {
            await conversations.AppendAsync(k, ConversationTurn.Of(question, answer, time.GetUtcNow()), cancellationToken);
        }

        return answer.ToReply();
    }

    /// <summary>The passages for a question on its own words.</summary>
    private SearchResult Alone(CorpusSnapshot corpus, string question, List<string> extra) =>
        corpus.Index.Find(new SearchQuery(question) { ExtraTerms = extra }, options.Value.Passages);

    /// <summary>The passages for a question, read in the light of the conversation, and the person a pronoun refers to.</summary>
    private (SearchResult Found, FollowUpSubject? Subject) Retrieve(CorpusSnapshot corpus, string question, IReadOnlyList<ConversationTurn> history, List<string> extra)
    {
        var limit = options.Value.Passages;
        // Without history there is no follow-up, and the people index (built in the background after a start) is not needed.
        if ((history.Count == 0 ? null : FollowUp.Subject(question, history, corpus.People)) is not { } subject)
        {
            // Any other follow-up ("and the day after?") leans on the previous questions' words, as lighter extra terms; a
            // question that says all it asks ("Wie viele Zuschauer sahen das Volleyball-Finale?" after one about the Copa
            // América) is read on its own words, as it would be asked alone.
            if (FollowUp.LeansOnConversation(question))
            {
                extra.AddRange(history.TakeLast(2).Select(t => t.Question));
            }

            return (corpus.Index.Find(new SearchQuery(question) { ExtraTerms = extra }, limit), null);
        }

        // "Und was sagte er über Europa?": the person is the established subject, the new words are the topic. Words the
        // previous question also had ("was sagte") only frame the conversation and would find the passages that answered
        // it, so search for the new words and the person's names, then keep the passages about the person, including the
        // paragraph after a mention, where news text goes on with "der Ukrainer". The engine still reads the whole question.
        extra.AddRange(subject.Names);
        // The new words are read in the question's language, which a few words cut from it may no longer show ("die").
        var language = LanguageDetector.Detect(question);
        var topic = FollowUp.NewWords(question, history[^1].Question, language);
        var candidates = corpus.Index.Find(new SearchQuery(topic.Length > 0 ? topic : question) { ExtraTerms = extra, Language = language }, limit * 4);
        return (candidates with { Hits = FollowUp.AboutSubject(subject, candidates.Hits).Take(limit).ToList() }, subject);
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

/// <summary>The person (or, when the people index does not know them, the names) a follow-up's pronoun refers to.</summary>
public sealed record FollowUpSubject(IReadOnlyList<string> Names)
{
    /// <summary>One index term per name (the surname), to recognise passages about the subject.</summary>
    public IReadOnlySet<string> Terms { get; } = Names.Select(n => TextAnalyzer.Terms(n).LastOrDefault()).OfType<string>().ToHashSet(StringComparer.Ordinal);
}

/// <summary>Resolves a follow-up question's pronoun ("er", "she") to whom the conversation is about.</summary>
public static class FollowUp
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "er", "ihn", "ihm", "sein", "seine", "seinen", "seinem", "seiner", "sie", "ihr", "ihre", "ihren", "ihrem", "ihrer",
        "he", "him", "his", "she", "her", "hers",
    };

    /// <summary>
    /// Whom a follow-up refers to: the question uses a personal pronoun and names no known person itself; the subject is
    /// the person named in the most recent earlier question, or that question's capitalised names when the people index
    /// does not know them; an older question's person only while the questions since lean on it too (use a pronoun) or
    /// name nothing.
    /// </summary>
    public static FollowUpSubject? Subject(string question, IReadOnlyList<ConversationTurn> history, PeopleIndex people)
    {
        if (history.Count == 0 || !TextAnalyzer.Tokens(question).Any(Pronouns.Contains) || KnownPerson(question, people) is not null
            || IntroducesItsOwnSubject(question))
        {
            return null;
        }

        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (KnownPerson(history[i].Question, people) is { } person)
            {
                return new FollowUpSubject([person.Name, .. person.Aliases]);
            }

            // A question that names something and leans on no one ("Who leads the EC Commission?") set a new topic: the
            // pronoun refers to what it named ("Und wann besucht sie Bonn?"), not to a person of an older question.
            if (!TextAnalyzer.Tokens(history[i].Question).Any(Pronouns.Contains) && Names(history[i].Question).ToList() is { Count: > 0 } topic)
            {
                return new FollowUpSubject(topic);
            }
        }

        var names = Names(history[^1].Question).ToList();
        return names.Count > 0 ? new FollowUpSubject(names) : null;
    }

    /// <summary>
    /// A question that needs the conversation to be understood: it opens with a connective ("Und am Tag danach?", "And in
    /// Hamburg?", "What about Lisbon?"), refers back with a pronoun or a pronominal adverb ("it", "dort", "dabei"), or names
    /// fewer than two things of its own ("Warum?", "Wie viele?").
    /// </summary>
    public static bool LeansOnConversation(string question)
    {
        var tokens = TextAnalyzer.Tokens(question).ToList();
        return tokens.Count == 0 || Connectives.Contains(tokens[0]) || (tokens.Count > 1 && Connectives.Contains($"{tokens[0]} {tokens[1]}"))
            || tokens.Exists(BackReferences.Contains) || PronounOfNoOwnName(tokens)
            || NamesTooLittle(question);
    }

    /// <summary>
    /// A personal pronoun before any name of the question's own: in "How old was John Conyers when he died?" "he" is
    /// Conyers, and the question does not lean on the conversation.
    /// </summary>
    private static bool PronounOfNoOwnName(List<string> tokens) =>
        tokens.FindIndex(Pronouns.Contains) is var pronoun and >= 0 && !tokens.Take(pronoun).Any(IsName);

    /// <summary>A question with fewer than <see cref="MinOwnTerms"/> words of its own ("Warum?", "Und was kostet das?") cannot be read alone.</summary>
    public static bool NamesTooLittle(string question) =>
        TextAnalyzer.Terms(question, LanguageDetector.Detect(question)).Distinct(StringComparer.Ordinal).Count() < MinOwnTerms;

    /// <summary>A question that names this many things of its own can be read alone.</summary>
    private const int MinOwnTerms = 2;

    /// <summary>Words that open a question continuing the one before (a closed class in both languages).</summary>
    private static readonly HashSet<string> Connectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "und", "aber", "auch", "sowie", "and", "but", "also", "what about", "how about", "und was", "und wie",
    };

    /// <summary>Pronouns and pronominal adverbs that point back to what was said before (besides <see cref="Pronouns"/>).</summary>
    private static readonly HashSet<string> BackReferences = new(StringComparer.OrdinalIgnoreCase)
    {
        "es", "ihnen", "dort", "dorthin", "damals", "dabei", "davon", "dazu", "darüber", "daraufhin", "dafür", "dagegen",
        "it", "its", "they", "them", "their", "there", "then", "this", "that", "these", "those",
    };

    /// <summary>
    /// "Where did a woman allegedly kill her son?": someone the question brings in with an indefinite article before its
    /// first pronoun is whom the pronoun refers to, not the conversation's earlier person.
    /// </summary>
    private static bool IntroducesItsOwnSubject(string question) =>
        TextAnalyzer.Tokens(question).TakeWhile(t => !Pronouns.Contains(t)).Any(IndefiniteArticles.Contains);

    private static readonly HashSet<string> IndefiniteArticles = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "ein", "eine", "einen", "einem", "einer",
    };

    /// <summary>
    /// The first person of the people index a text names, each name read whole: "Michael Frontzeck" is Frontzeck, though
    /// the index may know another Michael by his given name alone.
    /// </summary>
    public static Person? KnownPerson(string text, PeopleIndex people) =>
        NameRuns(text).Select(run => people.Find(string.Join(' ', run))).FirstOrDefault(p => p is not null);

    /// <summary>The runs of <see cref="Names"/> that stand next to each other in the text: one name each.</summary>
    private static IEnumerable<List<string>> NameRuns(string text)
    {
        var run = new List<string>();
        foreach (var token in TextAnalyzer.Tokens(text))
        {
            if (IsName(token))
            {
                run.Add(token);
            }
            else if (run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>Capitalised words that are not stop words: names, and in German also nouns.</summary>
    private static IEnumerable<string> Names(string text) => TextAnalyzer.Tokens(text).Where(IsName);

    private static bool IsName(string token) =>
        token.Length > 2 && char.IsUpper(token[0]) && !TextAnalyzer.IsStopWord(token) && !Pronouns.Contains(token);

    /// <summary>
    /// The words of a question whose index terms the previous question did not have: "über Europa". Both questions are read
    /// in <paramref name="language"/>, the question's (either when null).
    /// </summary>
    public static string NewWords(string question, string previous, Language? language = null)
    {
        var before = TextAnalyzer.Terms(previous, language).ToHashSet(StringComparer.Ordinal);
        return string.Join(' ', TextAnalyzer.Tokens(question).Where(t => TextAnalyzer.Term(t, language) is { } term && !before.Contains(term)));
    }

    /// <summary>
    /// Only the passages about the subject (a mention in it or in the paragraph before), in search order;
    /// all hits when none is, so a wrongly resolved pronoun costs ranking, not the answer.
    /// </summary>
    public static IReadOnlyList<SearchHit> AboutSubject(FollowUpSubject subject, IReadOnlyList<SearchHit> hits)
    {
        var about = hits.Where(h => Mentions(h.Passage.Text, subject.Terms) || Mentions(PreviousParagraph(h.Passage), subject.Terms)).ToList();
        return about.Count > 0 ? about : hits;
    }

    private static bool Mentions(string? text, IReadOnlySet<string> terms) => text is not null && TextAnalyzer.Terms(text).Exists(terms.Contains);

    private static string? PreviousParagraph(Passage passage) =>
        passage.Ordinal == 0 ? null : passage.Article.Blocks.Where(b => b.Kind != BlockKind.Heading).ElementAtOrDefault(passage.Ordinal - 1)?.Text;
}
