using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands.Handlers;
using NewsBot.Core.Digests;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Corpus;
using NewsBot.Retrieval.Search;

namespace NewsBot.Cli;

/// <summary>Runs one command-line verb against the same pipeline the chat platforms use, printing text or JSON.</summary>
public sealed class CliVerbRunner(IServiceProvider services, TextWriter stdout, TextWriter stderr)
{
    private const string ChatId = "cli";

    public async Task<int> RunAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        if (SourceVerbs.Names.Contains(cli.Verb))
        {
            return await new SourceVerbs(services, stdout, stderr).RunAsync(cli, cancellationToken);
        }

        if (cli.Verb == "stats")
        {
            return await StatsVerb.RunAsync(services, cli, stdout, cancellationToken);
        }

        var corpus = services.GetRequiredService<FileCorpusProvider>();
        if (cli.Verb == "ingest")
        {
            return Ingest(corpus, cli);
        }

        // One answer and exit: nothing in it waits for the people index (see PeopleOnDemand).
        corpus.PeopleOnDemand = cli.Verb is "ask" or "summary";
        // And with the index on disk it keeps what it reads until it exits: no collections (see OneShotCollections). Without
        // one it builds the index, which allocates far more than it keeps: it collects as usual.
        if (corpus.PeopleOnDemand && corpus.IndexFile is { } index && File.Exists(index))
        {
            OneShotCollections.Defer();
        }

        // The chat pipeline's object graph does not need the corpus: built on the other core while the corpus loads.
        _ = Task.Run(() => services.GetRequiredService<IChatPipeline>(), cancellationToken);
        var snapshot = corpus.Current;
        if (snapshot.Articles.Count == 0 && cli.Verb != "articles")
        {
            return Fail(cli, $"the corpus folder {corpus.Folder} holds no readable articles", 2);
        }

