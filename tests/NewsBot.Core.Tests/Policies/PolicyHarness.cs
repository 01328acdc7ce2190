using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Core.Answers;

using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Tests.Policies;

/// <summary>The real core pipeline with fake time and, unless told otherwise, a gated fake answer engine.</summary>
internal sealed class PolicyHarness : IDisposable
{
    private static readonly TestCorpus Seed = TestCorpus.From(TestCorpus.Seed());

    private PolicyHarness(ServiceProvider services, FakeTimeProvider time, GatedAnswerEngine? engine)
    {
        Services = services;
        Time = time;
        Engine = engine!;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>The fake engine (null when the harness uses the real extractive engine).</summary>
    public GatedAnswerEngine Engine { get; }

    public IChatPipeline Pipeline => Services.GetRequiredService<IChatPipeline>();

    public static PolicyHarness Create(Dictionary<string, string?>? settings = null, bool realEngine = false, Action<IServiceCollection>? configure = null, ICorpusProvider? corpus = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddNewsBotCore(configuration).AddInMemoryState();
        services.AddSingleton(corpus ?? Seed);
        GatedAnswerEngine? engine = null;
        if (realEngine)
        {
            services.AddExtractiveAnswers();
        }
        else
        {
            engine = new GatedAnswerEngine();
            services.AddSingleton<IAnswerEngine>(engine);
            services.AddSingleton<IQueryExpander, NoQueryExpansion>();
        }

        configure?.Invoke(services);
        return new PolicyHarness(services.BuildServiceProvider(), time, engine);
    }

    public Task<Reply> Send(
        string text,
        string user = "u1",
        string chat = "c1",
        string platform = Platforms.Telegram,
        bool group = false,
        bool platformAdmin = false,
        string? guild = null,
        string? locale = null,
        CancellationToken cancellationToken = default) =>
        Pipeline.HandleAsync(
            new ChatRequest
            {
                Platform = platform,
                ChatId = chat,
                UserId = user,
                Text = text,
                IsGroup = group,
                IsPlatformAdmin = platformAdmin,
                GuildId = guild,
                UserLocale = locale,
            },
            null,
            cancellationToken);

    public void Dispose() => Services.Dispose();
}

/// <summary>Waits for a task with a timeout, so a broken test fails instead of hanging.</summary>
internal static class Wait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Timeout);

    public static Task Within(this Task task) => task.WaitAsync(Timeout);
}
