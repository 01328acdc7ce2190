using System.Text.RegularExpressions;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>Whom or what a question names, and whether the articles name it: when the engine declines instead of answering another question.</summary>
public sealed partial class ExtractiveAnswerEngine
{
    /// <summary>
    /// A question about a name the corpus does not know at all, in any spelling or translation ("… in Reykjavik?"):
    /// no article can answer it, however well its other words match. In English a capital inside a question marks a name;
    /// in German only a capitalised word that is no dictionary word and no compound.
    /// </summary>
    private static bool AsksAboutAbsentName(string question, Language questionLanguage, QueryPlan plan)
    {
        var concepts = plan.Translator.Plan(new SearchQuery(question), _ => true);
        bool Known(string token) =>
            TextAnalyzer.Term(token) is not { } term || concepts.Where(c => c.Terms.ContainsKey(term)).SelectMany(c => c.Terms.Keys).Any(plan.Statistics.Contains)
            || WrittenApart(term, plan.Statistics.Contains)
            || PlaceOfDemonym(term, plan.Statistics.Contains)
            || (LanguageCountries.Terms(plan.Translator).TryGetValue(term, out var countries) && countries.Any(plan.Statistics.Contains))
            || (plan.Translator.Splitter is { } splitter && concepts.Where(c => c.Terms.ContainsKey(term)).SelectMany(c => c.Terms.Keys).Any(t => ModifiesCompound(t, plan.Statistics, splitter)))
            || (term.Contains('q', StringComparison.Ordinal) && KForQ(term) is var k && (plan.Statistics.Contains(k) || WrittenApart(k, plan.Statistics.Contains)
                || (plan.Translator.Splitter is { } kSplitter && ModifiesCompound(k, plan.Statistics, kSplitter))));
        // A name of several words ("Graham Twigg", "Grammy Awards") is known when the corpus has any of them: one spelling
        // or translation it lacks ("Awards", "Graham") does not make the whole name unknown. A name is known too when the
        // corpus writes it apart ("Superbowl": "Super Bowl") or only as the first part of a German compound ("Euphrat|tal").
        return NameGroups(question, t => questionLanguage == Language.English || IsName(t, plan.Translator)).Any(name => !name.Exists(Known));
    }

    /// <summary>
    /// The names the question asks about, each as the terms of its words (with their translations): runs of capitalised words
    /// after the first word, in German only those holding a word that is no dictionary word or compound (German capitalises nouns).
    /// </summary>
    private static List<List<NameWord>> QuestionNames(string question, Language questionLanguage, QueryTranslator translator, ITermStatistics? statistics = null, WordKnowledge? knowledge = null) =>
        NameGroups(question, t => questionLanguage == Language.English || IsName(t, translator))
            .Select(g => g.Select(w => new NameWord(translator.Plan(new SearchQuery(w), _ => true).SelectMany(c => c.Terms.Keys).ToHashSet(StringComparer.Ordinal), w.Length is >= 2 and <= 6 && w.All(char.IsUpper) ? w : null)
            {
                Rare = statistics is not null && Rare(w, statistics),
                // "Haller" is translated only through the stem it shares with "hall": the dictionary lists neither it nor its
                // lowercase form in either language, so it is a name, whatever its stem means.
                Unlisted = questionLanguage == Language.English && knowledge is not null && !knowledge.IsEnglishCommonWord(w)
                    && !knowledge.IsEnglishProperName(w) && !knowledge.IsGermanCommonWord(w),
            }).ToList())
            // A word the dictionary translates ("Church", "British", "Prime Minister") may be paraphrased or left to the context;
            // a name it does not know ("Mugabe", "Melfi") or an acronym ("ISS") is said where it is spoken of. A name of several
            // words ("Sentanta Sports") is met by any of them. A word the corpus seldom uses is distinctive however the
            // dictionary translates it ("Peyton Manning"; see Rare), and so is one the dictionary lists in no language.
            .Where(g => g.Exists(w => w.Terms.Count == 1 || w.Acronym is not null || w.Rare || w.Unlisted))
            .ToList();

    /// <summary>
    /// A name is distinctive when few passages use it: at most this share of them. Measured on half A: XQuAD answer@1 and
    /// reader questions unchanged, 4 short answers right more and none fewer ("Wie alt war Peyton Manning …?" → 39); a fixed
    /// count instead (at most about 4 or 20 passages) gave 3 more and lost one. A corpus of under 50 passages has no rare
    /// word by this measure, so a small one keeps to the dictionary's test.
    /// </summary>
    private const double RareShare = 0.02;

