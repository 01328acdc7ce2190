using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core;
using NewsBot.Core.Telemetry;
using NewsBot.Telegram.Tests.Fakes;
using NewsBot.Tests.Shared;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Telegram.Tests;

/// <summary>One question is one trace: the adapter's turn, the router, retrieval, in one tree.</summary>
public sealed class TraceTests : IAsyncLifetime
{
    private const long Chat = 9401;
    private FakeBotApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_question_is_traced_from_the_update_to_the_sent_reply()
    {
        var stopped = new ConcurrentQueue<Activity>();
        var turnDone = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NewsBotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                stopped.Enqueue(activity);
                if (activity.OperationName == "newsbot.turn" && (string?)activity.GetTagItem("newsbot.chat") == Chat.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    turnDone.TrySetResult(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        var settings = TelegramBotHarness.FastSettings(_server);
        settings["Corpus:Path"] = TestPaths.SampleCorpus;
        settings["Corpus:Watch"] = "false";
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddNewsBotCore(builder.Configuration).AddInMemoryState().AddExtractiveAnswers().AddTelegram(builder.Configuration);
        using var host = builder.Build();
        _ = host.Services.GetRequiredService<NewsBot.Retrieval.Corpus.FileCorpusProvider>().Current;
        await host.StartAsync();
        try
        {
            _server.PushMessage(Chat, "Where is Lisbon's tram line extended?");
            var turn = await turnDone.Task.WaitAsync(TimeSpan.FromSeconds(60));

            // The reply was sent inside the turn.
            Assert.NotEmpty(_server.MessagesTo(Chat));
            var trace = stopped.Where(a => a.TraceId == turn.TraceId).ToList();
            var route = Assert.Single(trace, a => a.OperationName == "newsbot.route");
            Assert.Equal(turn.SpanId, route.ParentSpanId);
            Assert.Equal("ask", route.GetTagItem("newsbot.command"));
            Assert.Equal("extractive", route.GetTagItem("newsbot.backend"));
            var retrieve = Assert.Single(trace, a => a.OperationName == "newsbot.retrieve");
            Assert.Equal(route.SpanId, retrieve.ParentSpanId);
            Assert.Equal(ActivityKind.Server, turn.Kind);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
