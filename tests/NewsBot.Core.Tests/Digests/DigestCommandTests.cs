using Microsoft.Extensions.DependencyInjection;
using NewsBot.Core.Chat;
using NewsBot.Core.Digests;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;

namespace NewsBot.Core.Tests.Digests;

public sealed class DigestCommandTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static (DigestHarness Harness, ServiceProvider Services) Setup()
    {
        var harness = new DigestHarness(Start);
        var corpus = (MutableCorpus)harness.Corpus;
        corpus.Add("a1", DigestTestData.Topic(1), Start.AddHours(-2), "2026-05-30");
        corpus.Add("a2", DigestTestData.Topic(2), Start.AddHours(-1), "2026-05-31");
        var services = harness.Build(new Dictionary<string, string?> { ["Digest:DefaultTimeZone"] = "Europe/Berlin" });
        return (harness, services);
    }

    private static Task<Reply> Send(IServiceProvider services, string text, bool group = false, bool admin = false, string chat = "g1") =>
        services.GetRequiredService<IChatPipeline>().HandleAsync(
            new ChatRequest { Platform = "fake", ChatId = chat, UserId = "u1", Text = text, IsGroup = group, IsPlatformAdmin = admin },
            null,
            CancellationToken.None);

    [Fact]
    public async Task Subscribe_by_a_non_admin_in_a_group_is_refused_and_changes_nothing()
    {
        var (harness, services) = Setup();
        await using var _ = harness;
        await using var __ = services;

        var reply = await Send(services, "/digest subscribe 0 7 * * * de", group: true, admin: false);

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
        Assert.Contains("admin", reply.PlainText, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await ((IDigestSubscriptionStore)harness.Store).ListAllAsync(CancellationToken.None));

        var unsubscribe = await Send(services, "/digest unsubscribe", group: true, admin: false);
        Assert.Equal(ReplyKind.Refusal, unsubscribe.Kind);
    }

    [Fact]
    public async Task An_admin_subscribes_with_a_cron_of_five_fields_lists_and_unsubscribes()
    {
        var (harness, services) = Setup();
        await using var _ = harness;
        await using var __ = services;

        var reply = await Send(services, "/digest subscribe 30 6 * * 1-5 de", group: true, admin: true);
        Assert.Equal(ReplyKind.Info, reply.Kind);
        Assert.Equal(Language.German, reply.Language);

        var subscription = Assert.Single(await ((IDigestSubscriptionStore)harness.Store).ListAllAsync(CancellationToken.None));
        Assert.Equal("30 6 * * 1-5", subscription.Cron);
        Assert.Equal("Europe/Berlin", subscription.TimeZone);
        Assert.Equal(Language.German, subscription.Language);
        Assert.Equal(new ChatKey("fake", "g1"), subscription.Target);

        // The schedule starts at the moment of subscribing: nothing before it counts as missed.
        Assert.Equal(Start, await DigestMarks.GetAsync(harness.State, subscription.Name, CancellationToken.None));

        var list = await Send(services, "/digest list", group: true);
        Assert.Contains("30 6 * * 1-5 (Europe/Berlin), de", list.PlainText, StringComparison.Ordinal);

        var gone = await Send(services, "/digest unsubscribe", group: true, admin: true);
        Assert.Equal(ReplyKind.Info, gone.Kind);
        Assert.Empty(await ((IDigestSubscriptionStore)harness.Store).ListAllAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("/digest subscribe 0 7 * *")]
    [InlineData("/digest subscribe 0 25 * * *")]
    [InlineData("/digest subscribe 0 7 * * * en Mars/Olympus")]
    public async Task A_bad_subscription_is_explained_and_not_stored(string text)
    {
        var (harness, services) = Setup();
        await using var _ = harness;
        await using var __ = services;

        var reply = await Send(services, text);

        Assert.Equal(ReplyKind.Error, reply.Kind);
        Assert.Empty(await ((IDigestSubscriptionStore)harness.Store).ListAllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_admin_rule_can_be_replaced_by_the_host()
    {
        var harness = new DigestHarness(Start);
        await using var _ = harness;
        ((MutableCorpus)harness.Corpus).Add("a1", DigestTestData.Topic(1), Start);
        await using var services = harness.Build([], s => s.AddSingleton<IDigestAdminCheck>(new DenyAll()));

        var reply = await Send(services, "/digest subscribe 0 7 * * *", group: false);

        Assert.Equal(ReplyKind.Refusal, reply.Kind);
    }

    [Fact]
    public async Task Digest_now_shows_the_latest_and_then_only_what_is_new_since_the_last_scheduled_digest()
    {
        var (harness, services) = Setup();
        await using var _ = harness;
        await using var __ = services;

        var latest = await Send(services, "/digest", chat: "c9");
        Assert.Equal(["a2", "a1"], latest.Citations.Select(c => c.ArticleId));

        await ((IDigestHistoryStore)harness.Store).SetLastDigestAsync("fake:c9", Start.AddHours(-1), ["a2"], CancellationToken.None);
        var nothing = await Send(services, "/digest", chat: "c9");
        Assert.Equal(Texts.NothingNew(nothing.Language), nothing.PlainText);

        ((MutableCorpus)harness.Corpus).Add("a3", DigestTestData.Topic(3), Start, "2026-06-01");
        var fresh = await Send(services, "/digest", chat: "c9");
        Assert.Equal(["a3"], fresh.Citations.Select(c => c.ArticleId));
    }

    private sealed class DenyAll : IDigestAdminCheck
    {
        public ValueTask<bool> IsAdminAsync(ChatRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }
}

public sealed class ChatSubscriptionScheduleTests
{
    [Fact]
    public async Task A_schedule_subscribed_from_chat_posts_in_that_chat_until_unsubscribed()
    {
        var start = new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero);
        await using var harness = new DigestHarness(start);
        var corpus = (MutableCorpus)harness.Corpus;
        corpus.Add("a1", DigestTestData.Topic(1), start.AddHours(-1));
        await harness.StartAsync(new Dictionary<string, string?> { ["Digest:RefreshInterval"] = "00:15:00" });

        var pipeline = harness.Services.GetRequiredService<IChatPipeline>();
        Task<Reply> Send(string text) => pipeline.HandleAsync(new ChatRequest { Platform = "fake", ChatId = "dm", UserId = "u", Text = text }, null, CancellationToken.None);

        // 06:00 Berlin: subscribe for 07:00 Berlin in German.
        var subscribed = await Send("/digest subscribe 0 7 * * * de Europe/Berlin");
        Assert.Equal(ReplyKind.Info, subscribed.Kind);
        Assert.Contains("07:00", subscribed.PlainText, StringComparison.Ordinal);

        for (var i = 0; i < 8; i++)
        {
            await harness.StepAsync(TimeSpan.FromMinutes(15));
        }

        var sent = Assert.Single(harness.Sender.SentTo("dm"));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 5, 0, 0, TimeSpan.Zero), sent.At);
        Assert.Equal(Language.German, sent.Reply.Language);

        await Send("/digest unsubscribe");
        corpus.Add("a2", DigestTestData.Topic(2), harness.Time.GetUtcNow());
        for (var i = 0; i < 4 * 26; i++)
        {
            await harness.StepAsync(TimeSpan.FromMinutes(15));
        }

        Assert.Single(harness.Sender.SentTo("dm"));
    }
}
