using System.Text.Json;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Discord.Rendering;
using NewsBot.Discord.Tests.Fakes;

namespace NewsBot.Discord.Tests;

public sealed class DiscordAdapterTests
{
    private static readonly string Original = $"webhooks/{FakeIds.Application}/{AdapterHarness.InteractionToken("i1")}/messages/@original";
    private static readonly string Followups = $"webhooks/{FakeIds.Application}/{AdapterHarness.InteractionToken("i1")}";
    private static readonly string ChannelMessages = $"channels/{FakeIds.Channel}/messages";

    private static string Content(RecordedRequest request) => request.Json.GetProperty("content").GetString()!;

    private static void AssertNoMentions(RecordedRequest request)
    {
        var allowed = request.Json.GetProperty("allowed_mentions");
        Assert.Equal(0, allowed.GetProperty("parse").GetArrayLength());
        Assert.False(allowed.GetProperty("replied_user").GetBoolean());
    }

    private static string LongAnswer() =>
        string.Join("\n\n", Enumerable.Range(1, 25).Select(p => string.Join(' ', Enumerable.Range(1, 4).Select(s => $"Absatz {p} Satz {s} beschreibt das Treffen der Minister in Riad genau."))));

    [Fact]
    public async Task ASlashCommandIsDeferredBeforeAnyWorkAndAnsweredThroughOriginal()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var deferredBeforeWork = false;
        harness.Pipeline.Answer = (request, _, _) =>
        {
            deferredBeforeWork = harness.Fake.Requests.Any(r => r.Path.EndsWith("/callback", StringComparison.Ordinal) && r.Json.GetProperty("type").GetInt32() == 5);
            return Task.FromResult(Reply.Text(Language.English, "Sergey Lavrov is Russia's foreign minister.", ReplyKind.Answer));
        };

