using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsBot.Ai;
using NewsBot.Cli;
using NewsBot.Core;
using NewsBot.Core.Digests;
using NewsBot.Discord;
using NewsBot.Ops;
using NewsBot.Sources;
using NewsBot.Storage;
using NewsBot.Telegram;

namespace NewsBot;

/// <summary>
/// What the executable is made of, per verb. Every AddXyz only adds; the choices are made here, once each: where state
/// lives (the store for the running bot and /stats, memory for one-shot verbs) and which engine answers (AddLlm owns it).
/// </summary>
public static class NewsBotComposition
{
    public static void Compose(HostApplicationBuilder builder, CliArguments cli)
    {
        var configuration = builder.Configuration;
        if (cli.CorpusFolder is { } corpus)
        {
            configuration.AddInMemoryCollection([new("Corpus:Path", Path.GetFullPath(corpus))]);
        }

        builder.Logging.AddNewsBotConsoleLogging(configuration, cli);
        builder.Logging.AddNewsBotLogFormat(configuration);
        var services = builder.Services
            .AddNewsBotCore(configuration)
            .AddLlm(configuration)
            .AddSources(configuration)
            .AddNewsBotHost(configuration, cli);

        // The running bot keeps settings, memory and digests in the store, and /stats reads what it wrote there;
        // one-shot verbs are stateless.
        if (cli.Verb is "run" or "stats")
        {
            services.AddStorage(configuration);
        }
        else
        {
            services.AddInMemoryState();
        }

        if (cli.Verb == "run")
        {
            services
                .AddCorpusWatcher(configuration)
                .AddDigests(configuration)
                .AddTelegram(configuration)
                .AddDiscord(configuration)
                .AddOperations(configuration);
            OpsServiceCollectionExtensions.ShareListenerWithTelegram(configuration);
        }
    }
}
