namespace NewsBot.Core.Telemetry;

/// <summary>
/// Whether a platform adapter is connected, for the readiness check. An adapter registers one and updates it as its
/// connection comes and goes; the reason is for an operator and must never carry a secret.
/// </summary>
public sealed class PlatformStatus(string platform)
{
    private volatile State _state = new(false, "connecting");

    public string Platform { get; } = platform;

    public bool Connected => _state.Connected;

    /// <summary>Why the adapter is not connected ("connecting", "Telegram rejected the token", ...); null when connected.</summary>
    public string? Reason => _state.Connected ? null : _state.Reason;

    public void SetConnected() => _state = new State(true, null);

    public void SetDisconnected(string reason) => _state = new State(false, reason);

    private sealed record State(bool Connected, string? Reason);
}
