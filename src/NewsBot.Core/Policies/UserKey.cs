namespace NewsBot.Core.Policies;

/// <summary>A user on one platform: rate limits and running answers are per user.</summary>
public readonly record struct UserKey(string Platform, string UserId)
{
    public static UserKey Of(Chat.ChatRequest request) => new(request.Platform, request.UserId);
}
