using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Articles;
using NewsBot.Core.Languages;
using NewsBot.Core.Policies;
using NewsBot.Core.State;

namespace NewsBot.Core.Chat;

/// <summary>
/// The platform-neutral pipeline, the same for every platform: access control, validation, the answer language,
/// admin-only commands, then the handler; answers from the corpus also pass the <see cref="AnswerGate"/>
/// (one per user, rate limit, global queue). Every failure becomes one clear reply in the user's language.
/// </summary>
public sealed partial class CommandRouter(
    IEnumerable<IChatCommandHandler> handlers,
    ICorpusProvider corpus,
    IChatSettingsStore settings,
    AccessPolicy access,
    RefusalThrottle refusals,
    AnswerGate gate,
    IOptions<BotOptions> options,
    ILogger<CommandRouter> logger) : IChatPipeline
{
    private readonly Dictionary<string, IChatCommandHandler> _handlers = handlers
        .SelectMany(h => h.Names.Select(n => (Name: n, Handler: h)))
        .ToDictionary(x => x.Name, x => x.Handler, StringComparer.OrdinalIgnoreCase);

    /// <summary>Commands that answer from the corpus: they need articles and pass the answer gate.</summary>
    private static readonly HashSet<string> NeedsCorpus = new(StringComparer.Ordinal) { "ask", "summary", "who", "articles", "digest" };

    public async Task<Reply> HandleAsync(ChatRequest request, IProgress<string>? partialText, CancellationToken cancellationToken)
    {
        var bot = options.Value;
        var command = ChatCommand.Parse(request.Text);
        var commandWithoutText = command.IsExplicit && command.Arguments.Length == 0;
        if (!access.IsAllowed(request))
        {
            return RefuseStranger(request, command, commandWithoutText, bot.Default);
        }

        var chatLanguage = (await settings.GetAsync(new ChatKey(request.Platform, request.ChatId), cancellationToken)).Language;
        var language = LanguageResolver.Resolve(chatLanguage, request.UserLocale, command.Arguments, commandWithoutText, bot.Default);

        if (command.Arguments.Length == 0 && !command.IsExplicit)
        {
            return Reply.Text(language, Texts.Help(language));
        }

        if (request.Text.Length > bot.MaxQuestionLength)
        {
            return Reply.Text(language, Texts.TooLong(language, bot.MaxQuestionLength), ReplyKind.Error);
        }

        var name = command.Name == "start" ? "help" : command.Name;
        if (!_handlers.TryGetValue(name, out var handler))
        {
            return Reply.Text(language, Texts.UnknownCommand(language, "/" + command.Name), ReplyKind.Error);
        }

        command = command with { Name = name };
        if (AdminOnlyCommands.ChangesChatSettings(command, handler) && !access.MayChangeChatSettings(request))
        {
            return Reply.Text(language, Texts.AdminOnly(language), ReplyKind.Refusal);
        }

        try
        {
            var snapshot = corpus.Current;
            // Digest subscriptions and their list are about the chat, not the articles: they work on an empty corpus too.
            if (!NeedsCorpus.Contains(name) || (name == "digest" && command.Arguments.Length > 0))
            {
                return await handler.HandleAsync(new CommandContext(request, command, language, snapshot, partialText), cancellationToken);
            }

            if (snapshot.Articles.Count == 0)
            {
                return Reply.Text(language, Texts.EmptyCorpus(language), ReplyKind.Error);
            }

            return await gate.RunAsync(
                request,
                language,
                token => handler.HandleAsync(new CommandContext(request, command, language, snapshot, partialText), token),
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, name, request.Platform);
            return Reply.Text(language, Texts.InternalError(language), ReplyKind.Error);
        }
    }

    /// <summary>One polite refusal per chat and hour; silence otherwise. The chat's /lang is not read: strangers cannot set it.</summary>
    private Reply RefuseStranger(ChatRequest request, ChatCommand command, bool commandWithoutText, Language fallback)
    {
        if (!refusals.ShouldRefuse(request))
        {
            return Reply.Silent;
        }

        LogRefused(logger, request.Platform, request.ChatId, request.UserId);
        var language = LanguageResolver.Resolve(null, request.UserLocale, command.Arguments, commandWithoutText, fallback);
        return Reply.Text(language, Texts.NotAllowed(language), ReplyKind.Refusal);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The /{Command} handler failed for a {Platform} request")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string command, string platform);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a {Platform} message from chat {ChatId}, user {UserId}: not on the allow-list")]
    private static partial void LogRefused(ILogger logger, string platform, string chatId, string userId);
}