        await harness.SendAsync("INTERACTION_CREATE", AdapterHarness.Interaction("i1", "who", "name", "Lavrov"));
        var patch = await harness.Fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path == Original);
        var request = await harness.Pipeline.NextRequestAsync();

        Assert.True(deferredBeforeWork, "the pipeline ran before the interaction was deferred");
        Assert.Contains("Sergey Lavrov is Russia's foreign minister.", Content(patch), StringComparison.Ordinal);
        AssertNoMentions(patch);
        Assert.Equal("/who Lavrov", request.Text);
        Assert.Equal(Platforms.Discord, request.Platform);
        Assert.Equal(FakeIds.Channel, request.ChatId);
        Assert.Equal(FakeIds.User, request.UserId);
        Assert.Equal(FakeIds.Guild, request.GuildId);
        Assert.True(request.IsGroup);
        var calls = harness.Fake.Requests;
        Assert.True(calls.ToList().FindIndex(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)) < calls.ToList().FindIndex(r => r.Path == Original));
        Assert.DoesNotContain(calls, r => r.Method == "POST" && r.Path == Followups);
        Assert.DoesNotContain(GatewayHarness.Token, harness.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(AdapterHarness.InteractionToken("i1"), harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMentionInAChannelIsAnsweredAsAReplyWithMentionsDisabled()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var typingWhileAnswering = false;
        harness.Pipeline.Answer = async (request, _, _) =>
        {
            // The answer takes as long as it takes for "typing…" to show up.
            await harness.Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == $"channels/{FakeIds.Channel}/typing");
            typingWhileAnswering = true;
            return Reply.Text(Language.German, "Antwort: " + request.Text, ReplyKind.Answer);
        };

        await harness.SendAsync("MESSAGE_CREATE", AdapterHarness.Message("m1", $"<@{FakeIds.Bot}> Wo trafen sich Rubio und Lawrow?"));
        var reply = await harness.Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == ChannelMessages);
        var request = await harness.Pipeline.NextRequestAsync();

        Assert.Equal("Wo trafen sich Rubio und Lawrow?", request.Text);
        Assert.True(request.IsGroup);
        Assert.Equal(FakeIds.Guild, request.GuildId);
        Assert.False(request.IsReplyToBot);
        var reference = reply.Json.GetProperty("message_reference");
        Assert.Equal("m1", reference.GetProperty("message_id").GetString());
        Assert.False(reference.GetProperty("fail_if_not_exists").GetBoolean());
        AssertNoMentions(reply);
        Assert.Contains("Wo trafen sich Rubio und Lawrow?", Content(reply), StringComparison.Ordinal);
        Assert.True(typingWhileAnswering);
    }

    [Fact]
    public async Task ADirectMessageIsAQuestionWithoutAMention()
    {
        await using var harness = await AdapterHarness.StartAsync();

        await harness.SendAsync("MESSAGE_CREATE", AdapterHarness.Message("m2", "What did Hegseth say about NATO?", inGuild: false, mentionBot: false));
        var reply = await harness.Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == ChannelMessages);
        var request = await harness.Pipeline.NextRequestAsync();

        Assert.False(request.IsGroup);
        Assert.Null(request.GuildId);
        Assert.Equal("What did Hegseth say about NATO?", request.Text);
        AssertNoMentions(reply);
    }

    [Fact]
    public async Task AFiveThousandCharacterAnswerToAMentionArrivesInRepliesOfAtMost2000()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var text = LongAnswer();
        Assert.True(text.Length >= 5000);
        harness.Pipeline.Answer = (_, _, _) => Task.FromResult(Reply.Text(Language.German, text, ReplyKind.Answer));
        var expected = new DiscordMarkdownFormatter().Format(Reply.Text(Language.German, text)).Count;

        await harness.SendAsync("MESSAGE_CREATE", AdapterHarness.Message("m3", $"<@{FakeIds.Bot}> erzähl alles"));
        var posts = (await harness.Fake.WaitForRequestsAsync(r => r.Count(x => x.Path == ChannelMessages) >= expected))
            .Where(r => r.Path == ChannelMessages).ToList();

        Assert.True(posts.Count >= 3);
        Assert.All(posts, p => Assert.InRange(Content(p).Length, 1, 2000));
        Assert.All(posts, AssertNoMentions);
        Assert.Equal(text, string.Join("\n\n", posts.Select(Content)));
        Assert.True(posts[0].Json.TryGetProperty("message_reference", out _));
        Assert.All(posts.Skip(1), p => Assert.False(p.Json.TryGetProperty("message_reference", out _)));
    }

    [Fact]
    public async Task AFiveThousandCharacterAnswerToASlashCommandFillsOriginalThenFollowUps()
    {
        await using var harness = await AdapterHarness.StartAsync();
        var text = LongAnswer();
        harness.Pipeline.Answer = (_, _, _) => Task.FromResult(Reply.Text(Language.German, text, ReplyKind.Answer));
        var expected = new DiscordMarkdownFormatter().Format(Reply.Text(Language.German, text)).Count;

        await harness.SendAsync("INTERACTION_CREATE", AdapterHarness.Interaction("i1", "ask", "question", "Alles über Riad?", locale: "de"));
        var calls = await harness.Fake.WaitForRequestsAsync(r => r.Count(x => x.Method == "POST" && x.Path == Followups) >= expected - 1);

        var parts = calls.Where(r => (r.Method == "PATCH" && r.Path == Original) || (r.Method == "POST" && r.Path == Followups)).ToList();
        Assert.Equal("PATCH", parts[0].Method);
        Assert.Equal(expected, parts.Count);
        Assert.All(parts, p => Assert.InRange(Content(p).Length, 1, 2000));
        Assert.All(parts, AssertNoMentions);
        Assert.Equal(text, string.Join("\n\n", parts.Select(Content)));
    }

    [Fact]
    public async Task ASlashCommandInADirectMessageUsesTheUserAndIsNotAGroup()
    {
        await using var harness = await AdapterHarness.StartAsync();

        await harness.SendAsync("INTERACTION_CREATE", AdapterHarness.Interaction("i1", "lang", "language", "de", inGuild: false));
        await harness.Fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path == Original);
        var request = await harness.Pipeline.NextRequestAsync();

        Assert.Equal("/lang de", request.Text);
        Assert.Equal(FakeIds.User, request.UserId);
        Assert.Equal("Reader", request.UserName);
        Assert.False(request.IsGroup);
        Assert.Null(request.GuildId);
    }

    [Theory]
    [InlineData("de", "Antwort auf deine Frage")]
    [InlineData("en-US", "Answer to your question")]
    public async Task TheInteractionLocaleReachesThePipelineAndPicksTheAnswerLanguage(string locale, string expected)
    {
        await using var harness = await AdapterHarness.StartAsync();

        await harness.SendAsync("INTERACTION_CREATE", AdapterHarness.Interaction("i1", "summary", locale: locale));
        var patch = await harness.Fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path == Original);
        var request = await harness.Pipeline.NextRequestAsync();

        Assert.Equal(locale, request.UserLocale);
        Assert.Equal("/summary", request.Text);
        Assert.StartsWith(expected, Content(patch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStreamingAnswerGrowsOriginalAndEndsWithTheFinalText()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Pipeline.Answer = async (_, partial, _) =>
        {
            partial!.Report("Rubio und");
            partial.Report("Rubio und Lawrow trafen");
            await harness.Fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path == Original);
            partial.Report("Rubio und Lawrow trafen sich");
            return Reply.Text(Language.German, "Rubio und Lawrow trafen sich in Riad.", ReplyKind.Answer);
        };

        await harness.SendAsync("INTERACTION_CREATE", AdapterHarness.Interaction("i1", "ask", "question", "Wo?", locale: "de"));
        await harness.Fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path == Original && Content(r) == "Rubio und Lawrow trafen sich in Riad.");
        await harness.Service.StopAsync(CancellationToken.None);

        var patches = harness.Fake.Requests.Where(r => r.Method == "PATCH" && r.Path == Original).ToList();
        Assert.True(patches.Count >= 2);
        Assert.Equal("Rubio und Lawrow trafen sich in Riad.", Content(patches[^1]));
        Assert.All(patches, AssertNoMentions);
    }

    [Fact]
    public async Task AStreamingAnswerToAMentionGrowsItsReplyAndEndsWithTheFinalText()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Pipeline.Answer = async (_, partial, _) =>
        {
            partial!.Report("Rubio und");
            await harness.Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == ChannelMessages);
            partial.Report("Rubio und Lawrow trafen sich @everyone");
            await harness.Fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path.StartsWith(ChannelMessages + "/", StringComparison.Ordinal));
            return Reply.Text(Language.German, "Rubio und Lawrow trafen sich in Riad.", ReplyKind.Answer);
        };

        await harness.SendAsync("MESSAGE_CREATE", AdapterHarness.Message("m5", $"<@{FakeIds.Bot}> Wo trafen sich Rubio und Lawrow?"));
        await harness.Fake.WaitForRequestAsync(r => r.Method == "PATCH" && Content(r) == "Rubio und Lawrow trafen sich in Riad.");
        await harness.Service.StopAsync(CancellationToken.None);

        var draft = Assert.Single(harness.Fake.Requests, r => r.Method == "POST" && r.Path == ChannelMessages);
        Assert.Equal("m5", draft.Json.GetProperty("message_reference").GetProperty("message_id").GetString());
        Assert.Equal("Rubio und", Content(draft));
        var edits = harness.Fake.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.True(edits.Count >= 2);
        // Every edit goes to the one reply that was created (the fake numbers messages as it creates them).
        Assert.Single(edits.Select(e => e.Path).Distinct());
        Assert.StartsWith(ChannelMessages + "/", edits[0].Path, StringComparison.Ordinal);
        Assert.Equal("Rubio und Lawrow trafen sich in Riad.", Content(edits[^1]));
        Assert.DoesNotContain(edits, e => Content(e).Contains("@everyone", StringComparison.Ordinal));
        Assert.All(edits.Append(draft), AssertNoMentions);
    }

    [Fact]
    public async Task AStreamedReplyThatEndsSilentlyKeepsItsTextAndSaysItStopped()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Pipeline.Answer = async (_, partial, _) =>
        {
            partial!.Report("Rubio und");
            await harness.Fake.WaitForRequestAsync(r => r.Method == "POST" && r.Path == ChannelMessages);
            return Reply.Silent;
        };

        await harness.SendAsync("MESSAGE_CREATE", AdapterHarness.Message("m6", $"<@{FakeIds.Bot}> Wo?"));
        var stopped = await harness.Fake.WaitForRequestAsync(r => r.Method == "PATCH" && Content(r).Contains("⏹", StringComparison.Ordinal));

        // Stopped answers end the same way on every platform: the partial text stays, marked as stopped (it used to be deleted here).
        Assert.StartsWith(ChannelMessages + "/", stopped.Path, StringComparison.Ordinal);
        Assert.StartsWith("Rubio und", Content(stopped), StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Fake.Requests, r => r.Method == "DELETE");
        Assert.Single(harness.Fake.Requests, r => r.Method == "POST" && r.Path == ChannelMessages);
    }

    [Fact]
    public async Task SlashCommandsAreRegisteredOnceAndNotAgainWhenUnchanged()
    {
        var store = new InMemoryStores();
        await using var harness = await AdapterHarness.StartAsync(store: store);
        var put = await harness.Fake.WaitForRequestAsync(r => r.Method == "PUT");

        Assert.Equal($"applications/{FakeIds.Application}/commands", put.Path);
        var commands = put.Json.EnumerateArray().ToList();
        Assert.Equal(["help", "ask", "summary", "who", "articles", "digest", "lang", "reset", "cancel"], commands.Select(c => c.GetProperty("name").GetString()));
        Assert.All(commands, c =>
        {
            Assert.False(string.IsNullOrEmpty(c.GetProperty("name_localizations").GetProperty("de").GetString()));
            Assert.False(string.IsNullOrEmpty(c.GetProperty("description_localizations").GetProperty("de").GetString()));
            Assert.InRange(c.GetProperty("description").GetString()!.Length, 1, 100);
        });

        // A new session (READY again) finds the same definitions and does not PUT them again.
        await harness.Connection.SendAsync("""{"op":9,"d":false}""");
        await harness.ConnectAsync();
        await harness.Logs.WaitForAsync(e => e.Message.Contains("unchanged", StringComparison.Ordinal));

        Assert.Single(harness.Fake.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task AGuildIdRegistersTheCommandsOnThatGuild()
    {
        await using var harness = await AdapterHarness.StartAsync(new() { ["Discord:GuildId"] = FakeIds.Guild });

        var put = await harness.Fake.WaitForRequestAsync(r => r.Method == "PUT");

        Assert.Equal($"applications/{FakeIds.Application}/guilds/{FakeIds.Guild}/commands", put.Path);
    }

    [Fact]
    public async Task ARouteRateLimitWhileReplyingIsWaitedOutAndTheReplyArrivesOnce()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Fake.RespondOnce(r => r.Method == "POST" && r.Path == ChannelMessages, FakeResponse.RateLimited(0.05, global: false));

        await harness.SendAsync("MESSAGE_CREATE", AdapterHarness.Message("m4", $"<@{FakeIds.Bot}> hallo"));
        var calls = await harness.Fake.WaitForRequestsAsync(r => r.Any(x => x.Path == ChannelMessages && x.Status == 200));

        var posts = calls.Where(r => r.Path == ChannelMessages).ToList();
        Assert.Equal([429, 200], posts.Select(p => p.Status));
        Assert.Equal(Content(posts[0]), Content(posts[1]));
    }

    [Fact]
    public async Task APipelineFailureStillAnswersTheInteraction()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Pipeline.Answer = (_, _, _) => throw new InvalidOperationException("boom");

        await harness.SendAsync("INTERACTION_CREATE", AdapterHarness.Interaction("i1", "digest", locale: "de"));
        var patch = await harness.Fake.WaitForRequestAsync(r => r.Method == "PATCH" && r.Path == Original);

        Assert.Contains("schiefgegangen", Content(patch), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASilentReplyRemovesTheThinkingPlaceholder()
    {
        await using var harness = await AdapterHarness.StartAsync();
        harness.Pipeline.Answer = (_, _, _) => Task.FromResult(Reply.Silent);

        await harness.SendAsync("INTERACTION_CREATE", AdapterHarness.Interaction("i1", "cancel"));

        await harness.Fake.WaitForRequestAsync(r => r.Method == "DELETE" && r.Path == Original);
    }
}
