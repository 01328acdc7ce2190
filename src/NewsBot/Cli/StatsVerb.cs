using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands.Handlers;
using NewsBot.Core.State;

namespace NewsBot.Cli;

/// <summary><c>newsbot stats [--json]</c>: the whole bot's figures from the store, as /stats all shows them in a chat.</summary>
public static class StatsVerb
{
    public sealed record TopicJson(string Title, long Answers);

    public sealed record TokensJson(long Prompt, long Completion, DateTimeOffset Since);

    public sealed record StatsJson(
        long Questions,
        IReadOnlyDictionary<string, long> AnswersByBackend,
        long GoodVotes,
        long BadVotes,
        double? HelpfulShare,
        IReadOnlyList<TopicJson> TopTopics,
        TokensJson TokensThisWeek);

    public static async Task<int> RunAsync(IServiceProvider services, CliArguments cli, TextWriter stdout, CancellationToken cancellationToken)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var since = StatsReport.WeekStart(time.GetUtcNow());
        var stats = await services.GetRequiredService<IAnswerLog>().GetStatsAsync(null, since, StatsReport.TopTopics, cancellationToken);
        if (cli.Json)
        {
            stdout.WriteLine(CliOutput.Write(new StatsJson(
                stats.Questions,
                stats.AnswersByBackend,
                stats.GoodVotes,
                stats.BadVotes,
                stats.HelpfulShare is { } share ? Math.Round(share, 4) : null,
                stats.TopTopics.Select(t => new TopicJson(t.Title, t.Answers)).ToList(),
                new TokensJson(stats.PromptTokens, stats.CompletionTokens, since))));
        }
        else
        {
            var language = cli.Language ?? services.GetRequiredService<IOptions<BotOptions>>().Value.Default;
            stdout.WriteLine(StatsReport.Text(stats, language, wholeBot: true).Replace("\n\n", "\n", StringComparison.Ordinal));
        }

        return 0;
    }
}
