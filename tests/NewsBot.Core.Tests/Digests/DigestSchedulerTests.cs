using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsBot.Core.Digests;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;

namespace NewsBot.Core.Tests.Digests;

public sealed class DigestSchedulerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static Dictionary<string, string?> Settings(Dictionary<string, string?> schedules, string refresh = "01:00:00", params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>(schedules) { ["Digest:RefreshInterval"] = refresh };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Theory]
    [InlineData("2026-03-26T00:00:00Z")] // spring forward on Sunday 29 March
    [InlineData("2026-10-22T00:00:00Z")] // fall back on Sunday 25 October
    public async Task Berlin_seven_oclock_fires_exactly_once_a_day_at_seven_local_across_a_DST_switch(string start)
    {
        await using var harness = new DigestHarness(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        var corpus = (MutableCorpus)harness.Corpus;
        corpus.Add("a0", DigestTestData.Topic(0), harness.Time.GetUtcNow());
        await harness.StartAsync(Settings(DigestHarness.Schedule("morning", "0 7 * * *", "newsroom")));

        const int Days = 8;
        for (var hour = 0; hour < Days * 24; hour++)
        {
            var now = harness.Time.GetUtcNow();
            if (now.Hour == 0 && hour > 0)
            {
                // Something new every day, so every occurrence has a digest to post.
                corpus.Add($"a{hour}", DigestTestData.Topic(hour / 24), now);
            }

            await harness.StepAsync(TimeSpan.FromHours(1));
        }

        var sent = harness.Sender.SentTo("newsroom");
        var local = sent.Select(s => TimeZoneInfo.ConvertTime(s.At, Berlin)).ToList();
        Assert.Equal(Days, sent.Count);
        Assert.All(local, t => Assert.Equal(new TimeOnly(7, 0), TimeOnly.FromDateTime(t.DateTime)));
        Assert.Equal(Days, local.Select(t => DateOnly.FromDateTime(t.DateTime)).Distinct().Count());

        // The offset really changed during the run: the same 07:00 local is a different UTC hour before and after.
        Assert.Equal(2, sent.Select(s => s.At.UtcDateTime.Hour).Distinct().Count());
        Assert.All(sent, s => Assert.Equal(Language.German, s.Reply.Language));
    }

    [Fact]
    public async Task A_restart_between_writing_the_entry_and_sending_sends_it_once()
    {
        await using var harness = new DigestHarness(new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero));
        ((MutableCorpus)harness.Corpus).Add("a1", DigestTestData.Topic(1), harness.Time.GetUtcNow());
        var settings = Settings(DigestHarness.Schedule("morning", "0 7 * * *", "newsroom"));
        await harness.StartAsync(settings);

        // 07:00 Berlin (05:00 UTC): the entry is written, then the send hangs and the process goes away mid-send.
        harness.Sender.Block = true;
        harness.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal("newsroom", await harness.Sender.AttemptStarted.Reader.ReadAsync().AsTask().WaitAsync(DigestHarness.Patience));
        await harness.StopAsync();

        var key = DigestScheduler.OccurrenceKey("config:morning", new DateTimeOffset(2026, 5, 4, 5, 0, 0, TimeSpan.Zero));
        var written = await ((IDigestOutbox)harness.Store).GetAsync(key, CancellationToken.None);
        Assert.NotNull(written);
        Assert.Null(written.SentAt);
        Assert.Empty(harness.Sender.Sent);

        // Restart a minute later: the unsent entry goes out once, and no later pass repeats it.
        harness.Sender.Block = false;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.StartAsync(settings);
        for (var i = 0; i < 6; i++)
        {
            await harness.StepAsync(TimeSpan.FromHours(1));
        }

        var sent = Assert.Single(harness.Sender.Sent);
        Assert.Equal("newsroom", sent.ChatId);
        Assert.Contains(sent.Reply.Citations, c => c.ArticleId == "a1");
        Assert.NotNull((await ((IDigestOutbox)harness.Store).GetAsync(key, CancellationToken.None))?.SentAt);
        Assert.Empty(await ((IDigestOutbox)harness.Store).GetUnsentAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(3, true)] // down from 03:00 to 08:00 UTC; the 05:00 occurrence is 3 h old, inside the 6 h window
    [InlineData(7, false)] // down until 12:00 UTC: 7 h old, outside the window
    public async Task A_missed_occurrence_is_caught_up_once_inside_the_window_and_skipped_outside(int hoursLate, bool caughtUp)
    {
        await using var harness = new DigestHarness(new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero));
        var corpus = (MutableCorpus)harness.Corpus;
        corpus.Add("a1", DigestTestData.Topic(1), harness.Time.GetUtcNow());
        var settings = Settings(DigestHarness.Schedule("morning", "0 7 * * *", "newsroom"), more: ("Digest:CatchUpWindow", "06:00:00"));
        await harness.StartAsync(settings);
        for (var i = 0; i < 3; i++)
        {
            await harness.StepAsync(TimeSpan.FromHours(1));
        }

        await harness.StopAsync();
        var occurrence = new DateTimeOffset(2026, 5, 4, 5, 0, 0, TimeSpan.Zero);
        harness.Time.SetUtcNow(occurrence + TimeSpan.FromHours(hoursLate));
        await harness.StartAsync(settings);
        for (var i = 0; i < 4; i++)
        {
            await harness.StepAsync(TimeSpan.FromHours(1));
        }

        var key = DigestScheduler.OccurrenceKey("config:morning", occurrence);
        if (caughtUp)
        {
            var sent = Assert.Single(harness.Sender.Sent);
            Assert.Equal(occurrence + TimeSpan.FromHours(hoursLate), sent.At);
            Assert.NotNull(await ((IDigestOutbox)harness.Store).GetAsync(key, CancellationToken.None));
        }
        else
        {
            Assert.Empty(harness.Sender.Sent);
            Assert.Null(await ((IDigestOutbox)harness.Store).GetAsync(key, CancellationToken.None));
            Assert.Contains(harness.Logs.Lines, l => l.Contains("Skipped 1 occurrence", StringComparison.Ordinal) && l.Contains("config:morning", StringComparison.Ordinal));
        }

        // Either way the schedule carries on: the next morning's digest goes out as usual.
        corpus.Add("a2", DigestTestData.Topic(2), harness.Time.GetUtcNow());
        while (harness.Time.GetUtcNow() < occurrence.AddDays(1))
        {
            await harness.StepAsync(TimeSpan.FromHours(1));
        }

        Assert.Equal(caughtUp ? 2 : 1, harness.Sender.Sent.Count);
        Assert.Equal(occurrence.AddDays(1), harness.Sender.Sent.Last().At);
    }

    [Fact]
    public async Task A_failing_target_is_disabled_after_its_retries_while_another_keeps_receiving()
    {
        await using var harness = new DigestHarness(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var corpus = (MutableCorpus)harness.Corpus;
        harness.Sender.FailingChats.Add("gone");
        var schedules = DigestHarness.Schedule("good", "0 * * * *", "ok");
        foreach (var (key, value) in DigestHarness.Schedule("bad", "0 * * * *", "gone", index: 1))
        {
            schedules[key] = value;
        }

        var settings = Settings(
            schedules,
            refresh: "00:10:00",
            ("Digest:MaxAttempts", "3"),
            ("Digest:RetryDelay", "00:01:00"),
            ("Digest:MaxRetryDelay", "00:04:00"),
            ("Digest:AdminChats:0", "fake:admins"));
        await harness.StartAsync(settings);

        var hours = 0;
        async Task NextHourAsync()
        {
            corpus.Add($"h{hours}", DigestTestData.Topic(hours), harness.Time.GetUtcNow());
            for (var i = 0; i < 6; i++)
            {
                await harness.StepAsync(TimeSpan.FromMinutes(10));
            }

            hours++;
        }

        for (var i = 0; i < 3; i++)
        {
            await NextHourAsync();
        }

        var bad = await ((IDigestSubscriptionStore)harness.Store).GetAsync("config:bad", CancellationToken.None);
        Assert.NotNull(bad);
        Assert.True(bad.Disabled);
        Assert.Contains("kicked", bad.DisabledReason, StringComparison.Ordinal);
        Assert.Contains(harness.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("config:bad disabled", StringComparison.Ordinal));
        var note = Assert.Single(harness.Sender.SentTo("admins"));
        Assert.Contains("config:bad", note.Reply.PlainText, StringComparison.Ordinal);
        var attemptsWhenDisabled = harness.Sender.Attempts["gone"];
        Assert.True(attemptsWhenDisabled >= 3);

        for (var i = 0; i < 3; i++)
        {
            await NextHourAsync();
        }

        Assert.Equal(attemptsWhenDisabled, harness.Sender.Attempts["gone"]);
        Assert.Equal(hours, harness.Sender.SentTo("ok").Count);
        Assert.Empty(harness.Sender.SentTo("gone"));
        Assert.Single(harness.Sender.SentTo("admins"));
        Assert.Empty(await ((IDigestOutbox)harness.Store).GetUnsentAsync(CancellationToken.None));
        Assert.False((await ((IDigestSubscriptionStore)harness.Store).GetAsync("config:good", CancellationToken.None))!.Disabled);
    }

    [Fact]
    public async Task A_send_that_hangs_times_out_as_a_failed_attempt_and_does_not_hold_up_another_target()
    {
        await using var harness = new DigestHarness(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        ((MutableCorpus)harness.Corpus).Add("a1", DigestTestData.Topic(1), harness.Time.GetUtcNow());
        harness.Sender.HangingChats.Add("slow");
        var schedules = DigestHarness.Schedule("fast", "0 * * * *", "ok");
        foreach (var (key, value) in DigestHarness.Schedule("slow", "0 * * * *", "slow", index: 1))
        {
            schedules[key] = value;
        }

        await harness.StartAsync(Settings(schedules, refresh: "00:30:00", ("Digest:SendTimeout", "00:05:00")));

        // 01:00: both are sent in parallel; the fast target is served while the slow one hangs.
        await harness.StepAsync(TimeSpan.FromMinutes(30));
        harness.Time.Advance(TimeSpan.FromMinutes(30)); // no idle to wait for: the pass blocks on the hanging send
        while (await harness.Sender.AttemptStarted.Reader.ReadAsync().AsTask().WaitAsync(DigestHarness.Patience) != "slow")
        {
        }

        Assert.Single(harness.Sender.SentTo("ok"));
        var idle = harness.Scheduler!.Idle.Next();
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await idle.WaitAsync(DigestHarness.Patience);

        var entry = await ((IDigestOutbox)harness.Store).GetAsync(
            DigestScheduler.OccurrenceKey("config:slow", new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero)), CancellationToken.None);
        Assert.NotNull(entry);
        Assert.Equal(1, entry.Attempts);
        Assert.Null(entry.SentAt);
    }

    [Fact]
    public async Task Nothing_new_means_no_post_and_each_digest_holds_only_what_is_new_for_that_target()
    {
        await using var harness = new DigestHarness(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var corpus = (MutableCorpus)harness.Corpus;
        for (var i = 0; i < 7; i++)
        {
            corpus.Add($"old{i}", DigestTestData.Topic(i), harness.Time.GetUtcNow().AddDays(-i - 1), date: $"2026-05-{20 + i}");
        }

        await harness.StartAsync(Settings(DigestHarness.Schedule("hourly", "0 * * * *", "c", zone: "UTC", language: "en")));
        await harness.StepAsync(TimeSpan.FromHours(1));

        // First digest: the most recent MaxArticles (5), newest first.
        var first = Assert.Single(harness.Sender.Sent);
        Assert.Equal(["old6", "old5", "old4", "old3", "old2"], first.Reply.Citations.Select(c => c.ArticleId));

        await harness.StepAsync(TimeSpan.FromHours(1));
        Assert.Single(harness.Sender.Sent);

        corpus.Add("new1", DigestTestData.Topic(3) + " update", harness.Time.GetUtcNow());
        await harness.StepAsync(TimeSpan.FromHours(1));
        Assert.Equal(2, harness.Sender.Sent.Count);
        Assert.Equal(["new1"], harness.Sender.Sent.Last().Reply.Citations.Select(c => c.ArticleId));
    }

    [Fact]
    public void Cron_in_Berlin_neither_skips_nor_doubles_an_occurrence_in_the_shifted_hour()
    {
        Assert.True(CronSchedule.TryCreate("30 2 * * *", "Europe/Berlin", out var schedule, out _));

        // 02:30 does not exist on 29 March: it fires once, at the first instant after the gap.
        var spring = schedule.Between(new DateTimeOffset(2026, 3, 27, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)).ToList();
        Assert.Equal(5, spring.Count);
        Assert.Equal(5, spring.Select(o => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o, Berlin).DateTime)).Distinct().Count());

        // 02:30 happens twice on 25 October: it fires once.
        var autumn = schedule.Between(new DateTimeOffset(2026, 10, 23, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 28, 0, 0, 0, TimeSpan.Zero)).ToList();
        Assert.Equal(5, autumn.Count);
        Assert.Equal(5, autumn.Select(o => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o, Berlin).DateTime)).Distinct().Count());
    }

    [Theory]
    [InlineData("Digest:Schedules:0:Cron", "61 7 * * *", "Digest:Schedules:0:Cron")]
    [InlineData("Digest:Schedules:0:TimeZone", "Europe/Atlantis", "Digest:Schedules:0:TimeZone")]
    [InlineData("Digest:Schedules:0:Language", "fr", "Digest:Schedules:0:Language")]
    public void A_bad_schedule_stops_the_start_naming_its_key(string key, string value, string named)
    {
        var settings = DigestHarness.Schedule("morning", "0 7 * * *", "newsroom");
        settings[key] = value;
        using var services = new DigestHarness(DateTimeOffset.UnixEpoch).Build(settings);
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DigestOptions>>().Value);
        var line = Assert.Single(error.Failures);
        Assert.StartsWith(named, line, StringComparison.Ordinal);
    }
}
