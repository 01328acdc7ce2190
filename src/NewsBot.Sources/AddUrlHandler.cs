using Microsoft.Extensions.Logging;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Core.Policies;
using NewsBot.Core.Commands;

namespace NewsBot.Sources;

/// <summary>
/// /add &lt;url&gt;: fetches one page into the corpus. Admins only, in groups and direct chats alike, because it makes the
/// bot fetch a URL and write a file; only http and https to public hosts (see <see cref="UrlGuard"/>).
/// </summary>
public sealed partial class AddUrlHandler(PageImporter importer, IAdminPolicy admins, ILogger<AddUrlHandler> logger) : IChatCommandHandler
{
    public IReadOnlyList<CommandInfo> Commands { get; } =
    [
        new("add", new("Einen Artikel von einer Webseite aufnehmen (nur Admins)", "Add an article from a web page (admins only)"))
        {
            Usage = new("<URL>", "<url>"),
            Help = new("(nur Admins) einen Artikel von einer Webseite aufnehmen", "(admins only) add an article from a web page"),
            Argument = new("url", "url", new("Adresse des Artikels", "The article's address"), Required: true),
            Order = 65,
            ListedIn = CommandListing.Help,
        },
    ];

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var de = context.Language == Language.German;
        if (!admins.IsAdmin(context.Request))
        {
            return Reply.Text(context.Language, de ? "Nur Admins dürfen Seiten hinzufügen." : "Only admins may add pages.", ReplyKind.Refusal);
        }

        var argument = context.Command.Arguments.Trim();
        if (argument.Length == 0)
        {
            return Reply.Text(context.Language, de ? "So geht's: /add <URL eines Artikels>" : "Usage: /add <article URL>", ReplyKind.Error);
        }

        try
        {
            var result = await importer.ImportAsync(UrlGuard.Parse(argument), cancellationToken);
            var title = result.Title ?? result.Url;
            var text = result.Outcome switch
            {
                WriteOutcome.Added => de ? $"Hinzugefügt: {title}" : $"Added: {title}",
                WriteOutcome.Updated => de ? $"Aktualisiert: {title}" : $"Updated: {title}",
                WriteOutcome.Unchanged => de ? $"Schon vorhanden, unverändert: {title}" : $"Already there, unchanged: {title}",
                _ => de ? $"Derselbe Text ist schon unter {result.Url} vorhanden." : $"The same text is already there from {result.Url}.",
            };
            return Reply.Text(context.Language, text);
        }
        catch (Exception ex) when (ex is SourceRefusedException or FetchException or IOException)
        {
            LogAddFailed(logger, argument, ex.Message);
            return Reply.Text(context.Language, (de ? "Nicht hinzugefügt: " : "Not added: ") + ex.Message, ReplyKind.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "/add {Url} failed: {Reason}")]
    private static partial void LogAddFailed(ILogger logger, string url, string reason);
}
