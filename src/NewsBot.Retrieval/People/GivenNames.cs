namespace NewsBot.Retrieval.People;

/// <summary>
/// Given names from a licensed list (People/Data/given-names.txt, MIT, 61,661 names in six languages; see the README
/// there), plus the spellings <see cref="PeopleLexicon.SpellingGroups"/> joins to one of them ("Wolodymyr" with
/// "Volodymyr"). Keys are folded (<see cref="NameKey.FoldSpelling"/>), so accents and transliterations meet.
/// </summary>
public static class GivenNames
{
    private const string Resource = "NewsBot.Retrieval.People.given-names.txt";

    private static readonly Lazy<HashSet<string>> Keys = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Number of distinct folded given names known.</summary>
    public static int Count => Keys.Value.Count;

    /// <summary>Reads the list now (on a thread that would otherwise idle) rather than inside the first extraction.</summary>
    public static void Prepare() => _ = Keys.Value;

    /// <summary>True when the token (any case) is a known given name; hyphenated ones when both parts are
    /// ("Frank-Walter", "Jean-Luc"). Function words the list happens to hold ("The", "San", "Kein") never are.</summary>
    public static bool Contains(string token)
    {
        if (Cache.TryGetValue(token, out var known))
        {
            return known;
        }

        return Cache.Add(token, Classify(token));
    }

    // Per distinct token: the corpus vocabulary repeats, and this runs on every capitalised word.
    private static readonly WordCache<bool> Cache = new();

    /// <summary><see cref="Contains"/> without its per-token memo, for callers that keep their own (a token's record).</summary>
    internal static bool Classify(string token)
    {
        var keys = Keys.Value;
        var lower = token.ToLowerInvariant();
        if (PeopleLexicon.IsFunctionWord(lower) || PeopleLexicon.IsNameParticle(lower))
        {
            return false;
        }

        if (keys.Contains(NameKey.FoldSpelling(token)))
        {
            return true;
        }

        // Both parts must be given names: "Apple-Gründer" is not one because "Apple" is.
        var hyphen = token.IndexOf('-', StringComparison.Ordinal);
        return hyphen > 0 && hyphen < token.Length - 1 && char.IsUpper(token[hyphen + 1])
            && keys.Contains(NameKey.FoldSpelling(token[..hyphen])) && keys.Contains(NameKey.FoldSpelling(token[(hyphen + 1)..]));
    }

    /// <remarks>
    /// A plain set, not a frozen one: freezing the 61,661 keys took 70–90 ms more (measured at load 16), paid by every process
    /// that extracts people (an ingest of 100 articles too), while each distinct token asks the set once (see <see cref="Cache"/>).
    /// </remarks>
    private static HashSet<string> Load()
    {
        using var stream = typeof(GivenNames).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource {Resource} is missing");
        using var reader = new StreamReader(stream);
        return KeysOf(reader.ReadToEnd());
    }

    /// <summary>
    /// The folded keys of a list's <paramref name="text"/>, read line by line as spans of the one text: its 61,663 lines need
    /// no string each (22 MB of garbage at every start that extracts people), only their keys do. The list holds no line
    /// breaks but \n (and \r\n in a Windows checkout), so its lines are those <see cref="TextReader.ReadLine"/> gives.
    /// </summary>
    internal static HashSet<string> KeysOf(string text)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.Length > 1 && line[0] != '#' && NameKey.FoldSpellingUncached(line) is { Length: > 0 } key)
            {
                keys.Add(key);
            }
        }

        foreach (var group in PeopleLexicon.SpellingGroups)
        {
            if (group.Any(spelling => keys.Contains(NameKey.FoldSpelling(spelling))))
            {
                foreach (var spelling in group)
                {
                    keys.Add(NameKey.FoldSpelling(spelling));
                }
            }
        }

        return keys;
    }
}
