using Telegram.Bot.Types;

namespace NewsBot.Telegram.Receiving;

/// <summary>Who the bot is (from getMe), needed to spot mentions and replies. Webhook requests wait until it is known.</summary>
public sealed class TelegramBotIdentity
{
    private readonly TaskCompletionSource<User> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public User? Current => _known.Task.IsCompletedSuccessfully ? _known.Task.Result : null;

    public void Set(User bot) => _known.TrySetResult(bot);

    public Task<User> WhenKnownAsync(CancellationToken cancellationToken) => _known.Task.WaitAsync(cancellationToken);
}
