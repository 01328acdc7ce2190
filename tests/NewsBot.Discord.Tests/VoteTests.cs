using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core;
using NewsBot.Core.State;
using NewsBot.Discord.Tests.Fakes;
using NewsBot.Storage;
using NewsBot.Tests.Shared;

namespace NewsBot.Discord.Tests;

/// <summary>👍/👎 buttons under answers: a click through the fake gateway is stored in SQLite and shown by /stats.</summary>
public sealed class VoteTests
{
    private static readonly string Messages = $"channels/{FakeIds.Channel}/messages";

    [Fact]
    public async Task A_click_on_the_buttons_is_stored_changeable_and_shown_by_stats_and_the_buttons_go_away()
    {
        var database = Path.Combine(TestPaths.NewTempFolder(), "bot.db");
        await using var harness = await AdapterHarness.StartAsync(
            new()
            {
                ["Corpus:Path"] = TestPaths.SampleCorpus,
                ["Corpus:Watch"] = "false",
                ["Storage:ConnectionString"] = database,
                ["Access:Discord:Admins:0"] = FakeIds.User,
                ["Bot:Votes:ButtonLifetime"] = "00:00:00.5",
            },
            configure: (services, configuration) => services.AddStorage(configuration),
            realCore: true);

        await harness.SendAsync("MESSAGE_CREATE", AdapterHarness.Message("m1", $"<@{FakeIds.Bot}> Where is Lisbon's tram line extended?"));
        var answer = await harness.Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == Messages);

        // The buttons: one row, 👍 and 👎, each carrying the answer's id; nothing pings.
        var buttons = answer.Json.GetProperty("components")[0].GetProperty("components");
        Assert.Equal(2, buttons.GetArrayLength());
        Assert.Equal("👍", buttons[0].GetProperty("emoji").GetProperty("name").GetString());
        var good = buttons[0].GetProperty("custom_id").GetString()!;
        var bad = buttons[1].GetProperty("custom_id").GetString()!;
        Assert.Matches("^vote:[0-9]+:good$", good);
        Assert.Equal(0, answer.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());

        await harness.SendAsync("INTERACTION_CREATE", Click("c1", good));
        var thanks = await harness.Fake.WaitForRequestAsync(r => r.Path.StartsWith("interactions/c1/", StringComparison.Ordinal));
        Assert.Equal(4, thanks.Json.GetProperty("type").GetInt32());
        Assert.Equal(64, thanks.Json.GetProperty("data").GetProperty("flags").GetInt32());
        Assert.Contains("helpful", thanks.Json.GetProperty("data").GetProperty("content").GetString(), StringComparison.Ordinal);

        // The same user changes their mind: still one vote, now 👎.
        await harness.SendAsync("INTERACTION_CREATE", Click("c2", bad));
        await harness.Fake.WaitForRequestAsync(r => r.Path.StartsWith("interactions/c2/", StringComparison.Ordinal));
        var stats = await harness.Services.GetRequiredService<IAnswerLog>().GetStatsAsync(null, DateTimeOffset.MinValue, 5, CancellationToken.None);
        Assert.Equal((0, 1), (stats.GoodVotes, stats.BadVotes));
        Assert.Equal(1, stats.Questions);

        await harness.SendAsync("INTERACTION_CREATE", AdapterHarness.Interaction("s1", "stats"));
        var shown = await harness.Fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path == $"webhooks/{FakeIds.Application}/{AdapterHarness.InteractionToken("s1")}/messages/@original");
        var text = shown.Json.GetProperty("content").GetString()!;
        Assert.Contains("Questions: 1", text, StringComparison.Ordinal);
        // Discord Markdown escapes the brackets around the counts.
        Assert.Contains("Helpful: 0%", text, StringComparison.Ordinal);
        Assert.Contains("0 👍, 1 👎", text, StringComparison.Ordinal);
        Assert.Contains("extractive 1", text, StringComparison.Ordinal);
        Assert.Contains("Lisbon", text, StringComparison.Ordinal);
        Assert.False(shown.Json.TryGetProperty("components", out _), "/stats is not an answer: no buttons");

        // After the configured lifetime the buttons are removed from the answer (an edit with no components).
        var removed = await harness.Fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.StartsWith(Messages + "/", StringComparison.Ordinal));
        Assert.Equal(0, removed.Json.GetProperty("components").GetArrayLength());
    }

    private static JsonObject Click(string id, string customId)
    {
        var click = AdapterHarness.Interaction(id, "unused");
        click["type"] = 3;
        click["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        return click;
    }
}
