using NewsBot.Core.Articles;
using NewsBot.Core.Languages;

namespace NewsBot.Core.Chat;

/// <summary>Everything a handler needs for one request.</summary>
public sealed record CommandContext(ChatRequest Request, ChatCommand Command, Language Language, CorpusSnapshot Corpus, IProgress<string>? Partial);

/// <summary>Handles one or more chat commands ("ask", "who", ...).</summary>
public interface IChatCommandHandler
{
    IReadOnlyList<string> Names { get; }

    Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
