using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands;

namespace NewsBot.Sources;

public static class SourcesServiceCollectionExtensions
{
    /// <summary>Feeds and pages as sources: fetching, extraction into the corpus, feed polling while the bot runs, /add.</summary>
    public static IServiceCollection AddSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourcesOptions>().Bind(configuration.GetSection(SourcesOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>());
        services.AddOptions<FeedsOptions>().Bind(configuration.GetSection(FeedsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<FeedsOptions>, FeedsOptionsValidator>();

        services.AddHttpClient(PageFetcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Redirects are followed by PageFetcher, so every hop passes the URL guard.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan);

        services.AddSingleton<UrlGuard>();
        services.AddSingleton<PageFetcher>();
        services.AddSingleton<SourceStateStore>();
        services.AddSingleton<CorpusArticleWriter>();
        services.AddSingleton<PageImporter>();
        services.AddSingleton<FeedPoller>();
        services.AddHostedService<FeedPollingService>();
        services.AddSingleton<IChatCommandHandler, AddUrlHandler>();
        return services;
    }
}

/// <summary>Each feed needs a name and an absolute http(s) URL; names are unique (logs and <c>newsbot feeds</c> use them).</summary>
internal sealed class FeedsOptionsValidator : IValidateOptions<FeedsOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedsOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Feeds.Count; i++)
        {
            var feed = options.Feeds[i];
            var key = $"Corpus:Feeds:{i}";
            if (string.IsNullOrWhiteSpace(feed.Name))
            {
                errors.Add($"{key}:Name must be set.");
            }

            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{key}:Url must be an absolute http or https URL, not '{feed.Url}'.");
            }

            if (feed.Interval < TimeSpan.FromMinutes(1))
            {
                errors.Add($"{key}:Interval must be at least 00:01:00.");
            }
        }

        foreach (var duplicate in options.Feeds.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"Corpus:Feeds: the name '{duplicate.Key}' is used twice.");
        }

        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
