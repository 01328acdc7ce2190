using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot;
using NewsBot.Cli;
using NewsBot.Ai;
using NewsBot.Core;
using NewsBot.Core.Digests;
using NewsBot.Discord;
using NewsBot.Sources;
using NewsBot.Ops;
using NewsBot.Storage;
using NewsBot.Telegram;

var cli = CliArguments.Parse(args);
if (cli.Error is not null)
{
    return CliFailure.Report(Console.Out, Console.Error, cli.Json, cli.Error, 2);
}

if (cli.Help || cli.Version)
{
    Console.WriteLine(cli.Help ? CliArguments.Usage : "newsbot " + typeof(CliArguments).Assembly.GetName().Version?.ToString(3));
    return 0;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = [.. cli.ConfigurationArgs],
    ContentRootPath = AppContext.BaseDirectory,
});
if (cli.CorpusFolder is { } corpus)
{
    builder.Configuration.AddInMemoryCollection([new("Corpus:Path", Path.GetFullPath(corpus))]);
}

builder.Logging.AddNewsBotConsoleLogging(builder.Configuration, cli);
builder.Logging.AddNewsBotLogFormat(builder.Configuration);
builder.Services
    .AddNewsBotCore(builder.Configuration)
    .AddLlm(builder.Configuration)
    .AddSources(builder.Configuration)
    .AddNewsBotHost(builder.Configuration, cli);

// One-shot verbs are stateless; the running bot keeps settings, memory and digests in the store.
if (cli.Verb == "run")
{
    builder.Services
        .AddStorage(builder.Configuration)
        .AddDigests(builder.Configuration)
        .AddTelegram(builder.Configuration)
        .AddDiscord(builder.Configuration)
        .AddOperations(builder.Configuration);
    OpsServiceCollectionExtensions.ShareListenerWithTelegram(builder.Configuration);
}

// The statistics are read from the store the running bot writes.
if (cli.Verb == "stats")
{
    builder.Services.AddStorage(builder.Configuration);
}

using var host = builder.Build();
return await NewsBotApp.RunAsync(host, cli);
