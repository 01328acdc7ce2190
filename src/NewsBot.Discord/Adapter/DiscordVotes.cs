using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Chat;
using NewsBot.Core.Commands.Handlers;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.State;
using NewsBot.Core.Telemetry;
using NewsBot.Discord.Client;

namespace NewsBot.Discord.Adapter;

/// <summary>
/// 👍/👎 under answers as message components: the buttons, the component interactions (type 3) they send (stored as
/// the user's vote, answered with an ephemeral thank-you that pings nobody), and their removal after
/// <see cref="VoteOptions.ButtonLifetime"/>.
/// </summary>
public sealed partial class DiscordVotes(
    DiscordRestClient rest,
    IAnswerLog answers,
    IOptions<VoteOptions> options,
    TimeProvider time,
    ILogger<DiscordVotes> logger) : IAsyncDisposable, IDisposable
{
    public const int MessageComponent = 3;
    private const int ActionRow = 1;
    private const int Button = 2;
    private const int SecondaryStyle = 2;

    private readonly CancellationTokenSource _stopping = new();

    /// <summary>One action row with the two buttons, or null when the reply is not a logged answer or votes are off.</summary>
    public JsonArray? ComponentsFor(Reply reply) =>
        reply.AnswerId is long id && options.Value.Enabled
            ? new JsonArray(new JsonObject
            {
                ["type"] = ActionRow,
                ["components"] = new JsonArray(ButtonFor(id, Vote.Good, "👍"), ButtonFor(id, Vote.Bad, "👎")),
            })
            : null;

    /// <summary>Removes the buttons from a message after the configured time (not across a restart).</summary>
    public void ScheduleRemoval(string channelId, string messageId)
    {
        var lifetime = options.Value.ButtonLifetime;
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(lifetime, time, _stopping.Token);
                await rest.EditMessageAsync(channelId, messageId, null, [], _stopping.Token);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                LogRemoveFailed(messageId, e.Message);
            }
        });
    }

    /// <summary>Handles a component interaction; false when it is not one of our vote buttons.</summary>
    public async Task<bool> HandleAsync(JsonElement interaction, CancellationToken cancellationToken)
    {
        var data = interaction.TryGetProperty("data", out var d) ? d : default;
        if (DiscordEvents.Int(interaction, "type") != MessageComponent || VoteOptions.ParseButtonData(DiscordEvents.Str(data, "custom_id")) is not { } vote)
        {
            return false;
        }

        var id = DiscordEvents.Str(interaction, "id")!;
        var token = DiscordEvents.Str(interaction, "token")!;
        var language = LanguageCodes.TryParse(DiscordEvents.Str(interaction, "locale")) ?? Language.English;
        var user = DiscordEvents.Str(DiscordEvents.User(interaction), "id") ?? "";
        var outcome = await answers.VoteAsync(vote.AnswerId, Platforms.Discord, user, vote.Vote, time.GetUtcNow(), cancellationToken);
        if (outcome is VoteOutcome.Recorded or VoteOutcome.Changed)
        {
            NewsBotTelemetry.Votes.Add(1, [new("platform", Platforms.Discord), new("vote", vote.Vote == Vote.Good ? "good" : "bad")]);
        }

        var text = outcome == VoteOutcome.UnknownAnswer ? FeedbackTexts.NothingToVoteOn(language) : FeedbackTexts.Thanks(language, vote.Vote);
        await rest.RespondEphemeralAsync(id, token, text, cancellationToken);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _stopping.Dispose();
    }

    /// <summary>For a container disposed synchronously: stops the pending removals.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private static JsonObject ButtonFor(long answerId, Vote vote, string emoji) => new()
    {
        ["type"] = Button,
        ["style"] = SecondaryStyle,
        ["emoji"] = new JsonObject { ["name"] = emoji },
        ["custom_id"] = VoteOptions.ButtonData(answerId, vote),
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord: could not remove the vote buttons from message {MessageId}: {Reason}")]
    private partial void LogRemoveFailed(string messageId, string reason);
}
