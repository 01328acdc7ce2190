using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>How much of a question a sentence covers: the question's concepts, their German and compound forms, and each sentence's score.</summary>
public sealed partial class ExtractiveAnswerEngine
{
    /// <summary>
    /// The question as weighted concepts: each word with its dictionary translations and compound parts (so a German sentence
    /// can cover an English question), weighted by rarity so names count more than common words. A word the corpus lacks
    /// weighs as much as the rarest, so a question about something absent is not answered from its common words.
    /// Reporting verbs ("said", "sagte") are left out: the question is about the person and the topic, and their loose
    /// translations ("steht" for "says") would favour the wrong sentence; a quotation is preferred instead (<see cref="AnswerTypes"/>).
    /// </summary>
    private static List<WeightedConcept> Concepts(string text, QueryPlan plan, GermanVerbForms? verbs = null)
    {
        var statistics = plan.Statistics;
        var maxIdf = statistics.PassageCount == 0 ? 1 : Math.Log(1 + statistics.PassageCount);
        // Planned without the corpus filter, so a translation keeps its dictionary share (a rare sense stays rare), and with
        // the search's spellings of shared words from the index ("project" → "Projekt", which the dictionary ranks below "vorstehend").
        // A German question's verb also stands for its infinitive ("trugen" → tragen, "schlägt … vor" → vorschlagen), as a
        // German sentence's verbs do (SentenceScore): the two meet though one says "trugen" and the other "tragen".
        // A German adjective in -isch counts as the name or noun it is made from ("hugenottischen" → Hugenotten).
        var german = LanguageDetector.Detect(text) != Language.English;
        var lemmas = german ? GermanBases(text, verbs) : null;
        var infinitives = lemmas is null || verbs is null ? null : InfinitiveTranslations(text, verbs, plan.Translator);
        var planned = plan.Translator.Plan(new SearchQuery(text), _ => true, statistics.WithPrefix);
        // A German compound that neither the corpus nor the dictionary knows ("Bodentest", "Probleminstanz") is asked about
        // through its parts, which the plan holds as concepts of their own: when the corpus knows the head (a test, an
        // instance), the whole adds nothing a sentence could meet and would weigh as much as the rarest name. When it does
        // not ("Weltmeisterschaft" in an article that speaks of the world but no championship), the whole still counts, so
        // a question about something absent is declined.
        var unmet = german && plan.Translator.Splitter is { } splitter ? UnmetCompounds(text, planned, statistics, splitter) : null;
        // A separable verb's clause-final particle ("Wann läuft die Frist ab?") is part of its verb, which stands for the whole
        // (ablaufen): on its own, a particle the search does not index would weigh as the rarest word, and "Ab 2018 gilt …" meet it.
        var particles = german && verbs is not null ? verbs.JoinedParticles(text).Select(p => TextAnalyzer.Term(p, Language.German)).OfType<string>().ToHashSet(StringComparer.Ordinal) : null;
        return planned
            .Where(c => !c.Terms.Keys.Any(ReportingVerbs.Contains) && !IsSingleLetter(c))
            .Where(c => particles is not { Count: > 0 } || c.Terms.Keys.FirstOrDefault() is not { } own || !particles.Contains(own))
            .Where(c => unmet is null || c.Terms.Keys.FirstOrDefault() is not { } own || !unmet.Contains(own))
            .Select(c =>
            {
                var known = c.Terms.Keys.Where(statistics.Contains).Select(statistics.Idf).DefaultIfEmpty(maxIdf).Max();
                var terms = WithBases(c.Terms, lemmas);
                // A verb form is translated through its infinitive too ("dockte … an" → "andocken" → "to dock"), also when the
                // dictionary lists the form under senses of its own: "leitet" is listed with the verbs whose entries spell out
                // their present (derive, guide, route, conduct), while "to lead" and "to head" stand under "leiten" alone.
                if (infinitives is not null && infinitives.TryGetValue(c.Terms.Keys.First(), out var translated))
                {
                    var with = new Dictionary<string, double>(terms, StringComparer.Ordinal);
                    foreach (var (term, share) in translated)
                    {
                        with.TryAdd(term, share);
                    }

                    terms = with;
                }

                if (plan.Translator.Dictionary is { } dictionary)
                {
                    terms = german ? WithEnglishDerivationsOfTranslations(WithGermanDerivations(terms, dictionary), dictionary) : WithDerivations(terms, dictionary);
                    var own = c.Terms.Keys.First();
                    terms = WithPivotSynonyms(terms, lemmas is null ? [own] : [own, .. lemmas[own]], dictionary, german);
                }

                return new WeightedConcept(terms, c.Weight * Math.Max(0.1, known)) { English = german ? null : c.Terms.Keys.FirstOrDefault() };
            })
            .ToList();
    }

