using System.Text.Json;
using NewsBot.Tests.Shared;

namespace NewsBot.Tests;

public sealed class CliContractTests
{
    private static readonly string Seed = TestPaths.SeedCorpus;

    private static JsonElement SingleJsonObject(CliRunner.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        return doc.RootElement.Clone();
    }

    [Fact]
    public async Task Ask_in_german_answers_with_riad_and_cites_the_seed()
    {
        var json = SingleJsonObject(await CliRunner.RunAsync("ask", "Wo trafen sich Rubio und Lawrow?", "--corpus", Seed, "--json"));

        Assert.Contains("Riad", json.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("de", json.GetProperty("language").GetString());
        Assert.Equal("extractive", json.GetProperty("backend").GetString());
        var citation = Assert.Single(json.GetProperty("citations").EnumerateArray().ToList());
        Assert.Equal("000_59b4a59a8a957c04", citation.GetProperty("articleId").GetString());
        Assert.Equal("2025-02", citation.GetProperty("date").GetString());
        foreach (var field in new[] { "title", "source" })
        {
            Assert.False(string.IsNullOrEmpty(citation.GetProperty(field).GetString()));
        }
    }

    [Fact]
    public async Task Ask_in_english_answers_in_english_around_the_same_evidence()
    {
        var json = SingleJsonObject(await CliRunner.RunAsync("ask", "Where did Rubio and Lavrov meet?", "--corpus", Seed, "--json"));
        var answer = json.GetProperty("answer").GetString()!;

        Assert.Equal("en", json.GetProperty("language").GetString());
        // The short answer ("Riad (Riyadh)") may come first, then the framed German evidence.
        Assert.Contains("From the German article", answer, StringComparison.Ordinal);
        Assert.Contains("Riad", answer, StringComparison.Ordinal);
        Assert.Single(json.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Lang_option_sets_the_answer_language()
    {
        var json = SingleJsonObject(await CliRunner.RunAsync("ask", "Where did Rubio and Lavrov meet?", "--corpus", Seed, "--lang", "de", "--json"));
        Assert.Equal("de", json.GetProperty("language").GetString());
    }

    [Fact]
    public async Task Articles_lists_one_german_article_with_a_real_title()
    {
        var json = SingleJsonObject(await CliRunner.RunAsync("articles", "--corpus", Seed, "--json"));
        var article = Assert.Single(json.GetProperty("articles").EnumerateArray().ToList());

        Assert.Equal("2025-02", article.GetProperty("date").GetString());
        Assert.Equal("de", article.GetProperty("language").GetString());
        Assert.Equal("Die Zeichen zwischen Washington und Moskau stehen auf Annäherung", article.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Summary_and_digest_have_their_json_shapes()
    {
        var summary = SingleJsonObject(await CliRunner.RunAsync("summary", "--corpus", Seed, "--lang", "de", "--json"));
        Assert.Contains("Riad", summary.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Equal("de", summary.GetProperty("language").GetString());

        var digest = SingleJsonObject(await CliRunner.RunAsync("digest", "--corpus", Seed, "--since", "2025-01-01", "--json"));
        Assert.Equal("en", digest.GetProperty("language").GetString());
        var item = Assert.Single(digest.GetProperty("articles").EnumerateArray().ToList());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("summary").GetString()));
        Assert.Contains("News digest", digest.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_has_its_json_shape()
    {
        var who = SingleJsonObject(await CliRunner.RunAsync("who", "--corpus", Seed, "--json"));
        Assert.Equal(JsonValueKind.Array, who.GetProperty("people").ValueKind);
        Assert.False(string.IsNullOrEmpty(who.GetProperty("language").GetString()));
    }

    [Theory]
    [InlineData("ask")]
    [InlineData("ask", "   ")]
    [InlineData("frobnicate")]
    [InlineData("ask", "hello", "--bogus")]
    [InlineData("ask", "hello", "--lang", "fr")]
    [InlineData("digest", "--since", "yesterday")]
    public async Task Bad_usage_exits_2_with_one_line_on_stderr(params string[] args)
    {
        var result = await CliRunner.RunAsync([.. args, "--corpus", Seed]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("newsbot: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_corpus_folder_exits_2_naming_it()
    {
        var result = await CliRunner.RunAsync("ask", "Wo?", "--corpus", "/nonexistent/corpus");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/corpus", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Empty_corpus_folder_is_a_clear_message()
    {
        var empty = TestPaths.NewTempFolder();
        var result = await CliRunner.RunAsync("ask", "Where?", "--corpus", empty);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("holds no readable articles", result.Stderr, StringComparison.Ordinal);

        var articles = await CliRunner.RunAsync("articles", "--corpus", empty, "--json");
        Assert.Equal(0, articles.ExitCode);
        Assert.Equal("{\"articles\":[]}", articles.Stdout.Trim());
    }

    [Fact]
    public async Task Invalid_setting_stops_with_one_line_naming_the_key()
    {
        var result = await CliRunner.RunAsync("ask", "Wo?", "--corpus", Seed, "--Bot:DefaultLanguage=fr");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Bot:DefaultLanguage", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_and_version()
    {
        var help = await CliRunner.RunAsync("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("newsbot ask", help.Stdout, StringComparison.Ordinal);

        var version = await CliRunner.RunAsync("--version");
        Assert.Matches(@"^newsbot \d+\.\d+\.\d+", version.Stdout);
    }

    [Fact]
    public async Task Ingest_reports_what_it_indexed()
    {
        var result = await CliRunner.RunAsync("ingest", "--corpus", TestPaths.SampleCorpus);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Indexed [4-9]\d* articles", result.Stdout);
        Assert.Contains("articles/s", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Articles_with_words_finds_the_matching_article()
    {
        var result = await CliRunner.RunAsync("articles", "Riad", "--corpus", Seed);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("000_59b4a59a8a957c04\t", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ask", "Wo?", "--corpus")]
    [InlineData("ask", "--corpus", "--json", "Wo?")]
    public async Task An_option_without_its_value_exits_2_with_one_line(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("newsbot: --corpus needs a value", result.Stderr.Trim());
    }

    [Fact]
    public async Task A_setting_of_the_wrong_type_exits_2_with_one_line_naming_the_key()
    {
        var result = await CliRunner.RunAsync("ask", "Wo?", "--corpus", Seed, "--Bot:MaxQuestionLength=abc");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("newsbot: invalid configuration: Bot:MaxQuestionLength must be a valid whole number, not 'abc'", result.Stderr.Trim());
    }

    [Fact]
    public async Task An_empty_number_setting_exits_2_with_one_line_naming_the_key_not_the_default()
    {
        // Options are bound through the type converters: an empty value is a bad setting, not "use the default" (the
        // configuration-binding source generator would skip it).
        var result = await CliRunner.RunAsync("ask", "Wo?", "--corpus", Seed, "--Bot:MaxQuestionLength=");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("newsbot: invalid configuration: Bot:MaxQuestionLength must be a valid whole number, not ''", result.Stderr.Trim());
    }

    [Fact]
    public async Task A_setting_out_of_its_range_exits_2_with_one_line_naming_the_key()
    {
        var result = await CliRunner.RunAsync("ask", "Wo?", "--corpus", Seed, "--Bot:MaxQuestionLength=5");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("newsbot: invalid configuration: Bot:MaxQuestionLength must be between 10 and 100000.", result.Stderr.Trim());
    }

    [Fact]
    public async Task Run_with_a_bad_setting_prints_only_the_one_line_not_the_host_s_stack_trace()
    {
        var result = await CliRunner.RunAsync(["run", "--corpus", Seed, "--Bot:MaxQuestionLength=5"], stdin: "");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("newsbot: invalid configuration: Bot:MaxQuestionLength must be between 10 and 100000.", result.Stderr.Trim());
    }

    [Fact]
    public async Task Two_bad_sections_exit_2_with_one_line_naming_both_keys()
    {
        // Each options section validates on its own; two failing at once must still be one line, not an AggregateException.
        var result = await CliRunner.RunAsync("ask", "Wo?", "--corpus", Seed, "--Bot:MaxQuestionLength=5", "--Llm:Provider=bogus");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.StartsWith("newsbot: invalid configuration: ", line, StringComparison.Ordinal);
        Assert.Contains("Bot:MaxQuestionLength must be between 10 and 100000.", line, StringComparison.Ordinal);
        Assert.Contains("Llm:Provider 'bogus' is not known", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("articles", "--lang", "de")]
    [InlineData("ask", "Wo?", "--since", "2025-01-01")]
    [InlineData("ingest", "--lang", "en")]
    public async Task An_option_the_verb_does_not_take_is_refused_not_ignored(params string[] args)
    {
        var result = await CliRunner.RunAsync([.. args, "--corpus", Seed]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not apply to", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_json_prints_one_object_and_a_small_corpus_has_a_real_rate()
    {
        var json = await CliRunner.RunAsync("ingest", "--corpus", Seed, "--json");
        var text = await CliRunner.RunAsync("ingest", "--corpus", Seed);

        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(1, document.RootElement.GetProperty("articles").GetInt32());
        Assert.Equal(10, document.RootElement.GetProperty("people").GetInt32());
        Assert.Matches(@"Indexed 1 article \(", text.Stdout);
        Assert.DoesNotMatch(@"\(0 articles/s\)", text.Stdout);
    }

    [Fact]
    public async Task With_json_an_error_is_also_one_object_on_stdout()
    {
        var result = await CliRunner.RunAsync("ask", "   ", "--corpus", Seed, "--json");

        Assert.Equal(2, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Contains("question is empty", document.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("newsbot: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirected_log_has_no_colour_codes()
    {
        var result = await CliRunner.RunAsync("ask", "Wo trafen sich Rubio und Lawrow?", "--corpus", Seed, "--Search:DictionaryPath=/nonexistent/de-en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("No bilingual dictionary", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Stderr);
    }
}
