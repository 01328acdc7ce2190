using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsBot.Core.State;
using NewsBot.Sources.Tests.Fakes;
using NewsBot.Sources.Tests.Pages;

namespace NewsBot.Sources.Tests;

/// <summary>Several instances on one store and one corpus folder: only the holder of the feeds lease fetches.</summary>
public sealed class FeedLeaderTests
{
    [Fact]
    public async Task Only_the_lease_holder_fetches_and_another_instance_takes_over_when_it_stops()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/leipzig/stadtbibliothek-mitternacht-100.html", SitePages.German);
        var rss = SitePages.Rss(("Stadtbibliothek öffnet bis Mitternacht", site.Url("/leipzig/stadtbibliothek-mitternacht-100.html"), "Kurz."));
        var fetches = Channel.CreateUnbounded<int>();
        var count = 0;
        site.Map("/rss.xml", async context =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(rss);
            fetches.Writer.TryWrite(Interlocked.Increment(ref count));
        });
        var leases = new WatchedLeases(new InMemoryLeaseStore());
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Feeds:0:Name"] = "Rundschau",
            ["Corpus:Feeds:0:Url"] = site.Url("/rss.xml"),
            ["Corpus:Feeds:0:Interval"] = "00:30:00",
        };
        await using var first = SourcesHarness.Create(settings, s => s.AddSingleton<ILeaseStore>(leases).AddSingleton(new InstanceIdentity("first")));
        await using var second = SourcesHarness.Create(settings, s => s.AddSingleton<ILeaseStore>(leases).AddSingleton(new InstanceIdentity("second")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var firstPoller = Polling(first);
        var secondPoller = Polling(second);

        await firstPoller.StartAsync(timeout.Token);
        await leases.WaitForAsync("first", held: true, timeout.Token);
        Assert.Equal(1, await fetches.Reader.ReadAsync(timeout.Token));

        await secondPoller.StartAsync(timeout.Token);
        await leases.WaitForAsync("second", held: false, timeout.Token);
        Assert.Equal(1, Volatile.Read(ref count));

        // The holder stops (and gives the lease up); at its next try the other takes over and fetches.
        await firstPoller.StopAsync(timeout.Token);
        second.Time.Advance(LeaderLeaseTimings.Default.RenewInterval);
        await leases.WaitForAsync("second", held: true, timeout.Token);
        Assert.Equal(2, await fetches.Reader.ReadAsync(timeout.Token));
        await secondPoller.StopAsync(timeout.Token);
    }

    private static FeedPollingService Polling(SourcesHarness harness) =>
        harness.Services.GetServices<IHostedService>().OfType<FeedPollingService>().Single();

    /// <summary>The shared lease store, reporting each attempt: who tried and whether they hold the lease.</summary>
    private sealed class WatchedLeases(ILeaseStore inner) : ILeaseStore
    {
        private readonly Channel<(string Owner, bool Held)> _attempts = Channel.CreateUnbounded<(string, bool)>();

        public async Task<bool> TryAcquireAsync(string name, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
        {
            var held = await inner.TryAcquireAsync(name, owner, now, until, cancellationToken);
            _attempts.Writer.TryWrite((owner, held));
            return held;
        }

        public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken) => inner.ReleaseAsync(name, owner, cancellationToken);

        public async Task WaitForAsync(string owner, bool held, CancellationToken cancellationToken)
        {
            while (await _attempts.Reader.ReadAsync(cancellationToken) != (owner, held))
            {
            }
        }
    }
}
