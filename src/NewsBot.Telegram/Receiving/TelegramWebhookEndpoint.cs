using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Telegram.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace NewsBot.Telegram.Receiving;

/// <summary>
/// Receives webhook posts: checks <c>X-Telegram-Bot-Api-Secret-Token</c> (401 when missing, 403 when wrong), hands the
/// update to the dispatcher (or, with a shared store, to <see cref="TelegramSharedInbox"/>) and answers 200 at once.
/// Redeliveries of the same update are answered but not handled again.
/// </summary>
public sealed partial class TelegramWebhookEndpoint(
    TelegramUpdateDispatcher dispatcher,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options,
    RedactingLogger<TelegramWebhookEndpoint> logger,
    TelegramSharedInbox? sharedInbox = null)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private static readonly TimeSpan IdentityWait = TimeSpan.FromSeconds(10);
    private const int RememberedUpdates = 1000;

    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.WebhookSecret ?? "");
    private readonly HashSet<int> _seen = [];
    private readonly Queue<int> _seenOrder = new();
    private readonly Lock _gate = new();

    /// <summary>The inbox shared by several instances, when a store provides one.</summary>
    public TelegramSharedInbox? SharedInbox => sharedInbox;

    /// <summary>The local path Telegram posts to: the path of <see cref="TelegramOptions.WebhookUrl"/>.</summary>
    public string Path { get; } = Uri.TryCreate(options.Value.WebhookUrl, UriKind.Absolute, out var url) ? url.AbsolutePath : "/telegram/webhook";

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        if (!context.Request.Headers.TryGetValue(SecretHeader, out var given) || given.Count != 1 || string.IsNullOrEmpty(given[0]))
        {
            LogRejected(logger, "missing secret header", context.Connection.RemoteIpAddress?.ToString());
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (_secret.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given[0]!), _secret))
        {
            LogRejected(logger, "wrong secret", context.Connection.RemoteIpAddress?.ToString());
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            LogBadBody(logger, e.Message);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (update is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            // Until getMe has answered we cannot tell mentions apart; Telegram retries on 503.
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(IdentityWait);
            await identity.WhenKnownAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (dispatcher.IsClosed && update.CallbackQuery is null)
        {
            // Stopping: Telegram delivers the update again later (to this instance after its restart, or another one).
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (FirstDelivery(update.Id))
        {
            if (sharedInbox is not null)
            {
                // Several instances: the shared inbox refuses a redelivery that went to another instance, and keeps order.
                await sharedInbox.AcceptAsync(update, cancellationToken);
            }
            else
            {
                dispatcher.Dispatch(update);
            }
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private bool FirstDelivery(int updateId)
    {
        lock (_gate)
        {
            if (!_seen.Add(updateId))
            {
                return false;
            }

            _seenOrder.Enqueue(updateId);
            if (_seenOrder.Count > RememberedUpdates)
            {
                _seen.Remove(_seenOrder.Dequeue());
            }

            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a Telegram webhook request from {RemoteAddress}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason, string? remoteAddress);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram webhook request body is not an update: {Reason}")]
    private static partial void LogBadBody(ILogger logger, string reason);
}
