namespace NewsBot.Ops;

/// <summary>The <c>Host</c> section: the web listener and how long a stop may take.</summary>
public sealed class HostListenOptions
{
    public const string SectionName = "Host";

    /// <summary>
    /// Where the web listener binds ("http://0.0.0.0:8080"; several separated by ';'). It serves /healthz, /readyz,
    /// /metrics and, in Telegram webhook mode, the webhook. Empty: no listener.
    /// </summary>
    public string? Urls { get; set; }

    /// <summary>How long a stop (SIGTERM) waits for answers in flight before it cancels them.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>The <c>OpenTelemetry</c> section.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "OpenTelemetry";

    /// <summary>An OTLP collector ("http://otel-collector:4317"); metrics and traces are exported there when set.</summary>
    public string? Endpoint { get; set; }

    /// <summary>"grpc" (default) or "http/protobuf".</summary>
    public string? Protocol { get; set; }

    /// <summary>The service.name resource attribute.</summary>
    public string ServiceName { get; set; } = "newsbot";
}
