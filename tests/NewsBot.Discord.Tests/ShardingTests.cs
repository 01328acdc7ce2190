using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Chat;
using NewsBot.Core.State;
using NewsBot.Discord.Adapter;
using NewsBot.Discord.Client;
using NewsBot.Discord.Tests.Fakes;
using NewsBot.Storage;
using NewsBot.Storage.Tests.Fakes;

namespace NewsBot.Discord.Tests;

/// <summary>Shards split over processes: IDENTIFY with the shard array, one IDENTIFY per bucket per interval across processes.</summary>
public sealed class ShardingTests
{
    [Theory]
    [InlineData(1, null, new[] { 0 })]
    [InlineData(8, "0-3", new[] { 0, 1, 2, 3 })]
    [InlineData(8, "6, 1,2-3", new[] { 1, 2, 3, 6 })]
    [InlineData(4, "", new[] { 0, 1, 2, 3 })]
    public void Shards_name_the_ids_this_process_runs(int count, string? shards, int[] expected)
    {
        Assert.Equal(expected, new DiscordOptions { ShardCount = count, Shards = shards }.ShardIds());
    }

    [Theory]
    [InlineData(8, "6-9")]
    [InlineData(8, "3-1")]
    [InlineData(8, "a")]
    [InlineData(0, null)]
    public void Impossible_shards_stop_the_start_naming_the_keys(int count, string? shards)
    {
        var result = new DiscordOptionsValidator().Validate(null, new DiscordOptions { ShardCount = count, Shards = shards });

        Assert.True(result.Failed);
        Assert.Contains("Discord:Shards / ShardCount", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_processes_identify_their_own_shards_one_at_a_time_and_only_shard_0_registers_commands()
    {
        using var db = new PostgresTestStore();
        await using var fake = await FakeDiscord.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var timings = GatewayHarness.FastTimings with { IdentifyInterval = TimeSpan.FromSeconds(5) };
        var leasesOfB = new ObservedLeases();

        await using var a = Process(fake, db, time, timings, "0", null);
        await using var b = Process(fake, db, time, timings, "1", leasesOfB);
        await a.GetServices<IHostedService>().OfType<DiscordBotService>().Single().StartAsync(CancellationToken.None);
        var first = await fake.NextConnectionAsync(TimeSpan.FromSeconds(30));
        var identifyA = await first.ReceiveOpAsync(2, TimeSpan.FromSeconds(30));
        Assert.Equal([0, 2], identifyA.GetProperty("d").GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));

        // The second process finds bucket 0's IDENTIFY slot taken (max_concurrency 1) and waits until it runs out.
        await b.GetServices<IHostedService>().OfType<DiscordBotService>().Single().StartAsync(CancellationToken.None);
        await leasesOfB.Refused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, fake.ConnectionCount);
        time.Advance(timings.IdentifyInterval);

        var second = await fake.NextConnectionAsync(TimeSpan.FromSeconds(30));
        var identifyB = await second.ReceiveOpAsync(2, TimeSpan.FromSeconds(30));
        Assert.Equal([1, 2], identifyB.GetProperty("d").GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));

        await second.SendReadyAsync(fake.ResumeUrl, sessionId: "session-b");
        await first.SendReadyAsync(fake.ResumeUrl, sessionId: "session-a");
        var registered = await fake.WaitForRequestsAsync(r => r.Any(x => x.Method == "PUT"), TimeSpan.FromSeconds(30));
        Assert.Single(registered, r => r.Method == "PUT");

        await a.GetServices<IHostedService>().OfType<DiscordBotService>().Single().StopAsync(CancellationToken.None);
        await b.GetServices<IHostedService>().OfType<DiscordBotService>().Single().StopAsync(CancellationToken.None);
    }

    private static ServiceProvider Process(FakeDiscord fake, PostgresTestStore db, TimeProvider time, DiscordTimings timings, string shards, ObservedLeases? observed)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = GatewayHarness.Token,
            ["Discord:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Discord:ShardCount"] = "2",
            ["Discord:Shards"] = shards,
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = db.ConnectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(time);
        services.AddSingleton<IChatPipeline>(new FakePipeline());
        services.AddStorage(configuration);
        observed?.Decorate(services);
        services.AddDiscord(configuration);
        services.AddSingleton(timings);
        return services.BuildServiceProvider();
    }

    /// <summary>The registered lease store, signalling the first refused lease.</summary>
    private sealed class ObservedLeases : ILeaseStore
    {
        private ILeaseStore _inner = null!;

        public TaskCompletionSource Refused { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Decorate(IServiceCollection services)
        {
            var registered = services.Last(d => d.ServiceType == typeof(ILeaseStore));
            services.Remove(registered);
            services.AddSingleton<ILeaseStore>(sp =>
            {
                _inner = (ILeaseStore)registered.ImplementationFactory!(sp);
                return this;
            });
        }

        public async Task<bool> TryAcquireAsync(string name, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
        {
            var taken = await _inner.TryAcquireAsync(name, owner, now, until, cancellationToken);
            if (!taken)
            {
                Refused.TrySetResult();
            }

            return taken;
        }

        public Task ReleaseAsync(string name, string owner, CancellationToken cancellationToken) => _inner.ReleaseAsync(name, owner, cancellationToken);
    }
}
