using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core;
using NewsBot.Core.Answers;
using NewsBot.Core.Chat;
using NewsBot.Discord.Tests.Fakes;
using NewsBot.Tests.Shared;
using NewsBot.Core.Commands;

namespace NewsBot.Discord.Tests;

/// <summary>
/// The chat contract in a Discord guild channel, through the fake gateway and REST API: questions are mentions, commands
/// are slash commands (which carry the user's locale).
/// </summary>
public sealed class ChatContractTests : GroupChatContract
{
    protected override async Task<IChatContractDriver> StartAsync(ScriptedEngine engine) => await DiscordChatDriver.StartAsync(engine);

    private sealed class DiscordChatDriver(AdapterHarness harness) : IChatContractDriver
    {
        private const string AnotherMember = "900000000000000099";
        private int _next;

        public int MaxMessageLength => 2000;

        public IReadOnlyList<string> Messages
        {
            get
            {
                var shown = new List<(string Key, string Text)>();
                foreach (var request in harness.Fake.Requests.Where(r => r.Status is >= 200 and < 300))
                {
                    var parts = request.Path.Split('/');
                    switch (request.Method, parts)
                    {
                        case ("POST", ["channels", _, "messages"]) or ("POST", ["webhooks", _, _]):
                            shown.Add((IdOf(request.ResponseBody), Content(request)));
                            break;
                        case ("PATCH", ["channels", _, "messages", var id]):
                            Set(shown, id, Content(request));
                            break;
                        case ("PATCH", ["webhooks", _, var token, "messages", "@original"]):
                            Set(shown, token, Content(request));
                            break;
                        case ("DELETE", ["channels", _, "messages", var id]):
                            shown.RemoveAll(m => m.Key == id);
                            break;
                        case ("DELETE", ["webhooks", _, var token, "messages", "@original"]):
                            shown.RemoveAll(m => m.Key == token);
                            break;
                    }
                }

                return [.. shown.Select(m => m.Text)];
            }
        }

        public static async Task<DiscordChatDriver> StartAsync(ScriptedEngine engine)
        {
            var harness = await AdapterHarness.StartAsync(
                new() { ["Corpus:Path"] = TestPaths.SampleCorpus, ["Corpus:Watch"] = "false", ["Bot:RateLimit:QuestionsPerMinute"] = "0" },
                configure: (services, _) => services.AddInMemoryState().AddSingleton<IAnswerEngine>(engine),
                realCore: true);
            return new DiscordChatDriver(harness);
        }

        public Task SendAsync(string text, string? locale = "en", bool fromAnotherMember = false)
        {
            var id = "c" + Interlocked.Increment(ref _next);
            var user = fromAnotherMember ? AnotherMember : FakeIds.User;
            if (!text.StartsWith('/'))
            {
                var message = AdapterHarness.Message(id, $"<@{FakeIds.Bot}> {text}");
                message["author"]!["id"] = user;
                return harness.SendAsync("MESSAGE_CREATE", message);
            }

            // Discord sends the command's own name whatever name the user's locale shows ("/abbrechen" is "cancel").
            var command = ChatCommand.Parse(text);
            var name = harness.Services.GetRequiredService<CommandCatalogue>().TryFind(command.Name, out var info, out _) ? info.Name : command.Name;
            var interaction = AdapterHarness.Interaction(id, name, locale: locale ?? "en-US");
            interaction["member"]!["user"]!["id"] = user;
            return harness.SendAsync("INTERACTION_CREATE", interaction);
        }

        public async Task WaitUntilAsync(Func<IReadOnlyList<string>, bool> condition, string what)
        {
            try
            {
                await harness.Fake.WaitForRequestsAsync(_ => condition(Messages), TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                Assert.Fail($"Waited for {what}; the channel shows:\n" + string.Join("\n---\n", Messages));
            }
        }

        public ValueTask DisposeAsync() => harness.DisposeAsync();

        private static void Set(List<(string Key, string Text)> shown, string key, string text)
        {
            var index = shown.FindIndex(m => m.Key == key);
            if (index >= 0)
            {
                shown[index] = (key, text);
            }
            else
            {
                shown.Add((key, text));
            }
        }

        /// <summary>The text as Discord shows it: markdown escapes are not visible.</summary>
        private static string Content(RecordedRequest request) =>
            request.Json.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
                ? Regex.Replace(content.GetString()!, @"\\([^\w\s])", "$1")
                : "";

        private static string IdOf(string response) =>
            JsonNode.Parse(response)?["id"]?.GetValue<string>() ?? Guid.NewGuid().ToString("N");
    }
}
