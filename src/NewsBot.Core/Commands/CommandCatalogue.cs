using NewsBot.Retrieval.Languages;
using NewsBot.Core.Chat;

namespace NewsBot.Core.Commands;

/// <summary>Every command the registered handlers declare, by name and alias, in help order.</summary>
public sealed class CommandCatalogue
{
    private readonly Dictionary<string, (CommandInfo Info, IChatCommandHandler Handler)> _byName = new(StringComparer.OrdinalIgnoreCase);

    public CommandCatalogue(IEnumerable<IChatCommandHandler> handlers)
    {
        var all = new List<CommandInfo>();
        foreach (var handler in handlers)
        {
            foreach (var info in handler.Commands)
            {
                foreach (var name in info.Aliases.Prepend(info.Name))
                {
                    if (!_byName.TryAdd(name, (info, handler)))
                    {
                        throw new InvalidOperationException($"Two handlers declare the chat command /{name}.");
                    }
                }

                all.Add(info);
            }
        }

        Commands = [.. all.OrderBy(c => c.Order).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>All commands, in help and menu order.</summary>
    public IReadOnlyList<CommandInfo> Commands { get; }

    /// <summary>The commands listed in <paramref name="listing"/>.</summary>
    public IEnumerable<CommandInfo> ListedIn(CommandListing listing) => Commands.Where(c => (c.ListedIn & listing) != 0);

    /// <summary>The command a name or alias stands for, with its handler.</summary>
    public bool TryFind(string name, out CommandInfo info, out IChatCommandHandler handler)
    {
        if (_byName.TryGetValue(name, out var found))
        {
            (info, handler) = found;
            return true;
        }

        info = null!;
        handler = null!;
        return false;
    }

    /// <summary>True when the message is a command that must not wait behind a running answer (/cancel).</summary>
    public bool RunsAtOnce(string text)
    {
        var command = ChatCommand.Parse(text);
        return command.IsExplicit && TryFind(command.Name, out var info, out _) && info.RunsAtOnce;
    }

    /// <summary>The /help text: what the bot does, then one line per command.</summary>
    public string Help(Language language) =>
        Texts.HelpIntro(language) + "\n\n" + string.Join("\n", ListedIn(CommandListing.Help).Select(c => c.HelpLine(language)));
}
