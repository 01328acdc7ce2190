using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// Turns a query into weighted concepts for <see cref="CorpusIndex"/>: each word with its dictionary translations
/// (English → German for an English question, German → English for a German one, both when the language is unclear),
/// German compounds also by their parts, and the extra terms (context, a model's translation) at a lower weight.
/// Names, numbers and dates stay as they are (a name gains its exonym when the dictionary has one). Without a dictionary a query is its own words, as before.
/// The dictionary is loaded on first use, once.
/// </summary>
public sealed partial class QueryTranslator
{
    /// <summary>Extra terms (conversation context, a model's translation) count less than the user's own words.</summary>
    public const double ExtraTermWeight = 0.6;


    /// <summary>A compound's parts together count about as much as the compound.</summary>
    public const double CompoundPartWeight = 0.5;

    /// <summary>
    /// The best translation of a word counts as much as the word itself; rarer ones by their share of the dictionary's pairings.
    /// Measured: a lower weight keeps English questions on English passages a little better but costs more across languages.
    /// </summary>
    public const double TranslationWeight = 1.0;

    /// <summary>Translations per word that reach the query (among those that occur in the corpus), not counting forms of them.</summary>
    public const int MaxTranslationsPerWord = 5;

    /// <summary>A sense shorter than this is not looked for inside later translations ("ort" is in too many words).</summary>
    private const int MinSenseLength = 4;

    /// <summary>
    /// Dictionaries already loaded in this process, by file: a process that builds several hosts (the tests, a benchmark)
    /// parses each file once instead of once per host. A running bot has one host, so this costs it nothing.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Path, long Length, long Ticks), Lazy<BilingualDictionary>> Loaded = new();

    private readonly Lazy<BilingualDictionary?> _dictionary;
    private readonly Lazy<CompoundSplitter?> _splitter;
    private readonly Func<bool> _mustParse;

    private QueryTranslator(Func<BilingualDictionary?> load, Func<bool>? mustParse = null, Func<CompoundSplitter?>? loadSplitterAlone = null)
    {
        _mustParse = mustParse ?? (() => false);
        _dictionary = new Lazy<BilingualDictionary?>(load, LazyThreadSafetyMode.ExecutionAndPublication);
        _splitter = new Lazy<CompoundSplitter?>(
            () => (IndexingOnly && !_dictionary.IsValueCreated ? loadSplitterAlone?.Invoke() : null)
                ?? (_dictionary.Value is { } d ? CompoundSplitter.OfSpans(d.IsGermanWord) : null),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// For a process that indexes and exits without translating a query (the CLI's ingest): the compound splitter is read
    /// alone from the dictionary's snapshot (its German words, about a tenth of it) instead of loading the whole dictionary.
    /// The same words, so the same splits. Set before the first use of <see cref="Splitter"/>; without a current snapshot the
    /// dictionary is loaded (and its snapshot written) as always.
    /// </summary>
    public bool IndexingOnly { get; set; }

    /// <summary>No dictionary: queries are their own words (names and transliterations still meet).</summary>
    public static QueryTranslator None { get; } = new(() => null);

    public static QueryTranslator From(BilingualDictionary? dictionary) => new(() => dictionary);

    /// <summary>Loads the dictionary at <paramref name="path"/> on first use; when it is missing, logs once that cross-lingual search is limited.</summary>
    public static QueryTranslator FromFile(string? path, ILogger? logger = null, string? snapshotFolder = null)
    {
        logger ??= NullLogger.Instance;
        return new QueryTranslator(() =>
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                LogDisabled(logger);
                return null;
            }

            if (!File.Exists(path))
            {
                LogMissing(logger, path);
                return null;
            }

            try
            {
                var before = GC.GetTotalMemory(false);
                var file = new FileInfo(path);
                var dictionary = Loaded.GetOrAdd(
                    (file.FullName, file.Length, file.LastWriteTimeUtc.Ticks),
                    _ => new Lazy<BilingualDictionary>(() => BilingualDictionary.Load(path, snapshotFolder))).Value;
                if (!dictionary.FromSnapshot)
                {
                    // Parsing leaves a large transient heap behind; a snapshot's arrays are used as read, nothing to return.
                    BuildGarbage.Release();
                }

                var megabytes = Math.Max(0, GC.GetTotalMemory(false) - before) / (1024 * 1024);
                var milliseconds = dictionary.LoadTime.TotalMilliseconds;
                LogLoaded(logger, dictionary.Entries, path, milliseconds, megabytes);
                return dictionary;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The load runs once (its result is cached): a bad file must leave search working, not fail every query.
                LogUnreadable(logger, path, e);
                return null;
            }
        },
        () => !string.IsNullOrWhiteSpace(path) && File.Exists(path)
            && (snapshotFolder is null || !DictionarySnapshot.IsCurrent(DictionarySnapshot.FileFor(snapshotFolder, path), path)),
        () => !string.IsNullOrWhiteSpace(path) && snapshotFolder is not null && File.Exists(path)
            && DictionarySnapshot.TryReadGermanWords(DictionarySnapshot.FileFor(snapshotFolder, path), path) is { } words
            ? CompoundSplitter.OfSpans(word => BilingualDictionary.IsGermanWord(words, word))
            : null);
    }

