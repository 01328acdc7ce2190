using Microsoft.Extensions.Options;

namespace NewsBot.Telegram;

/// <summary>Checks the settings at start; every failure is one line naming the key. Nothing is checked when no token is set.</summary>
internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    private const string Prefix = TelegramOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        var token = options.BotToken.Trim();
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == token.Length - 1 || !long.TryParse(token.AsSpan(0, colon), out _) || token.Any(char.IsWhiteSpace))
        {
            failures.Add($"{Prefix}BotToken is not a bot token (expected '<bot id>:<secret>' as issued by BotFather).");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiBaseUrl) && !IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add($"{Prefix}ApiBaseUrl must be an absolute http(s) URL, e.g. http://localhost:8081.");
        }

        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"{Prefix}Mode must be Polling or Webhook.");
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            if (string.IsNullOrWhiteSpace(options.WebhookUrl))
            {
                failures.Add($"{Prefix}WebhookUrl is required when {Prefix}Mode is Webhook.");
            }
            else if (!IsHttpUrl(options.WebhookUrl))
            {
                failures.Add($"{Prefix}WebhookUrl must be an absolute https URL.");
            }
            else if (options.WebhookUrl.Contains(token, StringComparison.Ordinal))
            {
                // The path would end up in request logs.
                failures.Add($"{Prefix}WebhookUrl must not contain the bot token; use {Prefix}WebhookSecret to authenticate Telegram.");
            }

            if (string.IsNullOrWhiteSpace(options.WebhookSecret))
            {
                failures.Add($"{Prefix}WebhookSecret is required when {Prefix}Mode is Webhook.");
            }
            else if (options.WebhookSecret.Length > 256 || !options.WebhookSecret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                failures.Add($"{Prefix}WebhookSecret must be 1-256 characters of A-Z, a-z, 0-9, _ and -.");
            }

            if (options.WebhookSelfHost && !IsHttpUrl(options.WebhookListenUrl))
            {
                failures.Add($"{Prefix}WebhookListenUrl must be an absolute http(s) URL such as http://0.0.0.0:8080.");
            }
        }

        if (options.PollingTimeoutSeconds is < 0 or > 600)
        {
            failures.Add($"{Prefix}PollingTimeoutSeconds must be between 0 and 600.");
        }

        CheckPositive(failures, options.RequestTimeout, "RequestTimeout");
        CheckPositive(failures, options.ReconnectDelay, "ReconnectDelay");
        CheckPositive(failures, options.MaxReconnectDelay, "MaxReconnectDelay");
        CheckPositive(failures, options.ConflictRetryDelay, "ConflictRetryDelay");
        if (options.PerChatMessageInterval < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}PerChatMessageInterval must not be negative.");
        }

        if (options.PollingLeaseRenewInterval <= TimeSpan.Zero || options.PollingLeaseDuration <= options.PollingLeaseRenewInterval * 2)
        {
            failures.Add($"{Prefix}PollingLeaseDuration must be more than twice PollingLeaseRenewInterval, which must be positive (a lease renewed less often runs out while held).");
        }

        if (options.InboxSweepInterval <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}InboxSweepInterval must be positive.");
        }

        if (options.StreamingEditInterval < TimeSpan.Zero)
        {
            failures.Add($"{Prefix}StreamingEditInterval must not be negative.");
        }

        if (options.GroupMessagesPerMinute < 1)
        {
            failures.Add($"{Prefix}GroupMessagesPerMinute must be at least 1.");
        }

        if (options.GlobalMessagesPerSecond < 1)
        {
            failures.Add($"{Prefix}GlobalMessagesPerSecond must be at least 1.");
        }

        if (options.MaxSendAttempts < 1)
        {
            failures.Add($"{Prefix}MaxSendAttempts must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPositive(List<string> failures, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Prefix}{key} must be greater than zero.");
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
