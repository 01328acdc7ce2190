namespace NewsBot.Retrieval.People;

/// <summary>
/// What the people builder keeps of one article: its people (read against the other articles' surnames where it looked any up),
/// the folded surnames it introduces when read alone, and the surname keys it looked up then.
/// </summary>
public sealed record ExtractedArticle(ArticlePeople People, IReadOnlyList<string> Introduces, SurnameLookups Lookups);
