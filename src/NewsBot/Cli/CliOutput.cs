using System.Text.Encodings.Web;
using System.Text.Json;
using NewsBot.Core.Chat;

namespace NewsBot.Cli;

/// <summary>The JSON shapes of DESIGN.md's command-line contract (camelCase).</summary>
public static class CliOutput
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record CitationJson(string ArticleId, string Title, string Date, string Source, string? Url = null);

    public sealed record AnswerJson(string Answer, string Language, string Backend, IReadOnlyList<CitationJson> Citations);

    public sealed record PersonJson(string Name, string Role, IReadOnlyList<string> Aliases, IReadOnlyList<string> ArticleIds, int Mentions);

    public sealed record WhoJson(string Language, string? Answer, IReadOnlyList<PersonJson> People);

    public sealed record ArticleJson(string ArticleId, string Title, string Date, string Language, string Source);

    public sealed record ArticlesJson(IReadOnlyList<ArticleJson> Articles);

    public sealed record DigestArticleJson(string ArticleId, string Title, string Date, string Summary);

    public sealed record DigestJson(string Language, string Text, IReadOnlyList<DigestArticleJson> Articles);

    public sealed record ErrorJson(string Error);

    public sealed record IngestJson(string Folder, int Articles, int Passages, int People, int Parsed, int FromCache, int Skipped, double Seconds);

    public static IReadOnlyList<CitationJson> Citations(Reply reply) =>
        reply.Citations.Select(c => new CitationJson(c.ArticleId, c.Title, c.Date, c.Url ?? c.Source, c.Url)).ToList();

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Json);
}
