using Microsoft.Extensions.Hosting;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core;

/// <summary>
/// Loads the dictionary in the background at start, with the German verb forms the answer engine unpacks from it,
/// so the first question does not wait for them.
/// </summary>
public sealed class DictionaryWarmup(QueryTranslator translator) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => GermanVerbForms.Of(translator.Dictionary), stoppingToken);
}
