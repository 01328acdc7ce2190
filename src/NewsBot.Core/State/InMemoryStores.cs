using System.Collections.Concurrent;
using NewsBot.Core.Answers;

namespace NewsBot.Core.State;

/// <summary>Process-local stores: for one-shot CLI verbs and unit tests. The bot uses the persistent store.</summary>
public sealed class InMemoryStores : IChatSettingsStore, IConversationStore, IKeyValueStore
{
    private readonly ConcurrentDictionary<ChatKey, ChatSettings> _settings = new();
    private readonly ConcurrentDictionary<ChatKey, List<ConversationTurn>> _turns = new();
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    Task<ChatSettings> IChatSettingsStore.GetAsync(ChatKey chat, CancellationToken cancellationToken) =>
        Task.FromResult(_settings.GetValueOrDefault(chat) ?? new ChatSettings());

    Task IChatSettingsStore.SetAsync(ChatKey chat, ChatSettings settings, CancellationToken cancellationToken)
    {
        _settings[chat] = settings;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ConversationTurn>> GetRecentAsync(ChatKey chat, int maxTurns, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var turns = _turns.GetOrAdd(chat, _ => []);
        lock (turns)
        {
            IReadOnlyList<ConversationTurn> recent = turns.Where(t => t.At >= since).TakeLast(maxTurns).ToList();
            return Task.FromResult(recent);
        }
    }

    public Task AppendAsync(ChatKey chat, ConversationTurn turn, CancellationToken cancellationToken)
    {
        var turns = _turns.GetOrAdd(chat, _ => []);
        lock (turns)
        {
            turns.Add(turn);
        }

        return Task.CompletedTask;
    }

    public Task ClearAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        _turns.TryRemove(chat, out _);
        return Task.CompletedTask;
    }

    Task<string?> IKeyValueStore.GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_values.GetValueOrDefault(key));

    Task IKeyValueStore.SetAsync(string key, string value, CancellationToken cancellationToken)
    {
        _values[key] = value;
        return Task.CompletedTask;
    }
}
