using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsBot.Core.Articles;

namespace NewsBot.Core.Digests;

public static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// Scheduled digests and the live corpus, for the running bot only (one-shot verbs need neither): the validated
    /// <c>Digest</c> section, <see cref="DigestScheduler"/> and, when <c>Corpus:Watch</c> is true, <see cref="CorpusWatcher"/>.
    /// Platforms register their <see cref="Chat.IChatSender"/>s; a schedule for a platform without one waits.
    /// </summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>());
        services.AddOptions<CorpusWatcherOptions>().Bind(configuration.GetSection(CorpusWatcherOptions.SectionName));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDigestAdminCheck, PlatformDigestAdminCheck>();
        services.TryAddSingleton<TargetDigestComposer>();
        services.TryAddSingleton<DigestScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestScheduler>());

        // The watcher checks Corpus:Watch itself, so turning it off needs no change here.
        services.TryAddSingleton<CorpusWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CorpusWatcher>());
        return services;
    }
}
