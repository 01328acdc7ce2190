using Microsoft.Extensions.Hosting;

namespace NewsBot.Storage;

/// <summary>
/// Opens and migrates the database while the host is starting, before any hosted service's StartAsync
/// (IHostedLifecycleService.StartingAsync runs for all services first), so a locked, corrupt or newer file
/// stops the start with one <see cref="StorageStartupException"/> naming the file (or, for PostgreSQL, the redacted
/// Storage:ConnectionString).
/// Without a started host (one-shot CLI verbs) the stores initialize at first use with the same outcome.
/// </summary>
internal sealed class StorageInitializer(IStorageDatabase database) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => database.EnsureInitializedAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
