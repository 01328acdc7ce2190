using NewsBot.Core.Chat;
using NewsBot.Core.Digests;

namespace NewsBot.Core.Policies;

/// <summary>
/// Digest subscriptions follow the same admin rule as every other chat setting: anyone in a direct chat; in a group,
/// the platform's chat admins and the configured <c>Access:{Platform}:Admins</c>.
/// </summary>
public sealed class AccessDigestAdminCheck(IAdminPolicy admins) : IDigestAdminCheck
{
    public ValueTask<bool> IsAdminAsync(ChatRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(admins.MayChangeChatSettings(request));
}
