using Microsoft.Extensions.Options;
using NewsBot.Core.Languages;
using NewsBot.Core.State;

namespace NewsBot.Core.Chat.Handlers;

/// <summary>/help and /start.</summary>
public sealed class HelpHandler : IChatCommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["help"];

    public Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Reply.Text(context.Language, Texts.Help(context.Language)));
}

/// <summary>/lang de|en|auto: the chat's answer language, kept in the store; /lang alone shows it and where it comes from.</summary>
public sealed class LanguageHandler(IChatSettingsStore settings, IOptions<BotOptions> options) : IChatCommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["lang", "language", "sprache"];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var argument = context.Command.Arguments.Trim().ToLowerInvariant();
        var key = new ChatKey(context.Request.Platform, context.Request.ChatId);
        if (argument is "auto")
        {
            await settings.SetAsync(key, new ChatSettings { Language = null }, cancellationToken);
            return Reply.Text(context.Language, Texts.LanguageSet(context.Language, null));
        }

        if (argument.Length == 0)
        {
            var current = await settings.GetAsync(key, cancellationToken);
            return Reply.Text(context.Language, Texts.LanguageCurrent(context.Language, current.Language, options.Value.Default));
        }

        if (LanguageCodes.TryParse(argument) is not { } chosen)
        {
            return Reply.Text(context.Language, Texts.LanguageUsage(context.Language), ReplyKind.Error);
        }

        await settings.SetAsync(key, new ChatSettings { Language = chosen }, cancellationToken);
        return Reply.Text(chosen, Texts.LanguageSet(chosen, chosen.ToCode()));
    }
}

/// <summary>/reset: forget the chat's conversation.</summary>
public sealed class ResetHandler(IConversationStore conversations) : IChatCommandHandler
{
    public IReadOnlyList<string> Names { get; } = ["reset"];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await conversations.ClearAsync(new ChatKey(context.Request.Platform, context.Request.ChatId), cancellationToken);
        return Reply.Text(context.Language, Texts.Reset(context.Language));
    }
}
