using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Core.Articles;
using NewsBot.Core.Languages;
using NewsBot.Core.State;

namespace NewsBot.Core.Chat;

/// <summary>
/// The platform-neutral pipeline: validates the message, resolves the answer language, and hands the command to its handler.
/// Every failure becomes one clear reply in the user's language; nothing escapes to the adapter.
/// </summary>
public sealed partial class CommandRouter(
    IEnumerable<IChatCommandHandler> handlers,
    ICorpusProvider corpus,
    IChatSettingsStore settings,
    IOptions<BotOptions> options,
    ILogger<CommandRouter> logger) : IChatPipeline
{
    private readonly Dictionary<string, IChatCommandHandler> _handlers = handlers
        .SelectMany(h => h.Names.Select(n => (Name: n, Handler: h)))
        .ToDictionary(x => x.Name, x => x.Handler, StringComparer.OrdinalIgnoreCase);

    /// <summary>Commands that answer from the corpus and so need articles.</summary>
    private static readonly HashSet<string> NeedsCorpus = new(StringComparer.Ordinal) { "ask", "summary", "who", "articles", "digest" };

    public async Task<Reply> HandleAsync(ChatRequest request, IProgress<string>? partialText, CancellationToken cancellationToken)
    {
        var bot = options.Value;
        var command = ChatCommand.Parse(request.Text);
        var chatLanguage = (await settings.GetAsync(new ChatKey(request.Platform, request.ChatId), cancellationToken)).Language;
        var language = LanguageResolver.Resolve(chatLanguage, request.UserLocale, command.Arguments, command.IsExplicit && command.Arguments.Length == 0, bot.Default);

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

        try
        {
            var snapshot = corpus.Current;
            if (NeedsCorpus.Contains(name) && snapshot.Articles.Count == 0)
            {
                return Reply.Text(language, Texts.EmptyCorpus(language), ReplyKind.Error);
            }

            return await handler.HandleAsync(new CommandContext(request, command with { Name = name }, language, snapshot, partialText), cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The /{Command} handler failed for a {Platform} request")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string command, string platform);
}
