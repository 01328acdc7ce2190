using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NewsBot;
using NewsBot.Cli;

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
// A cold ingest of a large corpus runs in a child process with the server GC (see ServerGcIngest), started before this
// process builds services it would not use.
if (cli.Verb == "ingest" && ServerGcIngest.TryRunBeforeHost(builder.Configuration) is { } childExitCode)
{
    return childExitCode;
}

using var host = builder.Build();
return await NewsBotApp.RunAsync(host, cli);
