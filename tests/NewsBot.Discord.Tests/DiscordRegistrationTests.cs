using NewsBot.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Discord.Adapter;
using NewsBot.Discord.Client;
using NewsBot.Discord.Tests.Fakes;

namespace NewsBot.Discord.Tests;

public sealed class DiscordRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IChatPipeline>(new FakePipeline());
        services.AddInMemoryState();
        services.AddDiscord(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void WithoutATokenNothingStartsAndNoSenderIsRegistered()
    {
        using var provider = Build([]);

        Assert.Empty(provider.GetServices<IHostedService>().OfType<DiscordBotService>());
        Assert.Empty(provider.GetServices<IChatSender>());
        Assert.False(provider.GetRequiredService<IOptions<DiscordOptions>>().Value.IsEnabled);
    }

    [Fact]
    public void WithATokenTheServiceAndTheDiscordSenderAreRegistered()
    {
        using var provider = Build(new() { ["Discord:BotToken"] = "abc.def" });

        Assert.Single(provider.GetServices<IHostedService>().OfType<DiscordBotService>());
        Assert.Equal(Platforms.Discord, Assert.Single(provider.GetServices<IChatSender>()).Platform);
        Assert.Equal(GatewayIntents.Default, provider.GetRequiredService<DiscordGatewayClient>().Intents);
    }

    [Fact]
    public void TheMessageContentIntentSettingReachesIdentify()
    {
        using var provider = Build(new() { ["Discord:BotToken"] = "abc.def", ["Discord:MessageContentIntent"] = "true" });

        Assert.Equal(4609 | 32768, provider.GetRequiredService<DiscordGatewayClient>().Intents);
    }

    [Theory]
    [InlineData("Discord:ApiBaseUrl", "not a url")]
    [InlineData("Discord:ApiBaseUrl", "ftp://discord.example/api")]
    [InlineData("Discord:GuildId", "my-guild")]
    [InlineData("Discord:BotToken", "two words")]
    public void ABadSettingFailsWithOneLineNamingTheKey(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("two words", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APastedBotPrefixIsRemovedFromTheToken() =>
        Assert.Equal("abc.def", new DiscordOptions { BotToken = " Bot abc.def " }.Token);

    [Fact]
    public async Task TheHostRefusesToStartWithABadSettingAndNamesTheKey()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Discord:GuildId"] = "not-a-snowflake" });
        builder.Services.AddSingleton<IChatPipeline>(new FakePipeline());
        builder.Services.AddInMemoryState();
        builder.Services.AddDiscord(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Discord:GuildId", error.Message, StringComparison.Ordinal);
    }
}
