using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core;
using NewsBot.Telegram.Tests.Fakes;
using NewsBot.Tests.Shared;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Telegram.Tests;

/// <summary>The adapter over the real core pipeline and sample corpus, as the host composes them.</summary>
public sealed class RealPipelineTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private FakeBotApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GermanQuestionAboutTheSampleCorpusGetsACitedGermanAnswer()
    {
        var settings = TelegramBotHarness.FastSettings(_server);
        settings["Corpus:Path"] = TestPaths.SampleCorpus;
        settings["Corpus:Watch"] = "false";
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddNewsBotCore(builder.Configuration).AddInMemoryState().AddExtractiveAnswers().AddTelegram(builder.Configuration);
        using var host = builder.Build();

        // Ready before the conversation: the index (dictionary included) is built here, not inside the answer's wait.
        _ = host.Services.GetRequiredService<NewsBot.Retrieval.Corpus.FileCorpusProvider>().Current;
        await host.StartAsync();
        try
        {
            _server.PushMessage(91, "Was kostet das Pilotprojekt im Hamburger Hafen?", languageCode: "de");
            await _server.WaitForAsync(_ => _server.MessagesTo(91).Count > 0);

            var answer = _server.MessagesTo(91)[0];
            output.WriteLine(answer.Text);
            Assert.Equal("html", answer.ParseMode, ignoreCase: true);
            Assert.Contains("14 Millionen", answer.Text);
            Assert.Contains("<b>Quellen</b>", answer.Text);
            Assert.Contains("[1] ", answer.Text);
            Assert.Equal(101, answer.ReplyToMessageId);
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
