using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using NewsBot.Ai.Prompts;
using NewsBot.Core.Answers;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Telemetry;

namespace NewsBot.Ai;

/// <summary>
/// Cross-lingual retrieval: when the question is in another language than (part of) the corpus, one short model
/// call turns it into search terms in the corpus languages ("Where did Lavrov meet Rubio?" → "Lawrow, Rubio, Treffen").
/// Results are cached per question and languages; a failure adds no terms and is never cached.
/// </summary>
public sealed partial class LlmQueryExpander(IChatCompletionService chat, IOptions<LlmOptions> options, TimeProvider time, LlmCircuit circuit, ILogger<LlmQueryExpander> logger)
    : IQueryExpander
{
    public const int MaxTerms = 10;
    private const int MaxTermLength = 60;

    private readonly LlmOptions _options = options.Value;
    private readonly BoundedCache<string, IReadOnlyList<string>> _cache = new(1024);

    public async Task<IReadOnlyList<string>> ExpandAsync(
        string question,
        Language questionLanguage,
        IReadOnlyCollection<Language> corpusLanguages,
        CancellationToken cancellationToken)
    {
        var targets = corpusLanguages.Where(l => l != questionLanguage).Distinct().Order().ToList();
        if (targets.Count == 0 || string.IsNullOrWhiteSpace(question))
        {
            return [];
        }

        var key = $"{_options.ModelName}|{questionLanguage.ToCode()}>{string.Join(",", targets.Select(t => t.ToCode()))}|{Normalize(question)}";
        if (_cache.TryGet(key, out var cached))
        {
            return cached;
        }

        using var timeout = new CancellationTokenSource(_options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            circuit.ThrowIfOpen();
            IReadOnlyList<Microsoft.SemanticKernel.ChatMessageContent> replies;
            using (NewsBotTelemetry.Source.StartActivity("newsbot.llm.expand"))
            {
                replies = await chat.GetChatMessageContentsAsync(LlmPrompts.Expansion(question, targets), null, null, linked.Token);
            }

            NewsBotTelemetry.LlmCalls.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
            LlmUsage.Report(replies.Select(r => r.Metadata));
            var terms = ParseTerms(ThinkStripper.Strip(string.Concat(replies.Select(r => r.Content))));
            circuit.RecordSuccess();
            _cache.Set(key, terms);
            return terms;
        }
        catch (LlmUnavailableException skipped) when (skipped.IsCooldown)
        {
            return [];
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = LlmUnavailableException.From(ex, timeout.IsCancellationRequested, _options);
            NewsBotTelemetry.LlmCalls.Add(1, new KeyValuePair<string, object?>("outcome", "error"));
            NewsBotTelemetry.LlmErrors.Add(1, new KeyValuePair<string, object?>("cause", LlmUsage.CauseTag(failure)));
            circuit.RecordFailure(failure);
            LlmLog.ExpansionFailed(logger, failure.Cause, failure);
            return [];
        }
    }

    /// <summary>Reads "a, b; c" or one term per line, dropping bullets, numbering and quotes.</summary>
    public static IReadOnlyList<string> ParseTerms(string reply) =>
        reply.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => ListPrefix().Replace(t, "").Trim().Trim('"', '\'', '„', '“', '”', '«', '»', '.', ':').Trim())
            .Where(t => t.Length > 1 && t.Length <= MaxTermLength)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(MaxTerms)
            .ToList();

    [GeneratedRegex(@"^(?:[-*•]|\d{1,2}[.)])\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ListPrefix();

    private static string Normalize(string question) => string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
