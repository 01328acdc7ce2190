namespace NewsBot.Core.Chat;

/// <summary>The <c>Bot:Votes</c> section: 👍/👎 buttons under answers on Telegram and Discord.</summary>
public sealed class VoteOptions
{
    public const string SectionName = "Bot:Votes";

    /// <summary>Put the buttons under answers (votes by /good and /bad work either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the buttons stay under an answer before they are removed (an old answer is not voted on any more).</summary>
    public TimeSpan ButtonLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>"vote:{answer id}:good|bad": the data a button carries (Telegram allows 64 bytes, Discord 100).</summary>
    public static string ButtonData(long answerId, State.Vote vote) =>
        $"vote:{answerId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{(vote == State.Vote.Good ? "good" : "bad")}";

    /// <summary>Reads <see cref="ButtonData"/> back; null for anything else.</summary>
    public static (long AnswerId, State.Vote Vote)? ParseButtonData(string? data)
    {
        var parts = (data ?? "").Split(':');
        return parts.Length == 3 && parts[0] == "vote" && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && parts[2] is "good" or "bad"
            ? (id, parts[2] == "good" ? State.Vote.Good : State.Vote.Bad)
            : null;
    }
}
