using NewsBot.Core.Chat;

namespace NewsBot.Core.Turns;

/// <summary>
/// Where one question is answered on a platform: the only part of a chat turn that differs between Telegram, Discord
/// and the console. <see cref="TurnRunner"/> decides what happens and when; a surface only makes the platform calls.
/// </summary>
public interface IChatSurface
{
    /// <summary>How often "typing…" is renewed (zero: the surface shows none) and how often a streamed draft may change.</summary>
    SurfacePacing Pacing { get; }

    /// <summary>Shows "typing…" once; the runner renews it while the answer is being written.</summary>
    Task ShowTypingAsync(CancellationToken cancellationToken);

    /// <summary>Shows the answer text written so far: a new draft when <paramref name="draftId"/> is null, else an edit of it.</summary>
    /// <returns>The draft's id, for the next edit and for <see cref="DeliverAsync"/>.</returns>
    Task<string> ShowDraftAsync(string? draftId, string text, CancellationToken cancellationToken);

    /// <summary>
    /// Delivers the reply: its first part replaces the draft (when there is one), the remaining parts follow. A reply with
    /// nothing to show removes whatever placeholder the platform put up for the question.
    /// </summary>
    Task DeliverAsync(string? draftId, Reply reply, CancellationToken cancellationToken);

    /// <summary>Ends a draft whose answer was stopped: its text stays, followed by <paramref name="note"/>.</summary>
    Task EndDraftAsync(string draftId, string note, CancellationToken cancellationToken);
}

/// <param name="TypingRenewal">How long the platform shows one "typing…"; zero for none.</param>
/// <param name="DraftInterval">The least time between two changes of a streamed draft (the platform's edit rate limit).</param>
public sealed record SurfacePacing(TimeSpan TypingRenewal, TimeSpan DraftInterval);

/// <summary>One question and where to answer it.</summary>
public sealed record ChatTurn(ChatRequest Request, IChatSurface Surface)
{
    /// <summary>
    /// Completes the request just before it is answered, for what costs a platform call and is needed only then
    /// (Telegram asks whether the sender administers the group).
    /// </summary>
    public Func<ChatRequest, CancellationToken, Task<ChatRequest>>? Prepare { get; init; }

    /// <summary>Where the turn's failures are logged when the adapter knows secrets to keep out of logs (a bot token in a URL).</summary>
    public Microsoft.Extensions.Logging.ILogger? Log { get; init; }
}