    /// <summary>
    /// True when the first use will parse the dictionary's text (seconds) rather than read its snapshot: the first run,
    /// or the first after the dictionary changed. The console says so, so the wait is not mistaken for a hang.
    /// </summary>
    public bool MustParse => !_dictionary.IsValueCreated && _mustParse();

    /// <summary>The dictionary, loading it on first call; null when there is none.</summary>
    public BilingualDictionary? Dictionary => _dictionary.Value;

    /// <summary>Whether the whole dictionary has been loaded (not only the splitter's words, see <see cref="IndexingOnly"/>).</summary>
    internal bool DictionaryLoaded => _dictionary.IsValueCreated;

    /// <summary>The compound splitter over the dictionary's German words; null without a dictionary.</summary>
    public CompoundSplitter? Splitter => _splitter.Value;

    /// <summary>The query's concepts; <paramref name="inIndex"/> says which terms the corpus has (translations it lacks are dropped).</summary>
    /// <param name="withPrefix">
    /// The index's terms with a given prefix (in passages of the given language; any when null), for spelling cognates
    /// (<see cref="Cognates"/>); none are looked for when null.
    /// </param>
    public List<QueryConcept> Plan(SearchQuery query, Func<string, bool> inIndex, Func<string, Language?, IEnumerable<string>>? withPrefix = null)
    {
        var concepts = new List<QueryConcept>();
        var own = new HashSet<string>(StringComparer.Ordinal);
        AddText(query.Text, query.Language ?? LanguageDetector.Detect(query.Text), 1, concepts, own, inIndex, withPrefix);
        foreach (var extra in query.ExtraTerms)
        {
            AddText(extra, LanguageDetector.Detect(extra), ExtraTermWeight, concepts, own, inIndex, withPrefix);
        }

        return concepts;
    }

    /// <summary>
    /// The terms of a sentence or passage as a query's concepts can meet them: its words plus, for German text, the parts of
    /// its compounds ("Kremlsprecher" → kreml, sprech). With <see cref="Plan"/> this lets an answer engine see that a German
    /// sentence covers an English question: a concept is covered when any of its terms is among these.
    /// </summary>
    /// <param name="german">Whether the text is German (its compounds are split), when the caller knows; else it is detected.</param>
    public HashSet<string> TextTerms(string text, bool? german = null) =>
        TextTerms(text, german switch { true => Language.German, false => Language.English, null => LanguageDetector.Detect(text) }, splitUnknown: german is null);

    /// <summary>
    /// <see cref="TextTerms(string, bool?)"/> for text in <paramref name="language"/> (its stop words dropped, compounds split
    /// when German); null when it is not known (stop words of both dropped, compounds split).
    /// </summary>
    public HashSet<string> TextTerms(string text, Language? language) => TextTerms(text, language, splitUnknown: true);

    private HashSet<string> TextTerms(string text, Language? language, bool splitUnknown)
    {
        var terms = new HashSet<string>(TextAnalyzer.Terms(text, language), StringComparer.Ordinal);
        if (Splitter is { } splitter && (language == Language.German || (language is null && splitUnknown)))
        {
            foreach (var token in TextAnalyzer.Tokens(text))
            {
                if (token.Length >= CompoundSplitter.MinCompoundLength)
                {
                    terms.UnionWith(splitter.Split(TextAnalyzer.Normalize(token)).Select(p => TextAnalyzer.Term(p, Language.German)).OfType<string>());
                }
            }
        }

        return terms;
    }

