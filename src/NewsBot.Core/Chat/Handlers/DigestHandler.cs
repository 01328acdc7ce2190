using NewsBot.Core.Digests;

namespace NewsBot.Core.Chat.Handlers;

/// <summary>/digest: a digest of the newest articles now.</summary>
public sealed class DigestHandler(DigestComposer composer) : IChatCommandHandler
{
    public const int DefaultMaxArticles = 5;

    public IReadOnlyList<string> Names { get; } = ["digest"];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        (await composer.ComposeAsync(context.Corpus.Articles, context.Language, DefaultMaxArticles, cancellationToken)).Reply;
}