    /// <summary>
    /// English suffixes that make a noun of a verb: "contribute" → "contribution", "restore" → "restoration", "develop" →
    /// "development", "retire" → "retirement" (the e the stemmer drops comes back before -ment).
    /// </summary>
    private static readonly string[] NounSuffixes = ["ation", "ion", "ment", "ance", "ence"];

    /// <summary>
    /// The English words a stem is related to by a noun suffix: the verb a noun is made from ("restoration" → "restor"), or
    /// the noun made from a verb ("restor" → "restoration"; -ment also with the e the stemmer drops: "retir" → "retirement").
    /// </summary>
    private static string[] RelatedBySuffix(string stem, string suffix) =>
        stem.EndsWith(suffix, StringComparison.Ordinal) ? [stem[..^suffix.Length]]
        : suffix == "ment" ? [stem + suffix, stem + "e" + suffix]
        : [stem + suffix];

    /// <summary>
    /// A derived word counts this share of its own translations: German often says with a noun what English says with a verb
    /// ("contribute to" → "einen Beitrag leisten zu", "developed" → "Entwicklung"), and the other way round.
    /// </summary>
    private const double DerivationShare = 0.5;

    /// <summary>
    /// An English word's terms with the noun made from it, or the verb it is made from, and their German translations, as the
    /// dictionary lists them under that word ("contribut" → "contribution" → Beitrag; "construction" → "construct" → bauen):
    /// by the suffix alone, as the stemmer leaves the verb ("contribute" → "contribut"), so no spelling change is guessed
    /// but the e that -ment keeps ("retirement"). The derived word itself counts too, at the same share: an English sentence
    /// may say "his retirement" where the question asks when he retired. Only a word the dictionary knows is derived.
    /// </summary>
    internal static IReadOnlyDictionary<string, double> WithDerivations(IReadOnlyDictionary<string, double> terms, BilingualDictionary dictionary)
    {
        if (terms.Count == 0 || terms.Keys.First() is not { Length: >= 4 } own || char.IsDigit(own[0]))
        {
            return terms;
        }

        Dictionary<string, double>? with = null;
        foreach (var suffix in NounSuffixes)
        {
            foreach (var word in RelatedBySuffix(own, suffix))
            {
                if (word.Length < 4 || TextAnalyzer.KeyTerm(word, Language.English) is not { } key)
                {
                    continue;
                }

                var translations = dictionary.Translate(key, TranslationDirection.EnglishToGerman);
                if (translations.Count > 0 && TextAnalyzer.Term(word, Language.English) is { } term && term != own)
                {
                    with ??= new Dictionary<string, double>(terms, StringComparer.Ordinal);
                    with.TryAdd(term, DerivationShare);
                }

                var best = translations.Select(t => t.Count).DefaultIfEmpty(1).Max();
                foreach (var translation in translations.Where(t => !t.Terms.Contains(' ', StringComparison.Ordinal)).Take(QueryTranslator.MaxTranslationsPerWord))
                {
                    with ??= new Dictionary<string, double>(terms, StringComparer.Ordinal);
                    with.TryAdd(translation.Terms, DerivationShare * translation.Count / best);
                }
            }
        }

        return with ?? terms;
    }

