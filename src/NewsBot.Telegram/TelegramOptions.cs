namespace NewsBot.Telegram;

public enum TelegramMode
{
    /// <summary>Long polling with getUpdates: works behind NAT, no public address needed.</summary>
    Polling,

    /// <summary>Telegram posts updates to <see cref="TelegramOptions.WebhookUrl"/>.</summary>
    Webhook,
}

/// <summary>The <c>Telegram</c> configuration section. The adapter runs only when <see cref="BotToken"/> is set.</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";

    /// <summary>The token from BotFather ("123456:ABC..."). Secret: never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>A self-hosted Bot API server ("http://localhost:8081"); Telegram's own when empty.</summary>
    public string? ApiBaseUrl { get; set; }

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>The public HTTPS address Telegram posts updates to (webhook mode).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent back by Telegram in <c>X-Telegram-Bot-Api-Secret-Token</c>: 1-256 characters A-Z, a-z, 0-9, _ and -.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// When true (default) the adapter runs its own small HTTP listener on <see cref="WebhookListenUrl"/>;
    /// set false when the host maps the endpoint itself with <c>MapTelegramWebhook()</c>.
    /// </summary>
    public bool WebhookSelfHost { get; set; } = true;

    /// <summary>Local address the self-hosted webhook listener binds to (behind the reverse proxy that serves WebhookUrl).</summary>
    public string WebhookListenUrl { get; set; } = "http://0.0.0.0:8080";

    /// <summary>Long-poll timeout of getUpdates, in seconds.</summary>
    public int PollingTimeoutSeconds { get; set; } = 30;

    /// <summary>Time allowed for an ordinary Bot API request (on top of the long-poll timeout for getUpdates).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait after a network error; doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>First wait after 409 Conflict (another instance polls this bot); doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ConflictRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Minimum gap between two messages to the same chat (Telegram: about one per second).</summary>
    public TimeSpan PerChatMessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages per minute to one group (Telegram: 20).</summary>
    public int GroupMessagesPerMinute { get; set; } = 20;

    /// <summary>Messages per second over all chats (Telegram: 30).</summary>
    public int GlobalMessagesPerSecond { get; set; } = 30;

    /// <summary>Minimum gap between two edits of a streaming answer.</summary>
    public TimeSpan StreamingEditInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Polling with several instances on one shared store: how long the polling instance's lease lasts. Another instance
    /// takes over within this plus <see cref="PollingLeaseRenewInterval"/> after it dies (25 s by default).
    /// </summary>
    public TimeSpan PollingLeaseDuration { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the polling instance renews its lease and the others try to take it.</summary>
    public TimeSpan PollingLeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Webhook with a shared store: how often an instance looks for updates that waited longer than this in the shared
    /// inbox (stored by an instance that died before answering) and answers them.
    /// </summary>
    public TimeSpan InboxSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of a message send after network errors before it is given up.</summary>
    public int MaxSendAttempts { get; set; } = 5;
}
