using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Retrieval.Articles.Html;
using NewsBot.Sources;

namespace NewsBot.Cli;

/// <summary>The source verbs: <c>extract &lt;file.html|url&gt; [--json]</c>, <c>add &lt;url&gt;</c>, <c>feeds [--json]</c>.</summary>
public sealed class SourceVerbs(IServiceProvider services, TextWriter stdout, TextWriter stderr)
{
    public static readonly IReadOnlyList<string> Names = ["extract", "add", "feeds"];

    public sealed record ExtractJson(string? Title, string? Date, string? Url, string? Language, string? Author, string Text);

    public sealed record FeedJson(string Name, string Url, DateTimeOffset? LastFetch, string? LastStatus, DateTimeOffset? NextFetch, int ArticleCount, bool Disabled);

    public sealed record FeedsJson(IReadOnlyList<FeedJson> Feeds);

    public sealed record AddJson(string Outcome, string File, string Url, string? Title);

    public async Task<int> RunAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        try
        {
            return cli.Verb switch
            {
                "extract" => await ExtractAsync(cli, cancellationToken),
                "add" => await AddAsync(cli, cancellationToken),
                "feeds" => await FeedsAsync(cli, cancellationToken),
                _ => Fail(cli, $"unknown command '{cli.Verb}'", 2),
            };
        }
        catch (Exception ex) when (ex is SourceRefusedException or FetchException)
        {
            return Fail(cli, ex.Message, 2);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Fail(cli, ex.Message, 1);
        }
    }

    private async Task<int> ExtractAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        if (cli.Text.Length == 0)
        {
            return Fail(cli, "what to extract is missing: newsbot extract <file.html|url>", 2);
        }

        ExtractedPage page;
        if (File.Exists(cli.Text))
        {
            page = HtmlArticleExtractor.Extract(HtmlDecoding.Decode(await File.ReadAllBytesAsync(cli.Text, cancellationToken)));
        }
        else if (cli.Text.Contains("://", StringComparison.Ordinal))
        {
            page = await services.GetRequiredService<PageImporter>().ExtractAsync(UrlGuard.Parse(cli.Text), cancellationToken);
        }
        else
        {
            return Fail(cli, $"{cli.Text} is neither a file nor a URL", 2);
        }

        if (cli.Json)
        {
            stdout.WriteLine(CliOutput.Write(new ExtractJson(page.Title, page.Date, page.Url, page.Language, page.Author, page.Text)));
            return 0;
        }

        var text = new StringBuilder();
        foreach (var (key, value) in new[] { ("title", page.Title), ("date", page.Date), ("url", page.Url), ("language", page.Language), ("author", page.Author) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Append(key).Append(": ").AppendLine(value);
            }
        }

        stdout.WriteLine(text.AppendLine().Append(page.Text).ToString());
        return 0;
    }

    private async Task<int> AddAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        if (cli.Text.Length == 0)
        {
            return Fail(cli, "the URL is missing: newsbot add <url>", 2);
        }

        var result = await services.GetRequiredService<PageImporter>().ImportAsync(UrlGuard.Parse(cli.Text), cancellationToken);
        if (cli.Json)
        {
            stdout.WriteLine(CliOutput.Write(new AddJson(result.Outcome.ToString().ToLowerInvariant(), result.File, result.Url, result.Title)));
        }
        else
        {
            stdout.WriteLine($"{result.Outcome.ToString().ToLowerInvariant()}: {result.File} ({result.Title ?? result.Url})");
        }

        return 0;
    }

    private async Task<int> FeedsAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        var feeds = await services.GetRequiredService<FeedPoller>().StatusAsync(cancellationToken);
        if (cli.Json)
        {
            stdout.WriteLine(CliOutput.Write(new FeedsJson(feeds.Select(f => new FeedJson(f.Name, f.Url, f.LastFetch, f.LastStatus, f.NextFetch, f.ArticleCount, f.Disabled)).ToList())));
            return 0;
        }

        if (feeds.Count == 0)
        {
            stdout.WriteLine("No feeds configured (Corpus:Feeds).");
        }

        foreach (var f in feeds)
        {
            var next = f.Disabled ? "disabled" : f.NextFetch is { } n ? "next " + n.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "next: at start";
            var last = f.LastFetch is { } l ? "last " + l.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + $" ({f.LastStatus})" : "never fetched";
            stdout.WriteLine($"{f.Name}\t{f.Url}\t{last}\t{next}\t{f.ArticleCount} articles");
        }

        return 0;
    }

    private int Fail(CliArguments cli, string message, int code) => CliFailure.Report(stdout, stderr, cli.Json, message, code);
}
