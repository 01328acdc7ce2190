using NewsBot.Core;
using NewsBot.Tests.Shared;
using NewsBot.Discord.Tests.Fakes;

namespace NewsBot.Discord.Tests;

/// <summary>The adapter in front of the real core pipeline (router, handlers, language resolution) on the sample corpus.</summary>
public sealed class RealCoreTests
{
    private static readonly string Original = $"webhooks/{FakeIds.Application}/{AdapterHarness.InteractionToken("i1")}/messages/@original";

    [Theory]
    [InlineData("de", "Ich beantworte Fragen")]
    [InlineData("en-US", "I answer questions")]
    public async Task TheDiscordLocaleOfACommandWithoutTextPicksTheAnswerLanguage(string locale, string expected)
    {
        await using var harness = await AdapterHarness.StartAsync(
            new() { ["Corpus:Path"] = TestPaths.SampleCorpus, ["Corpus:Watch"] = "false" },
            configure: (services, _) => services.AddInMemoryState(),
            realCore: true);

        await harness.SendAsync("INTERACTION_CREATE", AdapterHarness.Interaction("i1", "help", locale: locale));
        var patch = await harness.Fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path == Original);

        var content = patch.Json.GetProperty("content").GetString()!;
        Assert.StartsWith(expected, content, StringComparison.Ordinal);
        Assert.InRange(content.Length, 1, 2000);
    }

    [Fact]
    public async Task AMentionGetsARealAnswerWithANumberedSourceList()
    {
        await using var harness = await AdapterHarness.StartAsync(
            new() { ["Corpus:Path"] = TestPaths.SampleCorpus, ["Corpus:Watch"] = "false" },
            configure: (services, _) => services.AddInMemoryState(),
            realCore: true);

        await harness.SendAsync("MESSAGE_CREATE", AdapterHarness.Message("m1", $"<@{FakeIds.Bot}> Was sagte Katrin Albers über die Automatisierung im Hafen?"));
        var reply = await harness.Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"channels/{FakeIds.Channel}/messages");

        var content = reply.Json.GetProperty("content").GetString()!;
        Assert.Contains("Albers", content, StringComparison.Ordinal);
        Assert.Contains("**Quellen**", content, StringComparison.Ordinal);
        Assert.Contains(@"**\[1\]**", content, StringComparison.Ordinal);
        Assert.Equal(0, reply.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }
}
