using Microsoft.Extensions.Options;

namespace NewsBot.Ai;

/// <summary>
/// Remembers that the model just failed, so that the next calls within <see cref="LlmOptions.CooldownSeconds"/> go
/// straight to the fallback instead of each waiting out its own timeout (a question costs an expansion call and an
/// answer call: without this, a dead server would make every question wait twice).
/// </summary>
public sealed class LlmCircuit(IOptions<LlmOptions> options, TimeProvider time)
{
    private readonly object _gate = new();
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private string _lastCause = "";
    private string? _lastFailure;
    private bool _succeeded;

    /// <summary>The cause of the last call's failure; null once a call succeeded after it (for the readiness check).</summary>
    public string? LastFailure
    {
        get
        {
            lock (_gate)
            {
                return _lastFailure;
            }
        }
    }

    /// <summary>True once any call succeeded.</summary>
    public bool HasSucceeded => Volatile.Read(ref _succeeded);

    /// <summary>Throws the fast failure while the model is resting after a failure.</summary>
    public void ThrowIfOpen()
    {
        lock (_gate)
        {
            if (time.GetUtcNow() < _openUntil)
            {
                throw new LlmUnavailableException($"skipped after a recent failure: {_lastCause}", "The model failed recently; not calling it again yet", null)
                {
                    IsCooldown = true,
                };
            }
        }
    }

    public void RecordFailure(LlmUnavailableException failure)
    {
        var cooldown = TimeSpan.FromSeconds(Math.Max(0, options.Value.CooldownSeconds));
        lock (_gate)
        {
            _openUntil = time.GetUtcNow() + cooldown;
            _lastCause = failure.Cause;
            _lastFailure = failure.Cause;
        }
    }

    public void RecordSuccess()
    {
        lock (_gate)
        {
            _openUntil = DateTimeOffset.MinValue;
            _lastFailure = null;
            _succeeded = true;
        }
    }
}
