using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Policies;
using NewsBot.Core.State;
using NewsBot.Core.Telemetry;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Commands;

/// <summary>
/// The platform-neutral pipeline, the same for every platform: access control, validation, the answer language,
/// admin-only commands, then the handler; answers from the corpus also pass the <see cref="AnswerGate"/>
/// (one per user, rate limit, global queue). Every failure becomes one clear reply in the user's language.
/// </summary>
public sealed partial class CommandRouter(
    CommandCatalogue commands,
    ICorpusProvider corpus,
    IChatSettingsStore settings,
    AccessPolicy access,
    RefusalThrottle refusals,
    AnswerGate gate,
    IOptions<BotOptions> options,
    ILogger<CommandRouter> logger,
    RecentLanguages recentLanguages,
    IAnswerLog? answerLog = null,
    TimeProvider? time = null) : IChatPipeline
{
    public async Task<Reply> HandleAsync(ChatRequest request, IProgress<string>? partialText, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var parsed = ChatCommand.Parse(request.Text);
        var known = commands.TryFind(parsed.Name, out var info, out _);
        var command = known ? info.Name : "unknown";
        using var activity = NewsBotTelemetry.Source.StartActivity("newsbot.route");
        activity?.SetTag("newsbot.platform", request.Platform);
        activity?.SetTag("newsbot.command", command);
        var usage = TokenUsage.Begin();
        var outcome = "failed";
        Reply? reply = null;
        try
        {
            reply = await RouteAsync(request, partialText, cancellationToken);
            outcome = NewsBotTelemetry.Outcome(reply.Kind);
            if (answerLog is not null && reply.Backend is { } backend && known && info.IsLogged && reply.Kind is ReplyKind.Answer or ReplyKind.Info)
            {
                reply = reply with { AnswerId = await LogAnswerAsync(answerLog, request, command, parsed.Arguments, backend, reply, usage) };
            }

            return reply;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            var language = reply?.Language.ToCode() ?? "none";
            var backendTag = reply?.Backend ?? "none";
            activity?.SetTag("newsbot.outcome", outcome);
            activity?.SetTag("newsbot.backend", backendTag);
            NewsBotTelemetry.Questions.Add(1, [new("platform", request.Platform), new("command", command), new("language", language), new("outcome", outcome)]);
            NewsBotTelemetry.AnswerDuration.Record(
                NewsBotTelemetry.SecondsSince(started),
                [new("platform", request.Platform), new("command", command), new("backend", backendTag), new("outcome", outcome)]);
        }
    }

    /// <summary>Keeps the answer for votes and /stats; a store failure costs the buttons, never the answer.</summary>
    private async Task<long?> LogAnswerAsync(IAnswerLog log, ChatRequest request, string command, string question, string backend, Reply reply, TokenUsage usage)
    {
        try
        {
            return await log.RecordAnswerAsync(
                new AnswerRecord
                {
                    Platform = request.Platform,
                    ChatId = request.ChatId,
                    Command = command,
                    Question = question,
                    Backend = backend,
                    Language = reply.Language.ToCode(),
                    Citations = reply.Citations,
                    PromptTokens = usage.Prompt,
                    CompletionTokens = usage.Completion,
                    At = (time ?? TimeProvider.System).GetUtcNow(),
                },
                CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogAnswerNotLogged(logger, ex, request.Platform);
            return null;
        }
    }

    private async Task<Reply> RouteAsync(ChatRequest request, IProgress<string>? partialText, CancellationToken cancellationToken)
    {
        var bot = options.Value;
        var command = ChatCommand.Parse(request.Text);
        // "?" or "…" alone asks nothing: without a letter or a digit a message is as empty as a blank one (as a question it
        // leaned on the conversation's earlier words and quoted whatever they met).
        if (command.Arguments.Length > 0 && !command.Arguments.Any(char.IsLetterOrDigit))
        {
            command = command with { Arguments = "" };
        }

        var commandWithoutText = command.IsExplicit && command.Arguments.Length == 0;
        if (!access.IsAllowed(request))
        {
            return RefuseStranger(request, command, commandWithoutText, bot.Default);
        }

        var chatLanguage = (await settings.GetAsync(new ChatKey(request.Platform, request.ChatId), cancellationToken)).Language;
        var user = UserKey.Of(request);
        var detected = LanguageDetector.Detect(command.Arguments);
        var language = LanguageResolver.Resolve(request.AnswerLanguage ?? chatLanguage, LocaleOf(request, command), detected, commandWithoutText, bot.Default, recentLanguages.Of(user));
        if (detected is { } written)
        {
            recentLanguages.Note(user, written);
        }

        if (command.Arguments.Length == 0 && !command.IsExplicit)
        {
            return Reply.Text(language, commands.Help(language));
        }

        if (request.Text.Length > bot.MaxQuestionLength)
        {
            return Reply.Text(language, Texts.TooLong(language, bot.MaxQuestionLength), ReplyKind.Error);
        }

        if (!commands.TryFind(command.Name, out var info, out var handler))
        {
            return Reply.Text(language, Texts.UnknownCommand(language, "/" + command.Name), ReplyKind.Error);
        }

        command = command with { Name = info.Name };
        if (AdminOnlyCommands.ChangesChatSettings(command, handler) && !access.MayChangeChatSettings(request))
        {
            return Reply.Text(language, Texts.AdminOnly(language), ReplyKind.Refusal);
        }

        try
        {
            var snapshot = corpus.Current;
            var context = new CommandContext(request, command, language, snapshot, partialText, commands);
            if (!info.AnswersFromCorpus || info.IsAboutTheChat?.Invoke(command.Arguments) == true)
            {
                return await handler.HandleAsync(context, cancellationToken);
            }

            if (snapshot.Articles.Count == 0)
            {
                return Reply.Text(language, Texts.EmptyCorpus(language), ReplyKind.Error);
            }

            return await gate.RunAsync(
                request,
                language,
                token => handler.HandleAsync(context, token),
                cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, info.Name, request.Platform);
            return Reply.Text(language, Texts.InternalError(language), ReplyKind.Error);
        }
    }

    /// <summary>
    /// The user's locale; where the platform tells none (the console, Discord messages), a command typed by its German name
    /// ("/abbrechen", "/wer") says the user reads German.
    /// </summary>
    private string? LocaleOf(ChatRequest request, ChatCommand command) =>
        request.UserLocale
        ?? (command.IsExplicit && commands.TryFind(command.Name, out var info, out _) && info.GermanName is { } german
            && german != info.Name && string.Equals(german, command.Name, StringComparison.OrdinalIgnoreCase)
                ? "de"
                : null);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep a {Platform} answer for votes and statistics")]
    private static partial void LogAnswerNotLogged(ILogger logger, Exception exception, string platform);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a {Platform} message from chat {ChatId}, user {UserId}: not on the allow-list")]
    private static partial void LogRefused(ILogger logger, string platform, string chatId, string userId);
}
