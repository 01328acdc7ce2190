using NewsBot.Core.Digests;
using NewsBot.Core.State;
using NewsBot.Core.Tests.Digests;
using NewsBot.Storage.Tests.Fakes;

namespace NewsBot.Storage.Tests.MultiInstance;

/// <summary>Two digest schedulers on one PostgreSQL, one clock: every occurrence is posted once, whoever posts it.</summary>
public sealed class TwoSchedulerTests : IDisposable
{
    private readonly PostgresTestStore _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task An_every_minute_digest_is_posted_once_per_occurrence_with_two_schedulers()
    {
        var corpus = new MutableCorpus();
        corpus.Add("a0", DigestTestData.Topic(0), _db.Time.GetUtcNow());
        var settings = DigestHost.EveryMinute("newsroom");
        await using var a = new DigestHost("a", _db, corpus, settings);
        await using var b = new DigestHost("b", _db.OpenSecondInstance(), corpus, settings);
        await Task.WhenAll(a.StartAsync(), b.StartAsync());

        const int Minutes = 20;
        for (var minute = 1; minute <= Minutes; minute++)
        {
            // Something new every minute, so every occurrence has a digest to post.
            corpus.Add($"a{minute}", DigestTestData.Topic(minute), _db.Time.GetUtcNow());
            await StepAsync(TimeSpan.FromMinutes(1), a, b);
        }

        var sent = a.Sender.Sent.Concat(b.Sender.Sent).ToList();
        var outbox = await _db.Outbox.GetUnsentAsync(CancellationToken.None);
        Assert.Empty(outbox);
        Assert.Equal(Minutes, sent.Count);
        Assert.Equal(Minutes, sent.Select(s => s.At).Distinct().Count());
        Assert.All(sent, s => Assert.Equal("newsroom", s.ChatId));

        // Each article appears in exactly one posted digest: no occurrence was composed twice.
        var cited = sent.SelectMany(s => s.Reply.Citations.Select(c => c.ArticleId)).ToList();
        Assert.Equal(cited.Count, cited.Distinct().Count());
    }

    [Fact]
    public async Task An_instance_killed_mid_send_is_taken_over_once_its_claim_runs_out()
    {
        var corpus = new MutableCorpus();
        corpus.Add("a0", DigestTestData.Topic(0), _db.Time.GetUtcNow());
        var settings = DigestHost.EveryMinute("newsroom");
        settings["Digest:Schedules:0:Cron"] = "0 8 * * *";
        await using var a = new DigestHost("a", _db, corpus, settings);
        await a.StartAsync();

        // 08:00: instance a writes the occurrence, claims it and hangs in the send; then it dies.
        a.Sender.Block = true;
        corpus.Add("a1", DigestTestData.Topic(1), _db.Time.GetUtcNow());
        _db.Time.Advance(TimeSpan.FromHours(1)); // the pass hangs in the send, so there is no idle signal to wait for
        Assert.Equal("newsroom", await a.Sender.AttemptStarted.Reader.ReadAsync().AsTask().WaitAsync(DigestHost.Patience));
        await a.StopAsync();

        var key = DigestScheduler.OccurrenceKey("config:minutely", new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        Assert.Null((await _db.Outbox.GetAsync(key, CancellationToken.None))?.SentAt);

        // Instance b starts at once but finds the occurrence claimed; it takes it over once the claim has run out.
        await using var b = new DigestHost("b", _db.OpenSecondInstance(), corpus, settings);
        await b.StartAsync();
        await StepAsync(TimeSpan.FromMinutes(1), b);
        Assert.Empty(b.Sender.Sent);

        var claim = TimeSpan.FromMinutes(2) + DigestScheduler.ClaimMargin;
        for (var waited = TimeSpan.FromMinutes(1); waited <= claim + TimeSpan.FromMinutes(1); waited += TimeSpan.FromMinutes(1))
        {
            await StepAsync(TimeSpan.FromMinutes(1), b);
        }

        var sent = Assert.Single(b.Sender.Sent);
        Assert.Contains(sent.Reply.Citations, c => c.ArticleId == "a1");
        Assert.Empty(a.Sender.Sent);
        Assert.NotNull((await _db.Outbox.GetAsync(key, CancellationToken.None))?.SentAt);

        // And nothing repeats it later.
        for (var i = 0; i < 5; i++)
        {
            await StepAsync(TimeSpan.FromMinutes(1), b);
        }

        Assert.Single(b.Sender.Sent);
    }

    /// <summary>Moves the shared clock and waits until every running scheduler has handled it.</summary>
    private async Task StepAsync(TimeSpan step, params DigestHost[] hosts)
    {
        var idle = hosts.Select(h => h.Scheduler.Idle.Next()).ToList();
        _db.Time.Advance(step);
        await Task.WhenAll(idle).WaitAsync(DigestHost.Patience);
    }
}