    /// <summary>
    /// A capitalised word of the question the corpus knows but seldom uses ("Manning", whose dictionary sense "Bemannung"
    /// made it a common word): a name, though the dictionary translates it. Its passage count is read back from its idf.
    /// </summary>
    private static bool Rare(string word, ITermStatistics statistics)
    {
        if (statistics.PassageCount == 0 || TextAnalyzer.Term(word) is not { } term || !statistics.Contains(term))
        {
            return false;
        }

        var passages = ((statistics.PassageCount + 1) / Math.Exp(statistics.Idf(term))) - 0.5;
        return passages <= RareShare * statistics.PassageCount;
    }

    /// <summary>
    /// How many other words of the question evidence must share to answer though its article lacks a name of the question.
    /// Measured on half A: 2 leaves every XQuAD and reader answer as it was, 3 loses one de→en answer; requiring the names
    /// always lost 2–3 answers per direction, where a one-paragraph XQuAD article leaves a name to the paragraph before
    /// (hence only for such excerpts, <see cref="IsExcerpt"/>).
    /// </summary>
    private const int MinSharedWithoutName = 2;

    /// <summary>
    /// An article of a single paragraph: an excerpt that may name whom it is about only in the paragraph before it (each
    /// XQuAD paragraph is such an article). Measured on half A: requiring the names of every longer article left each
    /// XQuAD and reader answer as it was and declined one more unanswerable dev question.
    /// </summary>
    private static bool IsExcerpt(Article article) => article.Paragraphs.Take(2).Count() < 2;

    /// <summary>The question's concepts, other than its names, that the candidate sentence (or its article's title) meets.</summary>
    private static int SharedConcepts(Candidate candidate, List<WeightedConcept> weights, List<List<NameWord>> names, QueryTranslator translator, Dictionary<string, HashSet<string>> aliases, GermanVerbForms? verbs)
    {
        var nameTerms = names.SelectMany(g => g).SelectMany(w => w.Terms).ToHashSet(StringComparer.Ordinal);
        var title = translator.TextTerms(candidate.Hit.Passage.Article.Title, candidate.Hit.Passage.Article.Language);
        return weights.Count(c => !c.Terms.Keys.Any(nameTerms.Contains)
            && SentenceScore(candidate.Sentence, [c], translator, 0, 1, title, aliases: aliases, verbs: verbs).Coverage > 0);
    }

    /// <summary>One word of a name the question asks about: its terms with their translations, and the word itself when it is an acronym.</summary>
    private sealed record NameWord(HashSet<string> Terms, string? Acronym)
    {
        /// <summary>Few passages of the corpus use the word (see <see cref="Rare(string, ITermStatistics)"/>).</summary>
        public bool Rare { get; init; }

        /// <summary>The dictionary lists the word in neither language: its translations come from a stem it only shares.</summary>
        public bool Unlisted { get; init; }

        public bool Any(Func<string, bool> predicate) => Terms.Any(predicate);
    }

    /// <summary>
    /// The article (title and text, with the short forms it defines) names each of the names: a name of several words when
    /// it names any of them ("Bryan Cranston" as "Cranston"), a word in any spelling or translation, inflected, or inside a
    /// German compound ("UN" in "UN-Bericht", "Euphrat" in "Euphrattal").
    /// </summary>
    private static bool NamesAll(Article article, List<List<NameWord>> names, QueryTranslator translator, Dictionary<string, HashSet<string>> aliases)
    {
        if (names.Count == 0)
        {
            return true;
        }

        var terms = ArticleTerms(article, translator);
        foreach (var text in article.Paragraphs.Prepend(article.Title))
        {
            AddJoined(text, terms);
        }

        AddAdjectiveBases(article.Paragraphs.Prepend(article.Title), terms);

        ArticleAliases.Expand(terms, aliases);
        terms.UnionWith(terms.Where(t => t.Contains('q', StringComparison.Ordinal)).Select(KForQ).ToList());
        var german = article.Language == Language.German;
        HashSet<string>? initials = null;
        var countries = LanguageCountries.Terms(translator);
        // "Polish" is named by an article on Poland ("in Koszalin, North Poland"): a language's name is its people's adjective.
        bool Named(string t) => terms.Contains(t) || InflectedIn(t, terms, german) || (german && InCompound(t, terms, translator.Splitter))
            || (countries.TryGetValue(t, out var country) && country.Overlaps(terms));
        return names.TrueForAll(name => name.Exists(word => word.Any(t => Named(t) || (t.Contains('q', StringComparison.Ordinal) && Named(KForQ(t))))
            || (word.Acronym is { } acronym && (initials ??= ArticleAliases.Initials(article)).Any(i => acronym.StartsWith(i, StringComparison.Ordinal)))));
    }

