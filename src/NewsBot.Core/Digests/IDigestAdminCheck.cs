using NewsBot.Core.Chat;

namespace NewsBot.Core.Digests;

/// <summary>Decides who may change a chat's digest subscriptions (the core registers the access policy's rule).</summary>
public interface IDigestAdminCheck
{
    ValueTask<bool> IsAdminAsync(ChatRequest request, CancellationToken cancellationToken);
}
