using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Storage.Sqlite;

namespace NewsBot.Storage.Tests;

public sealed class RegistrationTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsbot-storage-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task AddStorage_registers_the_sqlite_stores_and_settings_survive_a_host_restart()
    {
        var path = Path.Combine(_folder, "bot.db");
        var chat = new ChatKey("telegram", "5");

        using (var host = BuildHost(new() { ["Storage:ConnectionString"] = path }))
        {
            await host.StartAsync(None);
            Assert.True(File.Exists(path));
            Assert.IsType<SqliteStateStore>(host.Services.GetRequiredService<IChatSettingsStore>());
            Assert.IsType<SqliteStateStore>(host.Services.GetRequiredService<IConversationStore>());
            Assert.IsType<SqliteStateStore>(host.Services.GetRequiredService<IKeyValueStore>());
            Assert.IsType<SqliteDigestStore>(host.Services.GetRequiredService<IDigestSubscriptionStore>());
            Assert.IsType<SqliteDigestStore>(host.Services.GetRequiredService<IDigestOutbox>());
            Assert.IsType<SqliteDigestStore>(host.Services.GetRequiredService<IDigestHistoryStore>());
            Assert.Single(host.Services.GetServices<IChatSettingsStore>());

            await host.Services.GetRequiredService<IChatSettingsStore>().SetAsync(chat, new ChatSettings { Language = Language.German }, None);
            await host.StopAsync(None);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var host = BuildHost(new() { ["Storage:ConnectionString"] = $"Data Source={path}" }))
        {
            await host.StartAsync(None);
            Assert.Equal(Language.German, (await host.Services.GetRequiredService<IChatSettingsStore>().GetAsync(chat, None)).Language);
            await host.StopAsync(None);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AddStorage_with_the_core_gives_one_store_per_state_interface_whichever_is_called_first(bool storageFirst)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = Path.Combine(_folder, "order.db") })
            .Build();
        var services = new ServiceCollection();
        if (storageFirst)
        {
            services.AddStorage(configuration);
            services.AddNewsBotCore(configuration);
        }
        else
        {
            services.AddNewsBotCore(configuration);
            services.AddStorage(configuration);
        }

        using var provider = services.BuildServiceProvider();
        Assert.Single(services, d => d.ServiceType == typeof(IChatSettingsStore));
        Assert.Single(services, d => d.ServiceType == typeof(IKeyValueStore));

        Assert.IsType<SqliteStateStore>(provider.GetRequiredService<IChatSettingsStore>());
        Assert.IsType<SqliteStateStore>(provider.GetRequiredService<IConversationStore>());
        Assert.IsType<SqliteStateStore>(provider.GetRequiredService<IKeyValueStore>());
        Assert.IsType<StorageInitializer>(provider.GetServices<IHostedService>().First());
    }

    [Fact]
    public async Task A_corrupt_database_stops_the_host_start_before_other_services_start()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "broken.db");
        await File.WriteAllTextAsync(path, new string('x', 5000));
        var probe = new StartProbe();

        using var host = BuildHost(new() { ["Storage:ConnectionString"] = path }, services => services.AddSingleton<IHostedService>(probe));

        var error = await Assert.ThrowsAsync<StorageStartupException>(() => host.StartAsync(None));
        Assert.Equal($"Storage: cannot open database '{path}': file is not a database", error.Message);
        Assert.False(probe.Started);
    }

    [Theory]
    [InlineData("MySql", "Storage:Provider 'MySql' is not supported")]
    [InlineData("", "Storage:Provider '' is not supported")]
    public async Task An_unknown_provider_stops_the_start_with_a_message_naming_the_key(string provider, string expected)
    {
        using var host = BuildHost(new() { ["Storage:Provider"] = provider, ["Storage:ConnectionString"] = Path.Combine(_folder, "x.db") });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Data Source=:memory:", "Storage:ConnectionString")]
    [InlineData("Mode=Memory;Data Source=x", "Storage:ConnectionString")]
    [InlineData("Data Source=", "Storage:ConnectionString")]
    [InlineData("NoSuchKeyword=1", "Storage:ConnectionString")]
    public void Unusable_connection_strings_are_rejected_naming_the_key(string connectionString, string key)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_name_is_case_insensitive_and_the_defaults_are_valid()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = "sqlite", ConnectionString = Path.Combine(_folder, "x.db") });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void The_default_database_lives_in_the_data_folder()
    {
        var fromEnvironment = DataFolder.Resolve(name => name == "NEWSBOT_DATA" ? "/srv/newsbot" : "/ignored");
        var fromXdg = DataFolder.Resolve(name => name == "XDG_DATA_HOME" ? "/home/u/.data" : null);
        var fallback = DataFolder.Resolve(_ => null);

        Assert.Equal(Path.GetFullPath("/srv/newsbot"), fromEnvironment);
        Assert.Equal(Path.Combine("/home/u/.data", "newsbot"), fromXdg);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "newsbot"), fallback);
        }

        Assert.Equal(Path.Combine(DataFolder.Resolve(), "newsbot.db"), SqliteDatabase.ResolveDatabasePath(new StorageOptions()));
    }

    private static IHost BuildHost(Dictionary<string, string?> settings, Action<IServiceCollection>? extra = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);

        // Other hosted services first, then AddStorage (which places its initializer first).
        extra?.Invoke(builder.Services);

        builder.Services.AddStorage(builder.Configuration);
        return builder.Build();
    }

    private sealed class StartProbe : IHostedService
    {
        public bool Started { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
