using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NewsBot;
using NewsBot.Cli;
using NewsBot.Retrieval.People;

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

// Only the running bot lives long enough for a changed appsettings.json to matter: a one-shot verb does not watch the file.
using var configuration = new ConfigurationManager();
if (cli.Verb != "run")
{
    configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = [.. cli.ConfigurationArgs],
    ContentRootPath = AppContext.BaseDirectory,
    Configuration = configuration,
});
NewsBotComposition.Compose(builder, cli);
if (cli.Verb == "ingest")
{
    // A cold ingest of a large corpus runs in a child process with the server GC (see ServerGcIngest), started before this
    // process builds services it would not use.
    if (ServerGcIngest.TryRunBeforeHost(builder.Configuration) is { } childExitCode)
    {
        return childExitCode;
    }

    // This process ingests: the people's given names (a static list, folded once per process) are read on the other core
    // while the host is built on this one, instead of beside the parsing, which keeps both cores busy.
    _ = Task.Run(GivenNames.Prepare);
}

using var host = builder.Build();
return await NewsBotApp.RunAsync(host, cli);