    /// <summary>The share of the concepts' weight that <paramref name="terms"/> (from <see cref="TextTerms"/>) cover.</summary>
    public static double Coverage(IReadOnlyList<QueryConcept> concepts, IReadOnlySet<string> terms)
    {
        double covered = 0, total = 0;
        foreach (var concept in concepts)
        {
            total += concept.Weight;
            if (concept.Terms.Keys.Any(terms.Contains))
            {
                covered += concept.Weight;
            }
        }

        return total == 0 ? 0 : covered / total;
    }

    private void AddText(string text, Language? language, double weight, List<QueryConcept> concepts, HashSet<string> seen, Func<string, bool> inIndex, Func<string, Language?, IEnumerable<string>>? withPrefix)
    {
        var dictionary = Dictionary;
        TranslationDirection[] directions = language switch
        {
            Language.German => [TranslationDirection.GermanToEnglish],
            Language.English => [TranslationDirection.EnglishToGerman],
            _ => [TranslationDirection.EnglishToGerman, TranslationDirection.GermanToEnglish],
        };

        // A German question that ends in a separable particle ("Wer nahm den Ball auf?") asks with the particle verb, which the
        // dictionary keys joined ("aufnahm", see BilingualDictionary): its verb is looked up so too.
        var tokens = TextAnalyzer.Tokens(text).ToList();
        var particle = dictionary is not null && directions.Contains(TranslationDirection.GermanToEnglish) && tokens.Count > 2
            && char.IsLower(tokens[^1][0]) && TextAnalyzer.Term(tokens[^1], Language.German) is null ? TextAnalyzer.Normalize(tokens[^1]) : null;
        string? previous = null;
        for (var at = 0; at < tokens.Count; at++)
        {
            var token = tokens[at];
            // The question's own stop words: "die" and "war" are words of an English question.
            var term = TextAnalyzer.Term(token, language);
            if (term is null)
            {
                previous = null;
                continue;
            }

            // The dictionary files "died" under its own key, not under "die" (see TextAnalyzer.KeyTerm).
            var key = TextAnalyzer.KeyTerm(token, language) ?? term;
            if (!seen.Add(term))
            {
                previous = key;
                continue;
            }

            var concept = new QueryConcept(weight);
            concept.Add(term, 1);
            if (language != Language.German && JoinedWithParticle(tokens, at, inIndex) is { } oneWord)
            {
                concept.Add(oneWord, 1);
            }

            // Numbers and dates stay as they are. Names stay too, and gain their other-language form when the dictionary has one
            // (Warsaw → Warschau, Normans → Normannen): measured, that beats leaving capitalized words untranslated.
            // A name's translations the corpus lacks may still have adjectives it has ("Egypt" → "Ägypten" → "ägyptische").
            var names = char.IsUpper(token[0]) && withPrefix is not null ? new List<string> { term } : null;
            var translated = false;
            if (dictionary is not null && !char.IsDigit(token[0]))
            {
                foreach (var direction in directions)
                {
                    var translations = Lookup(dictionary, key, term, direction);
                    if (translations.Count == 0 && direction == TranslationDirection.GermanToEnglish && Masculine(token) is { } masculine)
                    {
                        translations = dictionary.Translate(masculine, direction);
                    }

                    translated |= translations.Count > 0;
                    AddTranslations(concept, translations, inIndex);
                    names?.AddRange(translations.Where(t => !t.Terms.Contains(' ', StringComparison.Ordinal)).Select(t => t.Terms));

                    // An English -ing form is its verb: "Who is taking over …?" is answered by "übernimmt" and "took over",
                    // which the form's own translations (German participles, "übernehmend") never meet.
                    if (direction == TranslationDirection.EnglishToGerman && Verb(dictionary, token, translations) is { } verb)
                    {
                        concept.Add(verb.Term, 1);
                        AddTranslations(concept, verb.Translations, inIndex);
                        AddPastForms(concept, dictionary, inIndex, verb.Term);
                    }
                }

                if (particle is not null && char.IsLower(token[0]) && TextAnalyzer.Term(particle + TextAnalyzer.Normalize(token), Language.German) is { } joined)
                {
                    var translations = dictionary.Translate(joined, TranslationDirection.GermanToEnglish);
                    translated |= translations.Count > 0;
                    AddTranslations(concept, translations, inIndex);
                }
            }

            // An irregular verb counts in its past forms too: "Who leads …?" is answered by "led by", "Wie stark sank …?"
            // (through "fall") by "fell". Those of a German word's translation only when no German word is written so: "hält"
            // is "hold", whose "held" would meet German heroes.
            if (dictionary is not null && !char.IsUpper(token[0]) && language is not null)
            {
                AddPastForms(concept, dictionary, inIndex, language == Language.English ? term : null);
            }

            // A name the dictionary does not know is written alike in both languages but stemmed by each one's rules: "Ried"
            // is "rie" as an English word and "ried" in a German article. It counts in the other language's form too.
            if (!translated && char.IsUpper(token[0]) && language is { } own
                && TextAnalyzer.Term(token, own == Language.English ? Language.German : Language.English) is { } other
                && other != term && inIndex(other))
            {
                concept.Add(other, 1);
                names?.Add(other);
            }

            // Words both languages share but spell their own way (complexity ↔ Komplexität, certificate ↔ Zertifikat): many
            // are missing from the dictionary or rank below rarer senses there.
            if (dictionary is not null && withPrefix is not null)
            {
                if (directions.Contains(TranslationDirection.EnglishToGerman))
                {
                    // In either language: the English word's own derivations count too ("decompresses" → "decompression").
                    Cognates.AddGermanSpellings(concept, term, prefix => withPrefix(prefix, null));
                }

                if (directions.Contains(TranslationDirection.GermanToEnglish))
                {
                    Cognates.AddEnglishSpellings(concept, term, prefix => withPrefix(prefix, Language.English));
                }
            }

            // A place and the German adjective made from it are one concept: "das ägyptische Parlament" is about Egypt, and
            // "ägyptisch" about "Ägypten". German news names a country by its adjective as often as by its name.
            if (withPrefix is not null)
            {
                AddRelationalForms(concept, names ?? [], inIndex, withPrefix);
            }

            concepts.Add(concept);

            // Two words the dictionary knows as one ("foreign minister" → "Außenminister") are a concept of their own.
            if (dictionary is not null && previous is not null)
            {
                var pair = new QueryConcept(weight);
                foreach (var direction in directions)
                {
                    AddTranslations(pair, dictionary.Translate(previous + " " + key, direction), inIndex);
                }

                if (pair.Terms.Count > 0)
                {
                    concepts.Add(pair);
                }
            }

            previous = key;
            if (language != Language.English && Splitter is { } splitter)
            {
                AddCompoundParts(TextAnalyzer.Normalize(token), splitter, dictionary, weight, concepts, seen, inIndex, shortParts: !translated);
            }
        }
    }

