using NewsBot.Core.Answers;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;
using NewsBot.Core.State;

namespace NewsBot.Core.Commands.Handlers;

/// <summary>/who: the people in the news; /who &lt;name&gt;: one person's roles, quotes and mentions, in any spelling.</summary>
public sealed class WhoHandler(IAnswerEngine engine, IConversationStore conversations, TimeProvider time) : IChatCommandHandler
{
    private const int ListLimit = 25;

    public IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("who", new("Wer ist wer in den Nachrichten", "Who is who in the news"))
        {
            Aliases = ["wer"],
            GermanName = "wer",
            Usage = new("[Name]", "[name]"),
            Help = new("wer in den Nachrichten vorkommt und was die Person gesagt hat", "who is in the news and what they said"),
            Argument = new("name", "name", new("Name einer Person (optional)", "A person's name (optional)"), Required: false),
            Order = 30,
            AnswersFromCorpus = true,
            IsLogged = true,
        },
    ];

    /// <summary>
    /// Each person's main role in the answer language: translated in one call when the engine can, else as the article words
    /// it; <c>Original</c> lists the article languages whose roles stay in the original wording (said once under the list).
    /// </summary>
    private async Task<(Dictionary<Person, string> Roles, IReadOnlyList<Language> Original)> RolesAsync(IReadOnlyList<Person> people, Language language, CancellationToken cancellationToken)
    {
        var withRole = people.Where(p => p.Roles.Count > 0).ToList();
        var foreign = withRole.Where(p => p.Roles[0].Language != language).ToList();
        var translated = foreign.Count == 0 ? null : await engine.TranslateAsync(foreign.Select(p => p.Roles[0].Text).ToList(), language, cancellationToken);
        var roles = new Dictionary<Person, string>();
        var original = new List<Language>();
        foreach (var person in withRole)
        {
            var role = person.Roles[0];
            var index = foreign.IndexOf(person);
            if (translated is not null && index >= 0 && index < translated.Count)
            {
                roles[person] = translated[index];
                continue;
            }

            roles[person] = role.Text;
            if (role.Language != language && !original.Contains(role.Language))
            {
                original.Add(role.Language);
            }
        }

        return (roles, original);
    }

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var people = context.Corpus.People;
        var name = context.Command.Arguments;
        if (name.Length == 0)
        {
            if (people.People.Count == 0)
            {
                return Reply.Text(language, Texts.NoPeople(language)) with { Data = people.People };
            }

            // The index lists the most mentioned first; each line shows that count, so the order reads as it is.
            var listed = people.People.Take(ListLimit).ToList();
            var (roles, original) = await RolesAsync(listed, language, cancellationToken);
            var blocks = new List<ReplyBlock> { new(ReplyBlockKind.Heading, Texts.PeopleHeading(language, people.People.Count)) };
            foreach (var person in listed)
            {
                var role = roles.TryGetValue(person, out var text) ? ", " + text : "";
                blocks.Add(new ReplyBlock(ReplyBlockKind.ListItem, $"{person.Name}{role} – {Texts.MentionCount(language, person.Mentions, person.ArticleIds.Count)}"));
            }

            if (original.Count > 0)
            {
                blocks.Add(new ReplyBlock(ReplyBlockKind.Note, Texts.RolesInOriginal(language, original)));
            }

            return new Reply(language, blocks, []) { Backend = engine.Backend, Data = people.People };
        }

        if (people.Find(name) is not { } found)
        {
            // The closest spellings when there are any; otherwise the people the corpus talks about most.
            var close = people.Suggest(name, 3);
            var notFound = close.Count > 0
                ? Reply.Text(language, Texts.PersonNotFound(language, name, close))
                : Reply.Text(language, Texts.PersonNotFoundKnown(language, name, people.People.Take(3).Select(p => p.Name).ToList()));
            return notFound with { Data = Array.Empty<Person>() };
        }

        var hits = context.Corpus.Index.Search(new SearchQuery(found.Name) { ExtraTerms = found.Aliases }, 8);
        var answer = await engine.DescribePersonAsync(new PersonContext { AnswerLanguage = language, Person = found, Hits = hits, Corpus = context.Corpus, Partial = context.Partial }, cancellationToken);
        if (AskHandler.ConversationKey(context.Request) is { } chat && !answer.NotFound)
        {
            // The person is the conversation's subject now: "Und was sagte er über …?" after "/who Gibbs" is about Gibbs.
            await conversations.AppendAsync(chat, ConversationTurn.Of(found.Name, answer, time.GetUtcNow()), cancellationToken);
        }

        return answer.ToReply() with { Data = new[] { found } };
    }
}
