using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Search;

public enum TranslationDirection
{
    GermanToEnglish,
    EnglishToGerman,
}

/// <summary>One translation of a dictionary key: its index terms (one or two, space-separated) and how often the dictionary pairs them.</summary>
public readonly record struct Translation(string Terms, int Count);

/// <summary>
/// A German–English dictionary in the format of Debian's <c>trans-de-en</c> (TU Chemnitz "Ding" list): one entry a line,
/// <c>German :: English</c>, both sides split by <c>|</c> into aligned sub-entries (headword, plural, verb forms, phrases),
/// each a <c>;</c>-separated list of synonyms, with <c>{gender}</c>, <c>[domain]</c>, <c>(note)</c> and <c>&lt;spelling&gt;</c> annotations.
/// Keys and translations are stored as <see cref="TextAnalyzer"/> terms (one or two words), so they meet the index directly.
/// Compact: one shared phrase table (<see cref="PhraseTable"/>) and, per direction, flat arrays of the most frequent translations
/// of each key; every part is a flat array, so a snapshot is read in bulk and looked up in place.
/// </summary>
public sealed class BilingualDictionary
{
    /// <summary>Translations kept per key: the most frequently paired ones; the rest are rare senses that only add noise.</summary>
    public const int MaxTranslationsPerKey = 8;

    /// <summary>Synonyms longer than this many terms are examples or idioms, not translations of a word.</summary>
    private const int MaxTermsPerPhrase = 2;