    /// <summary>
    /// An English verb and its particle written as one noun, when the corpus has it: "shut down" is "shutdown", "take over"
    /// "takeover", "lay off" "layoff". The particle is a stop word, so without this the question meets only "shut".
    /// </summary>
    private static string? JoinedWithParticle(List<string> tokens, int at, Func<string, bool> inIndex) =>
        at + 1 < tokens.Count && char.IsLower(tokens[at][0]) && Particles.Contains(tokens[at + 1])
        && TextAnalyzer.Term(tokens[at] + tokens[at + 1].ToLowerInvariant(), Language.English) is { } joined && inIndex(joined) ? joined : null;

    /// <summary>English adverb particles that make phrasal verbs (a closed class).</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase) { "down", "up", "over", "off", "out", "back", "away" };

    /// <summary>
    /// The verb an English -ing form is made of ("taking" → take, "suing" → sue, "hitting" → hit, "dying" → die), with its
    /// translations: the spelling is undone every way English changes it, and a candidate counts only when the dictionary
    /// confirms it, by translating the form with a German participle of a verb it translates the candidate with ("nehmend",
    /// nehmen); so "evening", "king" and "thing" stay what they are. Null for any other word.
    /// </summary>
    private static (string Term, IReadOnlyList<Translation> Translations)? Verb(BilingualDictionary dictionary, string token, IReadOnlyList<Translation> translations)
    {
        if (token.Length < 5 || !token.EndsWith("ing", StringComparison.Ordinal) || !char.IsLower(token[0]))
        {
            return null;
        }

        // German present participles are the infinitive's term plus "end" ("nehmend" → "nehm").
        var verbs = translations.Where(t => t.Terms.Length > 5 && t.Terms.EndsWith("end", StringComparison.Ordinal) && !t.Terms.Contains(' ', StringComparison.Ordinal))
            .Select(t => t.Terms[..^3]).ToHashSet(StringComparer.Ordinal);
        if (verbs.Count == 0)
        {
            return null;
        }

        var stem = token[..^3];
        string[] candidates = stem.EndsWith('y') ? [stem, stem[..^1] + "ie"]
            : stem.Length > 2 && stem[^1] == stem[^2] ? [stem, stem[..^1], stem + "e"]
            : [stem, stem + "e"];
        foreach (var candidate in candidates)
        {
            if (TextAnalyzer.KeyTerm(candidate, Language.English) is { } key && TextAnalyzer.Term(candidate, Language.English) is { } term
                && dictionary.Translate(key, TranslationDirection.EnglishToGerman) is var own && own.Any(t => verbs.Contains(t.Terms)))
            {
                return (term, own);
            }
        }

        return null;
    }