        return cli.Verb switch
        {
            "ask" when cli.Text.Length == 0 => Fail(cli, "the question is empty: newsbot ask \"<question>\"", 2),
            "ask" => await AnswerAsync("/ask " + cli.Text, cli, cancellationToken),
            "summary" => await AnswerAsync("/summary " + cli.Text, cli, cancellationToken),
            "who" => await WhoAsync(cli, cancellationToken),
            "articles" => await ArticlesAsync(cli, cancellationToken),
            "digest" => await DigestAsync(cli, cancellationToken),
            _ => Fail(cli, $"unknown command '{cli.Verb}'", 2),
        };
    }

    /// <summary>Every verb is a message to the chat pipeline: the same access rules, language choice and handlers as a chat.</summary>
    private async Task<Reply> SendAsync(string text, CliArguments cli, CancellationToken cancellationToken, int? listLimit = null)
    {
        var pipeline = services.GetRequiredService<IChatPipeline>();
        var request = new ChatRequest
        {
            Platform = Platforms.Console,
            ChatId = ChatId,
            UserId = Environment.UserName,
            Text = text,
            AnswerLanguage = cli.Language,
            ListLimit = listLimit,
        };
        return await pipeline.HandleAsync(request, null, cancellationToken);
    }

    private async Task<int> AnswerAsync(string text, CliArguments cli, CancellationToken cancellationToken)
    {
        var reply = await SendAsync(text, cli, cancellationToken);
        if (reply.Kind == ReplyKind.Error)
        {
            return Fail(cli, reply.PlainText, 2);
        }

        if (cli.Json)
        {
            var answer = new CliOutput.AnswerJson(reply.PlainText, reply.Language.ToCode(), reply.Backend ?? "extractive", CliOutput.Citations(reply));
            stdout.WriteLine(CliOutput.Write(answer));
        }
        else
        {
            Print(reply);
        }

        return 0;
    }

    private async Task<int> WhoAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        var reply = await SendAsync("/who " + cli.Text, cli, cancellationToken);
        if (!cli.Json)
        {
            Print(reply);
            return 0;
        }

        var people = reply.Data as IReadOnlyList<Person> ?? [];
        var json = new CliOutput.WhoJson(
            reply.Language.ToCode(),
            cli.Text.Length == 0 ? null : reply.PlainText,
            people.Select(p => new CliOutput.PersonJson(p.Name, p.Roles.Count > 0 ? p.Roles[0].Text : "", p.Aliases, p.ArticleIds, p.Mentions)).ToList());
        stdout.WriteLine(CliOutput.Write(json));
        return 0;
    }

    private async Task<int> ArticlesAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        var reply = await SendAsync("/articles " + cli.Text, cli, cancellationToken, listLimit: int.MaxValue);
        var articles = reply.Data as IReadOnlyList<Article> ?? [];
        if (cli.Json)
        {
            stdout.WriteLine(CliOutput.Write(new CliOutput.ArticlesJson(
                articles.Select(a => new CliOutput.ArticleJson(a.Id, a.Title, a.Date, a.Language.ToCode(), a.Url ?? a.Source)).ToList())));
            return 0;
        }

        if (articles.Count == 0)
        {
            // The reply says why: an empty corpus, or nothing matching the words.
            Print(reply);
        }

        foreach (var a in articles)
        {
            stdout.WriteLine($"{a.Id}\t{a.Date}\t{a.Language.ToCode()}\t{a.Title}");
        }

        return 0;
    }

    private async Task<int> DigestAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        var since = cli.Since is { } day ? " since " + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        var reply = await SendAsync("/digest" + since, cli, cancellationToken);
        if (reply.Kind == ReplyKind.Error)
        {
            return Fail(cli, reply.PlainText, 2);
        }

        if (cli.Json)
        {
            var items = (reply.Data as Digest)?.Items ?? [];
            stdout.WriteLine(CliOutput.Write(new CliOutput.DigestJson(
                reply.Language.ToCode(),
                reply.PlainText,
                items.Select(i => new CliOutput.DigestArticleJson(i.Article.Id, i.Article.Title, i.Article.Date, i.Summary)).ToList())));
        }
        else
        {
            Print(reply);
        }

        return 0;
    }

    /// <summary>Parses (changed files only, with the cache) and indexes the corpus with a progress bar on stderr; reports throughput.</summary>
    private int Ingest(FileCorpusProvider corpus, CliArguments cli)
    {
        // A cold ingest of a large corpus was handed to a child process before the host was built (see ServerGcIngest).
        var folder = corpus.Folder;
        var cold = corpus.IndexFile is not { } index || !File.Exists(index);
        var watch = Stopwatch.StartNew();
        ProgressBar? progress = null;

        // The people file is brought up to date beside the search index; nothing here asks a question of the people index.
        corpus.PeopleFileOnly = true;
        // Nor is a query translated: the index needs the dictionary's German words (compound splitting), not its translations.
        if (services.GetService<QueryTranslator>() is { } translator)
        {
            translator.IndexingOnly = true;
        }

        // The process exits once the files are written: no forced collections to give memory back (see ReleaseBuildGarbage).
        corpus.ReleaseBuildGarbage = false;
        // An update (the index is on disk) reads what it keeps and adds little: it runs without a collection (see OneShotCollections).
        if (!cold)
        {
            OneShotCollections.Defer();
        }

        var snapshot = corpus.Reload((done, total) => (progress ??= new ProgressBar(stderr, total)).Report(done, watch.Elapsed));
        var people = corpus.PeopleFileWritten?.GetAwaiter().GetResult() ?? snapshot.People.Count;
        watch.Stop();
        progress?.Done();
        var stats = corpus.LastLoad;
        var count = snapshot.Articles.Count;
        var seconds = watch.Elapsed.TotalSeconds;
        if (cli.Json)
        {
            stdout.WriteLine(CliOutput.Write(new CliOutput.IngestJson(
                folder, count, snapshot.Index.Passages.Count, people,
                stats?.Parsed ?? 0, stats?.FromCache ?? 0, stats?.Skipped ?? 0, Math.Round(seconds, 3))));
            return 0;
        }

        var cache = stats is null ? "" : string.Create(CultureInfo.InvariantCulture, $" {stats.Parsed} parsed, {stats.FromCache} from cache;");
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Indexed {count} {(count == 1 ? "article" : "articles")} ({snapshot.Index.Passages.Count} passages, {people} people) from {folder} in {seconds:0.00} s ({Rate(count, seconds)});{cache} skipped {stats?.Skipped ?? 0}."));
        return 0;
    }

    /// <summary>Articles per second with enough digits to mean something: a handful of articles is not "0 articles/s".</summary>
    public static string Rate(int count, double seconds)
    {
        var rate = count / Math.Max(seconds, 0.001);
        var format = rate >= 100 ? "0" : rate >= 10 ? "0.0" : rate >= 1 ? "0.00" : "0.###";
        return rate.ToString(format, CultureInfo.InvariantCulture) + " articles/s";
    }

    private void Print(Reply reply)
    {
        foreach (var part in new PlainTextFormatter().Format(reply, int.MaxValue / 2))
        {
            stdout.WriteLine(part);
        }
    }

    private int Fail(CliArguments cli, string message, int code) => CliFailure.Report(stdout, stderr, cli.Json, message, code);
}
