using NewsBot.Core.Chat;

namespace NewsBot.Core.Digests;

/// <summary>Decides who may change a chat's digest subscriptions. The host may swap in the access policy.</summary>
public interface IDigestAdminCheck
{
    ValueTask<bool> IsAdminAsync(ChatRequest request, CancellationToken cancellationToken);
}

/// <summary>Default rule: in a group only the platform's chat admins; in a private chat the user owns the chat.</summary>
public sealed class PlatformDigestAdminCheck : IDigestAdminCheck
{
    public ValueTask<bool> IsAdminAsync(ChatRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(request.IsPlatformAdmin || !request.IsGroup);
}
