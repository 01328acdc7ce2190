using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Chat;

public sealed class RouterTests
{
    private static readonly TestCorpus Seed = TestCorpus.From(TestCorpus.Seed());

    [Fact]
    public async Task German_question_gets_a_german_cited_answer_naming_riad()
    {
        using var services = TestPipeline.Services(Seed);
        var reply = await services.Send("Wo trafen sich Rubio und Lawrow?");

        Assert.Equal(Language.German, reply.Language);
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Contains("Riad", reply.PlainText, StringComparison.Ordinal);
        Assert.Equal("000_59b4a59a8a957c04", Assert.Single(reply.Citations).ArticleId);
        Assert.Contains("[1]", reply.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_question_about_a_german_article_is_framed_in_english()
    {
        using var services = TestPipeline.Services(Seed);
        var reply = await services.Send("Where did Rubio and Lavrov meet?");

        Assert.Equal(Language.English, reply.Language);
        // A short answer ("Riad (Riyadh)") may come first; then the framing line and the quoted German evidence.
        var frame = reply.Blocks.ToList().FindIndex(b => b.Text.StartsWith("From the German article", StringComparison.Ordinal));
        Assert.InRange(frame, 0, 1);
        Assert.StartsWith("From the German article \"Die Zeichen zwischen Washington und Moskau", reply.Blocks[frame].Text, StringComparison.Ordinal);
        Assert.Equal(ReplyBlockKind.Quote, reply.Blocks[frame + 1].Kind);
        Assert.Contains("Riad", reply.Blocks[frame + 1].Text, StringComparison.Ordinal);
        Assert.Single(reply.Citations);
    }

    [Fact]
    public async Task Question_the_corpus_cannot_answer_says_so_plainly()
    {
        using var services = TestPipeline.Services(Seed);
        var english = await services.Send("What is the capital of Peru?");
        var german = await services.Send("Wie hoch ist die Zugspitze?");

        Assert.Equal(Texts.NotFound(Language.English), english.PlainText);
        Assert.Equal(Texts.NotFound(Language.German), german.PlainText);
        Assert.Empty(english.Citations);
    }

    [Theory]
    [InlineData("/frobnicate", "/frobnicate")]
    [InlineData("/frobnicate@NewsBot now", "/frobnicate")]
    public async Task Unknown_command_gets_one_clear_error(string text, string named)
    {
        using var services = TestPipeline.Services(Seed);
        var reply = await services.Send(text);
        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Contains(named, reply.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_message_gets_help_and_oversized_gets_a_localized_error()
    {
        using var services = TestPipeline.Services(Seed, new() { ["Bot:MaxQuestionLength"] = "50" });
        Assert.Contains("/summary", (await services.Send("   ")).PlainText, StringComparison.Ordinal);
        Assert.Contains("/summary", (await services.Send("?")).PlainText, StringComparison.Ordinal);
        Assert.Contains("/summary", (await services.Send(" …!")).PlainText, StringComparison.Ordinal);

        var tooLong = await services.Send("Was sagte der ukrainische Präsident über die Gespräche in Riad und über Europa?");
        Assert.Equal(ReplyKind.Error, tooLong.Kind);
        Assert.Equal(Texts.TooLong(Language.German, 50), tooLong.PlainText);
    }

    [Fact]
    public async Task Command_with_bot_suffix_is_routed()
    {
        using var services = TestPipeline.Services(Seed);
        var reply = await services.Send("/help@NewsBot");
        Assert.Contains("/who", reply.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lang_setting_wins_and_is_kept_per_platform_and_chat()
    {
        using var services = TestPipeline.Services(Seed);
        await services.Send("/lang de", platform: Platforms.Telegram, chat: "42");

        var telegram = await services.Send("Where did Rubio and Lavrov meet?", platform: Platforms.Telegram, chat: "42");
        var discord = await services.Send("Where did Rubio and Lavrov meet?", platform: Platforms.Discord, chat: "42");

        Assert.Equal(Language.German, telegram.Language);
        Assert.Equal(Language.English, discord.Language);

        await services.Send("/lang auto", platform: Platforms.Telegram, chat: "42");
        Assert.Equal(Language.English, (await services.Send("Where did Rubio and Lavrov meet?", platform: Platforms.Telegram, chat: "42")).Language);
    }

    [Fact]
    public async Task Summary_covers_the_riad_talks_with_a_citation()
    {
        using var services = TestPipeline.Services(Seed);
        var reply = await services.Send("/summary");
        Assert.Contains("Riad", reply.PlainText, StringComparison.Ordinal);
        Assert.Single(reply.Citations);
        Assert.True(reply.Blocks.Count >= 2);
    }

    [Fact]
    public async Task Summary_of_an_article_id_and_of_a_topic()
    {
        using var services = TestPipeline.Services(Seed);
        var byId = await services.Send("/summary 000_59b4a59a8a957c04");
        Assert.Contains("Annäherung", byId.PlainText, StringComparison.Ordinal);

        var topic = await services.Send("/summary Hegseth Nato");
        Assert.Contains("Hegseth", topic.PlainText, StringComparison.Ordinal);

        var unknown = await services.Send("/summary Quantencomputer");
        Assert.Contains("Quantencomputer", unknown.PlainText, StringComparison.Ordinal);
        Assert.Empty(unknown.Citations);
    }

    [Fact]
    public async Task A_topic_summary_quotes_each_article_on_the_topic_not_only_the_one_that_mentions_it_most()
    {
        var long_ = TestCorpus.Parse("ferry-long", "ferry-long.md",
            "# Harbour ferry service resumes\n\nThe harbour ferry resumed service on Monday after the storm. The harbour ferry carries 4,000 passengers a day. "
            + "The harbour ferry operator hired ten new crew members. The harbour ferry timetable now runs every twenty minutes. The harbour ferry fares stay the same.");
        var short_ = TestCorpus.Parse("ferry-short", "ferry-short.md",
            "# Council funds a second harbour ferry\n\nThe city council voted to fund a second harbour ferry for the western docks.");
        using var services = TestPipeline.Services(TestCorpus.From(long_, short_));

        var topic = await services.Send("/summary harbour ferry", locale: "en");

        Assert.Equal(["ferry-long", "ferry-short"], topic.Citations.Select(c => c.ArticleId).Order());
    }

    [Fact]
    public async Task Articles_and_digest_list_the_seed_article()
    {
        using var services = TestPipeline.Services(Seed);
        var articles = await services.Send("/articles");
        Assert.Contains("000_59b4a59a8a957c04", articles.PlainText, StringComparison.Ordinal);

        var digest = await services.Send("/digest", locale: "de");
        Assert.Equal(Language.German, digest.Language);
        Assert.Contains("Nachrichtenüberblick", digest.PlainText, StringComparison.Ordinal);
        Assert.Single(digest.Citations);
    }

    [Fact]
    public async Task Empty_corpus_is_a_clear_message_not_a_crash()
    {
        using var services = TestPipeline.Services(TestCorpus.From());
        var reply = await services.Send("Where did Rubio and Lavrov meet?");
        Assert.Equal(Texts.EmptyCorpus(Language.English), reply.PlainText);
    }

    [Fact]
    public async Task A_reply_to_text_without_a_language_comes_in_the_language_the_user_last_wrote_in()
    {
        using var services = TestPipeline.Services(Seed);
        // The console has no platform locale and the default is English: before, "/cancel" after a German question was answered in English.
        Assert.Equal(Language.German, (await services.Send("Wo trafen sich Rubio und Lawrow?")).Language);
        Assert.Equal(Texts.NothingToCancel(Language.German), (await services.Send("/cancel")).PlainText);
        Assert.Equal(Language.German, (await services.Send("/lang fr")).Language);
        Assert.Equal(Language.English, (await services.Send("Where did Rubio and Lavrov meet?")).Language);
        Assert.Equal(Texts.NothingToCancel(Language.English), (await services.Send("/cancel")).PlainText);
        // A platform locale still decides a bare command.
        Assert.Equal(Texts.NothingToCancel(Language.German), (await services.Send("/cancel", locale: "de")).PlainText);
    }

    [Theory]
    [InlineData(null, "de", "", true, Language.German)]
    [InlineData(null, "en-US", "", true, Language.English)]
    [InlineData(null, "de", "Where did they meet?", false, Language.English)]
    [InlineData(null, null, "Wo trafen sie sich?", false, Language.German)]
    [InlineData(Language.English, "de", "Wo trafen sie sich?", false, Language.English)]
    [InlineData(null, null, "Lavrov", false, Language.German)]
    [InlineData(null, "de", "Lavrov", false, Language.German)]
    [InlineData(null, null, "", true, Language.German, Language.German)]
    [InlineData(null, "en", "Lavrov", false, Language.German, Language.German)]
    [InlineData(null, "en", "", true, Language.English, Language.German)]
    [InlineData(null, null, "Where did they meet?", false, Language.English, Language.German)]
    // A name alone is no language: "-ed" in "Seyfried" looked English, so /who answered a German chat in English.
    [InlineData(null, null, "Friederike Seyfried", false, Language.German, Language.German)]
    [InlineData(null, null, "Heiko Salzwedel", false, Language.English, Language.English)]
    public void Language_resolution_follows_the_documented_order(Language? setting, string? locale, string text, bool commandWithoutText, Language expected, Language? lastWritten = null) =>
        Assert.Equal(expected, LanguageResolver.Resolve(setting, locale, text, commandWithoutText, setting is null && locale is null && text == "Lavrov" ? Language.German : Language.English, lastWritten));
}
