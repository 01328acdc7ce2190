namespace NewsBot.Core.People;

/// <summary>The people of the corpus, with lookup by name or alias in any spelling.</summary>
public sealed class PeopleIndex
{
    public static PeopleIndex Empty { get; } = new([]);

    public PeopleIndex(IReadOnlyList<Person> people)
    {
        People = people.OrderByDescending(p => p.Mentions).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Most mentioned first.</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>The person a name or alias refers to, in any case or spelling; null when none.</summary>
    public Person? Find(string query)
    {
        var key = Key(query);
        return People.FirstOrDefault(p => Key(p.Name) == key || p.Aliases.Any(a => Key(a) == key))
            ?? People.FirstOrDefault(p => Key(p.Name).EndsWith(" " + key, StringComparison.Ordinal));
    }

    /// <summary>The closest names for a name the corpus does not know.</summary>
    public IReadOnlyList<string> Suggest(string query, int max)
    {
        var key = Key(query);
        return People.OrderBy(p => Distance(Key(p.Name), key)).Take(max).Select(p => p.Name).ToList();
    }

    private static string Key(string name) => string.Join(' ', Search.TextAnalyzer.Tokens(name).Select(t => Search.TextAnalyzer.Fold(Search.TextAnalyzer.Normalize(t))));

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }
}
