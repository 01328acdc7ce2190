using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NewsBot.Ai;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.State;
using NewsBot.Core.Telemetry;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Ops;

/// <summary>The corpus is loaded (and how many articles it has).</summary>
public sealed class CorpusHealthCheck(FileCorpusProvider corpus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(corpus.Loaded is { } snapshot
            ? snapshot.Articles.Count > 0
                ? HealthCheckResult.Healthy($"{snapshot.Articles.Count} articles loaded", Data(snapshot.Articles.Count))
                : HealthCheckResult.Degraded("the corpus folder has no readable articles: questions get the empty-corpus reply", data: Data(0))
            : HealthCheckResult.Unhealthy("the corpus is not loaded yet"));

    private static Dictionary<string, object> Data(int articles) => new() { ["articles"] = articles };
}

/// <summary>The store answers a read (any provider: it goes through the store's own interface).</summary>
public sealed class StoreHealthCheck(IKeyValueStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.GetAsync("newsbot:health-probe", cancellationToken);
            return HealthCheckResult.Healthy("the store answers");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The type only: a driver's message may name a file path or a server with its credentials.
            return HealthCheckResult.Unhealthy($"the store does not answer: {ex.GetType().Name}");
        }
    }
}

/// <summary>Each configured platform adapter is connected.</summary>
public sealed class PlatformsHealthCheck(IEnumerable<PlatformStatus> platforms, SecretRedactor redactor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var all = platforms.ToList();
        var data = all.ToDictionary(p => p.Platform, p => (object)(p.Connected ? "connected" : redactor.Redact(p.Reason ?? "not connected")));
        var down = all.Where(p => !p.Connected).ToList();
        return Task.FromResult(
            all.Count == 0 ? HealthCheckResult.Healthy("no platform configured (console chat)", data)
            : down.Count == 0 ? HealthCheckResult.Healthy(string.Join(", ", all.Select(p => p.Platform)) + " connected", data)
            : HealthCheckResult.Unhealthy(string.Join("; ", down.Select(p => $"{p.Platform}: {redactor.Redact(p.Reason ?? "not connected")}")), data: data));
    }
}

/// <summary>
/// The model answers, or the extractive engine stands in: with no model configured this is healthy; after a model
/// failure it is degraded (answers still come, from the extractive fallback) until a call succeeds again.
/// </summary>
public sealed class LlmHealthCheck(IOptions<LlmOptions> options, LlmCircuit? circuit = null) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var llm = options.Value;
        if (llm.ParsedProvider == LlmProvider.Extractive || circuit is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy("extractive engine (no model configured)", new Dictionary<string, object> { ["backend"] = "extractive" }));
        }

        var data = new Dictionary<string, object> { ["backend"] = "llm", ["provider"] = llm.ParsedProvider.ToString(), ["model"] = llm.ModelName };
        return Task.FromResult(circuit.LastFailure is { } cause
            ? HealthCheckResult.Degraded($"the model failed ({cause}); answers come from the extractive fallback until it works again", data: data)
            : HealthCheckResult.Healthy(circuit.HasSucceeded ? "the model answers" : "the model is configured and not yet called", data));
    }
}

/// <summary>Not ready once the host is stopping: a load balancer stops sending work while answers in flight finish.</summary>
public sealed class StoppingHealthCheck(Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("stopping: answers in flight are being finished")
            : HealthCheckResult.Healthy("running"));
}
