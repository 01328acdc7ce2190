using Microsoft.SemanticKernel.ChatCompletion;
using NewsBot.Ai.Tests.Fakes;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;

namespace NewsBot.Ai.Tests;

public sealed class CitationAndThinkTests
{
    private static readonly Article A = SeedCorpus.English("a");
    private static readonly Article B = SeedCorpus.English("b");
    private static readonly Article C = SeedCorpus.English("c");

    [Fact]
    public void Citations_are_only_the_cited_sources_renumbered_in_order_of_first_mention()
    {
        var (text, citations) = CitationMapper.Map("Budget passed [3]. Schools lose [1]. Again [3].", [A, B, C]);

        Assert.Equal("Budget passed [1]. Schools lose [2]. Again [1].", text);
        Assert.Equal(["c", "a"], citations.Select(c => c.ArticleId));
        Assert.Equal([1, 2], citations.Select(c => c.Number));
    }

    [Fact]
    public void Passages_of_one_article_share_its_number_and_grouped_markers_are_split()
    {
        var (text, citations) = CitationMapper.Map("One [2, 3]. Two [1;2]. Three [1] [4].", [A, C, A, B]);

        Assert.Equal("One [1][2]. Two [2][1]. Three [2] [3].", text);
        Assert.Equal(["c", "a", "b"], citations.Select(c => c.ArticleId));
    }

    [Fact]
    public void Numbers_that_name_no_source_are_removed()
    {
        var (text, citations) = CitationMapper.Map("Made up [7]. Real [2]. Zero [0].", [A, B]);

        Assert.Equal("Made up. Real [1]. Zero.", text);
        Assert.Equal(["b"], citations.Select(c => c.ArticleId));
    }

    [Fact]
    public void A_marker_still_arriving_in_a_stream_is_hidden()
    {
        Assert.Equal("They met in Riad", CitationMapper.MapPartial("They met in Riad [", [A, B]));
        Assert.Equal("They met in Riad", CitationMapper.MapPartial("They met in Riad [2", [A, B]));
        Assert.Equal("They met in Riad [1]", CitationMapper.MapPartial("They met in Riad [2]", [A, B]));
    }

    [Fact]
    public async Task The_reply_cites_the_passages_the_model_cited_renumbered_with_the_seed_article()
    {
        var engine = Engines.Llm(ChatMocks.Replying([], "They met in Riad, Saudi Arabia [2].").Object);

        var answer = await engine.AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);

        Assert.Equal("llm", answer.Backend);
        Assert.False(answer.NotFound);
        Assert.Equal("They met in Riad, Saudi Arabia [1].", answer.ToReply().PlainText);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal((1, "000_59b4a59a8a957c04", "2025-02"), (citation.Number, citation.ArticleId, citation.Date));
    }

    [Fact]
    public async Task A_reply_that_cites_nothing_is_a_not_found_answer()
    {
        var engine = Engines.Llm(ChatMocks.Replying([], "The articles do not say.").Object);

        var answer = await engine.AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);

        Assert.True(answer.NotFound);
        Assert.Empty(answer.Citations);
        Assert.Equal(ReplyKind.Info, answer.ToReply().Kind);
    }

    [Theory]
    [InlineData("<think>The user wants a place.</think>They met in Riad.", "They met in Riad.")]
    [InlineData("<think>\nmulti\nline\n</think>\n\nA [1]. <think>again</think>B [2].", "A [1]. B [2].")]
    [InlineData("<THINK>shouting</THINK>Answer", "Answer")]
    [InlineData("<think>still reasoning, no end yet", "")]
    [InlineData("Answer so far <think>cut off", "Answer so far")]
    [InlineData("reasoning whose opening tag was in the template</think>The answer.", "The answer.")]
    [InlineData("<thinking>x</thinking>Done.", "Done.")]
    public void Reasoning_is_stripped(string raw, string expected) => Assert.Equal(expected, ThinkStripper.Strip(raw));

    [Theory]
    [InlineData("Answer <", "Answer")]
    [InlineData("Answer <thi", "Answer")]
    [InlineData("<think>abc</thi", "")]
    [InlineData("a < b", "a < b")]
    public void A_tag_still_arriving_in_a_stream_is_hidden(string raw, string expected) => Assert.Equal(expected, ThinkStripper.StripPartial(raw));

    [Fact]
    public async Task A_plain_reply_loses_its_reasoning()
    {
        var engine = Engines.Llm(ChatMocks.Replying([], "<think>Source 2 mentions Riad, so cite it.</think>\nThey met in Riad [2].").Object);

        var answer = await engine.AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None);

        Assert.Equal("They met in Riad [1].", answer.ToReply().PlainText);
    }

    [Fact]
    public async Task Model_text_never_pings_everyone_here_or_a_person()
    {
        var progress = new RecordingProgress();
        var plain = Engines.Llm(ChatMocks.Replying([], "@everyone @Here: they met in Riad [2], says <@123> and <@&45>; mail a@b.de").Object);
        var streamed = Engines.Llm(ChatMocks.Streaming([], "@every", "one they met [2].").Object);

        var text = (await plain.AnswerAsync(SeedCorpus.RubioLavrov(), CancellationToken.None)).ToReply().PlainText;
        var streamedText = (await streamed.AnswerAsync(SeedCorpus.RubioLavrov(progress), CancellationToken.None)).ToReply().PlainText;

        Assert.Equal("@\u200Beveryone @\u200BHere: they met in Riad [1], says <@\u200B123> and <@\u200B&45>; mail a@b.de", text);
        Assert.Equal("@\u200Beveryone they met [1].", streamedText);
        Assert.All(progress.Reports, r => Assert.DoesNotContain("@everyone", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Streaming_reports_the_growing_answer_without_reasoning_and_with_final_numbers()
    {
        var seen = new List<ChatHistory>();
        var progress = new RecordingProgress();
        var engine = Engines.Llm(ChatMocks.Streaming(seen, "<thi", "nk>secret plan: cite source two", "</th", "ink>They met ", "in Riad [", "2]", ", Saudi Arabia.").Object);

        var answer = await engine.AnswerAsync(SeedCorpus.RubioLavrov(progress), CancellationToken.None);

        Assert.Single(seen);
        Assert.Equal("They met in Riad [1], Saudi Arabia.", answer.ToReply().PlainText);
        var reports = progress.Reports;
        Assert.Equal(["They met", "They met in Riad", "They met in Riad [1]", "They met in Riad [1], Saudi Arabia."], reports);
        Assert.All(reports, r => Assert.DoesNotContain("secret", r));
        Assert.All(reports, r => Assert.DoesNotContain("<", r));
    }
}
