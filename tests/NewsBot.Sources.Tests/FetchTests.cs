using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using NewsBot.Sources.Tests.Fakes;
using NewsBot.Sources.Tests.Pages;

namespace NewsBot.Sources.Tests;

public sealed class FetchTests
{
    [Fact]
    public async Task A_response_over_the_size_cap_is_refused()
    {
        await using var site = await FakeNewsSite.StartAsync();
        var huge = new string('x', 300_000);
        // Streamed without a Content-Length, so the cap must hold while reading, not only on the header.
        site.Map("/huge", async context =>
        {
            context.Response.ContentType = "text/html";
            for (var i = 0; i < 10; i++)
            {
                await context.Response.WriteAsync(huge);
                await context.Response.Body.FlushAsync();
            }
        });
        await using var harness = SourcesHarness.Create(new Dictionary<string, string?> { ["Sources:MaxResponseBytes"] = "1048576" });

        var error = await Assert.ThrowsAsync<FetchException>(() => harness.Get<PageFetcher>().FetchAsync(new Uri(site.Url("/huge"))));

        Assert.Contains("over the limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        await using var site = await FakeNewsSite.StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        site.Map("/slow", async context =>
        {
            // Holds the response until the client gives up (the request is aborted) or the test ends.
            await Task.WhenAny(release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
        });
        await using var harness = SourcesHarness.Create(new Dictionary<string, string?> { ["Sources:TimeoutSeconds"] = "1" });

        var error = await Assert.ThrowsAsync<FetchException>(() => harness.Get<PageFetcher>().FetchAsync(new Uri(site.Url("/slow"))));

        release.SetResult();
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirects_are_followed_and_a_loop_is_refused()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/news/harbour-ferry-returns", SitePages.English);
        site.Status("/short/1", 301, r => r.Headers.Location = "/news/harbour-ferry-returns");
        site.Status("/loop/a", 302, r => r.Headers.Location = "/loop/b");
        site.Status("/loop/b", 302, r => r.Headers.Location = "/loop/a");
        await using var harness = SourcesHarness.Create();
        var fetcher = harness.Get<PageFetcher>();

        var page = await fetcher.FetchAsync(new Uri(site.Url("/short/1")));
        var error = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new Uri(site.Url("/loop/a"))));

        Assert.Equal(site.Url("/news/harbour-ferry-returns"), page.Url.AbsoluteUri);
        Assert.Contains("redirect loop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_a_private_address_is_refused_when_private_networks_are_not_allowed()
    {
        await using var site = await FakeNewsSite.StartAsync();
        await using var harness = SourcesHarness.Create(new Dictionary<string, string?> { ["Sources:AllowPrivateNetworks"] = "false" });

        var error = await Assert.ThrowsAsync<SourceRefusedException>(() => harness.Get<PageFetcher>().FetchAsync(new Uri(site.Url("/anything"))));

        Assert.Contains("private-network", error.Message, StringComparison.Ordinal);
        Assert.Empty(site.Requests);
    }

    [Fact]
    public async Task A_gzip_page_is_decompressed()
    {
        await using var site = await FakeNewsSite.StartAsync();
        using var packed = new MemoryStream();
        await using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(SitePages.English.Replace("{BASE}", site.BaseUrl, StringComparison.Ordinal)));
        }

        var body = packed.ToArray();
        site.Map("/gz", async context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(body);
        });
        await using var harness = SourcesHarness.Create();

        var page = await harness.Get<PageImporter>().ExtractAsync(new Uri(site.Url("/gz")), CancellationToken.None);

        Assert.Equal("Harbour ferry returns after two years of repairs", page.Title);
        Assert.Equal("Jane Doe", page.Author);
        Assert.Equal("2025-02-18", page.Date);
        Assert.Equal("en", page.Language);
        Assert.Equal(site.Url("/news/harbour-ferry-returns"), page.Url);
        Assert.StartsWith("The harbour ferry between Northport", page.Text, StringComparison.Ordinal);
        Assert.Contains("Repairs cost twice the estimate", page.Text, StringComparison.Ordinal);
        Assert.EndsWith("would stay at last year's level until the summer.", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Advertisement", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Share on", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Bus timetable", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribe", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_request_to_the_same_host_waits_for_the_per_host_interval()
    {
        await using var site = await FakeNewsSite.StartAsync();
        site.Serve("/a", SitePages.English);
        site.Serve("/b", SitePages.English);
        await using var harness = SourcesHarness.Create(new Dictionary<string, string?> { ["Sources:PerHostInterval"] = "00:00:10" });
        var fetcher = harness.Get<PageFetcher>();

        await fetcher.FetchAsync(new Uri(site.Url("/a")));
        var second = fetcher.FetchAsync(new Uri(site.Url("/b")));

        // The fake clock has not moved: the second request must still be waiting, not sent.
        Assert.False(second.IsCompleted);
        Assert.Equal(0, site.CountOf("/b"));
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, site.CountOf("/b"));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.20.0.5")]
    [InlineData("192.168.178.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:192.168.0.1")]
    public void Local_and_private_addresses_are_private(string address) => Assert.True(UrlGuard.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void Public_addresses_are_not(string address) => Assert.False(UrlGuard.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("file:///etc/passwd", "file://")]
    [InlineData("ftp://example.org/a", "ftp://")]
    [InlineData("not a url", "not an absolute URL")]
    public void Only_http_and_https_urls_are_accepted(string url, string expected) =>
        Assert.Contains(expected, Assert.Throws<SourceRefusedException>(() => UrlGuard.Parse(url)).Message, StringComparison.Ordinal);
}