    /// <summary>
    /// A name's spelling with k for q: English transliterates the Arabic qaf (and other languages' q) as q, German as k
    /// ("Al-Quds"/"Al-Kuds", "Iraq"/"Irak", "Qatar"/"Katar", "al-Qaida"/"al-Kaida"), so either spelling names it.
    /// </summary>
    private static string KForQ(string term) => term.Replace('q', 'k');

    /// <summary>
    /// A name the question writes as one word that the corpus writes as two ("Superbowl" for "Super Bowl"): both halves,
    /// of at least four letters each, are terms of the corpus.
    /// </summary>
    private static bool WrittenApart(string term, Func<string, bool> inCorpus)
    {
        for (var cut = 4; cut <= term.Length - 4; cut++)
        {
            if (inCorpus(term[..cut]) && inCorpus(term[cut..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An adjective made from a place name the corpus has: "Calabrian" of "Calabria", "Bolivian" of "Bolivia",
    /// "Brazilian" of "Brazil", "Nepalese" of "Nepal", "bolivianisch" of "Bolivien".
    /// </summary>
    private static bool PlaceOfDemonym(string term, Func<string, bool> inCorpus)
    {
        foreach (var (suffix, restore) in Demonyms)
        {
            if (term.Length - suffix.Length >= 4 && term.EndsWith(suffix, StringComparison.Ordinal) && inCorpus(term[..^suffix.Length] + restore))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly (string Suffix, string Restore)[] Demonyms =
        [("n", ""), ("ian", ""), ("an", "a"), ("ese", ""), ("isch", ""), ("anisch", "en"), ("ianisch", "ien")];

    /// <summary>A term the corpus has only as the modifier of a German compound, before a dictionary word ("euphrat" of "Euphrattal", "mur" of "Murkraftwerk").</summary>
    private static bool ModifiesCompound(string term, ITermStatistics statistics, CompoundSplitter splitter) =>
        term.Length >= 3 && !char.IsDigit(term[0])
        && statistics.WithPrefix(term, Language.German).Any(p => p.Length >= term.Length + 3 && IsHead(p[term.Length..], splitter));

    /// <summary>
    /// Runs of capitalised words after the question's first word, joined by spaces or hyphens, that hold a name
    /// (<paramref name="isName"/>): the names the question mentions, each with the words written with it.
    /// </summary>
    private static List<List<string>> NameGroups(string question, Func<string, bool> isName)
    {
        var groups = new List<List<string>>();
        List<string>? current = null;
        var at = 0;
        var first = true;
        var designations = Designation().Matches(question).ToList();
        foreach (var token in TextAnalyzer.Tokens(question))
        {
            var start = question.IndexOf(token, at, StringComparison.Ordinal);
            var joined = current is not null && question.AsSpan(at, start - at).Trim().Length == 0 || question.AsSpan(at, start - at).Trim() is "-";
            at = start + token.Length;
            if (first)
            {
                first = false;
                continue;
            }

            // "K2-18b", "AS-278": a designation is told from its kin ("K2-33b") by its numbered parts, so each is a name of
            // its own that the answering article must name (its letters alone, "AS", may be a common word).
            if (token.Any(char.IsDigit) && designations.Exists(m => start >= m.Index && start < m.Index + m.Length))
            {
                groups.Add([token]);
                current = null;
                continue;
            }

            if (token.Length > 2 && char.IsUpper(token[0]) && !TextAnalyzer.IsStopWord(token))
            {
                // "Chiracs Tod", "Merkels Rede": a name in the genitive before a noun, not a name of two words.
                if (current is null || !joined || (current[^1].EndsWith('s') && isName(current[^1]) && !isName(token)))
                {
                    groups.Add(current = []);
                }

                current.Add(token);
            }
            else
            {
                current = null;
            }
        }

        // German capitalises nouns too: a run counts when one of its words is a name ("Sentanta Sports").
        return groups.Where(g => g.Exists(t => isName(t))).ToList();
    }

    /// <summary>Capitalised words and numbers joined by hyphens ("K2-18b", "COVID-19"): a designation, named by its numbered parts.</summary>
    [GeneratedRegex(@"(?<![\w-])\p{Lu}[\p{L}\d]*(?:-[\p{L}\d]+)+(?![\w-])")]
    private static partial Regex Designation();

    /// <summary>The sentence's names (capitalised words that are no dictionary word or compound), as text; "" when it has none.</summary>
    private static string NamesIn(string sentence, QueryTranslator translator) =>
        string.Join(' ', TextAnalyzer.Tokens(sentence).Skip(1).Where(t => char.IsUpper(t[0]) && !TextAnalyzer.IsStopWord(t) && IsName(t, translator)));

    private static readonly string[] InflectionEndings = ["s", "es", "n", "en", "e", "er", "em", "ern"];

    /// <summary>
    /// German capitalises every noun: a capitalised word is a name only when the dictionary does not list it as a German
    /// word and it is no compound of known words ("Verteidigungsspieler" is a noun, "Reykjavik" a name).
    /// </summary>
    private static bool IsName(string token, QueryTranslator translator)
    {
        var normal = TextAnalyzer.Normalize(token);
        return !IsDictionaryWord(normal, translator)
            && (translator.Splitter is not { } splitter || token.Length < CompoundSplitter.MinCompoundLength || splitter.Split(normal).Count < 2);
    }

    /// <summary>Inflected nouns are words too ("des Wetters", "den Inseln"): the dictionary lists the base form.</summary>
    private static bool IsDictionaryWord(string normal, QueryTranslator translator) =>
        translator.Dictionary is { } dictionary
        && (dictionary.IsGermanWord(normal) || InflectionEndings.Any(e => normal.Length > e.Length + 3 && normal.EndsWith(e, StringComparison.Ordinal) && dictionary.IsGermanWord(normal[..^e.Length])));

    /// <summary>
    /// A German question about a name that only looks like a compound ("Hallstatt" splits as "Hall" + "statt", but a compound
    /// noun ends in a noun or adjective, not in a preposition): the corpus lacks the word in every spelling and translation,
    /// and the cited article names none of its parts, so the articles do not speak of it. The dictionary's word knowledge
    /// (which words are nouns) is read only when such a word is asked about.
    /// </summary>
    private static bool AsksAboutUnmentionedName(string question, QueryPlan plan, WordKnowledgeSource? words, Article article)
    {
        if (words is null || plan.Translator.Splitter is not { } splitter)
        {
            return false;
        }

        HashSet<string>? articleTerms = null;
        foreach (var token in TextAnalyzer.Tokens(question).Skip(1))
        {
            var normal = TextAnalyzer.Normalize(token);
            if (!char.IsUpper(token[0]) || token.Length < CompoundSplitter.MinCompoundLength || IsDictionaryWord(normal, plan.Translator)
                || splitter.Split(normal) is not { Count: >= 2 } parts
                // The word's own concept (itself and its translations), not its parts: the corpus has none of them.
                || plan.Translator.Plan(new SearchQuery(token), _ => true).Take(1).SelectMany(c => c.Terms.Keys).Any(plan.Statistics.Contains)
                || words.Knowledge is not { } knowledge || IsCommonWord(Written(token, parts[^1]), knowledge))
            {
                continue;
            }

            articleTerms ??= ArticleTerms(article, plan.Translator);
            if (!parts.SelectMany(p => plan.Translator.Plan(new SearchQuery(p), _ => true)).SelectMany(c => c.Terms.Keys).Any(articleTerms.Contains))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> ArticleTerms(Article article, QueryTranslator translator)
    {
        var terms = translator.TextTerms(article.Title, article.Language);
        foreach (var paragraph in article.Paragraphs)
        {
            terms.UnionWith(translator.TextTerms(paragraph, article.Language));
        }

        return terms;
    }

    /// <summary>The end of a token as written (umlauts and ß kept) whose normalised form is <paramref name="end"/>.</summary>
    private static string Written(string token, string end)
    {
        for (var start = token.Length - 1; start >= 0; start--)
        {
            if (TextAnalyzer.Normalize(token[start..]) == end)
            {
                return token[start..];
            }
        }

        return end;
    }

    /// <summary>The dictionary lists the word, or its base form, as a noun or adjective.</summary>
    private static bool IsCommonWord(string word, WordKnowledge knowledge) =>
        knowledge.IsGermanCommonWord(word)
        || InflectionEndings.Any(e => word.Length > e.Length + 3 && word.EndsWith(e, StringComparison.Ordinal) && knowledge.IsGermanCommonWord(word[..^e.Length]));

    /// <summary>
    /// The best sentence reaches the minimum coverage only because a word the question writes in lower case, a common word,
    /// meets a person's surname in it ("fishing" and "Heinz Fischer" fold to one term): a name does not mean what its letters
    /// spell, so that match does not count. Needs the people index; until it is ready every match counts.
    /// </summary>
    private static bool CoversOnlyThroughNames(Candidate best, AskContext context, List<WeightedConcept> weights, QueryTranslator translator)
    {
        var common = CommonWordTerms(context.Question, LanguageDetector.Detect(context.Question));
        var total = weights.Sum(c => c.Weight);
        if (common.Count == 0 || total <= 0 || !context.Corpus.PeopleReady)
        {
            return false;
        }

        // Cheap first: the common words a capitalised word of the sentence meets. Only when dropping all of them could take
        // the sentence below the minimum are the article's people looked up (a scan of the people index).
        var capitalised = Capitalised(best.Sentence, translator);
        // A concept's first term is the question's own word (its translations follow).
        var commonConcepts = weights.Where(c => c.Terms.Count > 0 && common.Contains(c.Terms.Keys.First())).ToList();
        var german = IsGerman(best.Sentence);
        var atRisk = commonConcepts.Where(c => c.Terms.Keys.Any(t => capitalised.Contains(t) || InflectedIn(t, capitalised, german))).Sum(c => c.Weight);
        if (atRisk == 0 || best.Coverage - (atRisk / total) >= MinimumCoverage)
        {
            return false;
        }

        var article = best.Hit.Passage.Article;
        var surnames = context.Corpus.People.InArticle(article.Id)
            .Where(p => p.Name.Contains(' ', StringComparison.Ordinal))
            .SelectMany(p => p.Aliases.Append(p.Name))
            .Select(n => TextAnalyzer.Tokens(n).LastOrDefault())
            .Select(n => n is null ? null : TextAnalyzer.Term(n))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var sentence = WithoutNames(best.Sentence, surnames);
        if (sentence == best.Sentence)
        {
            return false;
        }

        var others = weights.Except(commonConcepts).ToList();
        var title = translator.TextTerms(article.Title, article.Language);
        var withoutNamesTitle = translator.TextTerms(WithoutNames(article.Title, surnames), article.Language);
        var matched = (SentenceScore(best.Sentence, others, translator, 0, 1, title).Coverage * others.Sum(c => c.Weight))
            + (SentenceScore(sentence, commonConcepts, translator, 0, 1, withoutNamesTitle).Coverage * commonConcepts.Sum(c => c.Weight));
        return matched / total < MinimumCoverage;
    }

    /// <summary>The terms of the sentence's capitalised words, with their compound parts.</summary>
    private static HashSet<string> Capitalised(string sentence, QueryTranslator translator)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in TextAnalyzer.Tokens(sentence).Where(t => char.IsUpper(t[0])))
        {
            terms.UnionWith(translator.TextTerms(token));
        }

        return terms;
    }

    /// <summary>The terms of the question's words written only in lower case (its first word aside): common words, no names.</summary>
    private static HashSet<string> CommonWordTerms(string question, Language? language)
    {
        var tokens = TextAnalyzer.Tokens(question).Skip(1).ToList();
        var common = tokens.Where(t => char.IsLower(t[0])).Select(t => TextAnalyzer.Term(t, language)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        common.ExceptWith(tokens.Where(t => !char.IsLower(t[0])).Select(t => TextAnalyzer.Term(t, language)).OfType<string>());
        return common;
    }

    /// <summary>The text with its capitalised words whose term is one of the surnames blanked out.</summary>
    private static string WithoutNames(string text, HashSet<string> surnames)
    {
        var result = new System.Text.StringBuilder(text);
        var at = 0;
        foreach (var token in TextAnalyzer.Tokens(text))
        {
            at = text.IndexOf(token, at, StringComparison.Ordinal);
            if (char.IsUpper(token[0]) && TextAnalyzer.Term(token) is { } term && surnames.Contains(term))
            {
                result.Remove(at, token.Length).Insert(at, new string(' ', token.Length));
            }

            at += token.Length;
        }

        return result.ToString();
    }
}
