using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel.ChatCompletion;
using NewsBot.Ai.Tests.Fakes;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;
using Opts = Microsoft.Extensions.Options.Options;

namespace NewsBot.Ai.Tests;

public sealed class CachingAndExpansionTests
{
    [Fact]
    public async Task A_summary_asked_twice_costs_one_model_call_per_language_and_article_version()
    {
        var seen = new List<ChatHistory>();
        var engine = Engines.Llm(ChatMocks.Replying(seen, "Rubio and Lavrov met in Riyadh [1].", "Rubio und Lawrow trafen sich in Riad [1].", "Neu [1].").Object);
        var seed = SeedCorpus.Seed();
        SummaryContext Ask(Language l, NewsBot.Retrieval.Articles.Article a) => new() { AnswerLanguage = l, Articles = [a] };

        var first = await engine.SummarizeAsync(Ask(Language.English, seed), CancellationToken.None);
        var again = await engine.SummarizeAsync(Ask(Language.English, seed), CancellationToken.None);
        Assert.Single(seen);
        Assert.Same(first, again);

        var german = await engine.SummarizeAsync(Ask(Language.German, seed), CancellationToken.None);
        Assert.Equal(2, seen.Count);
        Assert.Contains("Riad", german.ToReply().PlainText);

        await engine.SummarizeAsync(Ask(Language.English, seed with { ContentHash = "seed-v2" }), CancellationToken.None);
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public async Task A_summary_cites_its_article_even_when_the_model_forgot_the_marker()
    {
        var engine = Engines.Llm(ChatMocks.Replying([], "Washington and Moscow are moving closer.").Object);
        var seed = SeedCorpus.Seed();

        var answer = await engine.SummarizeAsync(new SummaryContext { AnswerLanguage = Language.English, Articles = [seed] }, CancellationToken.None);

        Assert.Equal(seed.Id, Assert.Single(answer.Citations).ArticleId);
        Assert.False(answer.NotFound);
    }

    [Fact]
    public async Task A_blurb_asked_twice_costs_one_call_and_loses_markers_and_reasoning()
    {
        var seen = new List<ChatHistory>();
        var engine = Engines.Llm(ChatMocks.Replying(seen, "<think>short</think>US and Russian foreign ministers met in Riyadh [1].").Object);
        var seed = SeedCorpus.Seed();

        var blurb = await engine.BlurbAsync(seed, Language.English, CancellationToken.None);
        var again = await engine.BlurbAsync(seed, Language.English, CancellationToken.None);

        Assert.Equal("US and Russian foreign ministers met in Riyadh.", blurb);
        Assert.Equal(blurb, again);
        Assert.Single(seen);
    }

    [Fact]
    public async Task Who_cites_the_persons_passages_in_the_answer_language()
    {
        var seen = new List<ChatHistory>();
        var engine = Engines.Llm(ChatMocks.Replying(seen, "Sergei Lavrov is Russia's foreign minister; he met Rubio in Riyadh [1].").Object);
        var seed = SeedCorpus.Seed();
        var person = new Person { Name = "Sergej Lawrow", Roles = [new PersonRole("Außenminister", Language.German, seed.Id)] };

        var answer = await engine.DescribePersonAsync(
            new PersonContext { AnswerLanguage = Language.English, Person = person, Hits = [new SearchHit(SeedCorpus.Gold(seed), 1)] }, CancellationToken.None);

        Assert.Equal(seed.Id, Assert.Single(answer.Citations).ArticleId);
        Assert.Contains("foreign minister", answer.ToReply().PlainText);
        Assert.Contains("Write in English", seen[0][0].Content);
    }

    [Fact]
    public async Task A_question_in_the_corpus_language_needs_no_expansion_call()
    {
        var expander = Expander(ChatMocks.Replying([], "unused").Object);

        var terms = await expander.ExpandAsync("Wo trafen sich Rubio und Lawrow?", Language.German, [Language.German], CancellationToken.None);

        Assert.Empty(terms);
    }

    [Fact]
    public async Task An_English_question_on_a_German_corpus_gets_German_terms_once()
    {
        var seen = new List<ChatHistory>();
        var expander = Expander(ChatMocks.Replying(seen, "<think>Lawrow is the German spelling.</think>Rubio, Lawrow, Treffen, \"Riad\"").Object);

        var terms = await expander.ExpandAsync("Where did Rubio and Lavrov meet?", Language.English, [Language.German, Language.English], CancellationToken.None);
        var again = await expander.ExpandAsync("where did  Rubio and Lavrov meet?", Language.English, [Language.English, Language.German], CancellationToken.None);

        Assert.Equal(["Rubio", "Lawrow", "Treffen", "Riad"], terms);
        Assert.Equal(terms, again);
        var history = Assert.Single(seen);
        Assert.Contains("news archive written in German", history[0].Content);
        Assert.Contains("<question>\nWhere did Rubio and Lavrov meet?\n</question>", history[1].Content);
    }

    [Fact]
    public async Task A_failed_expansion_adds_no_terms_and_is_tried_again_next_time()
    {
        var chat = ChatMocks.Throwing(new HttpRequestException("refused"));
        var expander = Expander(chat.Object);

        Assert.Empty(await expander.ExpandAsync("Where did they meet?", Language.English, [Language.German], CancellationToken.None));
        Assert.Empty(await expander.ExpandAsync("Where did they meet?", Language.English, [Language.German], CancellationToken.None));
        Assert.Equal(2, chat.Invocations.Count);
    }

    [Theory]
    [InlineData("- Rubio\n- Lawrow\n- Riad", new[] { "Rubio", "Lawrow", "Riad" })]
    [InlineData("1. Außenminister; 2) G7; 2025", new[] { "Außenminister", "G7", "2025" })]
    [InlineData("„Ukraine-Krieg“, Ukraine-Krieg, x", new[] { "Ukraine-Krieg" })]
    public void Terms_are_read_from_lists_and_lines(string reply, string[] expected) =>
        Assert.Equal(expected, LlmQueryExpander.ParseTerms(reply));

    private static LlmQueryExpander Expander(IChatCompletionService chat)
    {
        var options = Engines.Options();
        options.CooldownSeconds = 0;
        return new(chat, Opts.Create(options), TimeProvider.System, new LlmCircuit(Opts.Create(options), TimeProvider.System), NullLogger<LlmQueryExpander>.Instance);
    }
}
