using NewsBot.Retrieval.Languages;

namespace NewsBot.Core.Chat;

public enum ReplyBlockKind
{
    Paragraph,
    Heading,
    Quote,
    ListItem,
    Note,
}

/// <summary>One block of a reply. Text is plain: renderers escape it for their platform.</summary>
public sealed record ReplyBlock(ReplyBlockKind Kind, string Text);

/// <summary>A source the reply cites as [Number].</summary>
public sealed record Citation(int Number, string ArticleId, string Title, string Date, string Source, string? Url = null);

public enum ReplyKind
{
    Answer,
    Info,
    Error,
    Refusal,

    /// <summary>Nothing to send (a message the bot ignores).</summary>
    Silent,
}

/// <summary>The platform-neutral answer: blocks of plain text plus numbered citations.</summary>
public sealed record Reply(Language Language, IReadOnlyList<ReplyBlock> Blocks, IReadOnlyList<Citation> Citations)
{
    public ReplyKind Kind { get; init; } = ReplyKind.Answer;

    /// <summary>"extractive" or "llm" when an answer engine wrote it.</summary>
    public string? Backend { get; init; }

    /// <summary>The id under which the answer log keeps this answer: adapters put vote buttons on it. Null for other replies.</summary>
    public long? AnswerId { get; init; }

    /// <summary>
    /// The structured result behind the text (the people of /who, the articles of /articles, the digest), for callers that
    /// print it as data (the CLI's --json). Chat surfaces show the blocks only.
    /// </summary>
    public object? Data { get; init; }

    public static Reply Silent { get; } = new(Language.English, [], []) { Kind = ReplyKind.Silent };

    public static Reply Text(Language language, string text, ReplyKind kind = ReplyKind.Info) =>
        new(language, Paragraphs(text), []) { Kind = kind };

    /// <summary>Splits text on blank lines into paragraph blocks.</summary>
    public static IReadOnlyList<ReplyBlock> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new ReplyBlock(ReplyBlockKind.Paragraph, p))
            .ToList();

    /// <summary>The reply as plain text, blocks separated by blank lines (for JSON and logs).</summary>
    public string PlainText => string.Join("\n\n", Blocks.Select(b => b.Text));
}
