using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Retrieval.Articles;

namespace NewsBot.Retrieval.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Cross-lingual search: <see cref="SearchOptions"/> (<c>Search:DictionaryPath</c>), the <see cref="QueryTranslator"/> over the
    /// trans-de-en dictionary (loaded once; the core warms it up in the background at start), used by the corpus index for every query; and the
    /// <see cref="People.WordKnowledgeSource"/> that tells the people index ordinary words and person nouns from the same file.
    /// </summary>
    public static IServiceCollection AddCrossLingualSearch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return QueryTranslator.FromFile(options.DictionaryPath, sp.GetRequiredService<ILoggerFactory>().CreateLogger<QueryTranslator>(), SnapshotFolder(sp, options));
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
            return new People.WordKnowledgeSource(options.DictionaryPath, SnapshotFolder(sp, options));
        });
        return services;
    }

    /// <summary>Where snapshots of the dictionary (and of what the people index learns from it) go: the setting, else the corpus cache.</summary>
    private static string? SnapshotFolder(IServiceProvider services, SearchOptions options) =>
        string.IsNullOrWhiteSpace(options.SnapshotFolder) ? services.GetService<CorpusCacheLocation>()?.Folder : Path.GetFullPath(options.SnapshotFolder);
}
