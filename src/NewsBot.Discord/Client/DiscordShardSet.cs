namespace NewsBot.Discord.Client;

/// <summary>The gateway connections of this process: one per shard in <c>Discord:Shards</c>.</summary>
public sealed class DiscordShardSet(IReadOnlyList<DiscordGatewayClient> clients)
{
    public IReadOnlyList<DiscordGatewayClient> Clients { get; } = clients.Count > 0 ? clients : throw new ArgumentException("A shard set needs a shard.", nameof(clients));
}
