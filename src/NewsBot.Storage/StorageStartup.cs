using Microsoft.Extensions.DependencyInjection;

namespace NewsBot.Storage;

/// <summary>Opens and migrates the store before the host starts, so a bad file stops "run" with our one line, not the host's log.</summary>
public static class StorageStartup
{
    /// <summary>
    /// Initializes the registered store (nothing when none is registered). Throws <see cref="StorageStartupException"/> naming the
    /// file when it is locked, damaged or newer than this build; the host's own start then finds it ready.
    /// </summary>
    public static Task EnsureReadyAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetService<IStorageDatabase>()?.EnsureInitializedAsync(cancellationToken) ?? Task.CompletedTask;
}
