namespace NewsBot.Discord.Client;

/// <summary>
/// The waits the Discord client and adapter use. Defaults follow Discord's documentation; tests shorten them.
/// All waits run on the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed record DiscordTimings
{
    /// <summary>IDENTIFYs at least this far apart (Discord: 5 s per max_concurrency group).</summary>
    public TimeSpan IdentifyInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>After op 9 with d=false, wait a random time in this range before a fresh IDENTIFY.</summary>
    public TimeSpan InvalidSessionDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan InvalidSessionDelayMax { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First reconnect backoff after a failed connection; doubles up to <see cref="ReconnectMaxDelay"/>, with jitter.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for HELLO after connecting.</summary>
    public TimeSpan HelloTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First 5xx retry delay; doubles per retry.</summary>
    public TimeSpan ServerErrorBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public int MaxServerErrorRetries { get; init; } = 3;

    /// <summary>429s on one request before giving up (each waits retry_after).</summary>
    public int MaxRateLimitRetries { get; init; } = 10;

    /// <summary>A streaming answer edits @original at most this often.</summary>
    public TimeSpan StreamEditInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The typing indicator lasts 10 s; renew it a little before.</summary>
    public TimeSpan TypingInterval { get; init; } = TimeSpan.FromSeconds(8);
}
