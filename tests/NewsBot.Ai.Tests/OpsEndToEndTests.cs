using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsBot.Ai.Tests.Fakes;
using NewsBot.Tests.Shared;

namespace NewsBot.Ai.Tests;

/// <summary>
/// The built newsbot with the web listener, a loopback model and the console chat: the metrics after a scripted run
/// match the requests made, no secret reaches /metrics, /readyz or the JSON log, and SIGTERM during an answer lets the
/// answer finish and exits 0.
/// </summary>
public sealed partial class OpsEndToEndTests : IAsyncLifetime
{
    private const string ApiKey = "sk-ops-test-SECRET-0123456789abcdef";
    private FakeOpenAiServer _server = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Metrics_after_a_scripted_run_count_what_was_asked_and_nothing_shows_a_secret()
    {
        var port = FreePort();
        var environment = Environment(port, json: true);
        environment["Storage__ConnectionString"] = Path.Combine(TestPaths.NewTempFolder(), "bot.db");
        await using var bot = LiveNewsbot.Start(["--corpus", SeedCorpus.SeedDirectory], environment);

        const string question = "Where did Rubio and Lavrov meet?";
        foreach (var line in new[] { question, "/help", question, "/good", question })
        {
            await bot.WriteLineAsync(line);
        }

        await bot.WaitForOutputAsync(o => Count(o, "Sources") == 3 && o.Contains("Noted as helpful", StringComparison.Ordinal));
        var metrics = await GetAsync(port, "/metrics");
        var requests = _server.Requests;
        Assert.Equal(3, Value(metrics, "newsbot_questions_total", ("command", "ask"), ("outcome", "answer"), ("platform", "console"), ("language", "en")));
        Assert.Equal(1, Value(metrics, "newsbot_questions_total", ("command", "help")));
        Assert.Equal(1, Value(metrics, "newsbot_questions_total", ("command", "good")));
        Assert.Equal(3, Value(metrics, "newsbot_answer_duration_seconds_count", ("command", "ask"), ("backend", "llm")));
        Assert.Equal(3, Value(metrics, "newsbot_retrieval_duration_seconds_count"));
        Assert.Equal(requests.Count, Value(metrics, "newsbot_llm_calls_total", ("outcome", "ok")));
        Assert.Equal(10 * requests.Count(r => !r.Stream), Value(metrics, "newsbot_llm_tokens_total", ("kind", "prompt")));
        Assert.Equal(1, Value(metrics, "newsbot_votes_total", ("platform", "console"), ("vote", "good")));
        Assert.Equal(Directory.GetFiles(SeedCorpus.SeedDirectory).Length, Value(metrics, "newsbot_corpus_articles"));

        // The model now refuses the key and echoes it: the answer comes from the extractive fallback, counted as such.
        _server.Behavior = FakeBehavior.Unauthorized;
        var mark = bot.Output.Length;
        await bot.WriteLineAsync(question);
        await bot.WaitForOutputAsync(o => o.Contains("Sources", StringComparison.Ordinal), mark);
        metrics = await GetAsync(port, "/metrics");
        Assert.True(Value(metrics, "newsbot_llm_errors_total", ("cause", "key_refused")) == 1, bot.Errors);
        Assert.True(Value(metrics, "newsbot_llm_fallbacks_total") >= 1, metrics);
        Assert.Equal(1, Value(metrics, "newsbot_answer_duration_seconds_count", ("command", "ask"), ("backend", "extractive")));

        var ready = await GetAsync(port, "/readyz");
        Assert.Contains("\"Degraded\"", ready, StringComparison.Ordinal);
        Assert.Contains("extractive fallback", ready, StringComparison.Ordinal);
        bot.CloseInput();
        Assert.Equal(0, await bot.WaitForExitAsync());

        Assert.DoesNotContain(ApiKey, metrics, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ready, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, bot.Errors, StringComparison.Ordinal);
        // The log is one JSON object per line, and the fallback was logged.
        var lines = bot.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("level", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("message", out _), line);
        }

        Assert.Contains(lines, l => l.Contains("401", StringComparison.Ordinal));

        // newsbot stats reads the same figures from the store the bot wrote.
        await using var stats = LiveNewsbot.Start(["stats", "--json"], environment);
        Assert.Equal(0, await stats.WaitForExitAsync());
        using var figures = JsonDocument.Parse(stats.Output);
        var root = figures.RootElement;
        Assert.Equal(4, root.GetProperty("questions").GetInt64());
        Assert.Equal(3, root.GetProperty("answersByBackend").GetProperty("llm").GetInt64());
        Assert.Equal(1, root.GetProperty("answersByBackend").GetProperty("extractive").GetInt64());
        Assert.Equal(1, root.GetProperty("goodVotes").GetInt64());
        Assert.Equal(1.0, root.GetProperty("helpfulShare").GetDouble());
        Assert.Equal(10 * requests.Count(r => !r.Stream), root.GetProperty("tokensThisWeek").GetProperty("prompt").GetInt64());
        Assert.NotEmpty(root.GetProperty("topTopics").EnumerateArray());
    }

    [Fact]
    public async Task Sigterm_during_an_answer_lets_it_finish_and_exits_0()
    {
        var port = FreePort();
        _server.Behavior = FakeBehavior.Hold;
        await using var bot = LiveNewsbot.Start(["--corpus", SeedCorpus.SeedDirectory], Environment(port, json: false));
        await bot.WriteLineAsync("Where did Rubio and Lavrov meet?");
        await _server.WaitForRequestAsync(_ => true);

        await bot.TerminateAsync();
        // Stopping has begun (readiness says so) while the model still holds the answer.
        await WaitForReadyzAsync(port, body => body.Contains("stopping", StringComparison.Ordinal));
        Assert.DoesNotContain("Sources", bot.Output, StringComparison.Ordinal);

        _server.Release();
        var answer = await bot.WaitForOutputAsync(o => o.Contains("Sources", StringComparison.Ordinal));
        Assert.Contains("Riyadh", answer, StringComparison.Ordinal);
        Assert.Equal(0, await bot.WaitForExitAsync());
    }

    private Dictionary<string, string> Environment(int port, bool json)
    {
        var environment = new Dictionary<string, string>
        {
            ["Llm__Provider"] = "OpenAI",
            ["Llm__Endpoint"] = _server.BaseUrl,
            ["Llm__ApiKey"] = ApiKey,
            ["Llm__Model"] = "test-model",
            ["Llm__MaxRetries"] = "0",
            ["Host__Urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            ["Host__ShutdownTimeout"] = "00:01:00",
        };
        if (json)
        {
            environment["Logging__Format"] = "json";
        }

        return environment;
    }

    /// <summary>Polls /readyz until its body satisfies the condition (the state is only visible there); fails after a minute.</summary>
    private async Task WaitForReadyzAsync(int port, Func<string, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                if (condition(await GetAsync(port, "/readyz")))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private async Task<string> GetAsync(int port, string path)
    {
        using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}{path}"));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a Prometheus sample over the series that carry all the given labels.</summary>
    private static double Value(string exposition, string metric, params (string Name, string Value)[] labels)
    {
        double sum = 0;
        foreach (Match sample in Sample().Matches(exposition))
        {
            if (sample.Groups["name"].Value != metric)
            {
                continue;
            }

            var have = sample.Groups["labels"].Value;
            if (labels.All(l => have.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                sum += double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(?:\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    private static int Count(string text, string what) => Regex.Count(text, Regex.Escape(what));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
