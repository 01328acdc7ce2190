using System.Text.Json;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Turns;
using NewsBot.Discord.Client;
using NewsBot.Discord.Rendering;

namespace NewsBot.Discord.Adapter;

/// <summary>
/// A slash command, already deferred ("thinking…"): the answer goes into @original, further parts are follow-ups.
/// The deferral is the platform's own indicator, so there is no typing.
/// </summary>
public sealed class DiscordInteractionSurface(
    DiscordRestClient rest,
    DiscordMarkdownFormatter formatter,
    DiscordTimings timings,
    DiscordVotes? votes,
    string applicationId,
    string interactionToken,
    string channelId,
    Language previewLanguage) : IChatSurface
{
    private const string Original = "@original";
    private string _draftText = "";

    public SurfacePacing Pacing { get; } = new(TimeSpan.Zero, timings.StreamEditInterval);

    public Task ShowTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<string> ShowDraftAsync(string? draftId, string text, CancellationToken cancellationToken)
    {
        await rest.EditOriginalAsync(applicationId, interactionToken, formatter.FormatPreview(text, previewLanguage), cancellationToken);
        _draftText = text;
        return Original;
    }

    public async Task DeliverAsync(string? draftId, Reply reply, CancellationToken cancellationToken)
    {
        var parts = formatter.Format(reply);
        if (parts.Count == 0)
        {
            // Nothing to say: remove the "thinking…" placeholder.
            await rest.DeleteOriginalAsync(applicationId, interactionToken, cancellationToken);
            return;
        }

        // The vote buttons go under the last part; they are removed later through the channel (the token expires in 15 min).
        var buttons = votes?.ComponentsFor(reply);
        JsonElement? last;
        if (parts.Count == 1 && buttons is not null)
        {
            last = await rest.EditOriginalAsync(applicationId, interactionToken, parts[0], buttons, cancellationToken);
        }
        else
        {
            await rest.EditOriginalAsync(applicationId, interactionToken, parts[0], cancellationToken);
            last = null;
        }

        for (var i = 1; i < parts.Count; i++)
        {
            if (i == parts.Count - 1 && buttons is not null)
            {
                last = await rest.CreateFollowupAsync(applicationId, interactionToken, parts[i], buttons, cancellationToken);
            }
            else
            {
                await rest.CreateFollowupAsync(applicationId, interactionToken, parts[i], cancellationToken);
            }
        }

        if (buttons is not null && last is { } message && DiscordEvents.Str(message, "id") is { } messageId)
        {
            votes!.ScheduleRemoval(DiscordEvents.Str(message, "channel_id") ?? channelId, messageId);
        }
    }

    public Task EndDraftAsync(string draftId, string note, CancellationToken cancellationToken) =>
        rest.EditOriginalAsync(applicationId, interactionToken, formatter.FormatPreview(_draftText.TrimEnd() + "\n\n" + note, previewLanguage), cancellationToken);
}
