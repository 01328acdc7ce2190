using NewsBot.Core.Chat;

namespace NewsBot.Core.State;

/// <summary>The answer log for one-shot verbs and tests: kept in memory, gone with the process.</summary>
public sealed class InMemoryAnswerLog : IAnswerLog
{
    private readonly Lock _gate = new();
    private readonly List<AnswerRecord> _answers = [];
    private readonly Dictionary<(long Answer, string Platform, string User), Vote> _votes = [];

    public Task<long> RecordAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _answers.Add(answer);
            return Task.FromResult((long)_answers.Count);
        }
    }

    public Task<VoteOutcome> VoteAsync(long answerId, string platform, string userId, Vote vote, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (answerId < 1 || answerId > _answers.Count)
            {
                return Task.FromResult(VoteOutcome.UnknownAnswer);
            }

            var key = (answerId, platform, userId);
            var outcome = _votes.TryGetValue(key, out var before) ? (before == vote ? VoteOutcome.Unchanged : VoteOutcome.Changed) : VoteOutcome.Recorded;
            _votes[key] = vote;
            return Task.FromResult(outcome);
        }
    }

    public Task<long?> LastAnswerAsync(ChatKey chat, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var index = _answers.FindLastIndex(a => a.Platform == chat.Platform && a.ChatId == chat.ChatId);
            return Task.FromResult(index < 0 ? (long?)null : index + 1);
        }
    }

    public Task<AnswerStats> GetStatsAsync(ChatKey? chat, DateTimeOffset tokensSince, int topTopics, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var ids = Enumerable.Range(1, _answers.Count)
                .Where(i => chat is not { } c || (_answers[i - 1].Platform == c.Platform && _answers[i - 1].ChatId == c.ChatId))
                .ToHashSet();
            var answers = ids.Select(i => _answers[i - 1]).ToList();
            var votes = _votes.Where(v => ids.Contains((int)v.Key.Answer)).Select(v => v.Value).ToList();
            var recent = answers.Where(a => a.At >= tokensSince).ToList();
            return Task.FromResult(new AnswerStats
            {
                Questions = answers.Count,
                AnswersByBackend = answers.GroupBy(a => a.Backend).ToDictionary(g => g.Key, g => (long)g.Count()),
                GoodVotes = votes.Count(v => v == Vote.Good),
                BadVotes = votes.Count(v => v == Vote.Bad),
                TopTopics = TopTopics(answers, topTopics),
                PromptTokens = recent.Sum(a => a.PromptTokens),
                CompletionTokens = recent.Sum(a => a.CompletionTokens),
                TokensSince = tokensSince,
            });
        }
    }

    /// <summary>The articles cited by the most answers (an answer citing one twice counts once).</summary>
    internal static IReadOnlyList<(string Title, long Answers)> TopTopics(IEnumerable<AnswerRecord> answers, int count) =>
        answers.SelectMany(a => a.Citations.DistinctBy(c => c.ArticleId))
            .GroupBy(c => c.ArticleId)
            .Select(g => (Title: g.First().Title, Answers: (long)g.Count()))
            .OrderByDescending(t => t.Answers)
            .ThenBy(t => t.Title, StringComparer.Ordinal)
            .Take(count)
            .ToList();
}
