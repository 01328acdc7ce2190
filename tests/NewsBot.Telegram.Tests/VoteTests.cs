using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core;
using NewsBot.Core.State;
using NewsBot.Storage;
using NewsBot.Telegram.Tests.Fakes;
using NewsBot.Tests.Shared;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Telegram.Tests;

/// <summary>👍/👎 under answers: a press through the fake Bot API is stored in SQLite and shown by /stats.</summary>
public sealed class VoteTests : IAsyncLifetime
{
    private FakeBotApiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBotApiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_press_on_the_keyboard_is_stored_changeable_and_shown_by_stats_and_the_keyboard_goes_away()
    {
        var settings = TelegramBotHarness.FastSettings(_server);
        settings["Corpus:Path"] = TestPaths.SampleCorpus;
        settings["Corpus:Watch"] = "false";
        settings["Storage:ConnectionString"] = Path.Combine(TestPaths.NewTempFolder(), "bot.db");
        settings["Bot:Votes:ButtonLifetime"] = "00:00:00.5";
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddNewsBotCore(builder.Configuration).AddExtractiveAnswers().AddStorage(builder.Configuration).AddTelegram(builder.Configuration);
        using var host = builder.Build();
        _ = host.Services.GetRequiredService<NewsBot.Retrieval.Corpus.FileCorpusProvider>().Current;
        await host.StartAsync();
        try
        {
            _server.PushMessage(93, "Where is Lisbon's tram line extended?");
            await _server.WaitForAsync(_ => _server.MessagesTo(93).Count > 0);
            var answer = _server.MessagesTo(93)[0];
            var keyboard = answer.Body["reply_markup"]!["inline_keyboard"]!.AsArray();
            var row = Assert.Single(keyboard)!.AsArray();
            Assert.Equal(["👍", "👎"], row.Select(b => b!["text"]!.GetValue<string>()));
            var good = row[0]!["callback_data"]!.GetValue<string>();
            var bad = row[1]!["callback_data"]!.GetValue<string>();
            Assert.Matches("^vote:[0-9]+:good$", good);

            _server.PushCallbackQuery(93, answer.SentMessageId!.Value, good, userId: 42);
            var toast = await WaitForCallAsync("answerCallbackQuery", 1);
            Assert.Contains("helpful", toast.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.NotEqual(true, toast.Body["show_alert"]?.GetValue<bool>());

            // The same user changes their mind; another user agrees with the first vote.
            _server.PushCallbackQuery(93, answer.SentMessageId!.Value, bad, userId: 42);
            _server.PushCallbackQuery(93, answer.SentMessageId!.Value, good, userId: 43);
            await WaitForCallAsync("answerCallbackQuery", 3);
            var stats = await host.Services.GetRequiredService<IAnswerLog>().GetStatsAsync(null, DateTimeOffset.MinValue, 5, CancellationToken.None);
            Assert.Equal((1, 1), (stats.GoodVotes, stats.BadVotes));

            // In a private chat the user owns the chat, so /stats shows this chat's figures.
            _server.PushMessage(93, "/stats");
            await _server.WaitForAsync(_ => _server.MessagesTo(93).Count > 1);
            var shown = _server.MessagesTo(93)[1];
            Assert.Contains("Questions: 1", shown.Text, StringComparison.Ordinal);
            Assert.Contains("50% (1 👍, 1 👎)", shown.Text, StringComparison.Ordinal);
            Assert.Contains("Lisbon", shown.Text, StringComparison.Ordinal);
            Assert.Null(shown.Body["reply_markup"]);

            // After the configured lifetime the keyboard is removed from the answer.
            var removed = await WaitForCallAsync("editMessageReplyMarkup", 1);
            Assert.Equal(answer.SentMessageId, removed.MessageId);
            Assert.Null(removed.Body["reply_markup"]);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private async Task<ApiCall> WaitForCallAsync(string method, int count)
    {
        var calls = await _server.WaitForAsync(c => c.Count(x => x.Method == method) >= count);
        return calls.Where(x => x.Method == method).ElementAt(count - 1);
    }
}
