using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NewsBot.Core.Telemetry;
using NewsBot.Sources.Tests.Fakes;
using NewsBot.Sources.Tests.Pages;

namespace NewsBot.Sources.Tests;

public sealed class FeedMetricsTests
{
    [Fact]
    public async Task Feed_fetches_and_new_articles_are_counted_by_outcome()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/news/harbour-ferry-returns", SitePages.English);
        site.Serve("/feed.xml", SitePages.Rss(("Harbour ferry returns", site.Url("/news/harbour-ferry-returns"), null)), "application/rss+xml", etag: "\"v1\"");
        site.Status("/broken.xml", 500);
        var feed = site.Url("/feed.xml");
        var broken = site.Url("/broken.xml");
        await using var harness = SourcesHarness.Create(new Dictionary<string, string?>
        {
            ["Corpus:Feeds:0:Name"] = "Herald",
            ["Corpus:Feeds:0:Url"] = feed,
            ["Corpus:Feeds:0:Interval"] = "00:30:00",
            ["Corpus:Feeds:1:Name"] = "Broken",
            ["Corpus:Feeds:1:Url"] = broken,
            ["Corpus:Feeds:1:Interval"] = "00:30:00",
        });

        // Other tests fetch feeds in parallel in this process: count only this test's feeds' fetches, by their poller.
        var fetches = new ConcurrentQueue<string>();
        long articles = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // By name: the instruments may be created (and published) while this very check first touches the class.
            if (instrument.Meter.Name == NewsBotTelemetry.Name && instrument.Name is "newsbot.feed.fetches" or "newsbot.feed.articles")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        var poller = harness.Get<FeedPoller>();
        var polling = new AsyncLocal<bool>();
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (!polling.Value)
            {
                return;
            }

            if (instrument.Name == "newsbot.feed.articles")
            {
                Interlocked.Add(ref articles, value);
                return;
            }

            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    fetches.Enqueue((string)tag.Value!);
                }
            }
        });
        listener.Start();

        polling.Value = true;
        await poller.PollDueAsync(CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(31));
        await poller.PollAsync(harness.Get<Microsoft.Extensions.Options.IOptions<FeedsOptions>>().Value.Feeds[0], CancellationToken.None);
        polling.Value = false;

        Assert.Equal(["ok", "failed", "not_modified"], fetches.ToArray());
        Assert.Equal(1, Interlocked.Read(ref articles));
    }
}
