using Microsoft.Extensions.Logging;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Telemetry;

namespace NewsBot.Ai;

/// <summary>
/// The engine the bot uses when a model is configured: the model answers; when it cannot (timeout, refused key,
/// rate limit or server error after retries, any connector error) the extractive engine answers instead, with a
/// one-line note saying so. Errors are logged once here and never reach the caller; only the caller's own
/// cancellation does.
/// </summary>
public sealed class FallbackAnswerEngine(IAnswerEngine model, IAnswerEngine fallback, ILogger<FallbackAnswerEngine> logger) : IAnswerEngine
{
    public string Backend => model.Backend;

    public Task<Answer> AnswerAsync(AskContext context, CancellationToken cancellationToken) =>
        // With nothing retrieved there is nothing to ground a model answer on: the extractive engine's
        // localized "nothing found" is the honest reply, and no model call is spent.
        context.Hits.Count == 0
            ? fallback.AnswerAsync(context, cancellationToken)
            : WithFallbackAsync("answer", ct => model.AnswerAsync(context, ct), ct => fallback.AnswerAsync(context, ct), cancellationToken);

    public Task<Answer> SummarizeAsync(SummaryContext context, CancellationToken cancellationToken) =>
        context.Articles.Count == 0 && context.Hits.Count == 0
            ? fallback.SummarizeAsync(context, cancellationToken)
            : WithFallbackAsync("summary", ct => model.SummarizeAsync(context, ct), ct => fallback.SummarizeAsync(context, ct), cancellationToken);

    public Task<Answer> DescribePersonAsync(PersonContext context, CancellationToken cancellationToken) =>
        context.Hits.Count == 0
            ? fallback.DescribePersonAsync(context, cancellationToken)
            : WithFallbackAsync("who", ct => model.DescribePersonAsync(context, ct), ct => fallback.DescribePersonAsync(context, ct), cancellationToken);

    public async Task<string> BlurbAsync(Article article, Language language, CancellationToken cancellationToken)
    {
        try
        {
            return await model.BlurbAsync(article, language, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback("blurb", ex);
            return await fallback.BlurbAsync(article, language, cancellationToken);
        }
    }

    /// <summary>The model's translation; on failure none, so the caller shows the original wording (marked).</summary>
    public async Task<IReadOnlyList<string>?> TranslateAsync(IReadOnlyList<string> texts, Language language, CancellationToken cancellationToken)
    {
        try
        {
            return await model.TranslateAsync(texts, language, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback("translate", ex);
            return null;
        }
    }

    /// <summary>The note added to an extractive answer given in place of the model's.</summary>
    public static string UnavailableNote(Language language) => language == Language.German
        ? "Das Sprachmodell war nicht erreichbar; dies ist eine extraktive Antwort."
        : "The language model was unavailable; this is an extractive answer.";

    private async Task<Answer> WithFallbackAsync(
        string operation,
        Func<CancellationToken, Task<Answer>> primary,
        Func<CancellationToken, Task<Answer>> secondary,
        CancellationToken cancellationToken)
    {
        try
        {
            return await primary(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogFallback(operation, ex);
        }

        var answer = await secondary(cancellationToken);
        var note = new ReplyBlock(ReplyBlockKind.Note, UnavailableNote(answer.Language));
        return answer with { Blocks = [.. answer.Blocks, note] };
    }

    private void LogFallback(string operation, Exception ex)
    {
        NewsBotTelemetry.LlmFallbacks.Add(1, new KeyValuePair<string, object?>("operation", operation));
        // The failure that started a cooldown was logged with its cause; the calls it spares are not news.
        if (ex is LlmUnavailableException { IsCooldown: true } skipped)
        {
            LlmLog.SkippedModel(logger, operation, skipped.Cause);
        }
        else
        {
            LlmLog.FellBack(logger, operation, CauseOf(ex), ex);
        }
    }

    private static string CauseOf(Exception ex) => ex is LlmUnavailableException llm ? llm.Cause : $"unexpected {ex.GetType().Name}";
}
