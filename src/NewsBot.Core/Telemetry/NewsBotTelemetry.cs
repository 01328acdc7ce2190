using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsBot.Core.Telemetry;

/// <summary>
/// The bot's one meter and activity source ("NewsBot"). Every tag value is from a small fixed set (platform, command,
/// backend, language, outcome, kind), never a chat, user or question, so a metric has few series.
/// The instruments are static: a process runs one bot, and an idle meter costs nothing until a listener subscribes.
/// </summary>
public static class NewsBotTelemetry
{
    public const string Name = "NewsBot";

    public static readonly Meter Meter = new(Name, typeof(NewsBotTelemetry).Assembly.GetName().Version?.ToString(3));

    public static readonly ActivitySource Source = new(Name, typeof(NewsBotTelemetry).Assembly.GetName().Version?.ToString(3));

    /// <summary>Requests the router handled. Tags: platform, command, language, outcome.</summary>
    public static readonly Counter<long> Questions = Meter.CreateCounter<long>("newsbot.questions", "{question}", "Chat requests handled by the router");

    /// <summary>Time from a request reaching the router to its reply. Tags: platform, command, backend, outcome.</summary>
    public static readonly Histogram<double> AnswerDuration = Meter.CreateHistogram<double>("newsbot.answer.duration", "s", "Time to answer a chat request",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    /// <summary>Search time for one question (passages for the answer engine).</summary>
    public static readonly Histogram<double> RetrievalDuration = Meter.CreateHistogram<double>("newsbot.retrieval.duration", "s", "Time to retrieve passages for a question",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1] });

    /// <summary>Calls to the language model. Tags: operation (answer, summary, who, blurb, translate, expand), outcome (ok, error, skipped).</summary>
    public static readonly Counter<long> LlmCalls = Meter.CreateCounter<long>("newsbot.llm.calls", "{call}", "Calls to the language model");

    /// <summary>Tokens the model reported. Tags: kind (prompt, completion).</summary>
    public static readonly Counter<long> LlmTokens = Meter.CreateCounter<long>("newsbot.llm.tokens", "{token}", "Tokens reported by the language model");

    /// <summary>Model failures (after the client's own retries). Tags: cause.</summary>
    public static readonly Counter<long> LlmErrors = Meter.CreateCounter<long>("newsbot.llm.errors", "{error}", "Failed calls to the language model");

    /// <summary>Answers the extractive engine gave in place of the model. Tags: operation.</summary>
    public static readonly Counter<long> LlmFallbacks = Meter.CreateCounter<long>("newsbot.llm.fallbacks", "{answer}", "Answers given by the extractive engine because the model failed");

    /// <summary>429 answers from a platform API. Tags: platform.</summary>
    public static readonly Counter<long> PlatformRateLimited = Meter.CreateCounter<long>("newsbot.platform.rate_limited", "{response}", "429 Too Many Requests from a platform API");

    /// <summary>Requests to a platform API sent again after a failure. Tags: platform.</summary>
    public static readonly Counter<long> PlatformRetries = Meter.CreateCounter<long>("newsbot.platform.retries", "{request}", "Platform API requests retried");

    /// <summary>Messages waiting in an outbound queue. Tags: platform.</summary>
    public static readonly UpDownCounter<long> OutboundQueued = Meter.CreateUpDownCounter<long>("newsbot.outbound.queue_depth", "{message}", "Outbound platform calls waiting for their turn");

    /// <summary>Scheduled digests. Tags: platform, outcome (posted, failed).</summary>
    public static readonly Counter<long> Digests = Meter.CreateCounter<long>("newsbot.digests", "{digest}", "Scheduled digests posted or failed");

    /// <summary>Votes on answers. Tags: platform, vote (good, bad).</summary>
    public static readonly Counter<long> Votes = Meter.CreateCounter<long>("newsbot.votes", "{vote}", "Votes on answers");

    /// <summary>Feed fetches. Tags: outcome (ok, not_modified, failed).</summary>
    public static readonly Counter<long> FeedFetches = Meter.CreateCounter<long>("newsbot.feed.fetches", "{fetch}", "Feed fetches");

    /// <summary>Articles added or updated from feeds.</summary>
    public static readonly Counter<long> FeedArticles = Meter.CreateCounter<long>("newsbot.feed.articles", "{article}", "Articles added or updated from feeds");

    private static Func<long>? s_corpusArticles;

    static NewsBotTelemetry()
    {
        Meter.CreateObservableGauge("newsbot.corpus.articles", ObserveCorpus, "{article}", "Articles in the loaded corpus");
    }

    /// <summary>Where the corpus-size gauge reads from (the host sets it once the corpus provider exists).</summary>
    public static void ObserveCorpusWith(Func<long> articles) => s_corpusArticles = articles;

    private static IEnumerable<Measurement<long>> ObserveCorpus() =>
        s_corpusArticles is { } read && read() is var count and >= 0 ? [new Measurement<long>(count)] : [];

    /// <summary>
    /// The root of one question's trace, started by the adapter when the message arrives and ended after the reply was
    /// sent; the router, retrieval and model calls are its children.
    /// </summary>
    public static Activity? StartTurn(string platform, string chatId) =>
        Source.StartActivity("newsbot.turn", ActivityKind.Server)?.SetTag("newsbot.platform", platform).SetTag("newsbot.chat", chatId);

    /// <summary>Elapsed seconds since a <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public static double SecondsSince(long started) => Stopwatch.GetElapsedTime(started).TotalSeconds;

    /// <summary>Lower-case reply kind as an outcome tag ("answer", "error", "refusal", ...).</summary>
    public static string Outcome(Chat.ReplyKind kind) => kind switch
    {
        Chat.ReplyKind.Answer => "answer",
        Chat.ReplyKind.Info => "info",
        Chat.ReplyKind.Error => "error",
        Chat.ReplyKind.Refusal => "refusal",
        _ => "silent",
    };
}
