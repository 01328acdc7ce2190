using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace NewsBot.Sources.Tests.Fakes;

/// <summary>One request the site received.</summary>
public sealed record SiteRequest(string Path, string? IfNoneMatch, string? IfModifiedSince);

/// <summary>
/// A loopback news site on Kestrel (127.0.0.1, a free port): each path answers with a handler the test sets, so one
/// site can serve feeds, article pages, errors, redirects and slow or huge responses. Every request is recorded.
/// </summary>
public sealed class FakeNewsSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SiteRequest> _requests = new();

    private FakeNewsSite(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<SiteRequest> Requests => _requests.ToList();

    public static async Task<FakeNewsSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new FakeNewsSite(app);
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            site._requests.Enqueue(new SiteRequest(path, context.Request.Headers.IfNoneMatch.FirstOrDefault(), context.Request.Headers.IfModifiedSince.FirstOrDefault()));
            if (site._routes.TryGetValue(path, out var handler))
            {
                await handler(context);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        });
        await app.StartAsync();
        site.BaseUrl = app.Urls.First().TrimEnd('/');
        return site;
    }

    public string Url(string path) => BaseUrl + path;

    public void Map(string path, Func<HttpContext, Task> handler) => _routes[path] = handler;

    /// <summary>Serves text with {BASE} replaced by the site's address; with an ETag, a matching If-None-Match gets 304.</summary>
    public void Serve(string path, string body, string contentType = "text/html; charset=utf-8", string? etag = null) =>
        Map(path, async context =>
        {
            if (etag is not null)
            {
                context.Response.Headers.ETag = etag;
                if (context.Request.Headers.IfNoneMatch == etag)
                {
                    context.Response.StatusCode = 304;
                    return;
                }
            }

            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body.Replace("{BASE}", BaseUrl, StringComparison.Ordinal));
        });

    public void ServeBytes(string path, byte[] body, string contentType) =>
        Map(path, async context =>
        {
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(body);
        });

    public void Status(string path, int status, Action<HttpResponse>? headers = null) =>
        Map(path, context =>
        {
            context.Response.StatusCode = status;
            headers?.Invoke(context.Response);
            return Task.CompletedTask;
        });

    public int CountOf(string path) => _requests.Count(r => r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
