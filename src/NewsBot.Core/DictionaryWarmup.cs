using Microsoft.Extensions.Hosting;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core;

/// <summary>
/// Loads the dictionary in the background at start, and the German verb forms the answer engine reads from the same file,
/// so the first question does not wait for them.
/// </summary>
public sealed class DictionaryWarmup(QueryTranslator translator, WordKnowledgeSource? words = null) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(
            () =>
            {
                _ = translator.Dictionary;
                _ = GermanVerbForms.TryLoad(words?.DictionaryPath);
            },
            stoppingToken);
}
