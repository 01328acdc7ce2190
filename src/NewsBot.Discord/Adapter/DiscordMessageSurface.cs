using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Turns;
using NewsBot.Discord.Client;
using NewsBot.Discord.Rendering;

namespace NewsBot.Discord.Adapter;

/// <summary>A message that mentions the bot (or a DM, or a reply to it), answered by a reply in its channel.</summary>
public sealed class DiscordMessageSurface(
    DiscordRestClient rest,
    DiscordMarkdownFormatter formatter,
    DiscordTimings timings,
    DiscordVotes? votes,
    string channelId,
    string? questionId,
    Language previewLanguage) : IChatSurface
{
    private string _draftText = "";

    /// <summary>Discord shows "typing…" for 10 s per call.</summary>
    public SurfacePacing Pacing { get; } = new(timings.TypingInterval, timings.StreamEditInterval);

    public Task ShowTypingAsync(CancellationToken cancellationToken) => rest.TriggerTypingAsync(channelId, cancellationToken);

    public async Task<string> ShowDraftAsync(string? draftId, string text, CancellationToken cancellationToken)
    {
        var content = formatter.FormatPreview(text, previewLanguage);
        if (draftId is null)
        {
            var sent = await rest.CreateMessageAsync(channelId, content, questionId, cancellationToken);
            draftId = (sent is { } message ? DiscordEvents.Str(message, "id") : null)
                ?? throw new DiscordHttpException("Discord created the draft but returned no message id.");
        }
        else
        {
            await rest.EditMessageAsync(channelId, draftId, content, cancellationToken);
        }

        _draftText = text;
        return draftId;
    }

    public async Task DeliverAsync(string? draftId, Reply reply, CancellationToken cancellationToken)
    {
        var parts = formatter.Format(reply);
        if (parts.Count == 0)
        {
            if (draftId is not null)
            {
                await rest.DeleteMessageAsync(channelId, draftId, cancellationToken);
            }

            return;
        }

        // The first part replaces the draft, or is the reply; further parts follow as plain messages.
        // The vote buttons go under the last part.
        var buttons = votes?.ComponentsFor(reply);
        string? lastId;
        if (draftId is null)
        {
            var sent = parts.Count == 1 && buttons is not null
                ? await rest.CreateMessageAsync(channelId, parts[0], questionId, buttons, cancellationToken)
                : await rest.CreateMessageAsync(channelId, parts[0], questionId, cancellationToken);
            lastId = sent is { } s ? DiscordEvents.Str(s, "id") : null;
        }
        else
        {
            if (parts.Count == 1 && buttons is not null)
            {
                await rest.EditMessageAsync(channelId, draftId, parts[0], buttons, cancellationToken);
            }
            else
            {
                await rest.EditMessageAsync(channelId, draftId, parts[0], cancellationToken);
            }

            lastId = draftId;
        }

        for (var i = 1; i < parts.Count; i++)
        {
            var sent = i == parts.Count - 1 && buttons is not null
                ? await rest.CreateMessageAsync(channelId, parts[i], null, buttons, cancellationToken)
                : await rest.CreateMessageAsync(channelId, parts[i], null, cancellationToken);
            lastId = sent is { } s ? DiscordEvents.Str(s, "id") : null;
        }

        if (buttons is not null && lastId is not null)
        {
            votes!.ScheduleRemoval(channelId, lastId);
        }
    }

    public Task EndDraftAsync(string draftId, string note, CancellationToken cancellationToken) =>
        rest.EditMessageAsync(channelId, draftId, formatter.FormatPreview(_draftText.TrimEnd() + "\n\n" + note, previewLanguage), cancellationToken);
}
