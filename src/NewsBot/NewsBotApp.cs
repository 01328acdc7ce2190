using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text.RegularExpressions;
using NewsBot.Cli;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Search;
using NewsBot.Storage;
using NewsBot.Retrieval.Corpus;

namespace NewsBot;

/// <summary>Starts the host for "run", or runs a one-shot verb; turns start-up failures into one line and an exit code.</summary>
public static partial class NewsBotApp
{
    private const string PreparingDictionary = "preparing the German–English dictionary for cross-lingual search (a few seconds, once; later starts read its snapshot)";

    [LoggerMessage(Level = LogLevel.Information, Message = PreparingDictionary)]
    private static partial void LogPreparingDictionary(ILogger logger);

    public static async Task<int> RunAsync(IHost host, CliArguments cli)
    {
        int Fail(string message, int code) => CliFailure.Report(Console.Out, Console.Error, cli.Json, message, code);
        try
        {
            // Validate every options section before anything else: the host would log its own failure with a stack trace
            // before ours, and a bad setting should not wait for the dictionary to be prepared first.
            ValidateOptions(host.Services);
            if (cli.Verb is "run" or "ingest" && host.Services.GetService<QueryTranslator>() is { MustParse: true })
            {
                // A start without a current snapshot (the first, or after a new dictionary or snapshot format) parses the 25 MB
                // dictionary once (seconds); say so, or the wait at the prompt looks like a hang. With JSON logs as a log
                // entry, so that every line on stderr stays one JSON object.
                if (string.Equals(host.Services.GetRequiredService<IConfiguration>()["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
                {
                    var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NewsBot");
                    LogPreparingDictionary(logger);
                }
                else
                {
                    Console.Error.WriteLine("newsbot: " + PreparingDictionary);
                }
            }

            if (cli.Verb == "run")
            {
                // Load the corpus and open the store before anything connects, so a missing folder or a damaged database
                // stops the start with one line (the host would log its own failure with a stack trace first).
                _ = host.Services.GetRequiredService<FileCorpusProvider>().Current;
                await StorageStartup.EnsureReadyAsync(host.Services, CancellationToken.None);
                await host.RunAsync();
                // An adapter that had to stop the bot (a rejected token) sets a failure code.
                return Environment.ExitCode;
            }

            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cts.Cancel();
            };
            return await new CliVerbRunner(host.Services, Console.Out, Console.Error).RunAsync(cli, cts.Token);
        }
        catch (Exception ex) when (ValidationFailures(ex) is { } failures)
        {
            return Fail("invalid configuration: " + string.Join("; ", failures.Select(CleanFailure)), 2);
        }
        catch (Exception ex) when (UnconvertibleSetting(ex) is { } setting)
        {
            return Fail("invalid configuration: " + setting, 2);
        }
        catch (DirectoryNotFoundException ex)
        {
            return Fail(ex.Message, 2);
        }
        catch (NewerIndexFormatException ex)
        {
            // An older build must not overwrite what a newer one wrote: one line, no start.
            return Fail(ex.Message, 1);
        }
        catch (StorageStartupException ex)
        {
            return Fail(ex.Message, 1);
        }
        catch (StartupException ex)
        {
            return Fail(ex.Message, 1);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Fail($"failed: {ex.GetType().Name}: {ex.Message}", 1);
        }
    }

    /// <summary>
    /// The start-up validator throws one OptionsValidationException for one bad section, but an AggregateException of them
    /// when several sections are bad; both are invalid configuration, reported on one line.
    /// </summary>
    private static IReadOnlyList<string>? ValidationFailures(Exception exception) => exception switch
    {
        OptionsValidationException single => [.. single.Failures],
        AggregateException aggregate when aggregate.Flatten().InnerExceptions is { Count: > 0 } inner
            && inner.All(e => e is OptionsValidationException) =>
            [.. inner.SelectMany(e => ((OptionsValidationException)e).Failures)],
        _ => null,
    };

    /// <summary>
    /// A setting of the wrong type ("--Bot:MaxQuestionLength=abc") fails when its options are bound, as the binder's
    /// InvalidOperationException ("Failed to convert configuration value 'abc' at 'Bot:MaxQuestionLength' to type
    /// 'System.Int32'"), possibly wrapped by the host; this turns it into one line naming the key.
    /// </summary>
    private static string? UnconvertibleSetting(Exception exception)
    {
        for (var e = exception; e is not null; e = e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException : e.InnerException)
        {
            if (e is InvalidOperationException && ConvertFailure().Match(e.Message) is { Success: true } match)
            {
                var type = match.Groups["type"].Value;
                var shortType = type[(type.LastIndexOf('.') + 1)..];
                return $"{match.Groups["key"].Value} must be a valid {Describe(shortType)}, not '{match.Groups["value"].Value}'";
            }
        }

        return null;
    }

    private static string Describe(string type) => type switch
    {
        "Int32" or "Int64" or "Int16" => "whole number",
        "Double" or "Single" or "Decimal" => "number",
        "Boolean" => "true or false",
        "TimeSpan" => "time span (hh:mm:ss)",
        _ => type,
    };

    [GeneratedRegex(@"configuration value '(?<value>[^']*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConvertFailure();

    /// <summary>Data-annotation failures wrap our message ("... with the error: 'Bot:X must ...'."); keep just the message.</summary>
    private static string CleanFailure(string failure)
    {
        const string marker = "with the error: '";
        var at = failure.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return failure;
        }

        var message = failure[(at + marker.Length)..];
        return message.EndsWith("'.", StringComparison.Ordinal) ? message[..^2] : message;
    }

    /// <summary>The start-up validation of every options type (one-shot verbs never start the host, which would run it).</summary>
    private static void ValidateOptions(IServiceProvider services)
    {
        var validator = services.GetService<IStartupValidator>();
        validator?.Validate();
    }
}

/// <summary>A failure that must stop the start with one clear line (a locked database, a refused token).</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
