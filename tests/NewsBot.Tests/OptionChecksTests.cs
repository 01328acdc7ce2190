using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsBot.Cli;
using NewsBot.Tests.Shared;

namespace NewsBot.Tests;

/// <summary>
/// The settings that data annotations checked are checked in plain code now (no reflection at start): the same bounds, and a
/// failure worded exactly as <c>ValidateDataAnnotations()</c> worded it, so a bad setting is reported as before.
/// </summary>
public sealed class OptionChecksTests
{
    public static TheoryData<string, string, string, string> Bounds => new()
    {
        { "Corpus:Path", "x", " ", "CorpusOptions' members: 'Path' with the error: 'Corpus:Path must name the folder of article files." },
        { "Bot:DefaultLanguage", "de", "fr", "BotOptions' members: 'DefaultLanguage' with the error: 'Bot:DefaultLanguage must be 'de' or 'en'." },
        { "Bot:DefaultLanguage", "en", "en ", "BotOptions' members: 'DefaultLanguage' with the error: 'Bot:DefaultLanguage must be 'de' or 'en'." },
        { "Bot:MaxQuestionLength", "10", "9", "BotOptions' members: 'MaxQuestionLength' with the error: 'Bot:MaxQuestionLength must be between 10 and 100000." },
        { "Bot:MaxQuestionLength", "100000", "100001", "BotOptions' members: 'MaxQuestionLength' with the error: 'Bot:MaxQuestionLength must be between 10 and 100000." },
        { "Bot:Passages", "50", "51", "BotOptions' members: 'Passages' with the error: 'Bot:Passages must be between 1 and 50." },
        { "Bot:RateLimit:QuestionsPerMinute", "0", "-1", "RateLimitOptions' members: 'QuestionsPerMinute' with the error: 'Bot:RateLimit:QuestionsPerMinute must be between 0 (off) and 10000." },
        { "Bot:RateLimit:Burst", "1", "0", "RateLimitOptions' members: 'Burst' with the error: 'Bot:RateLimit:Burst must be between 1 and 10000." },
        { "Bot:MaxConcurrentAnswers", "1000", "1001", "LoadOptions' members: 'MaxConcurrentAnswers' with the error: 'Bot:MaxConcurrentAnswers must be between 0 (2 × cores) and 1000." },
        { "Bot:MaxQueuedAnswers", "0", "-1", "LoadOptions' members: 'MaxQueuedAnswers' with the error: 'Bot:MaxQueuedAnswers must be between 0 and 1000000." },
        { "Sources:TimeoutSeconds", "600", "601", "SourcesOptions' members: 'TimeoutSeconds' with the error: 'Sources:TimeoutSeconds must be between 1 and 600." },
        { "Sources:MaxResponseBytes", "1024", "1023", "SourcesOptions' members: 'MaxResponseBytes' with the error: 'Sources:MaxResponseBytes must be between 1 KB and 1 GB." },
        { "Sources:MaxResponseBytes", "1073741824", "1073741825", "SourcesOptions' members: 'MaxResponseBytes' with the error: 'Sources:MaxResponseBytes must be between 1 KB and 1 GB." },
        { "Sources:MaxRedirects", "20", "21", "SourcesOptions' members: 'MaxRedirects' with the error: 'Sources:MaxRedirects must be between 0 and 20." },
        { "Sources:GoneBeforeDisable", "100", "101", "SourcesOptions' members: 'GoneBeforeDisable' with the error: 'Sources:GoneBeforeDisable must be between 1 and 100." },
        { "Llm:People:MaxCallsPerBuild", "100000", "100001", "LlmPeopleOptions' members: 'MaxCallsPerBuild' with the error: 'The field MaxCallsPerBuild must be between 0 and 100000." },
    };

    [Theory]
    [MemberData(nameof(Bounds))]
    public void A_setting_at_its_bound_starts_and_one_past_it_fails_worded_as_before(string key, string atBound, string pastBound, string failure)
    {
        using (var host = Build(key, atBound))
        {
            host.Services.GetRequiredService<IStartupValidator>().Validate();
        }

        using (var host = Build(key, pastBound))
        {
            var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
            Assert.Equal(["DataAnnotation validation failed for '" + failure + "'."], error.Failures);
        }
    }

    [Fact]
    public void Every_failing_setting_of_one_section_is_named_in_declaration_order()
    {
        using var host = Build("Bot:Passages", "0", ("Bot:DefaultLanguage", "fr"));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Equal(
            [
                "DataAnnotation validation failed for 'BotOptions' members: 'DefaultLanguage' with the error: 'Bot:DefaultLanguage must be 'de' or 'en'.'.",
                "DataAnnotation validation failed for 'BotOptions' members: 'Passages' with the error: 'Bot:Passages must be between 1 and 50.'.",
            ],
            error.Failures);
    }

    /// <summary>The "ask" composition with a model configured (so the people pass's options are registered too).</summary>
    private static IHost Build(string key, string value, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Path"] = TestPaths.SampleCorpus,
            ["Llm:Provider"] = "OpenAI",
            ["Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Llm:Model"] = "test-model",
            [key] = value,
        };
        foreach (var (k, v) in more)
        {
            settings[k] = v;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(settings);
        NewsBotComposition.Compose(builder, CliArguments.Parse(["ask", "Wo?"]));
        return builder.Build();
    }
}
