using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Corpus;

namespace NewsBot.Core.Commands;

/// <summary>Everything a handler needs for one request. <see cref="Command"/> carries the command's own name, not an alias.</summary>
public sealed record CommandContext(ChatRequest Request, ChatCommand Command, Language Language, CorpusSnapshot Corpus, IProgress<string>? Partial, CommandCatalogue Commands);

/// <summary>Handles one or more chat commands ("ask", "who", ...).</summary>
public interface IChatCommandHandler
{
    /// <summary>The commands this handler answers, declared once for help, menus and routing.</summary>
    IReadOnlyList<CommandInfo> Commands { get; }

    Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