    /// <summary>
    /// A German word's English translations with the nouns made from them, or the verbs they are made from, at the
    /// derivation's share of the translation's: "behandelt" → "treat" → "treatment", so "received medical treatment in New
    /// Zealand" answers "Wo wurde Pohiva behandelt?". The English side of <see cref="WithDerivations"/>, for the full
    /// translations only (a side sense's derivations would name anything); only a word the dictionary knows is derived.
    /// </summary>
    internal static IReadOnlyDictionary<string, double> WithEnglishDerivationsOfTranslations(IReadOnlyDictionary<string, double> terms, BilingualDictionary dictionary)
    {
        Dictionary<string, double>? with = null;
        foreach (var (translation, share) in terms.Skip(1).Where(t => t.Value >= 1 && t.Key.Length >= 4 && !char.IsDigit(t.Key[0])).ToList())
        {
            foreach (var suffix in NounSuffixes)
            {
                foreach (var word in RelatedBySuffix(translation, suffix))
                {
                    if (word.Length >= 4 && TextAnalyzer.KeyTerm(word, Language.English) is { } key
                        && dictionary.Translate(key, TranslationDirection.EnglishToGerman).Count > 0
                        && TextAnalyzer.Term(word, Language.English) is { } term && !terms.ContainsKey(term))
                    {
                        with ??= new Dictionary<string, double>(terms, StringComparer.Ordinal);
                        with.TryAdd(term, DerivationShare * share);
                    }
                }
            }
        }

        return with ?? terms;
    }

    /// <summary>
    /// A word of the question's own language that shares its main senses counts this share: a paraphrase ("begin" where the
    /// article says "started") says the same with another word, but less surely than the word itself.
    /// </summary>
    private const double PivotShare = 0.5;

    /// <summary>
    /// Two words are synonyms when at least this many of their main senses in the other language agree ("begin" and "start"
    /// are both "Anfang", "Beginn" and "Start"; "injured" and "hurt" both "verletzt" and "verletzend"). One shared sense is too
    /// little: the dictionary pairs most words only once, so a word's main senses are often all it has, and term folding
    /// makes look-alikes of unrelated words ("blaze" → "blasen" → "blow"; "Sieg" → "goat" through "Ziege"). Measured on
    /// half A: one shared sense (a main sense at half the best count) lost one de→de answer and gained one en→en; two
    /// gained the en→en one and lost none.
    /// </summary>
    private const int MinAgreeingPivots = 2;

    /// <summary>
    /// The terms with the question word's synonyms in its own language, found through the other language: each synonym has
    /// at least <see cref="MinAgreeingPivots"/> of the word's main senses as main senses of its own, and is a main sense of
    /// as many of them back ("begin" → Anfang, Beginn, Start → "start"). The question words are <paramref name="sources"/>: its own term
    /// and, in German, its infinitive.
    /// </summary>
    internal static IReadOnlyDictionary<string, double> WithPivotSynonyms(IReadOnlyDictionary<string, double> terms, IReadOnlyList<string> sources, BilingualDictionary dictionary, bool german)
    {
        var there = german ? TranslationDirection.GermanToEnglish : TranslationDirection.EnglishToGerman;
        var back = german ? TranslationDirection.EnglishToGerman : TranslationDirection.GermanToEnglish;
        Dictionary<string, double>? with = null;
        foreach (var source in sources.Where(s => s.Length >= 3 && !char.IsDigit(s[0])))
        {
            var pivots = MainSenses(dictionary.Translate(source, there));
            var agreeing = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var pivot in pivots)
            {
                foreach (var synonym in MainSenses(dictionary.Translate(pivot, back)))
                {
                    if (synonym != source && !terms.ContainsKey(synonym))
                    {
                        agreeing[synonym] = agreeing.GetValueOrDefault(synonym) + 1;
                    }
                }
            }

            foreach (var (synonym, count) in agreeing)
            {
                if (count >= MinAgreeingPivots && MainSenses(dictionary.Translate(synonym, there)).Count(pivots.Contains) >= MinAgreeingPivots)
                {
                    with ??= new Dictionary<string, double>(terms, StringComparer.Ordinal);
                    with.TryAdd(synonym, PivotShare);
                }
            }
        }

