using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Tests.Commands;

/// <summary>The one command list: names and aliases resolve, stop commands run at once, help lists what it should.</summary>
public sealed class CommandCatalogueTests
{
    private static CommandCatalogue Catalogue()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddNewsBotCore(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).AddInMemoryState().AddExtractiveAnswers();
        return services.BuildServiceProvider().GetRequiredService<CommandCatalogue>();
    }

    [Theory]
    [InlineData("/cancel", true)]
    [InlineData("/cancel@NewsTestBot", true)]
    [InlineData("/abbrechen", true)]
    [InlineData("/CANCEL please", true)]
    [InlineData("/cancellation", false)]
    [InlineData("cancel", false)]
    [InlineData("/who Lavrov", false)]
    public void Only_the_stop_commands_run_at_once(string text, bool atOnce) => Assert.Equal(atOnce, Catalogue().RunsAtOnce(text));

    [Theory]
    [InlineData("wer", "who")]
    [InlineData("abbrechen", "cancel")]
    [InlineData("sprache", "lang")]
    [InlineData("START", "start")]
    public void Aliases_resolve_to_the_command(string alias, string name)
    {
        Assert.True(Catalogue().TryFind(alias, out var info, out _));
        Assert.Equal(name, info.Name);
    }

    [Fact]
    public void Help_lists_every_command_listed_for_help_in_both_languages_and_no_menu_only_command()
    {
        var catalogue = Catalogue();
        foreach (var language in new[] { Language.German, Language.English })
        {
            var help = catalogue.Help(language);
            Assert.All(catalogue.ListedIn(CommandListing.Help), c => Assert.Matches("(?m)^/" + System.Text.RegularExpressions.Regex.Escape(c.Name) + "[ ,]", help));
            Assert.DoesNotContain("/start", help, StringComparison.Ordinal);
        }

        Assert.Contains("/cancel, /abbrechen", catalogue.Help(Language.German), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_handlers_declaring_one_name_stop_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new CommandCatalogue([new Declares("who"), new Declares("wer")]));
        Assert.Contains("/wer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/abbrechen", null, "Es läuft gerade keine Antwort.")]
    [InlineData("/cancel", null, "No answer is running.")]
    [InlineData("/abbrechen", "en", "No answer is running.")]
    public async Task A_command_typed_by_its_German_name_is_answered_in_German_where_the_platform_tells_no_locale(string text, string? locale, string expected)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddNewsBotCore(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bot:DefaultLanguage"] = "en", ["Corpus:Path"] = NewsBot.Tests.Shared.TestPaths.SampleCorpus, ["Corpus:Watch"] = "false" }).Build()).AddInMemoryState().AddExtractiveAnswers();
        using var provider = services.BuildServiceProvider();

        var reply = await provider.Send(text, locale: locale);

        Assert.Equal(expected, reply.PlainText);
    }

    private sealed class Declares(string name) : IChatCommandHandler
    {
        public IReadOnlyList<CommandInfo> Commands { get; } = [new(name, new("x", "x")) { Aliases = name == "who" ? ["wer"] : [] }];

        public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