    /// <summary>Synonyms paired per sub-entry at most (a long synonym list pairs quadratically).</summary>
    private const int MaxSynonyms = 8;

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "etw", "jdn", "jdm", "jds", "jd", "sth", "sb", "sbs", "oneself", "one", "ones", "someone", "somebody", "something", "sich", "to",
    };

    private readonly PhraseTable _phrases;
    private readonly Table _germanToEnglish;
    private readonly Table _englishToGerman;
    /// <summary>64-bit hashes of the German words: a third of the memory of the strings, and a collision is vanishingly rare.</summary>
    private readonly HashSet64 _germanWords;

    private BilingualDictionary(PhraseTable phrases, Table germanToEnglish, Table englishToGerman, HashSet64 germanWords, GermanVerbTable germanVerbs, EnglishVerbTable englishVerbs, int entries)
    {
        if (germanToEnglish.Offsets.Length != phrases.Count + 1 || englishToGerman.Offsets.Length != phrases.Count + 1
            || !germanToEnglish.Fits(phrases.Count) || !englishToGerman.Fits(phrases.Count))
        {
            throw new InvalidDataException("translation tables do not match the phrases");
        }

        _phrases = phrases;
        _germanToEnglish = germanToEnglish;
        _englishToGerman = englishToGerman;
        _germanWords = germanWords;
        GermanVerbs = germanVerbs;
        EnglishVerbs = englishVerbs;
        Entries = entries;
    }

    /// <summary>Dictionary lines read (entries, not counting comments).</summary>
    public int Entries { get; }

    /// <summary>Distinct keys and translations (terms and two-term phrases) in the string table.</summary>
    public int Phrases => _phrases.Count;

    /// <summary>German single words (normalized, unstemmed) the dictionary knows: the vocabulary for splitting compounds.</summary>
    public int GermanWordCount => _germanWords.Count;

    /// <summary>The German verb forms with their infinitives, read in the same pass (packed; the answer engine unpacks them).</summary>
    public GermanVerbTable GermanVerbs { get; }

    /// <summary>The English irregular verbs with their past forms, read in the same pass.</summary>
    public EnglishVerbTable EnglishVerbs { get; }

    public TimeSpan LoadTime { get; private init; }

    public static BilingualDictionary Load(string path) => Load(path, snapshotFolder: null);

    /// <summary>
    /// Loads the dictionary; with a <paramref name="snapshotFolder"/>, from its binary snapshot when that matches the file
    /// (and writes one after parsing when it does not), see <see cref="DictionarySnapshot"/>.
    /// </summary>
    public static BilingualDictionary Load(string path, string? snapshotFolder)
    {
        var watch = Stopwatch.StartNew();
        var snapshot = snapshotFolder is null ? null : DictionarySnapshot.FileFor(snapshotFolder, path);
        if (snapshot is not null && DictionarySnapshot.TryRead(snapshot, path) is { } parts)
        {
            try
            {
                return FromParts(parts, watch.Elapsed, fromSnapshot: true);
            }
            catch (InvalidDataException)
            {
                // Arrays that do not fit together (a damaged file with an intact header): parsed again and rewritten below.
            }
        }

        var dictionary = Parse(File.ReadLines(path, Encoding.UTF8));
        if (snapshot is not null)
        {
            DictionarySnapshot.TryWrite(snapshot, path, dictionary.ToParts());
        }

        return new BilingualDictionary(dictionary._phrases, dictionary._germanToEnglish, dictionary._englishToGerman, dictionary._germanWords, dictionary.GermanVerbs, dictionary.EnglishVerbs, dictionary.Entries)
        {
            LoadTime = watch.Elapsed,
        };
    }

    /// <summary>True when this instance was read from a binary snapshot rather than parsed.</summary>
    public bool FromSnapshot { get; private init; }

    /// <summary>
    /// The dictionary's data as plain arrays, for <see cref="DictionarySnapshot"/>: the phrase table's characters, starts and
    /// hash slots, each direction's translation table, the German words' hash slots (with whether the hash 0 is one), the
    /// German verb forms' packed texts and the English irregular verbs' packed text.
    /// </summary>
    public sealed record Parts(
        (char[] Text, int[] Starts, int[] Slots) Phrases,
        (int[] Offsets, int[] Targets, ushort[] Counts) GermanToEnglish,
        (int[] Offsets, int[] Targets, ushort[] Counts) EnglishToGerman,
        (ulong[] Slots, bool HasZero) GermanWords,
        GermanVerbTable GermanVerbs,
        EnglishVerbTable EnglishVerbs,
        int Entries);

    private Parts ToParts() => new(
        (_phrases.Text, _phrases.Starts, _phrases.Slots),
        (_germanToEnglish.Offsets, _germanToEnglish.Targets, _germanToEnglish.Counts),
        (_englishToGerman.Offsets, _englishToGerman.Targets, _englishToGerman.Counts),
        (_germanWords.Slots, _germanWords.HasZero),
        GermanVerbs,
        EnglishVerbs,
        Entries);

    /// <summary>The dictionary of a snapshot's arrays, used in place; throws <see cref="InvalidDataException"/> when they do not fit together.</summary>
    private static BilingualDictionary FromParts(Parts parts, TimeSpan elapsed, bool fromSnapshot)
    {
        return new BilingualDictionary(
            new PhraseTable(parts.Phrases.Text, parts.Phrases.Starts, parts.Phrases.Slots),
            new Table(parts.GermanToEnglish.Offsets, parts.GermanToEnglish.Targets, parts.GermanToEnglish.Counts),
            new Table(parts.EnglishToGerman.Offsets, parts.EnglishToGerman.Targets, parts.EnglishToGerman.Counts),
            new HashSet64(parts.GermanWords.Slots, parts.GermanWords.HasZero),
            parts.GermanVerbs,
            parts.EnglishVerbs,
            parts.Entries)
        {
            LoadTime = elapsed,
            FromSnapshot = fromSnapshot,
        };
    }

    // Runs once over ~200,000 lines: compile it optimized at once instead of tiering up.
    [MethodImpl(HotPath.Options)]
    public static BilingualDictionary Parse(IEnumerable<string> lines)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var phrases = new List<string>();
        var pairs = new List<long>();
        // English → German by the English side's keys (see TextAnalyzer.KeyTerm), German → English to its index terms.
        var keyPairs = new List<long>();
        var germanWords = new HashSet<ulong>();
        var linePairs = new HashSet<long>();
        var lineKeyPairs = new HashSet<long>();
        var germanIds = new List<int>();
        // A German synonym as the key of its translations: its index term, or a separable verb's form with its particle.
        var germanKeys = new List<int>();
        var englishIds = new List<int>();
        var englishKeys = new List<int>();
        var entries = 0;
        // Each side by its own language: "war" is a word of the English side ("Krieg :: war"), a stop word of the German.
        var germanCache = new TokenCache(Language.German);
        var englishCache = new TokenCache(Language.English);
        var verbs = new GermanVerbTable.Collector();
        var englishVerbs = new EnglishVerbTable.Collector();

        int Id(string phrase)
        {
            if (!ids.TryGetValue(phrase, out var id))
            {
                ids[phrase] = id = phrases.Count;
                phrases.Add(phrase);
            }

            return id;
        }

        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var separator = line.IndexOf(" :: ", StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            entries++;
            verbs.Add(line);
            englishVerbs.Add(line);
            var german = StripAnnotations(line.AsSpan(0, separator)).Split(" | ");
            var english = StripAnnotations(line.AsSpan(separator + 4)).Split(" | ");
            // The sub-entries as written, split only for the few lines that hold an interjection (see below).
            var annotated = line.AsSpan(0, separator).Contains("{interj}", StringComparison.Ordinal) ? line[..separator].Split(" | ") : null;
            linePairs.Clear();
            lineKeyPairs.Clear();
            for (var part = 0; part < Math.Min(german.Length, english.Length); part++)
            {
                // An interjection ("Baba! … :: Bye bye!; So long!") carries no news content, and its words stripped of the
                // exclamation mean something else ("long"): it is no translation, and its German word no word of the vocabulary.
                if (annotated is not null && annotated.Length == german.Length && annotated[part].Contains("{interj}", StringComparison.Ordinal))
                {
                    continue;
                }

                germanIds.Clear();
                germanKeys.Clear();
                englishIds.Clear();
                englishKeys.Clear();
                Collect(german[part], germanIds, germanKeys, germanWords, germanCache, Id);
                Collect(english[part], englishIds, englishKeys, null, englishCache, Id, commaLists: true);
                foreach (var de in germanKeys)
                {
                    // A pair counts once per entry: the count then says in how many entries two words translate each other.
                    foreach (var en in englishIds)
                    {
                        if (linePairs.Add(((long)de << 32) | (uint)en))
                        {
                            pairs.Add(((long)de << 32) | (uint)en);
                        }
                    }
                }

                foreach (var de in germanIds)
                {
                    foreach (var en in englishKeys)
                    {
                        if (lineKeyPairs.Add(((long)en << 32) | (uint)de))
                        {
                            keyPairs.Add(((long)en << 32) | (uint)de);
                        }
                    }
                }
            }
        }

        var phraseArray = phrases.ToArray();
        var germanToEnglish = Table.Build(pairs.ToArray(), phraseArray.Length);
        var englishToGerman = Table.Build(keyPairs.ToArray(), phraseArray.Length);
        return new BilingualDictionary(PhraseTable.Build(phraseArray), germanToEnglish, englishToGerman, HashSet64.Build(germanWords), verbs.Build(), englishVerbs.Build(), entries);
    }

    /// <summary>The translations of a key (one index term, or two separated by a space), most frequent first.</summary>
    public IReadOnlyList<Translation> Translate(string key, TranslationDirection direction)
    {
        var id = _phrases.Find(key);
        if (id < 0)
        {
            return [];
        }

        var table = direction == TranslationDirection.GermanToEnglish ? _germanToEnglish : _englishToGerman;
        var start = table.Offsets[id];
        var end = table.Offsets[id + 1];
        var result = new Translation[end - start];
        for (var i = start; i < end; i++)
        {
            result[i - start] = new Translation(_phrases[table.Targets[i]], table.Counts[i]);
        }

        return result;
    }

    /// <summary>Whether the dictionary lists this German word (normalized: lowercase, umlauts folded, not stemmed).</summary>
    public bool IsGermanWord(string normalized) => _germanWords.Contains(WordHash(normalized));

    /// <summary><see cref="IsGermanWord(string)"/> of a span (a candidate part of a compound).</summary>
    public bool IsGermanWord(ReadOnlySpan<char> normalized) => _germanWords.Contains(WordHash(normalized));

    /// <summary>Whether <paramref name="germanWords"/> (a snapshot's German words read alone) lists the word, as <see cref="IsGermanWord"/>.</summary>
    internal static bool IsGermanWord(HashSet64 germanWords, ReadOnlySpan<char> normalized) => germanWords.Contains(WordHash(normalized));

    /// <summary>
    /// The <c>;</c>-separated synonyms of a sub-entry. With <paramref name="commaLists"/> (the English side), a synonym that is
    /// itself a list of short names separated by ", " is split too: "Romania, Rumania", "scoreboard, tote board" are two
    /// synonyms each, not one phrase that no text ever writes. A part of more than two words, or with a one-letter word
    /// ("Washington, D.C."), keeps the synonym whole.
    /// </summary>
    private static List<Range> SynonymRanges(ReadOnlySpan<char> synonyms, bool commaLists)
    {
        var ranges = new List<Range>();
        foreach (var range in synonyms.Split(';'))
        {
            var (offset, length) = range.GetOffsetAndLength(synonyms.Length);
            var synonym = synonyms.Slice(offset, length);
            if (!commaLists || !synonym.Contains(", ", StringComparison.Ordinal) || !IsListOfShortNames(synonym))
            {
                ranges.Add(range);
                continue;
            }

            foreach (var part in synonym.Split(','))
            {
                var (start, count) = part.GetOffsetAndLength(length);
                ranges.Add(new Range(offset + start, offset + start + count));
            }
        }

        return ranges;
    }

    /// <summary>Every comma-separated part has one or two words of two letters or more, outside brackets.</summary>
    private static bool IsListOfShortNames(ReadOnlySpan<char> synonym)
    {
        foreach (var part in synonym.Split(','))
        {
            var text = synonym[part];
            var words = 0;
            var depth = 0;
            var run = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : ' ';
                depth += c is '(' or '[' or '{' ? 1 : c is ')' or ']' or '}' ? -1 : 0;
                if (depth == 0 && (char.IsLetterOrDigit(c) || c is '-' or '\''))
                {
                    run++;
                    continue;
                }

                if (run == 1)
                {
                    return false;
                }

                words += run > 0 ? 1 : 0;
                run = 0;
            }

            if (words is 0 or > 2)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>FNV-1a over the word's UTF-16 code units.</summary>
    private static ulong WordHash(ReadOnlySpan<char> word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A token's analysis, cached: the dictionary repeats its words (verb forms, plurals) many times.</summary>
    private sealed record TokenInfo(string Normal, string? Term, string? Key, bool Filler);

    /// <summary>The tokens of one side of the dictionary, analysed as words of that side's language (its stop words dropped).</summary>
    private sealed class TokenCache(Language language)
    {
        private readonly Dictionary<string, TokenInfo> _cache = new(StringComparer.Ordinal);

        // Runs once over ~200,000 lines: compile it optimized at once instead of tiering up.
        [MethodImpl(HotPath.Options)]
        public TokenInfo Get(ReadOnlySpan<char> token)
        {
            var lookup = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(token, out var info))
            {
                var word = token.ToString();
                var normal = TextAnalyzer.Normalize(word);
                info = Fillers.Contains(normal)
                    ? new TokenInfo(normal, null, null, true)
                    : new TokenInfo(normal, TextAnalyzer.Term(word, language), TextAnalyzer.KeyTerm(word, language), false);
                _cache[word] = info;
            }

            return info;
        }
    }

    /// <summary>
    /// Adds the phrase ids of a sub-entry's synonyms (one or two terms each) to <paramref name="ids"/>, and to
    /// <paramref name="keyIds"/> the ids of the same synonyms as keys (English: <see cref="TextAnalyzer.KeyTerm"/>, mostly the
    /// same; German: the same but for a separable verb's form, see below).
    /// </summary>
    // Runs once over ~200,000 lines: compile it optimized at once instead of tiering up.
    [MethodImpl(HotPath.Options)]
    private static void Collect(ReadOnlySpan<char> synonyms, List<int> ids, List<int> keyIds, HashSet<ulong>? words, TokenCache cache, Func<string, int> id, bool commaLists = false)
    {
        var taken = 0;
        Span<string?> terms = new string?[MaxTermsPerPhrase];
        Span<string?> keys = new string?[MaxTermsPerPhrase];
        foreach (var range in SynonymRanges(synonyms, commaLists))
        {
            if (taken >= MaxSynonyms)
            {
                break;
            }

            var raw = synonyms[range];
            var count = 0;
            var tooLong = false;
            string? single = null;
            var tokens = 0;
            var wordCount = 0;
            string? trailingStop = null;
            var start = -1;
            for (var i = 0; i <= raw.Length && !tooLong; i++)
            {
                var isWord = i < raw.Length && char.IsLetterOrDigit(raw[i]);
                if (isWord && start < 0)
                {
                    start = i;
                }
                else if (!isWord && start >= 0)
                {
                    var info = cache.Get(raw[start..i]);
                    start = -1;
                    if (info.Filler)
                    {
                        continue;
                    }

                    wordCount++;
                    if (info.Term is null)
                    {
                        trailingStop = count > 0 ? info.Normal : null;
                        continue;
                    }

                    trailingStop = null;

                    // "der Kreml" is the word "kreml": stop words do not count.
                    tokens++;
                    single = info.Normal;

                    if (count == MaxTermsPerPhrase)
                    {
                        tooLong = true;
                        break;
                    }

                    keys[count] = info.Key;
                    terms[count++] = info.Term;
                }
            }

            if (tooLong || count == 0)
            {
                continue;
            }

            if (words is not null && tokens == 1 && single is { Length: >= 3 } && !char.IsDigit(single[0]))
            {
                words.Add(WordHash(single));
            }

            var phraseId = id(count == 1 ? terms[0]! : string.Join(' ', terms[..count]!));
            // "folgt aus" (of "ausfolgen", to hand over) is a separable verb's form whose particle is a stop word. As the key of
            // a German word it is the particle verb, joined as a verb-final clause writes it ("…, dass er es ausfolgt"):
            // read as "folgt" it would give every "folgt" the senses of "hand over". As what an English word meets in
            // German text it stays "folgt" ("died" meets "starb" of "starb … aus").
            var keyId = words is not null && wordCount == 2 && count == 1 && trailingStop is not null
                && TextAnalyzer.Term(trailingStop + single, Language.German) is { } joined ? id(joined)
                : words is not null ? phraseId
                : id(count == 1 ? keys[0]! : string.Join(' ', keys[..count]!));
            if (!ids.Contains(phraseId))
            {
                ids.Add(phraseId);
            }

            if (!keyIds.Contains(keyId))
            {
                keyIds.Add(keyId);
            }

            taken++;
        }
    }

    /// <summary>The side of an entry without its annotations: {…}, […], (…), &lt;…&gt; and /ABBR/.</summary>
    // Runs once over ~200,000 lines: compile it optimized at once instead of tiering up.
    [MethodImpl(HotPath.Options)]
    private static string StripAnnotations(ReadOnlySpan<char> side)
    {
        var sb = new StringBuilder(side.Length);
        var depth = 0;
        for (var i = 0; i < side.Length; i++)
        {
            var c = side[i];
            switch (c)
            {
                case '{' or '[' or '(' or '<':
                    depth++;
                    break;
                case '}' or ']' or ')' or '>':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '/' when depth == 0 && (i == 0 || side[i - 1] == ' '):
                    // "/EDA/": an abbreviation in slashes; skip to the closing slash.
                    var close = side[(i + 1)..].IndexOf('/');
                    if (close > 0 && side.Slice(i + 1, close).IndexOf(' ') < 0)
                    {
                        i += close + 1;
                    }

                    break;
                default:
                    if (depth == 0)
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>One direction: for key id k, its translations are Targets[Offsets[k]..Offsets[k+1]], most frequent first.</summary>
    private sealed class Table(int[] offsets, int[] targets, ushort[] counts)
    {
        public int[] Offsets { get; } = offsets;

        public int[] Targets { get; } = targets;

        public ushort[] Counts { get; } = counts;

        /// <summary>Whether the offsets run in order within the targets, every target names a phrase, and each has a count.</summary>
        public bool Fits(int phraseCount)
        {
            if (Targets.Length != Counts.Length || Offsets[0] != 0 || Offsets[^1] != Targets.Length)
            {
                return false;
            }

            for (var i = 1; i < Offsets.Length; i++)
            {
                if (Offsets[i] < Offsets[i - 1])
                {
                    return false;
                }
            }

            foreach (var target in Targets)
            {
                if ((uint)target >= (uint)phraseCount)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>From (key &lt;&lt; 32 | target) pairs, each listed once per entry that pairs them.</summary>
        // Runs once over ~200,000 lines: compile it optimized at once instead of tiering up.
        [MethodImpl(HotPath.Options)]
        public static Table Build(long[] pairs, int keyCount)
        {
            Array.Sort(pairs);
            var offsets = new int[keyCount + 1];
            var targets = new List<int>();
            var counts = new List<ushort>();
            var group = new List<(int Target, int Count)>();
            var i = 0;
            var key = 0;
            while (i < pairs.Length)
            {
                var current = (int)(pairs[i] >> 32);
                while (key <= current)
                {
                    offsets[key++] = targets.Count;
                }

                group.Clear();
                while (i < pairs.Length && (int)(pairs[i] >> 32) == current)
                {
                    var target = (int)(pairs[i] & 0xFFFFFFFF);
                    var count = 0;
                    while (i < pairs.Length && pairs[i] == (((long)current << 32) | (uint)target))
                    {
                        count++;
                        i++;
                    }

                    group.Add((target, count));
                }

                // Most frequent first; among equals the one met first in the file (lower id), usually the main sense.
                group.Sort((a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : a.Target.CompareTo(b.Target));
                foreach (var (target, count) in group.Take(MaxTranslationsPerKey))
                {
                    targets.Add(target);
                    counts.Add((ushort)Math.Min(count, ushort.MaxValue));
                }
            }

            while (key <= keyCount)
            {
                offsets[key++] = targets.Count;
            }

            return new Table(offsets, [.. targets], [.. counts]);
        }
    }
}

