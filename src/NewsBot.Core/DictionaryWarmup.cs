using Microsoft.Extensions.Hosting;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core;

/// <summary>Loads the dictionary in the background at start, so the first question does not wait for it.</summary>
public sealed class DictionaryWarmup(QueryTranslator translator) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => translator.Dictionary, stoppingToken);
}
