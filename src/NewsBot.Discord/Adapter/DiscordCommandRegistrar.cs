using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Core.State;
using NewsBot.Discord.Client;
using NewsBot.Core.Commands;

namespace NewsBot.Discord.Adapter;

/// <summary>PUTs the slash commands only when their definitions (or target) changed since the last successful PUT.</summary>
public sealed partial class DiscordCommandRegistrar(DiscordRestClient rest, CommandCatalogue commands, IKeyValueStore store, string? guildId, ILogger<DiscordCommandRegistrar> logger)
{
    public async Task EnsureRegisteredAsync(string applicationId, CancellationToken cancellationToken)
    {
        var definitions = DiscordCommands.Definitions(commands);
        var hash = DiscordCommands.Hash(definitions, applicationId, guildId);
        var key = $"discord:commands:{applicationId}:{guildId ?? "global"}";
        if (await store.GetAsync(key, cancellationToken) == hash)
        {
            LogUnchanged(definitions.Count);
            return;
        }

        await rest.OverwriteCommandsAsync(applicationId, guildId, definitions, cancellationToken);
        await store.SetAsync(key, hash, cancellationToken);
        LogRegistered(definitions.Count, guildId ?? "global");
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord slash commands unchanged ({Count}); not registering again")]
    private partial void LogUnchanged(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered {Count} Discord slash commands ({Scope})")]
    private partial void LogRegistered(int count, string scope);
}
