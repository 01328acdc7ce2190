using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsBot.Ai;
using NewsBot.Cli;
using NewsBot.Core;
using NewsBot.Core.Answers;
using NewsBot.Core.Digests;
using NewsBot.Core.State;
using NewsBot.Discord;
using NewsBot.Ops;
using NewsBot.Sources;
using NewsBot.Storage;
using NewsBot.Telegram;
using NewsBot.Tests.Shared;

namespace NewsBot.Tests;

/// <summary>The executable's composition: every verb's container builds with validation, and every AddXyz only adds.</summary>
public sealed class CompositionTests
{
    private static readonly Type[] OneOwner =
    [
        typeof(IAnswerEngine), typeof(IQueryExpander), typeof(IChatSettingsStore), typeof(IConversationStore), typeof(IKeyValueStore),
        typeof(IDigestSubscriptionStore), typeof(IDigestOutbox), typeof(IDigestHistoryStore), typeof(IAnswerLog), typeof(ILeaseStore),
        typeof(IDigestAdminCheck), typeof(NewsBot.Core.Chat.IChatPipeline),
    ];

    public static TheoryData<string, bool> Verbs => new()
    {
        { "run", false },
        { "run", true },
        { "ask", false },
        { "ask", true },
        { "who", false },
        { "ingest", false },
        { "stats", false },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Every_verb_builds_a_validated_container_with_one_owner_of_each_choice(string verb, bool platformsAndModel)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Corpus:Path"] = TestPaths.SampleCorpus,
            ["Storage:ConnectionString"] = Path.Combine(TestPaths.NewTempFolder(), "bot.db"),
        };
        if (platformsAndModel)
        {
            settings["Telegram:BotToken"] = "7700123456:AAFakeTokenForTests_abcdefghijklmnop-XYZ";
            settings["Discord:BotToken"] = "fake.discord.token";
            settings["Llm:Provider"] = "OpenAI";
            settings["Llm:Endpoint"] = "http://127.0.0.1:9/v1";
            settings["Llm:Model"] = "test-model";
        }

        var cli = CliArguments.Parse(verb == "ask" ? [verb, "Was kostet das Pilotprojekt?"] : [verb]);
        Assert.Null(cli.Error);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        builder.Configuration.AddInMemoryCollection(settings);
        NewsBotComposition.Compose(builder, cli);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));

        using var host = builder.Build();

        foreach (var type in OneOwner.Where(t => t != typeof(IDigestAdminCheck) || verb == "run"))
        {
            Assert.True(
                builder.Services.Count(d => d.ServiceType == type && !d.IsKeyedService) == 1,
                $"{verb}: {type.Name} is registered {builder.Services.Count(d => d.ServiceType == type && !d.IsKeyedService)} times");
        }
    }

    [Fact]
    public void No_AddXyz_removes_or_replaces_what_was_registered_before()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "7700123456:AAFakeTokenForTests_abcdefghijklmnop-XYZ",
            ["Discord:BotToken"] = "fake.discord.token",
            ["Llm:Provider"] = "OpenAI",
            ["Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Llm:Model"] = "test-model",
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Database=none",
        }).Build();
        var services = new ServiceCollection();
        Action<IServiceCollection>[] steps =
        [
            s => s.AddNewsBotCore(configuration),
            s => s.AddLlm(configuration),
            s => s.AddSources(configuration),
            s => s.AddStorage(configuration),
            s => s.AddCorpusWatcher(configuration),
            s => s.AddDigests(configuration),
            s => s.AddTelegram(configuration),
            s => s.AddDiscord(configuration),
            s => s.AddOperations(configuration),
        ];

        foreach (var step in steps)
        {
            var before = services.ToList();
            step(services);
            Assert.All(before, d => Assert.Contains(d, services));
        }
    }
}
