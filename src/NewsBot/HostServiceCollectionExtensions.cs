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
        if (IsConsoleChat(configuration, cli))
        {
            services.AddSingleton(_ => ConsoleChatIO.System());
            services.AddSingleton<ConsoleWriter>();
            services.AddHostedService<ConsoleChatService>();
            services.AddSingleton<IChatSender, ConsoleChatSender>();
        }

        return services;
    }

    /// <summary>"run" with no platform token: the console chat is the bot's only surface.</summary>
    public static bool IsConsoleChat(IConfiguration configuration, CliArguments cli) =>
        cli.Verb == "run"
        && string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"])
        && string.IsNullOrWhiteSpace(configuration["Discord:BotToken"]);

    /// <summary>
    /// Every log line to stderr, so stdout carries only answers and JSON. One-shot verbs and the console chat log warnings
    /// and up (a person at the terminal wants the prompt, not the start-up log); a bot serving platforms logs information.
    /// </summary>
    public static ILoggingBuilder AddNewsBotConsoleLogging(this ILoggingBuilder logging, IConfiguration configuration, CliArguments cli)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            // Colour codes only for a terminal: a redirected log (a file, a pipe, docker logs) stays plain text.
            o.ColorBehavior = Console.IsErrorRedirected ? LoggerColorBehavior.Disabled : LoggerColorBehavior.Default;
        });
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        var quiet = cli.Verb != "run" || IsConsoleChat(configuration, cli);
        if (quiet)
        {
            // A provider rule wins over the configured categories: keep stderr to warnings and errors.
            logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        }

        logging.AddFilter("Microsoft.Hosting.Lifetime", quiet ? LogLevel.Warning : LogLevel.Information);
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        return logging;
    }
}
