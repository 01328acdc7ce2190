using System.Collections.Concurrent;
using NewsBot.Core.Policies;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Chat;

/// <summary>
/// The language each user last wrote in, so that a reply to text that shows none ("/cancel", a bare command, a word
/// the detector cannot place) comes in the language of the conversation, not the configured default. Kept in memory
/// for recent users only: after a restart the platform locale and the default decide again until the user writes.
/// </summary>
public sealed class RecentLanguages
{
    /// <summary>Users remembered at most; when full the memory starts over (a reply in the default language is the worst case).</summary>
    private const int Capacity = 50_000;

    private readonly ConcurrentDictionary<UserKey, Language> _languages = new();

    public Language? Of(UserKey user) => _languages.TryGetValue(user, out var language) ? language : null;

    public void Note(UserKey user, Language language)
    {
        if (_languages.Count >= Capacity && !_languages.ContainsKey(user))
        {
            _languages.Clear();
        }

        _languages[user] = language;
    }
}
