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

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = [.. cli.ConfigurationArgs],
    ContentRootPath = AppContext.BaseDirectory,
});
NewsBotComposition.Compose(builder, cli);
using var host = builder.Build();
return await NewsBotApp.RunAsync(host, cli);
