using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NewsBot.Retrieval.Search;

namespace NewsBot.Retrieval.People;

/// <summary>
/// What the German–English dictionary (Debian's trans-de-en, the format of <see cref="Search.BilingualDictionary"/>) knows
/// about ordinary words, for telling names from words:
/// <list type="bullet">
/// <item>common words: German nouns and adjectives (headwords tagged <c>{m}</c>, <c>{f}</c>, <c>{n}</c>, <c>{pl}</c>,
/// <c>{adj}</c>) and English single words. A capitalised token the dictionary knows is not a name by itself ("Day",
/// "College", "Assembly", "Wahl"); it still is one after a given name ("Doris Day") or as the surname of a person the
/// article introduced.</item>
/// <item>person nouns: a German masculine noun listed with its feminine form in one entry ("Richter {m}; Richterin {f}",
/// "Anwalt {m}; Anwältin {f}", "Kameramann {m} | … | Kamerafrau {f}") names what a person is or does; so do the English
/// words of the same sub-entry ("judge", "lawyer", "cameraman"). These are role nouns in every domain and both
/// languages without a hand-made list.</item>
/// </list>
/// Loaded once per file and process (a scan of the text, no translation tables). Thread-safe once built.
/// </summary>
public sealed partial class WordKnowledge
{
    private static readonly ConcurrentDictionary<string, Lazy<WordKnowledge>> Loaded = new(StringComparer.Ordinal);

    // Open-addressing sets compiled optimised at once (HashSet<ulong> ran unoptimised through much of a cold ingest).
    private readonly HashSet64 _germanCommon;
    private readonly HashSet64 _englishCommon;
    private readonly HashSet64 _englishProper;
    private readonly FrozenSet<string> _germanPersonNouns;
    private readonly FrozenSet<string> _englishPersonNouns;
    private readonly FrozenSet<string> _placeKinds;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _englishPersonNounsBySpan;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _germanPersonNounsBySpan;

    private WordKnowledge(HashSet64 germanCommon, HashSet64 englishCommon, HashSet64 englishProper, FrozenSet<string> germanPersonNouns, FrozenSet<string> englishPersonNouns, FrozenSet<string> placeKinds)
    {
        _placeKinds = placeKinds;
        _germanCommon = germanCommon;
        _englishCommon = englishCommon;
        _englishProper = englishProper;
        _germanPersonNouns = germanPersonNouns;
        _englishPersonNouns = englishPersonNouns;
        _englishPersonNounsBySpan = englishPersonNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        _germanPersonNounsBySpan = germanPersonNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        _englishPersonNounLastWords = new(() => PeopleLexicon.LastWords(englishPersonNouns), LazyThreadSafetyMode.ExecutionAndPublication);
        LongestGermanPersonNoun = germanPersonNouns.Count == 0 ? 0 : germanPersonNouns.Max(n => n.Length);
    }

    /// <summary>Time the scan took (zero when taken from the per-process cache).</summary>
    public TimeSpan LoadTime { get; private set; }

    public int GermanPersonNouns => _germanPersonNouns.Count;

    public int EnglishPersonNouns => _englishPersonNouns.Count;

    internal int LongestGermanPersonNoun { get; }

