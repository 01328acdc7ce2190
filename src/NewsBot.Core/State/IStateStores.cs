using NewsBot.Core.Answers;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.State;

/// <summary>Identifies a chat across platforms: the same id on two platforms never collides.</summary>
public readonly record struct ChatKey(string Platform, string ChatId)
{
    public override string ToString() => $"{Platform}:{ChatId}";
}

/// <summary>Per-chat settings that survive restarts.</summary>
public sealed record ChatSettings
{
    /// <summary>The chat's /lang choice; null means automatic.</summary>
    public Language? Language { get; init; }
}

public interface IChatSettingsStore
{
    Task<ChatSettings> GetAsync(ChatKey chat, CancellationToken cancellationToken);

    Task SetAsync(ChatKey chat, ChatSettings settings, CancellationToken cancellationToken);
}

/// <summary>Conversation memory per chat (and thread), bounded by the caller.</summary>
public interface IConversationStore
{
    /// <summary>The most recent turns, oldest first, no older than <paramref name="since"/>.</summary>
    Task<IReadOnlyList<ConversationTurn>> GetRecentAsync(ChatKey chat, int maxTurns, DateTimeOffset since, CancellationToken cancellationToken);

    Task AppendAsync(ChatKey chat, ConversationTurn turn, CancellationToken cancellationToken);

    Task ClearAsync(ChatKey chat, CancellationToken cancellationToken);
}

/// <summary>Small named values adapters keep across restarts (Telegram's update offset, Discord's command hash).</summary>
public interface IKeyValueStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
