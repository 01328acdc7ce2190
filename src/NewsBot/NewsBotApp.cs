using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsBot.Cli;
using NewsBot.Core.Articles;
using NewsBot.Storage;

namespace NewsBot;

/// <summary>Starts the host for "run", or runs a one-shot verb; turns start-up failures into one line and an exit code.</summary>
public static class NewsBotApp
{
    public static async Task<int> RunAsync(IHost host, CliArguments cli)
    {
        try
        {
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

            ValidateOptions(host.Services);
            using var cts = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                cts.Cancel();
            };
            return await new CliVerbRunner(host.Services, Console.Out, Console.Error).RunAsync(cli, cts.Token);
        }
        catch (OptionsValidationException ex)
        {
            Console.Error.WriteLine("newsbot: invalid configuration: " + string.Join("; ", ex.Failures.Select(CleanFailure)));
            return 2;
        }
        catch (DirectoryNotFoundException ex)
        {
            Console.Error.WriteLine("newsbot: " + ex.Message);
            return 2;
        }
        catch (StorageStartupException ex)
        {
            Console.Error.WriteLine("newsbot: " + ex.Message);
            return 1;
        }
        catch (StartupException ex)
        {
            Console.Error.WriteLine("newsbot: " + ex.Message);
            return 1;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Console.Error.WriteLine($"newsbot: failed: {ex.GetType().Name}: {ex.Message}".ReplaceLineEndings(" "));
            return 1;
        }
    }

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

    /// <summary>One-shot verbs do not start the host, so run the start-up validation of every options type here.</summary>
    private static void ValidateOptions(IServiceProvider services)
    {
        var validator = services.GetService<IStartupValidator>();
        validator?.Validate();
    }
}

/// <summary>A failure that must stop the start with one clear line (a locked database, a refused token).</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
