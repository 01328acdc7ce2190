using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsBot.Retrieval.Articles;

namespace NewsBot.Core.Digests;

public static class DigestServiceCollectionExtensions
{
    /// <summary>
    /// Scheduled digests, for the running bot only: the validated <c>Digest</c> section and the <see cref="DigestScheduler"/>.
    /// Platforms register their <see cref="Chat.IChatSender"/>s; a schedule for a platform without one waits.
    /// </summary>
    public static IServiceCollection AddDigests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DigestOptions>().Bind(configuration.GetSection(DigestOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TargetDigestComposer>();
        services.TryAddSingleton<DigestScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<DigestScheduler>());
        return services;
    }
}
