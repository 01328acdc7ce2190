using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NewsBot.Core.Chat;

namespace NewsBot.Cli;

/// <summary>The JSON shapes of DESIGN.md's command-line contract (camelCase).</summary>
public static partial class CliOutput
{
    /// <summary>
    /// The verbs' shapes come from generated metadata (<see cref="Shapes"/>): a one-shot verb does not spend its time building
    /// serializers by reflection and compiling them; other shapes (the source verbs', /stats) still serialize by reflection.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = JsonTypeInfoResolver.Combine(Shapes.Default, new DefaultJsonTypeInfoResolver()),
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

    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(AnswerJson))]
    [JsonSerializable(typeof(WhoJson))]
    [JsonSerializable(typeof(ArticlesJson))]
    [JsonSerializable(typeof(DigestJson))]
    [JsonSerializable(typeof(ErrorJson))]
    [JsonSerializable(typeof(IngestJson))]
    internal sealed partial class Shapes : JsonSerializerContext;
}