    /// <summary>
    /// The knowledge in a trans-de-en file, once per process and path: read from its snapshot in <paramref name="snapshotFolder"/>
    /// when that matches the file (a fraction of the scan's time), else scanned and the snapshot written.
    /// </summary>
    public static WordKnowledge Load(string path, string? snapshotFolder = null) =>
        Loaded.GetOrAdd(Path.GetFullPath(path), p => new Lazy<WordKnowledge>(() => ReadOrScan(p, snapshotFolder), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>Loads the file when it exists; null (no word knowledge) when the path is empty or missing.</summary>
    public static WordKnowledge? TryLoad(string? path, string? snapshotFolder = null) =>
        string.IsNullOrWhiteSpace(path) || !File.Exists(path) ? null : Load(path, snapshotFolder);

    internal static WordKnowledge ReadOrScan(string path, string? snapshotFolder)
    {
        var snapshot = snapshotFolder is null ? null : WordKnowledgeSnapshot.FileFor(snapshotFolder, path);
        if (snapshot is not null && ReadSnapshot(snapshot, path) is { } read)
        {
            return read;
        }

        var scanned = Scan(path);
        if (snapshot is not null)
        {
            WordKnowledgeSnapshot.TryWrite(snapshot, path, scanned.ToParts());
        }

        return scanned;
    }

    /// <summary>The knowledge from its snapshot when that matches the dictionary file; null when missing, stale or damaged.</summary>
    internal static WordKnowledge? ReadSnapshot(string snapshot, string path)
    {
        var watch = Stopwatch.StartNew();
        return WordKnowledgeSnapshot.TryRead(snapshot, path) is { } parts
            ? new WordKnowledge(parts.GermanCommon, parts.EnglishCommon, parts.EnglishProper, parts.GermanPersonNouns, parts.EnglishPersonNouns, parts.PlaceKinds) { LoadTime = watch.Elapsed }
            : null;
    }

    /// <summary>What the knowledge is made of, for its snapshot.</summary>
    internal WordKnowledgeSnapshot.Parts ToParts() => new(_germanCommon, _englishCommon, _englishProper, _germanPersonNouns, _englishPersonNouns, _placeKinds);

    private static WordKnowledge Scan(string path)
    {
        var watch = Stopwatch.StartNew();
        var knowledge = Parse(File.ReadLines(path));
        knowledge.LoadTime = watch.Elapsed;
        return knowledge;
    }

    /// <summary>Builds the knowledge from dictionary lines (<c>German :: English</c>, sub-entries split by <c>|</c>).</summary>
    public static WordKnowledge Parse(IEnumerable<string> lines)
    {
        var germanCommon = new HashSet<ulong>();
        var englishCommon = new HashSet<ulong>();
        var englishProper = new HashSet<ulong>();
        var germanPersons = new HashSet<string>(StringComparer.Ordinal);
        var englishPersons = new HashSet<string>(StringComparer.Ordinal);
        var masculine = new List<(string Word, int Sub)>();
        var feminine = new HashSet<string>(StringComparer.Ordinal);
        var englishSubs = new List<string>();
        var englishRanges = new List<Range>();
        var kindUses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var separator = line.IndexOf(" :: ", StringComparison.Ordinal);
            if (separator < 0)
            {
                continue;
            }

            masculine.Clear();
            feminine.Clear();
            CountPlaceKinds(line, separator, kindUses);
            var german = line.AsSpan(0, separator);
            englishRanges.Clear();
            foreach (var subRange in line.AsSpan(separator + 4).Split(" | "))
            {
                englishRanges.Add(subRange);
            }

            var sub = 0;
            foreach (var subRange in german.Split(" | "))
            {
                // Not ordinary words: names the dictionary translates with a capitalised name ("Lena (river)"), and
                // taxonomic genera ("Meier {pl} (Asperula) (botanische Gattung)").
                var named = sub < englishRanges.Count && StartsCapitalised(line.AsSpan(separator + 4)[englishRanges[sub]]);
                var genus = german[subRange].Contains("Gattung)", StringComparison.Ordinal);
                foreach (var synonymRange in german[subRange].Split("; "))
                {
                    var synonym = german[subRange][synonymRange];
                    if (!TryHeadword(synonym, out var word, out var tag))
                    {
                        continue;
                    }

                    var isNoun = tag is "m" or "f" or "n" or "pl" or "m,f" or "f,m";
                    if ((isNoun || tag is "adj") && !named && !genus)
                    {
                        germanCommon.Add(Hash(word, lower: true));
                    }

                    if (tag is "m" or "m,f")
                    {
                        masculine.Add((word.ToString(), sub));
                    }

                    if (tag is "f" or "m,f")
                    {
                        feminine.Add(word.ToString());
                    }
                }

                sub++;
            }

            var english = line.AsSpan(separator + 4);
            englishSubs.Clear();
            foreach (var subRange in english.Split(" | "))
            {
                var subText = english[subRange];
                if (masculine.Count > 0)
                {
                    englishSubs.Add(subText.ToString()); // only entries with a masculine noun can pair person nouns
                }

                foreach (var synonymRange in subText.Split("; "))
                {
                    var synonym = Clean(subText[synonymRange]);
                    if (IsEnglishWord(synonym, maxWords: 1))
                    {
                        // "day" is an ordinary word; "Doris", "Kenya" are names the dictionary happens to translate.
                        (char.IsUpper(synonym[0]) ? englishProper : englishCommon).Add(Hash(synonym, lower: true));
                    }
                }
            }

            foreach (var (word, index) in masculine)
            {
                if (!HasFeminine(word, feminine))
                {
                    continue;
                }

                germanPersons.Add(word.ToLowerInvariant());
                foreach (var form in FeminineForms(word))
                {
                    if (feminine.Contains(form))
                    {
                        germanPersons.Add(form.ToLowerInvariant());
                    }
                }

                if (index < englishSubs.Count)
                {
                    var subText = englishSubs[index].AsSpan();
                    foreach (var synonymRange in subText.Split("; "))
                    {
                        var synonym = Clean(subText[synonymRange]);
                        if (IsEnglishWord(synonym, maxWords: 2) && !synonym.StartsWith("female ", StringComparison.Ordinal)
                            && !synonym.StartsWith("male ", StringComparison.Ordinal))
                        {
                            englishPersons.Add(synonym.ToString().ToLowerInvariant());
                        }
                    }
                }
            }
        }

        return new WordKnowledge(
            HashSet64.Build(germanCommon),
            HashSet64.Build(englishCommon),
            HashSet64.Build(englishProper),
            germanPersons.ToFrozenSet(StringComparer.Ordinal),
            englishPersons.ToFrozenSet(StringComparer.Ordinal),
            kindUses.Where(k => k.Value >= MinPlaceKindUses).Select(k => k.Key).ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// The dictionary says what kind of place a name is in its gloss: "Bestwig (Stadt in Deutschland) [geogr.] :: Bestwig
    /// (town in Germany)", "Altmark (Region in Deutschland)", "(Hauptstadt von …)". The nouns it glosses places with, in
    /// either language, are counted here (lower case).
    /// </summary>
    private static void CountPlaceKinds(string line, int separator, Dictionary<string, int> uses)
    {
        if (!line.Contains("[geogr.]", StringComparison.Ordinal))
        {
            return;
        }

        // Once per place: "(Region in Lettland) … (region in Latvia)" glosses one place, in both languages.
        foreach (var kind in GermanPlaceGloss().Matches(line, 0).Where(m => m.Index < separator).Concat(EnglishPlaceGloss().Matches(line, separator))
            .Select(m => m.Groups["k"].Value.ToLowerInvariant()).Distinct())
        {
            uses[kind] = uses.GetValueOrDefault(kind) + 1;
        }
    }

    /// <summary>A gloss noun used for one place only may be a slip ("Erdbeben in …"); a kind of place glosses several.</summary>
    private const int MinPlaceKindUses = 2;

    [GeneratedRegex(@"\((?<k>\p{Lu}\p{Ll}+) (?:in|im|an|am|auf|bei|von) ")]
    private static partial Regex GermanPlaceGloss();

    [GeneratedRegex(@"\((?<k>\p{Ll}+) (?:in|on|of|near) ")]
    private static partial Regex EnglishPlaceGloss();

    /// <summary>
    /// The word is a kind of place the dictionary glosses names with, in either language ("Insel", "town"; lower case or
    /// capitalised): "Auf welcher Insel …" asks for a place as "Wo …" does.
    /// </summary>
    public bool IsPlaceKind(string word) => _placeKinds.Contains(word.ToLowerInvariant());

    /// <summary>True when the German dictionary lists the word (any case) as a noun or adjective.</summary>
    public bool IsGermanCommonWord(string token) => _germanCommon.Contains(Hash(token, lower: true));

    /// <summary>As <see cref="IsGermanCommonWord(string)"/>, for part of a word (a stem, a compound's part) without cutting a string.</summary>
    public bool IsGermanCommonWord(ReadOnlySpan<char> token) => _germanCommon.Contains(Hash(token, lower: true));

    /// <summary>True when the English side of the dictionary has the word, written lowercase, as a translation by itself.</summary>
    public bool IsEnglishCommonWord(string token) => _englishCommon.Contains(Hash(token, lower: true));

    private static bool StartsCapitalised(ReadOnlySpan<char> text)
    {
        var trimmed = text.TrimStart();
        return trimmed.Length > 0 && char.IsUpper(trimmed[0]);
    }

    /// <summary>True when the English side has the word capitalised only: a proper name the dictionary knows ("Kenya", "Doris").</summary>
    public bool IsEnglishProperName(string token) => _englishProper.Contains(Hash(token, lower: true));

    /// <summary>True for a lowercase German person noun ("richterin", "torhüter", "kameramann").</summary>
    public bool IsGermanPersonNoun(string lower) => _germanPersonNouns.Contains(lower);

    /// <summary>True for a lowercase English person noun or two-word phrase ("lawyer", "goalkeeper", "chief executive").</summary>
    public bool IsEnglishPersonNoun(string lower) => _englishPersonNouns.Contains(lower);

    /// <summary>True when some English person noun or phrase ends with this lowercase word.</summary>
    public bool EndsEnglishPersonNoun(string lowerWord) => _englishPersonNounLastWords.Value.Contains(lowerWord);

    private readonly Lazy<FrozenSet<string>> _englishPersonNounLastWords;

    /// <summary>As <see cref="IsEnglishPersonNoun(string)"/>, for a phrase put together in a buffer.</summary>
    public bool IsEnglishPersonNoun(ReadOnlySpan<char> lower) => _englishPersonNounsBySpan.Contains(lower);

    private readonly WordCache<(string? BaseForm, bool Feminine, bool Plural)> _germanRoles = new();

    /// <summary>
    /// Whether a capitalised German token is a person noun or a compound ending in one ("Bayern-Trainer", "Polizeisprecherin",
    /// "Zoologen"), with its base form (inflection dropped). Compounds need a person noun of at least five letters, so that
    /// short ones ("Erbe") do not make "Kulturerbe" a role.
    /// </summary>
    public bool TryGermanPersonNoun(string token, out string baseForm, out bool feminine, out bool plural)
    {
        if (!_germanRoles.TryGetValue(token, out var role))
        {
            role = _germanRoles.Add(token, ClassifyGermanPersonNoun(token));
        }

        baseForm = role.BaseForm ?? token;
        feminine = role.Feminine;
        plural = role.Plural;
        return role.BaseForm is not null;
    }

    private (string? BaseForm, bool Feminine, bool Plural) ClassifyGermanPersonNoun(string token)
    {
        if (token.Length < 4 || !char.IsUpper(token[0]))
        {
            return default;
        }

        // Slices of one lowercase copy, looked up by span: once per distinct capitalised German word, without a string per try.
        var lower = token.ToLowerInvariant().AsSpan();
        foreach (var ending in (ReadOnlySpan<string>)["", "s", "n", "en", "nen"])
        {
            if (!lower.EndsWith(ending, StringComparison.Ordinal) || lower.Length - ending.Length < 4)
            {
                continue;
            }

            var stem = lower[..^ending.Length];
            var part = stem[(stem.LastIndexOf('-') + 1)..];
            var root = _germanPersonNounsBySpan.Contains(part) ? part.Length : 0;
            for (var length = Math.Min(LongestGermanPersonNoun, part.Length - 3); root == 0 && length >= 5; length--)
            {
                if (_germanPersonNounsBySpan.Contains(part[^length..]))
                {
                    root = length;
                }
            }

            if (root > 0)
            {
                var noun = part[^root..];
                var feminine = noun.EndsWith("in", StringComparison.Ordinal) || noun.EndsWith("frau", StringComparison.Ordinal);
                return (token[..^ending.Length], feminine, ending is "en" or "nen" && noun[^1] != 'e');
            }
        }

        return default;
    }

    /// <summary>"Richter" has "Richterin", "Anwalt" has "Anwältin", "Zoologe" has "Zoologin", "Angeklagter" has
    /// "Angeklagte", "Kameramann" has "Kamerafrau": the pairs German forms for people of either sex.</summary>
    private static bool HasFeminine(string masculine, HashSet<string> feminine)
    {
        foreach (var form in FeminineForms(masculine))
        {
            if (feminine.Contains(form))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly (char Plain, char Umlaut)[] Umlauts = [('a', 'ä'), ('o', 'ö'), ('u', 'ü')];

    private static IEnumerable<string> FeminineForms(string masculine)
    {
        yield return masculine + "in";
        foreach (var (plain, umlaut) in Umlauts)
        {
            var at = masculine.LastIndexOf(plain);
            if (at > 0)
            {
                yield return string.Concat(masculine.AsSpan(0, at), [umlaut], masculine.AsSpan(at + 1)) + "in";
            }
        }

        if (masculine.EndsWith('e'))
        {
            yield return masculine[..^1] + "in";
        }

        if (masculine.EndsWith("er", StringComparison.Ordinal) && masculine.Length > 4)
        {
            yield return masculine[..^1]; // adjectival nouns: "Angeklagter" → "Angeklagte"
        }

        if (masculine.EndsWith("mann", StringComparison.Ordinal))
        {
            yield return masculine[..^4] + "frau";
        }
    }

    /// <summary>"Richterin {f} [jur.]" → ("Richterin", "f"): one word followed by a gender or word-class tag.</summary>
    private static bool TryHeadword(ReadOnlySpan<char> synonym, out ReadOnlySpan<char> word, out string tag)
    {
        word = default;
        tag = "";
        synonym = synonym.Trim();
        var brace = synonym.IndexOf(" {", StringComparison.Ordinal);
        if (brace <= 0)
        {
            return false;
        }

        var close = synonym[(brace + 2)..].IndexOf('}');
        if (close < 0)
        {
            return false;
        }

        word = synonym[..brace];
        if (word.ContainsAny(' ', '(', '/') || word.ContainsAny('[', '.', '…') || !char.IsLetter(word[0]))
        {
            return false;
        }

        tag = synonym.Slice(brace + 2, close) switch
        {
            "m" => "m",
            "f" => "f",
            "n" => "n",
            "pl" => "pl",
            "m,f" => "m,f",
            "f,m" => "f,m",
            "adj" => "adj",
            _ => "",
        };
        return tag.Length > 0;
    }

    /// <summary>Drops notes in brackets and slashes: "(Film, TV) cameraman" → "cameraman".</summary>
    private static ReadOnlySpan<char> Clean(ReadOnlySpan<char> synonym)
    {
        if (synonym.IndexOfAny('(', '[', '/') < 0 && synonym.IndexOf('{') < 0)
        {
            return synonym.Trim();
        }

        Span<char> buffer = synonym.Length <= 256 ? stackalloc char[synonym.Length] : new char[synonym.Length];
        var length = 0;
        var depth = 0;
        var slash = false;
        foreach (var c in synonym)
        {
            switch (c)
            {
                case '(' or '[' or '{':
                    depth++;
                    continue;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    continue;
                case '/':
                    slash = !slash;
                    continue;
            }

            if (depth == 0 && !slash)
            {
                buffer[length++] = c;
            }
        }

        return new string(buffer[..length].Trim()).AsSpan();
    }

    /// <summary>Letters (with inner apostrophes and hyphens), at most <paramref name="maxWords"/> words, lowercase after the first letter.</summary>
    private static bool IsEnglishWord(ReadOnlySpan<char> text, int maxWords)
    {
        if (text.Length < 2 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        var words = 1;
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ' ')
            {
                if (++words > maxWords || i + 1 >= text.Length || !char.IsAsciiLetterLower(text[i + 1]))
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterLower(c) && c is not '\'' and not '-')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>FNV-1a over the lowercased word: a set of hashes costs a fraction of a set of strings.</summary>
    [MethodImpl(HotPath.Options)]
    private static ulong Hash(ReadOnlySpan<char> word, bool lower)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ (lower ? char.ToLowerInvariant(c) : c)) * 1099511628211UL;
        }

        return hash;
    }
}

/// <summary>
/// The <see cref="WordKnowledge"/> the app's people index uses: scanned from the dictionary file of
/// <c>Search:DictionaryPath</c> on first use (in the background build of the people index), null when there is none.
/// </summary>
public sealed class WordKnowledgeSource(string? dictionaryPath, string? snapshotFolder = null)
{
    private readonly Lazy<WordKnowledge?> _knowledge = new(() => WordKnowledge.TryLoad(dictionaryPath, snapshotFolder), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>No dictionary: person detection uses its built-in lists only.</summary>
    public static WordKnowledgeSource None { get; } = new(null);

    public WordKnowledge? Knowledge => _knowledge.Value;

    /// <summary>The dictionary file the knowledge is read from (null or missing: none), for readers of its other parts.</summary>
    public string? DictionaryPath => dictionaryPath;

    /// <summary>Names the knowledge's source (file, size, time) without reading it: a persisted people index is keyed on it.</summary>
    public string Key
    {
        get
        {
            var file = string.IsNullOrWhiteSpace(dictionaryPath) ? null : new FileInfo(dictionaryPath);
            return file is { Exists: true } ? $"{file.FullName}|{file.Length}|{file.LastWriteTimeUtc.Ticks}" : "none";
        }
    }
}