        return with ?? terms;
    }

    /// <summary>A word's main senses: its one-word translations paired at least <see cref="MainSenseShare"/> as often as its best, among the first few as a query takes them.</summary>
    private static List<string> MainSenses(IReadOnlyList<Translation> translations)
    {
        var best = translations.Select(t => t.Count).DefaultIfEmpty(0).Max();
        return translations.Take(QueryTranslator.MaxTranslationsPerWord)
            .Where(t => t.Count >= MainSenseShare * best && !t.Terms.Contains(' ', StringComparison.Ordinal))
            .Select(t => t.Terms)
            .ToList();
    }

    /// <summary>
    /// The shortest stem an -ieren verb shares with its noun: shorter ones pair words that only look related ("passieren" and
    /// "Passant", "Station" and "stieren", "agieren" and "Agent"), at the cost of a few true pairs ("studieren", "Student").
    /// </summary>
    private const int MinGermanDerivationStem = 5;

    /// <summary>German suffixes that make a noun of an -ieren verb: "demonstrieren" → Demonstrant, Demonstration; "produzieren" → Produzent; "moderieren" → Moderator.</summary>
    private static readonly string[] GermanNounSuffixes = ["ant", "ent", "ator", "ation"];

    /// <summary>
    /// A German word's terms with the nouns made from its -ieren verb, or the verb its noun is made from, at the derivation's
    /// share: a question asks how many "demonstrierten" where the article counts "Demonstranten", or asks about the
    /// "Produzenten" where the article says who "produziert". Any of the word's terms may be the verb (its infinitive's term,
    /// "demonstrier", stands beside the form asked). Only a word the dictionary knows is derived.
    /// </summary>
    internal static IReadOnlyDictionary<string, double> WithGermanDerivations(IReadOnlyDictionary<string, double> terms, BilingualDictionary dictionary)
    {
        Dictionary<string, double>? with = null;
        foreach (var term in terms.Where(t => t.Value >= 1).Select(t => t.Key).ToList())
        {
            IEnumerable<string> related = term.EndsWith("ier", StringComparison.Ordinal)
                ? GermanNounSuffixes.Select(suffix => term[..^3] + suffix).Where(_ => term.Length - 3 >= MinGermanDerivationStem)
                : GermanNounSuffixes.Where(suffix => term.EndsWith(suffix, StringComparison.Ordinal) && term.Length - suffix.Length >= MinGermanDerivationStem)
                    .Select(suffix => term[..^suffix.Length] + "ieren");
            foreach (var word in related)
            {
                if (word.Length >= 7 && TextAnalyzer.KeyTerm(word, Language.German) is { } key
                    && dictionary.Translate(key, TranslationDirection.GermanToEnglish).Count > 0
                    && TextAnalyzer.Term(word, Language.German) is { } derived && !terms.ContainsKey(derived))
                {
                    with ??= new Dictionary<string, double>(terms, StringComparer.Ordinal);
                    with.TryAdd(derived, DerivationShare);
                }
            }
        }

        return with ?? terms;
    }

    /// <summary>
    /// The terms of the text's German compounds that no concept term of the corpus stands for (the word and its translations
    /// are all absent) while the compound's head, its last part, is a term of the corpus (itself or a translation).
    /// </summary>
    internal static HashSet<string> UnmetCompounds(string text, IReadOnlyList<QueryConcept> concepts, ITermStatistics statistics, CompoundSplitter splitter)
    {
        var unmet = new HashSet<string>(StringComparer.Ordinal);
        // The words' own terms as the plan read them: by the text's language.
        var language = LanguageDetector.Detect(text);
        foreach (var token in TextAnalyzer.Tokens(text))
        {
            if (TextAnalyzer.Term(token, language) is not { } own || splitter.Split(TextAnalyzer.Normalize(token)) is not { Count: >= 2 } parts
                || concepts.FirstOrDefault(c => c.Terms.Keys.FirstOrDefault() == own) is not { } whole || whole.Terms.Keys.Any(statistics.Contains))
            {
                continue;
            }

            // The head (the last part) names what the compound is: a "Bodentest" is a test, a "Weltmeisterschaft" no world.
            if (TextAnalyzer.Term(parts[^1], Language.German) is { } head
                && concepts.Any(c => c.Terms.Keys.FirstOrDefault() == head && c.Terms.Keys.Any(statistics.Contains)))
            {
                unmet.Add(own);
            }
        }

        return unmet;
    }

    /// <summary>
    /// A single letter (split off by an apostrophe, "Cranston's", "don't", or an initial, "George W. Bush") is no word of the
    /// question: its dictionary senses ("s" → "deswegen", "da") would count for sentences that happen to hold them, and its
    /// weight would dilute the rest.
    /// </summary>
    private static bool IsSingleLetter(QueryConcept concept) =>
        concept.Terms.Keys.FirstOrDefault() is { Length: 1 } own && char.IsLetter(own[0]);

    /// <summary>Each German word's own term with the terms of what it is made from: a verb's infinitive, a relational adjective's noun.</summary>
    private static ILookup<string, string> GermanBases(string text, GermanVerbForms? verbs)
    {
        var bases = new List<(string Own, string Base)>();
        foreach (var (token, term) in verbs?.Lemmas(text) ?? [])
        {
            if (TextAnalyzer.Term(token) is { } own && own != term)
            {
                bases.Add((own, term));
            }
        }

        foreach (var token in TextAnalyzer.Tokens(text))
        {
            if (TextAnalyzer.Term(token) is { } own && TextAnalyzer.RelationalBase(own) is { } noun)
            {
                bases.Add((own, noun));
            }
        }

        return bases.ToLookup(b => b.Own, b => b.Base, StringComparer.Ordinal);
    }

    /// <summary>
    /// The translations of the infinitives of a German text's verb forms, by each form's own term: the dictionary lists a
    /// verb under its infinitive, not every form ("dockte … an" is found as "andocken" → "to dock").
    /// </summary>
    private static Dictionary<string, IReadOnlyDictionary<string, double>> InfinitiveTranslations(string text, GermanVerbForms verbs, QueryTranslator translator)
    {
        var translations = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (token, infinitive) in verbs.Infinitives(text))
        {
            if (TextAnalyzer.Term(token) is { } own && !translations.ContainsKey(own)
                && translator.Plan(new SearchQuery(infinitive), _ => true).FirstOrDefault() is { Terms.Count: > 1 } concept)
            {
                translations[own] = concept.Terms;
            }
        }

        return translations;
    }

    /// <summary>A concept's terms with the bases of its own word (its first term: an infinitive, a noun), each counting as the word itself.</summary>
    private static IReadOnlyDictionary<string, double> WithBases(IReadOnlyDictionary<string, double> terms, ILookup<string, string>? lemmas)
    {
        if (lemmas is null || terms.Count == 0 || !lemmas.Contains(terms.Keys.First()))
        {
            return terms;
        }

        var with = new Dictionary<string, double>(terms, StringComparer.Ordinal);
        foreach (var term in lemmas[terms.Keys.First()])
        {
            with[term] = 1;
        }

        return with;
    }

    /// <summary>A person's names and aliases as one concept: any spelling of them covers it.</summary>
    private static List<WeightedConcept> NameConcept(Person person) =>
        [new(TextAnalyzer.Terms(person.Name).Concat(person.Aliases.SelectMany(TextAnalyzer.Terms)).Distinct().ToDictionary(t => t, _ => 1.0, StringComparer.Ordinal), 1)];

    private static readonly HashSet<string> ReportingVerbs = new[]
    {
        "sagen", "sagte", "sagt", "gesagt", "sagten", "erklärte", "erklärt", "betonte", "meinte", "äußerte", "sprach",
        "say", "says", "said", "tell", "told", "stated", "state", "speak", "spoke",
    }.Select(TextAnalyzer.Term).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>A concept's terms with how much each counts (1 for the word itself, a share for a translation).</summary>
    private sealed record WeightedConcept(IReadOnlyDictionary<string, double> Terms, double Weight)
    {
        /// <summary>The English word's own term, when the question is English: German words whose translations name it meet it.</summary>
        public string? English { get; init; }
    }

    internal readonly record struct Score(double Value, double Coverage);

    /// <summary>
    /// How much of the question's weight a sentence covers, favouring better-ranked passages and shorter sentences. The
    /// <paramref name="antecedent"/>, the sentence a pronoun or connective points back to, adds its words but not its length;
    /// so do the <paramref name="aliases"/> the article defines, for the short forms the sentence uses ("Gnesda", "Phivolcs").
    /// </summary>
    /// <param name="verbs">German verb forms: a German sentence's verbs count by their infinitives too.</param>
    private static Score SentenceScore(string sentence, List<WeightedConcept> concepts, QueryTranslator translator, int rank, double relative = 1, IReadOnlySet<string>? title = null, string? antecedent = null, Dictionary<string, HashSet<string>>? aliases = null, GermanVerbForms? verbs = null)
    {
        if (concepts.Count == 0)
        {
            return default;
        }

        var german = IsGerman(sentence);
        var present = translator.TextTerms(sentence, german);
        var words = present.Count;
        if (antecedent is not null)
        {
            present.UnionWith(translator.TextTerms(antecedent));
        }

        if (german && verbs is not null)
        {
            present.ExceptWith(ParticiplesAsNouns(sentence, verbs));

            present.UnionWith(verbs.Terms(sentence));
            if (antecedent is not null)
            {
                present.UnionWith(verbs.Terms(antecedent));
            }
        }

        if (german)
        {
            present.UnionWith(present.Select(TextAnalyzer.RelationalBase).OfType<string>().ToList());
        }

        if (aliases is not null)
        {
            ArticleAliases.Expand(present, aliases);
        }

        AddJoined(sentence, present);
        if (!german)
        {
            AddDemonymBases(sentence, present);
        }

        // A pair the dictionary lists is a pair both ways: "arrival" is the first translation of "Ankunft", though among the
        // translations of "arrival" the query takes ("ankommend", "Ankömmling", "Gast", …) "Ankunft" is not. So an English
        // question word is met by a German word of the sentence that has it among its main senses.
        var named = german && translator.Dictionary is { } dictionary && concepts.Exists(c => c.English is not null) ? EnglishNamed(present, dictionary) : null;

        double matched = 0, total = 0;
        foreach (var concept in concepts)
        {
            total += concept.Weight;
            // A concept met only through a rare translation ("capital" → "groß") counts by that translation's share.
            var best = 0.0;
            foreach (var (term, share) in concept.Terms)
            {
                if (share > best && (present.Contains(term) || InflectedIn(term, present, german)))
                {
                    best = share;
                }
            }

            if (named is not null && concept.English is { } english && named.TryGetValue(english, out var back) && back > best)
            {
                best = back;
            }

            // A question word inside a German compound of the sentence ("Anatolien" in "Ostanatolien", "Euphrat" in "Euphrattal").
            if (german && best < CompoundPartShare && translator.Splitter is { } splitter)
            {
                foreach (var (term, share) in concept.Terms)
                {
                    if (CompoundPartShare * share > best && InCompound(term, present, splitter))
                    {
                        best = CompoundPartShare * share;
                    }
                }
            }

            // The article's title sets the topic its sentences need not repeat ("Lisbon" in the title, "the project" in the text).
            if (title is not null && best < TitleShare)
            {
                foreach (var (term, share) in concept.Terms)
                {
                    if (TitleShare * share > best && title.Contains(term))
                    {
                        best = TitleShare * share;
                    }
                }
            }

            matched += concept.Weight * best;
        }

        var coverage = total == 0 ? 0 : matched / total;
        var lengthPenalty = words > 40 ? 40.0 / words : 1;
        return new Score(coverage * lengthPenalty * (1 - (0.04 * rank)) * (0.5 + (0.5 * relative)), coverage);
    }

    /// <summary>
    /// The terms of the sentence's lowercase past participles that stem as a different word ("gehalten" → "gehalt", the
    /// term of "Gehalt", a salary; its verb is halten): the participle stands for its verb, whose term is added, not for a
    /// noun it happens to spell. A term some other word of the sentence also yields is kept.
    /// </summary>
    internal static HashSet<string> ParticiplesAsNouns(string sentence, GermanVerbForms verbs)
    {
        var shadowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (token, infinitive) in verbs.Lemmas(sentence))
        {
            if (token.Length > 4 && token.StartsWith("ge", StringComparison.Ordinal) && TextAnalyzer.Term(token, Language.German) is { } own && own != infinitive)
            {
                shadowed.Add(own);
            }
        }

        if (shadowed.Count > 0)
        {
            foreach (var token in TextAnalyzer.Tokens(sentence))
            {
                if (!(token.Length > 4 && token.StartsWith("ge", StringComparison.Ordinal)) && TextAnalyzer.Term(token, Language.German) is { } other)
                {
                    shadowed.Remove(other);
                }
            }
        }

        return shadowed;
    }

    /// <summary>
    /// A German word's translation counts back for an English question word only when it is one of the word's main senses,
    /// paired at least this share as often as its best: a rare sense of a common word ("first" for "Anfang") would meet
    /// question words in many sentences. Measured on XQuAD half A en→de: every sense 279, this 280, the first sense alone 279.
    /// </summary>
    private const double MainSenseShare = 0.5;

    /// <summary>The English terms the German terms name as main senses (among their first few, as a query takes them), each with its best share.</summary>
    internal static Dictionary<string, double> EnglishNamed(HashSet<string> germanTerms, BilingualDictionary dictionary)
    {
        var named = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in germanTerms)
        {
            var translations = dictionary.Translate(term, TranslationDirection.GermanToEnglish);
            var best = translations.Select(t => t.Count).DefaultIfEmpty(1).Max();
            foreach (var translation in translations.Where(t => !t.Terms.Contains(' ', StringComparison.Ordinal)).Take(QueryTranslator.MaxTranslationsPerWord))
            {
                var share = QueryTranslator.TranslationWeight * translation.Count / best;
                if (share < MainSenseShare)
                {
                    continue;
                }

                if (!named.TryGetValue(translation.Terms, out var known) || known < share)
                {
                    named[translation.Terms] = share;
                }
            }
        }

        return named;
    }

    /// <summary>
    /// A longer stem met by an inflected form the stemmer leaves whole ("behaupt" in "behauptet", "beend" in "beendet"):
    /// the sentence's term starts with the question's and adds at most two letters. In a <paramref name="german"/> sentence
    /// also a noun by its weak verb and a four-letter stem by its present tense; in English those would meet look-alikes
    /// ("plane" in "plant", "star" in "start").
    /// </summary>
    internal static bool InflectedIn(string term, HashSet<string> present, bool german)
    {
        // A noun met by the weak verb made from it ("zu Ende" by "endete", "der Start" by "startete"): the verb adds -t or
        // -et to the noun's stem, its final -e dropped.
        if (german && term.Length >= 4 && !char.IsDigit(term[0]) && (term.EndsWith('e') ? term[..^1] : term) is var stem
            && (present.Contains(stem + "t") || present.Contains(stem + "et")))
        {
            return true;
        }

        if (term.Length < 4)
        {
            return false;
        }

        foreach (var p in present)
        {
            if (p.Length > term.Length && p.Length <= term.Length + 2 && p.StartsWith(term, StringComparison.Ordinal)
                // A four-letter stem has too many longer look-alikes: only a verb's person ending ("kost" in "kostet").
                && (term.Length >= 5 || (german && VerbEndings.Contains(p[term.Length..]))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A question word met only inside a German compound counts half: a part says less than the word itself (on XQuAD half A,
    /// 0.35 and 0.5 answered alike, 0.75 one fewer de→de and en→de, 1 two fewer of each).
    /// </summary>
    private const double CompoundPartShare = 0.5;

    /// <summary>
    /// Whether <paramref name="term"/> is a part of a longer term of a German sentence, as German word formation puts it: the
    /// head (last part), which names what the compound is ("Ostanatolien" is in Anatolien, a "Leadgitarrist" is a Gitarrist), after a
    /// modifier of at least three letters, known or not (a name: "Hadrianswall"); or the modifier, when what follows it
    /// (a linking element dropped) is a word of the dictionary ("Euphrat|tal"). The splitter cannot split these: one part is
    /// a name or shorter than its four letters. Terms are stemmed on both sides, so an inflected head may still differ
    /// ("Bauern" does not meet "Sojabauern").
    /// </summary>
    internal static bool InCompound(string term, HashSet<string> present, CompoundSplitter? splitter = null)
    {
        if (term.Length < 4 || char.IsDigit(term[0]))
        {
            return false;
        }

        foreach (var p in present)
        {
            if (p.Length < term.Length + 3)
            {
                continue;
            }

            if (p.EndsWith(term, StringComparison.Ordinal))
            {
                return true;
            }

            if (splitter is not null && p.StartsWith(term, StringComparison.Ordinal) && IsHead(p[term.Length..], splitter))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] LinkingElements = ["s", "es", "n", "en", "er"];

    /// <summary>
    /// Whether an index term's letters spell a dictionary word: index terms are folded (w→v, z→s, sch→sh, ck→k: "kraftverk"
    /// for "Kraftwerk"), the dictionary's words are not, so each folded letter is tried as either (at most six of them).
    /// </summary>
    private static bool IsFoldedWord(string folded, CompoundSplitter splitter)
    {
        if (splitter.IsWord(folded))
        {
            return true;
        }

        var ambiguous = 0;
        foreach (var c in folded)
        {
            ambiguous += c is 'v' or 's' or 'k' ? 1 : 0;
        }

        return ambiguous is > 0 and <= MaxFoldedLetters && Unfolded(folded, 0).Any(splitter.IsWord);
    }

    private const int MaxFoldedLetters = 6;

    /// <summary>The spellings a folded term may stand for from <paramref name="from"/> on: v as v or w, s as s or z, sh as sh or sch, k as k or ck.</summary>
    private static IEnumerable<string> Unfolded(string folded, int from)
    {
        var at = folded.IndexOfAny(['v', 's', 'k'], from);
        if (at < 0)
        {
            yield return folded;
            yield break;
        }

        var (alternative, skip) = folded[at] switch
        {
            'v' => ("w", 1),
            'k' => ("ck", 1),
            _ when at + 1 < folded.Length && folded[at + 1] == 'h' => ("sch", 2),
            _ => ("z", 1),
        };
        foreach (var rest in Unfolded(folded, at + skip))
        {
            yield return rest;
        }

        var changed = folded[..at] + alternative + folded[(at + skip)..];
        foreach (var rest in Unfolded(changed, at + alternative.Length))
        {
            yield return rest;
        }
    }

    /// <summary>What follows a compound's modifier: a dictionary word of at least three letters, after an optional linking element.</summary>
    private static bool IsHead(string rest, CompoundSplitter splitter)
    {
        if (rest.Length >= 3 && IsFoldedWord(rest, splitter))
        {
            return true;
        }

        foreach (var link in LinkingElements)
        {
            if (rest.Length - link.Length >= 3 && rest.StartsWith(link, StringComparison.Ordinal) && IsFoldedWord(rest[link.Length..], splitter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Two capitalised words in a row as the one word they may be written as ("Super Bowl" as "Superbowl"): a question that
    /// writes them together meets the sentence that writes them apart. (Apart in the question, together in a German sentence,
    /// the compound rule above meets each of them.)
    /// </summary>
    private static void AddJoined(string sentence, HashSet<string> present)
    {
        string? previous = null;
        foreach (var token in TextAnalyzer.Tokens(sentence))
        {
            var capitalised = char.IsUpper(token[0]);
            if (capitalised && previous is not null && TextAnalyzer.Term(previous + token) is { } joined)
            {
                present.Add(joined);
            }

            previous = capitalised ? token : null;
        }
    }

    /// <summary>
    /// An English adjective of a place made with -n after the place's final -a ("Cuban", "Syrian", "Kenyan", "Russian")
    /// counts as the place ("Cuba", "Syria"), as a German -isch adjective counts as its noun (<see cref="TextAnalyzer.RelationalBase"/>):
    /// "the Cuban government" is about Cuba. Only capitalised words, as English writes adjectives of names.
    /// </summary>
    internal static void AddDemonymBases(string sentence, HashSet<string> present)
    {
        foreach (var token in TextAnalyzer.Tokens(sentence))
        {
            if (token.Length >= 5 && char.IsUpper(token[0]) && token.EndsWith("an", StringComparison.Ordinal)
                && TextAnalyzer.Term(token[..^1], Language.English) is { } place)
            {
                present.Add(place);
            }
        }
    }

    /// <summary>
    /// Adds to <paramref name="terms"/> (the terms of <paramref name="texts"/>) the places and nouns their adjectives are made
    /// from: "das ägyptische Parlament" and "the Cuban government" name Egypt and Cuba.
    /// </summary>
    internal static void AddAdjectiveBases(IEnumerable<string> texts, HashSet<string> terms)
    {
        terms.UnionWith(terms.Select(TextAnalyzer.RelationalBase).OfType<string>().ToList());
        foreach (var text in texts)
        {
            AddDemonymBases(text, terms);
        }
    }

    /// <summary>German as the translator reads it (a sentence it cannot tell counts as German, as for compound parts).</summary>
    private static bool IsGerman(string sentence) => LanguageDetector.Detect(sentence) != Language.English;

    /// <summary>The endings of a German present-tense verb the light stemmer leaves on ("kostet", "kostest", "wählt").</summary>
    private static readonly HashSet<string> VerbEndings = new(["t", "et", "st"], StringComparer.Ordinal);
}
