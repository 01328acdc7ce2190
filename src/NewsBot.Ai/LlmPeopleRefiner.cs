using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.ChatCompletion;
using NewsBot.Ai.Prompts;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.People;
using NewsBot.Core.Telemetry;

namespace NewsBot.Ai;

/// <summary>
/// The optional model pass over each article's people: one call per article asks for the people and roles the article
/// names, as JSON; <see cref="PeopleProposals"/> keeps only what the article's text bears out. Replies are cached per
/// article text (in the cache folder when there is one, else for the process), so an article is asked once. A model error
/// or a reply that is not the JSON asked for leaves the rule-based people and is logged once per build; after an error the
/// rest of the build asks no more.
/// </summary>
public sealed partial class LlmPeopleRefiner(
    IChatCompletionService chat,
    IOptions<LlmOptions> options,
    IOptions<LlmPeopleOptions> peopleOptions,
    TimeProvider time,
    LlmCircuit circuit,
    ILogger<LlmPeopleRefiner> logger,
    CorpusCacheLocation? cacheLocation = null) : IPeopleRefiner
{
    /// <summary>The cache's sub-folder of the data/cache folder.</summary>
    public const string CacheFolderName = "people-llm";

    private const int MaxProposals = 200;

    private readonly LlmOptions _options = options.Value;
    private readonly BoundedCache<string, IReadOnlyList<ProposedPerson>> _memory = new(4096);

    public async Task<IReadOnlyList<ArticlePeople>> RefineAsync(
        IReadOnlyList<(Article Article, ArticlePeople Rules)> articles,
        CancellationToken cancellationToken)
    {
        var results = new ArticlePeople[articles.Count];
        var pass = new PassState();
        for (var i = 0; i < articles.Count; i++)
        {
            var (article, rules) = articles[i];
            results[i] = rules;
            var text = PeoplePrompt.ArticleText(article);
            var key = CacheKey(text);
            var proposals = Cached(key);
            if (proposals is null)
            {
                if (pass.Stopped || pass.Calls >= peopleOptions.Value.MaxCallsPerBuild)
                {
                    pass.Skipped++;
                    continue;
                }

                pass.Calls++;
                proposals = await AskAsync(article, text, pass, cancellationToken).ConfigureAwait(false);
                if (proposals is null)
                {
                    continue;
                }

                Store(key, proposals);
            }
            else
            {
                pass.FromCache++;
            }

            var outcome = PeopleProposals.Apply(article, rules, proposals);
            results[i] = outcome.People;
            pass.Added += outcome.PeopleAdded;
            pass.Roles += outcome.RolesAdded;
            pass.Rejected += outcome.Rejected.Count;
        }

        LogPass(logger, articles.Count, pass.Calls, pass.FromCache, pass.Skipped, pass.Added, pass.Roles, pass.Rejected);
        return results;
    }

    /// <summary>
    /// Reads the model's reply: {"people":[{"name","role"}]} (or the bare list), possibly inside a code fence or after
    /// reasoning. Null when it is not that.
    /// </summary>
    public static IReadOnlyList<ProposedPerson>? ParseReply(string reply)
    {
        var text = ThinkStripper.Strip(reply);
        var start = text.IndexOfAny(['{', '[']);
        var end = Math.Max(text.LastIndexOf('}'), text.LastIndexOf(']'));
        if (start < 0 || end <= start)
        {
            return null;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text[start..(end + 1)]);
        }
        catch (JsonException)
        {
            return null;
        }

        var list = root switch
        {
            JsonArray array => array,
            JsonObject obj => obj["people"] as JsonArray,
            _ => null,
        };
        if (list is null)
        {
            return null;
        }

        var people = new List<ProposedPerson>();
        foreach (var item in list.Take(MaxProposals))
        {
            if (item is JsonObject person && person["name"] is JsonValue name && name.TryGetValue<string>(out var n))
            {
                var role = person["role"] is JsonValue r && r.TryGetValue<string>(out var roleText) ? roleText : null;
                people.Add(new ProposedPerson(n, role));
            }
            else if (item is JsonValue value && value.TryGetValue<string>(out var bare))
            {
                people.Add(new ProposedPerson(bare));
            }
        }

        return people;
    }

    private async Task<IReadOnlyList<ProposedPerson>?> AskAsync(Article article, string text, PassState pass, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string reply;
        try
        {
            circuit.ThrowIfOpen();
            IReadOnlyList<Microsoft.SemanticKernel.ChatMessageContent> replies;
            using (NewsBotTelemetry.Source.StartActivity("newsbot.llm.people"))
            {
                replies = await chat.GetChatMessageContentsAsync(PeoplePrompt.Build(article, text), null, null, linked.Token).ConfigureAwait(false);
            }

            NewsBotTelemetry.LlmCalls.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
            LlmUsage.Report(replies.Select(r => r.Metadata));
            circuit.RecordSuccess();
            reply = string.Concat(replies.Select(r => r.Content));
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var failure = ex as LlmUnavailableException ?? LlmUnavailableException.From(ex, timeout.IsCancellationRequested, _options);
            if (!failure.IsCooldown)
            {
                NewsBotTelemetry.LlmCalls.Add(1, new KeyValuePair<string, object?>("outcome", "error"));
                NewsBotTelemetry.LlmErrors.Add(1, new KeyValuePair<string, object?>("cause", LlmUsage.CauseTag(failure)));
                circuit.RecordFailure(failure);
            }

            // One line per build, not one per article: the rest of the build keeps the rules' people without asking.
            pass.Stopped = true;
            LogModelFailed(logger, failure.Cause, failure);
            return null;
        }

        var proposals = ParseReply(reply);
        if (proposals is null && !pass.GarbageLogged)
        {
            pass.GarbageLogged = true;
            LogUnreadableReply(logger, article.Id, reply.Length);
        }

        return proposals;
    }

    private string CacheKey(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{PeoplePrompt.Version}\n{_options.ModelName}\n{text}"));
        return Convert.ToHexStringLower(bytes);
    }

    private string? CacheFile(string key) =>
        cacheLocation?.Folder is { } folder ? Path.Combine(folder, CacheFolderName, key + ".json") : null;

    private IReadOnlyList<ProposedPerson>? Cached(string key)
    {
        if (_memory.TryGet(key, out var remembered))
        {
            return remembered;
        }

        if (CacheFile(key) is not { } file || !File.Exists(file))
        {
            return null;
        }

        try
        {
            // The file holds the model's reply as read (not yet checked against the article): checking is cheap and
            // always done with the current rules.
            var people = ParseReply(File.ReadAllText(file));
            if (people is not null)
            {
                _memory.Set(key, people);
            }

            return people;
        }
        catch (IOException ex)
        {
            LogCacheFailed(logger, file, ex);
            return null;
        }
    }

    private void Store(string key, IReadOnlyList<ProposedPerson> people)
    {
        _memory.Set(key, people);
        if (CacheFile(key) is not { } file)
        {
            return;
        }

        var json = new JsonObject
        {
            ["people"] = new JsonArray(people.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["role"] = p.Role ?? "" }).ToArray()),
        };
        var temp = file + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(temp, json.ToJsonString());
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The pass still works without the cache; the article is asked again next time.
            LogCacheFailed(logger, file, ex);
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed class PassState
    {
        public int Calls { get; set; }

        public int FromCache { get; set; }

        public int Skipped { get; set; }

        public int Added { get; set; }

        public int Roles { get; set; }

        public int Rejected { get; set; }

        public bool Stopped { get; set; }

        public bool GarbageLogged { get; set; }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "People pass: language model unavailable ({Cause}); the rest of this build keeps the rule-based people")]
    private static partial void LogModelFailed(ILogger logger, string cause, Exception exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "People pass: the model's reply for article {ArticleId} ({Length} characters) was not the JSON asked for; that article keeps the rule-based people")]
    private static partial void LogUnreadableReply(ILogger logger, string articleId, int length);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "People pass: cache file {File} could not be used")]
    private static partial void LogCacheFailed(ILogger logger, string file, Exception exception);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "People pass over {Articles} articles: {Calls} asked, {FromCache} from cache, {Skipped} left for a later build; {Added} people and {Roles} roles added, {Rejected} proposals not borne out by the text")]
    private static partial void LogPass(ILogger logger, int articles, int calls, int fromCache, int skipped, int added, int roles, int rejected);
}
