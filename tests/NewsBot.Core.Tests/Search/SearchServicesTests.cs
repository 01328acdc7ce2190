using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Retrieval.Search;
using NewsBot.Tests.Shared;

namespace NewsBot.Core.Tests.Search;

public sealed class SearchServicesTests
{
    private static ServiceProvider Services(string? dictionaryPath) =>
        new ServiceCollection()
            .AddLogging()
            .AddCrossLingualSearch(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:DictionaryPath"] = dictionaryPath }).Build())
            .BuildServiceProvider();

    [Fact]
    public void The_configured_dictionary_is_loaded_on_first_use()
    {
        var path = Path.Combine(TestPaths.NewTempFolder(), "de-en");
        File.WriteAllText(path, DictionaryTests.Sample);
        using var services = Services(path);

        var translator = services.GetRequiredService<QueryTranslator>();

        Assert.Equal(10, translator.Dictionary?.Entries);
        Assert.Same(translator.Dictionary, services.GetRequiredService<QueryTranslator>().Dictionary);
    }

    [Fact]
    public void A_folder_as_dictionary_path_fails_naming_the_key()
    {
        using var services = Services(TestPaths.NewTempFolder());

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SearchOptions>>().Value);
        Assert.Contains("Search:DictionaryPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_path_turns_translation_off()
    {
        using var services = Services("");

        Assert.Null(services.GetRequiredService<QueryTranslator>().Dictionary);
    }
}
