using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using NewsBot.Cli;
using NewsBot.Core.Chat;
using NewsBot.ConsoleChat;

namespace NewsBot;

public static class HostServiceCollectionExtensions
{
    /// <summary>The executable's own services: the console chat when no platform has a token.</summary>
    public static IServiceCollection AddNewsBotHost(this IServiceCollection services, IConfiguration configuration, CliArguments cli)
    {
        var anyPlatform = !string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"]) || !string.IsNullOrWhiteSpace(configuration["Discord:BotToken"]);
        if (cli.Verb == "run" && !anyPlatform)
        {
            services.AddSingleton(_ => ConsoleChatIO.System());
            services.AddHostedService<ConsoleChatService>();
            services.AddSingleton<IChatSender, ConsoleChatSender>();
        }

        return services;
    }

    /// <summary>Every log line to stderr, so stdout carries only answers and JSON; one-shot verbs log warnings and up.</summary>
    public static ILoggingBuilder AddNewsBotConsoleLogging(this ILoggingBuilder logging, CliArguments cli)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (cli.Verb != "run")
        {
            // A provider rule wins over the configured categories: one-shot verbs keep stderr to warnings and errors.
            logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        }

        logging.AddFilter("Microsoft.Hosting.Lifetime", cli.Verb == "run" ? LogLevel.Information : LogLevel.Warning);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        return logging;
    }
}
