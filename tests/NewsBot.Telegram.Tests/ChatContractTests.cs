using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsBot.Core;
using NewsBot.Core.Answers;

using NewsBot.Telegram.Tests.Fakes;
using NewsBot.Tests.Shared;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Telegram.Tests;

/// <summary>The chat contract in a Telegram group, through the loopback Bot API.</summary>
public sealed class ChatContractTests : GroupChatContract
{
    protected override async Task<IChatContractDriver> StartAsync(ScriptedEngine engine) => await TelegramChatDriver.StartAsync(engine);

    private sealed class TelegramChatDriver : IChatContractDriver
    {
        private const long Group = -100_777;
        private readonly FakeBotApiServer _server;
        private readonly IHost _host;

        private TelegramChatDriver(FakeBotApiServer server, IHost host)
        {
            _server = server;
            _host = host;
        }

        public int MaxMessageLength => 4096;

        public IReadOnlyList<string> Messages
        {
            get
            {
                var shown = new List<(int Id, string Text)>();
                foreach (var call in _server.Calls.Where(c => c.Succeeded && c.ChatId == Group))
                {
                    if (call.Method == "sendMessage" && call.SentMessageId is int id)
                    {
                        shown.Add((id, Visible(call)));
                    }
                    else if (call.Method == "editMessageText" && shown.FindIndex(m => m.Id == call.MessageId) is var index and >= 0)
                    {
                        shown[index] = (shown[index].Id, Visible(call));
                    }
                }

                return [.. shown.Select(m => m.Text)];
            }
        }

        public static async Task<TelegramChatDriver> StartAsync(ScriptedEngine engine)
        {
            var server = await FakeBotApiServer.StartAsync();
            var settings = TelegramBotHarness.FastSettings(server);
            settings["Corpus:Path"] = TestPaths.SampleCorpus;
            settings["Corpus:Watch"] = "false";
            settings["Bot:RateLimit:QuestionsPerMinute"] = "0";
            var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            builder.Services.AddNewsBotCore(builder.Configuration).AddInMemoryState();
            builder.Services.AddSingleton<IAnswerEngine>(engine).AddSingleton<IQueryExpander, NoQueryExpansion>();
            builder.Services.AddTelegram(builder.Configuration);
            var host = builder.Build();
            _ = host.Services.GetRequiredService<NewsBot.Retrieval.Corpus.FileCorpusProvider>().Current;
            await host.StartAsync();
            return new TelegramChatDriver(server, host);
        }

        /// <summary>The text as Telegram shows it: HTML tags and entities are not visible.</summary>
        private static string Visible(ApiCall call) =>
            call.ParseMode is null ? call.Text ?? "" : System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(call.Text ?? "", "<[^>]+>", ""));

        public Task SendAsync(string text, string? locale = "en", bool fromAnotherMember = false)
        {
            // In a group the bot hears commands, and other messages when they mention it.
            var message = text.StartsWith('/') ? text : $"@{FakeBotApiServer.BotUsername} {text}";
            _server.PushMessage(Group, message, userId: fromAnotherMember ? 43 : 42, chatType: "supergroup", languageCode: locale);
            return Task.CompletedTask;
        }

        public async Task WaitUntilAsync(Func<IReadOnlyList<string>, bool> condition, string what)
        {
            try
            {
                await _server.WaitForAsync(_ => condition(Messages), TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                Assert.Fail($"Waited for {what}; the chat shows:\n" + string.Join("\n---\n", Messages));
            }
        }

        public async ValueTask DisposeAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _host.StopAsync(timeout.Token);
            _host.Dispose();
            await _server.DisposeAsync();
        }
    }
}