    /// <summary>
    /// Adds the noun an adjective in -isch is made from, and the corpus's German adjectives made from a name or its
    /// translations (<paramref name="names"/>; <see cref="TextAnalyzer.RelationalBase"/>), at a cognate's weight.
    /// </summary>
    private static void AddRelationalForms(QueryConcept concept, List<string> names, Func<string, bool> inIndex, Func<string, Language?, IEnumerable<string>> withPrefix)
    {
        foreach (var term in concept.Terms.Keys.ToList())
        {
            if (TextAnalyzer.RelationalBase(term) is { } noun && !concept.Terms.ContainsKey(noun) && inIndex(noun))
            {
                concept.Add(noun, Cognates.Weight);
            }
        }

        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (name.Length < 4 || char.IsDigit(name[0]))
            {
                continue;
            }

            foreach (var adjective in withPrefix(name, Language.German))
            {
                if (TextAnalyzer.RelationalBase(adjective) == name && !concept.Terms.ContainsKey(adjective))
                {
                    concept.Add(adjective, Cognates.Weight);
                }
            }
        }
    }

    /// <summary>
    /// A term's translations, looked up by its dictionary <paramref name="key"/>, else by the term itself; the light stemmer
    /// is not idempotent ("recovered" → "recover", but "recover" → "recov"), so a term the dictionary lacks is tried once
    /// more stemmed.
    /// </summary>
    private static IReadOnlyList<Translation> Lookup(BilingualDictionary dictionary, string key, string term, TranslationDirection direction)
    {
        var translations = dictionary.Translate(key, direction);
        if (translations.Count == 0 && key != term)
        {
            translations = dictionary.Translate(term, direction);
        }

        if (translations.Count == 0 && TextAnalyzer.Stem(term) is var stemmed && stemmed != term)
        {
            translations = dictionary.Translate(stemmed, direction);
        }

        return translations;
    }

    /// <summary>
    /// The term of the masculine noun a German feminine one is formed from with -in ("Lokführerin", "Lokführerinnen" →
    /// "Lokführer"): the dictionary often lists only the masculine. Null for a word that does not end so, or whose remainder
    /// is too short to be a noun of its own.
    /// </summary>
    private static string? Masculine(string token)
    {
        if (!char.IsUpper(token[0]))
        {
            return null;
        }

        var normal = TextAnalyzer.Normalize(token);
        var stem = normal.EndsWith("innen", StringComparison.Ordinal) ? normal[..^5] : normal.EndsWith("in", StringComparison.Ordinal) ? normal[..^2] : null;
        return stem is { Length: >= MinMasculineLength } ? TextAnalyzer.KeyTerm(stem, Language.German) : null;
    }

    private const int MinMasculineLength = 4;

    /// <summary>
    /// The parts of a German compound, each a lighter concept with its translations. A word the dictionary does not translate
    /// may also split at a part of three letters (<paramref name="shortParts"/>: "Frauentag" → "Frauen" + "Tag").
    /// </summary>
    private static void AddCompoundParts(
        string normal, CompoundSplitter splitter, BilingualDictionary? dictionary, double weight, List<QueryConcept> concepts, HashSet<string> seen, Func<string, bool> inIndex, bool shortParts)
    {
        var parts = splitter.Split(normal);
        if (parts.Count == 0 && shortParts)
        {
            parts = splitter.SplitAtShortPart(normal);
        }

        foreach (var part in parts)
        {
            if (TextAnalyzer.Term(part, Language.German) is not { } term || !seen.Add(term))
            {
                continue;
            }

            var concept = new QueryConcept(weight * CompoundPartWeight);
            concept.Add(term, 1);
            if (dictionary is not null)
            {
                AddTranslations(concept, Lookup(dictionary, term, term, TranslationDirection.GermanToEnglish), inIndex);
            }

            concepts.Add(concept);
        }
    }

    /// <summary>
    /// The past forms (<see cref="EnglishVerbTable"/>) of an English question's own word (<paramref name="english"/>), or of the
    /// concept's translations when the question is German; each counts as much as its verb.
    /// </summary>
    private static void AddPastForms(QueryConcept concept, BilingualDictionary dictionary, Func<string, bool> inIndex, string? english)
    {
        KeyValuePair<string, double>[] verbs = english is null ? [.. concept.Terms] : [KeyValuePair.Create(english, 1.0)];
        foreach (var (term, share) in verbs)
        {
            foreach (var (past, word) in dictionary.EnglishVerbs.PastForms(term))
            {
                if (inIndex(past) && (english is not null || !dictionary.IsGermanWord(word)))
                {
                    concept.Add(past, share);
                }
            }
        }
    }

    /// <summary>
    /// The translations the corpus has, weighted by how often the dictionary pairs them relative to the best one:
    /// the main sense counts fully, rare senses little, so an ambiguous word does not drown the query.
    /// Two-word translations count half per word: a single word is the better match.
    /// </summary>
    private static void AddTranslations(QueryConcept concept, IReadOnlyList<Translation> translations, Func<string, bool> inIndex)
    {
        var taken = 0;
        var best = 0;
        // The senses taken so far: a later translation that contains one is a form of it ("gespielt", "spielt" of "spiel"),
        // weighs as much and does not count against the limit.
        var senses = new List<(string Term, double Share)>(MaxTranslationsPerWord);
        foreach (var translation in translations)
        {
            var space = translation.Terms.IndexOf(' ', StringComparison.Ordinal);
            var sense = space < 0 ? senses.Find(s => s.Term.Length >= MinSenseLength && translation.Terms.Contains(s.Term, StringComparison.Ordinal)) : default;
            if (taken >= MaxTranslationsPerWord && sense.Term is null)
            {
                continue;
            }

            if (space < 0 ? !inIndex(translation.Terms) : !inIndex(translation.Terms[..space]) || !inIndex(translation.Terms[(space + 1)..]))
            {
                continue;
            }

            best = Math.Max(best, translation.Count);
            var share = TranslationWeight * translation.Count / best;
            if (sense.Term is not null)
            {
                concept.Add(translation.Terms, Math.Max(share, sense.Share));
                continue;
            }

            senses.Add((translation.Terms, share));
            if (space < 0)
            {
                concept.Add(translation.Terms, share);
            }
            else
            {
                concept.Add(translation.Terms[..space], share / 2);
                concept.Add(translation.Terms[(space + 1)..], share / 2);
            }

            taken++;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the bilingual dictionary ({Entries} entries) from {Path} in {Milliseconds:0} ms, about {Megabytes} MB")]
    private static partial void LogLoaded(ILogger logger, int entries, string path, double milliseconds, long megabytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No bilingual dictionary at {Path}: cross-lingual search is limited to names, numbers and shared words (install trans-de-en or set Search:DictionaryPath)")]
    private static partial void LogMissing(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Search:DictionaryPath is empty: cross-lingual search is limited to names, numbers and shared words")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the bilingual dictionary at {Path}: cross-lingual search is limited")]
    private static partial void LogUnreadable(ILogger logger, string path, Exception exception);
}
