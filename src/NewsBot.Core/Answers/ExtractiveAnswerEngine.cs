using NewsBot.Retrieval.Articles;
using NewsBot.Core.Chat;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>
/// The embedded engine: answers with the sentences of the corpus that best answer the question, quoted and cited.
/// It cannot translate, so evidence in another language is framed ("From the German article …") and quoted as it stands.
/// It reads the corpus only through what it is given: the hits, and the plan and snapshot of the search that found them.
/// <paramref name="words"/> (the dictionary's word knowledge: which German words are nouns) helps it decline; without it
/// that one check is skipped.
/// </summary>
public sealed class ExtractiveAnswerEngine(WordKnowledgeSource? words = null) : IAnswerEngine
{
    public const string BackendName = "extractive";

    /// <summary>The key of the engine's keyed registration: what answers alone, or as a model's fallback.</summary>
    public const string ServiceKey = BackendName;

    /// <summary>The share of the question's weight the best evidence must cover to count as an answer.</summary>
    private const double MinimumCoverage = 0.22;

    public string Backend => BackendName;

    public Task<Answer> AnswerAsync(AskContext context, CancellationToken cancellationToken)
    {
        var language = context.AnswerLanguage;
        var type = AnswerTypes.Classify(context.Question, words?.Knowledge);
        var plan = context.Plan;
        var translator = plan.Translator;
        // German verb forms to their infinitives, from the dictionary (or its snapshot), unpacked by the first answer or the warm-up.
        var verbs = GermanVerbForms.Of(translator.Dictionary);
        var weights = Concepts(context.Question, plan, verbs);
        // Memory adds the earlier subject ("er" → Hegseth) as a lighter concept beside the question's own words.
        weights.AddRange(context.Context.SelectMany(c => Concepts(c, plan)).Select(c => c with { Weight = c.Weight * QueryTranslator.ExtraTermWeight }));
        var questionTerms = weights.SelectMany(c => c.Terms.Keys).ToHashSet(StringComparer.Ordinal);
        if (weights.Count == 0 || context.Hits.Count == 0 || AsksAboutAbsentName(context.Question, context.QuestionLanguage, plan))
        {
            return Task.FromResult(NotFound(language));
        }

        var places = PlacesAsked(context.Question, plan);
        var aliasesByArticle = new Dictionary<Article, Dictionary<string, HashSet<string>>>();
        Dictionary<string, HashSet<string>> AliasesOf(Article article) =>
            aliasesByArticle.TryGetValue(article, out var known) ? known : aliasesByArticle[article] = ArticleAliases.Of(article, translator);
        var counted = type.Kind == AnswerKind.Amount ? CountedTerms(context.Question, translator) : null;
        var candidates = new List<Candidate>();
        var topScore = context.Hits[0].Score;
        foreach (var (hit, rank) in context.Hits.Take(MaxPassages).Select((h, r) => (h, r)))
        {
            var sentences = Sentences.Split(hit.Passage.Text);
            var title = translator.TextTerms(hit.Passage.Article.Title, hit.Passage.Article.Language);
            var aliases = AliasesOf(hit.Passage.Article);
            // An article that never names the place the question asks about ("… in Lissabon?") is about another place.
            var elsewhere = places.Count > 0 && !places.TrueForAll(p => Mentions(hit.Passage.Article, p, translator)) ? ElsewhereShare : 1;
            for (var i = 0; i < sentences.Count; i++)
            {
                if (Evidence.IsDebris(sentences[i]))
                {
                    continue;
                }

                var relative = topScore <= 0 ? 1 : hit.Score / topScore;
                var score = SentenceScore(sentences[i], weights, translator, rank, relative, title, aliases: aliases, verbs: verbs);
                // A sentence that leans on the one before ("Diese Lehre heißt heute …", "Sie verliehen ihrer Burg …") is read with
                // it: the question words its antecedent names count for it too, when together they cover more than either.
                // One that names again with a definite article what an earlier one introduced ("Im Bürgerkrieg in Sri Lanka …"
                // … "Der … Bürgerkrieg endete …") is read with that one's names (where it happened, who took part), not its
                // events, which are its own.
                var leans = i > 0 && Evidence.LeansOnPrevious(sentences[i]);
                var antecedent = leans ? i - 1 : Evidence.NamedBefore(sentences, i);
                if (antecedent >= 0 && !Evidence.IsDebris(sentences[antecedent])
                    && (leans ? sentences[antecedent] : NamesIn(sentences[antecedent], translator)) is { Length: > 0 } before
                    && SentenceScore(sentences[i], weights, translator, rank, relative, title, before, aliases, verbs) is { } read
                    && read.Coverage > Math.Max(score.Coverage, SentenceScore(sentences[antecedent], weights, translator, rank, relative, title, aliases: aliases, verbs: verbs).Coverage))
                {
                    score = read;
                }

                if (score.Coverage <= 0)
                {
                    continue;
                }

                // "How many universities …": a number of what the question counts ("zwei Universitäten") answers it best.
                var counts = counted is not null && Counts(sentences[i], counted, translator);
                var holds = counts || AnswerTypes.Holds(sentences[i], type, questionTerms);
                // The answer may follow in the next sentence ("… in Zweifel. Russland argumentiert, dass …").
                var next = !holds && i + 1 < sentences.Count && !Evidence.IsDebris(sentences[i + 1]) && AnswerTypes.Holds(sentences[i + 1], type, questionTerms);
                var value = score.Value * elsewhere * (holds ? TypeBonus : next ? NextSentenceBonus : 1) * (counts ? CountBonus : 1);
                candidates.Add(new Candidate(hit, sentences, i, value, score.Coverage, holds, next));
            }
        }

        candidates.Sort((a, b) => b.Value.CompareTo(a.Value));
        if (candidates.Count == 0 || candidates[0].Coverage < MinimumCoverage)
        {
            return Task.FromResult(NotFound(language));
        }

        // A how-much question is answered by the best sentence that names an amount in the article that answers it best
        // ("Die zusätzlichen Stunden kosten …" for the cost of longer opening hours), if it covers enough of the question.
        // The question's names (whom or what it is about: "Mugabe", "Crew Dragon") must be named by the article that answers
        // it, in some spelling, translation or short form: an article that never names them answers another question, however
        // many of its other words it shares. The best article that names them all answers; when none does, the articles do not say it.
        var names = QuestionNames(context.Question, context.QuestionLanguage, translator);
        var asked = names.ToList();
        // Evidence that shares two or more other words of the question may leave a name to its context ("He proposed …"
        // after "Graham Twigg …"); one shared word ("14 Jahre alt" for "Wie alt wurde Mugabe?") is coincidence.
        if (names.Count > 0 && SharedConcepts(candidates[0], weights, names, translator, AliasesOf(candidates[0].Hit.Passage.Article), verbs) >= MinSharedWithoutName)
        {
            names.Clear();
        }

        var answering = candidates.Find(c => c.Coverage >= MinimumCoverage && NamesAll(c.Hit.Passage.Article, names, translator, AliasesOf(c.Hit.Passage.Article)))?.Hit.Passage.Article;
        var best = answering is null ? null : candidates.Find(c => c.Hit.Passage.Article == answering && c.Coverage >= MinimumCoverage && !LacksAskedKind(c, type));
        if (best is null || CoversOnlyThroughNames(best, context, weights, translator)
            || (context.QuestionLanguage != Language.English && AsksAboutUnmentionedName(context.Question, plan, words, best.Hit.Passage.Article)))
        {
            return Task.FromResult(NotFound(language));
        }

        // "How far did Hayböck jump?": an amount belongs to whom its sentence names. When the best sentence (with the one that
        // holds its amount) names none of the question's names but someone else, a sentence of the same article that names
        // them all and holds an amount itself answers instead ("Hayböck segelte … mit 129 m", not "Prevc sprang … nur 123 m weit").
        if (type.Kind == AnswerKind.Amount && asked.Count > 0 && NamesAsked(best, asked, best.NextHolds ? 1 : 0) == 0
            && NamesOther(best, asked, best.NextHolds ? 1 : 0, translator, words?.Knowledge)
            && candidates.Find(c => c.Hit.Passage.Article == best.Hit.Passage.Article && c.Holds && c.Coverage >= MinimumCoverage
                && NamesAsked(c, asked, 0) == asked.Count) is { } naming)
        {
            best = naming;
        }

        var chosen = new List<(SearchHit Hit, string Text)> { (best.Hit, Evidence.WithContext(best.Sentences, best.Index, best.NextHolds || Continues(candidates, best, 1), Continues(candidates, best, -1) || NamesAskedThingAgain(context.Question, best.Sentence, translator))) };
        // A second sentence when it adds evidence from another passage nearly as good as the first.
        var second = candidates.Skip(1).FirstOrDefault(c => c.Hit.Passage != best.Hit.Passage && c.Value >= SecondShare * best.Value);
        if (second is not null)
        {
            chosen.Add((second.Hit, Evidence.WithContext(second.Sentences, second.Index, second.NextHolds)));
        }

        var citations = new CitationList();
        var blocks = new List<ReplyBlock>();
        var article = best.Hit.Passage.Article;
        // The people index is built in the background after a start: it ranks names only when it is ready, never waited for.
        var people = type.Kind == AnswerKind.Person && context.Corpus.PeopleReady ? context.Corpus.People.InArticle(article.Id) : [];
        if (ShortAnswer(best, type, questionTerms, translator, people, counted, words?.Knowledge) is { } phrase)
        {
            var gloss = article.Language == language ? null : Glossary.Gloss(phrase, article.Language, facts: type.Kind is AnswerKind.Time or AnswerKind.Amount);
            blocks.Add(new ReplyBlock(ReplyBlockKind.Paragraph, gloss is null ? phrase : $"{phrase} ({gloss})"));
        }

        foreach (var group in chosen.GroupBy(c => c.Hit.Passage.Article))
        {
            AddEvidence(blocks, citations, group.Key, group.Select(g => g.Text), language);
        }

        return Task.FromResult(new Answer(language, blocks, citations.Citations, Backend));
    }

    /// <summary>
    /// How many of the question's names the candidate's sentence, with the <paramref name="following"/> sentences after it,
    /// names (a name of several words by any of its words), in any spelling or translation the plan knows, or inflected.
    /// </summary>
    private static int NamesAsked(Candidate candidate, List<List<NameWord>> names, int following)
    {
        var german = candidate.Hit.Passage.Article.Language == Language.German;
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = candidate.Index; i <= Math.Min(candidate.Index + following, candidate.Sentences.Count - 1); i++)
        {
            terms.UnionWith(TextAnalyzer.Terms(candidate.Sentences[i], candidate.Hit.Passage.Article.Language));
        }

        return names.Count(name => name.Exists(word => word.Any(t => terms.Contains(t) || InflectedIn(t, terms, german))));
    }

    /// <summary>
    /// The candidate's sentence, with the <paramref name="following"/> sentences after it, names someone or something the
    /// question does not: a capitalised word that is no stop word, no dictionary word or compound (German capitalises nouns)
    /// and none of the question's names. A sentence's first word counts in German when it is such a name, in English only
    /// when the dictionary's word knowledge lists it as no common word (every English sentence starts with a capital).
    /// </summary>
    private static bool NamesOther(Candidate candidate, List<List<NameWord>> names, int following, QueryTranslator translator, WordKnowledge? knowledge)
    {
        var asked = names.SelectMany(g => g).SelectMany(w => w.Terms).ToHashSet(StringComparer.Ordinal);
        var language = candidate.Hit.Passage.Article.Language;
        for (var i = candidate.Index; i <= Math.Min(candidate.Index + following, candidate.Sentences.Count - 1); i++)
        {
            var first = true;
            foreach (var token in TextAnalyzer.Tokens(candidate.Sentences[i]))
            {
                var initial = first;
                first = false;
                if (token.Length <= 2 || !char.IsUpper(token[0]) || token.All(char.IsUpper) || TextAnalyzer.IsStopWord(token)
                    || !IsName(token, translator) || TextAnalyzer.Term(token, language) is not { } term || asked.Contains(term))
                {
                    continue;
                }

                if (!initial || language == Language.German || (knowledge is not null && !knowledge.IsEnglishCommonWord(token)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A question that asks for a kind of answer the best evidence does not hold, nor its next sentence: "how much" met by
    /// a sentence without a number is about something the articles do not say, however many of its words they share; a cost
    /// question, by one without a sum of money ("a 3.2-kilometre extension" for what the extension costs).
    /// </summary>
    private static bool LacksAskedKind(Candidate best, QuestionType type) =>
        type.Kind is AnswerKind.Amount && !best.Holds && !best.NextHolds
        && (type.Money || (!AnswerTypes.NamesNumber(best.Sentence) && !(best.Index + 1 < best.Sentences.Count && AnswerTypes.NamesNumber(best.Sentences[best.Index + 1]))));

    /// <summary>
    /// "Which neighbourhood lies west of the freeway?" met by "The neighbourhood lies west of …": the sentence names what
    /// the question asks to identify only by a definite article, so which one it is was said before; that sentence is quoted too.
    /// </summary>
    private static bool NamesAskedThingAgain(string question, string sentence, QueryTranslator translator)
    {
        if (AnswerTypes.FocusNoun(question) is not { } focus || Evidence.DefiniteSubject(sentence) is not { } subject)
        {
            return false;
        }

        var asked = translator.Plan(new SearchQuery(focus), _ => true).SelectMany(c => c.Terms.Keys).ToHashSet(StringComparer.Ordinal);
        return TextAnalyzer.Tokens(subject).Select(TextAnalyzer.Term).OfType<string>().Any(asked.Contains);
    }

    /// <summary>A sentence that gives a number of what a how-many question counts counts this much more than one with any number.</summary>
    private const double CountBonus = 1.2;

    /// <summary>The terms, in both languages, of the noun a how-many question counts; null when it counts none the translator knows.</summary>
    private static HashSet<string>? CountedTerms(string question, QueryTranslator translator)
    {
        if (AnswerTypes.CountedNoun(question) is not { } noun)
        {
            return null;
        }

        var terms = translator.Plan(new SearchQuery(noun), _ => true).SelectMany(c => c.Terms.Keys).ToHashSet(StringComparer.Ordinal);
        return terms.Count == 0 ? null : terms;
    }

    /// <summary>A number in the sentence is followed by the counted noun, or by a word and then it ("vier erzwungene Fumbles").</summary>
    private static bool Counts(string sentence, HashSet<string> counted, QueryTranslator translator)
    {
        var german = IsGerman(sentence);
        return AnswerTypes.CountedWords(sentence).Any(w => translator.TextTerms(w) is var terms && (terms.Overlaps(counted) || counted.Any(t => InflectedIn(t, terms, german))));
    }

    /// <summary>
    /// The share of its score a sentence keeps when its article does not name the place the question asks about. Measured on
    /// half A of the answer sets: 0.5 and 0.25 answer the same number of questions, 0.1 four fewer; at 0.5 Hamburg's
    /// "kostet das Pilotprojekt rund 14 Millionen" still beat Lisbon's "budgeted at 48 million" for the project in Lisbon.
    /// </summary>
    private const double ElsewhereShare = 0.25;

    /// <summary>
    /// The places the question asks about, each as its terms in both languages: a name after a locative preposition, with no
    /// article between or one the dictionary does not list as a word ("in Lissabon", not "im Jahr"), that the corpus knows.
    /// Known flaw: German fixed phrases without an article ("nach Angaben", "in Kraft") pass as bare names; the dictionary
    /// lists "Lissabon" as a word too, so it cannot tell them apart.
    /// </summary>
    private static List<HashSet<string>> PlacesAsked(string question, QueryPlan plan)
    {
        var places = new List<HashSet<string>>();
        foreach (var name in AnswerTypes.Locatives(question).Where(l => (l.Bare && !TextAnalyzer.IsStopWord(l.Name)) || l.Name.Contains(' ', StringComparison.Ordinal) || IsPlaceName(l.Name, plan.Translator)).Select(l => l.Name))
        {
            var terms = plan.Translator.Plan(new SearchQuery(name), _ => true).SelectMany(c => c.Terms.Keys).Where(plan.Statistics.Contains).ToHashSet(StringComparer.Ordinal);
            if (terms.Count > 0)
            {
                places.Add(terms);
            }
        }

        return places;
    }

    private static bool Mentions(Article article, HashSet<string> place, QueryTranslator translator) =>
        translator.TextTerms(article.Title, article.Language).Overlaps(place) || article.Paragraphs.Any(p => translator.TextTerms(p, article.Language).Overlaps(place));

    /// <summary>How many of the best passages are read sentence by sentence.</summary>
    private const int MaxPassages = 6;

    /// <summary>A sentence that holds an answer of the asked kind counts this much more; one whose next sentence does, this much.</summary>
    private const double TypeBonus = 1.75;

    private const double NextSentenceBonus = 1.2;

    /// <summary>A sentence from another passage is added when it scores at least this share of the best.</summary>
    private const double SecondShare = 0.8;

    /// <summary>A question word met only in the article's title counts this share of a match in the sentence.</summary>
    private const double TitleShare = 0.5;

    /// <summary>
    /// A neighbour of the chosen sentence is quoted too when it covers at least this share of what the chosen one covers:
    /// text often states the topic in one sentence and the detail asked for in the next ("… plagued with problems. First the
    /// crew noticed a strange odor …"). Measured on half A of XQuAD: 0.8, 0.6, 0.5, 0.4 raise de→de answer@1 from 0.77 to
    /// 0.79, 0.81, 0.81, 0.82 and the mean answer from 35 to 37, 40, 42, 44 words; 0.6 keeps answers short.
    /// </summary>
    private const double NeighbourShare = 0.6;

    /// <summary>
    /// The neighbouring sentence (<paramref name="step"/> 1 after, −1 before) goes on about the question: it covers nearly as
    /// much of the question's weight as the chosen one.
    /// </summary>
    private static bool Continues(List<Candidate> candidates, Candidate best, int step) =>
        candidates.Exists(c => c.Hit == best.Hit && c.Index == best.Index + step && c.Coverage >= NeighbourShare * best.Coverage);

    private sealed record Candidate(SearchHit Hit, IReadOnlyList<string> Sentences, int Index, double Value, double Coverage, bool Holds, bool NextHolds)
    {
        public string Sentence => Sentences[Index];
    }

    /// <summary>
    /// The answer phrase for who, when, where and how-much questions, taken from the evidence: of the phrases of the asked
    /// kind, the one nearest the question's words in the sentence. Null when the evidence has none.
    /// </summary>
    private static string? ShortAnswer(Candidate best, QuestionType type, HashSet<string> questionTerms, QueryTranslator translator, IReadOnlyList<Person> people, HashSet<string>? counted, WordKnowledge? knowledge)
    {
        if (type.Kind is not (AnswerKind.Person or AnswerKind.Time or AnswerKind.Place or AnswerKind.Amount))
        {
            return null;
        }

        var text = best.Holds ? best.Sentence : best.NextHolds ? best.Sentences[best.Index + 1] : null;
        if (text is null)
        {
            return null;
        }

        var anchors = new List<int>();
        var at = 0;
        var language = best.Hit.Passage.Article.Language;
        foreach (var token in TextAnalyzer.Tokens(text))
        {
            at = text.IndexOf(token, at, StringComparison.Ordinal);
            if (translator.TextTerms(token, language).Any(questionTerms.Contains))
            {
                anchors.Add(at);
            }

            at += token.Length;
        }

        var german = best.Hit.Passage.Article.Language == Language.German;
        var phrases = AnswerTypes.Phrases(text, type.Kind, questionTerms, knowledge, german).Select(p => (p.Text, p.Index, Length: false));
        if (type.Length && type.Kind == AnswerKind.Time)
        {
            // "How long will the extension be?" asks for its length: "3.2-kilometre", not the day it was approved.
            phrases = phrases.Concat(AnswerTypes.Phrases(text, AnswerKind.Amount, questionTerms)
                .Select(p => (Text: german ? AnswerTypes.WithoutTrailingLowerCase(p.Text) : p.Text, p.Index, Length: true))
                .Where(p => AnswerTypes.IsLength(p.Text)));
        }

        if (type.Bound == Bound.To && !german)
        {
            phrases = phrases.Concat(AnswerTypes.Destinations(text, questionTerms).Select(p => (p.Text, p.Index, Length: false)));
        }

        return phrases
            // A German amount ends in its noun: "600.000 Euro", not "600.000 Euro gab"; "14 Jahre", not "14 Jahre alt".
            .Select(p => type.Kind == AnswerKind.Amount && german ? (Text: AnswerTypes.WithoutTrailingLowerCase(p.Text), p.Index, p.Length) : p)
            .Where(p => type.Fits(p.Text))
            // An amount that counts something else is no answer to "how many X": "Boeing 707 cargo plane" for how many survived.
            .Where(p => counted is null || CountRank(p.Text, counted, translator) < 2)
            .Where(p => type.Kind != AnswerKind.Place || !german || IsPlaceName(p.Text, translator))
            // German capitalises nouns: "Zehntausende Flüchtlinge" is no person; a name holds a capitalised word the dictionary
            // does not list ("von" in "Interpretieren von Informationen" is a particle, not a name).
            .Where(p => type.Kind != AnswerKind.Person || !german || translator.Dictionary is null
                || TextAnalyzer.Tokens(p.Text).Any(w => char.IsUpper(w[0]) && !IsDictionaryWord(TextAnalyzer.Normalize(w), translator)))
            .Select(p => (p.Text, Distance: anchors.Count == 0 ? 0 : anchors.Min(a => Math.Abs(a - p.Index)),
                // "Wie lange …?" is answered by how far it goes ("bis Mitternacht"), not by where it starts ("ab April").
                // A length ranks below a duration or an end and above a point in time ("on Wednesday" says when, not how long).
                // "Where were they going?" is answered by where a movement ends ("to Kaluga"), not where it began ("from Smolensk").
                Rank: type.Bound != Bound.None ? (AnswerTypes.BoundBefore(text, p.Index) == type.Bound ? 0 : 1)
                    : type.Length && type.Kind == AnswerKind.Amount ? (AnswerTypes.IsLength(p.Text) ? 0 : 1)
                    : p.Length ? 1 : type.Extent ? 2 * AnswerTypes.ExtentRank(text, p.Text, p.Index) : counted is not null ? CountRank(p.Text, counted, translator) : 0))
            // For "who": when the people index knows whom the article mentions, only one of them ("New Mexico" is no answer).
            .Where(p => people.Count == 0 || NamesPerson(p.Text, people))
            .OrderBy(p => p.Rank)
            .ThenBy(p => p.Distance)
            .Select(p => p.Text)
            .FirstOrDefault();
    }

    /// <summary>
    /// How well an amount answers "how many X": 0 when it counts X ("20 people"), 1 for a number alone ("at least 20" where
    /// the noun is left out), 2 when it counts something else ("two blasts" for how many people died), which never answers.
    /// </summary>
    private static int CountRank(string phrase, HashSet<string> counted, QueryTranslator translator) =>
        Counts(phrase, counted, translator) ? 0 : AnswerTypes.CountedWords(phrase).Any() ? 2 : 1;

    /// <summary>The phrase holds the surname of one of the people.</summary>
    private static bool NamesPerson(string phrase, IReadOnlyList<Person> people)
    {
        var terms = TextAnalyzer.Terms(phrase);
        return people.Any(p => TextAnalyzer.Terms(p.Name).LastOrDefault() is { } surname && terms.Contains(surname));
    }

    /// <summary>
    /// German capitalises nouns too ("nach dem Start", "im Gesamtplan"): a place is a word the exonym table knows, or one
    /// the dictionary does not list as a German word and that is no compound of known words.
    /// </summary>
    private static bool IsPlaceName(string phrase, QueryTranslator translator)
    {
        var first = TextAnalyzer.Normalize(phrase.Split(' ', '-')[0]);
        // Without the dictionary a German noun cannot be told from a name: only the exonym table's places count then.
        return TextAnalyzer.ExonymOf(first) is not null
            || (translator.Dictionary is not null && !IsDictionaryWord(first, translator)
                && (translator.Splitter is not { } splitter || splitter.Split(first).Count < 2));
    }

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
            || (plan.Translator.Splitter is { } splitter && concepts.Where(c => c.Terms.ContainsKey(term)).SelectMany(c => c.Terms.Keys).Any(t => ModifiesCompound(t, plan.Statistics, splitter)));
        // A name of several words ("Graham Twigg", "Grammy Awards") is known when the corpus has any of them: one spelling
        // or translation it lacks ("Awards", "Graham") does not make the whole name unknown. A name is known too when the
        // corpus writes it apart ("Superbowl": "Super Bowl") or only as the first part of a German compound ("Euphrat|tal").
        return NameGroups(question, t => questionLanguage == Language.English || IsName(t, plan.Translator)).Any(name => !name.Exists(Known));
    }

    /// <summary>
    /// The names the question asks about, each as the terms of its words (with their translations): runs of capitalised words
    /// after the first word, in German only those holding a word that is no dictionary word or compound (German capitalises nouns).
    /// </summary>
    private static List<List<NameWord>> QuestionNames(string question, Language questionLanguage, QueryTranslator translator) =>
        NameGroups(question, t => questionLanguage == Language.English || IsName(t, translator))
            .Select(g => g.Select(w => new NameWord(translator.Plan(new SearchQuery(w), _ => true).SelectMany(c => c.Terms.Keys).ToHashSet(StringComparer.Ordinal), w.Length is >= 2 and <= 6 && w.All(char.IsUpper) ? w : null)).ToList())
            // A word the dictionary translates ("Church", "British", "Prime Minister") may be paraphrased or left to the context;
            // a name it does not know ("Mugabe", "Melfi") or an acronym ("ISS") is said where it is spoken of. A name of several
            // words ("Sentanta Sports") is met by any of them.
            .Where(g => g.Exists(w => w.Terms.Count == 1 || w.Acronym is not null))
            .ToList();

    /// <summary>
    /// How many other words of the question evidence must share to answer though its article lacks a name of the question.
    /// Measured on half A: 2 leaves every XQuAD and reader answer as it was, 3 loses one de→en answer; requiring the names
    /// always lost 2–3 answers per direction, where a one-paragraph XQuAD article leaves a name to the paragraph before.
    /// </summary>
    private const int MinSharedWithoutName = 2;

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

        ArticleAliases.Expand(terms, aliases);
        var german = article.Language == Language.German;
        HashSet<string>? initials = null;
        return names.TrueForAll(name => name.Exists(word => word.Any(t => terms.Contains(t) || InflectedIn(t, terms, german) || (german && InCompound(t, terms, translator.Splitter)))
            || (word.Acronym is { } acronym && (initials ??= ArticleAliases.Initials(article)).Any(i => acronym.StartsWith(i, StringComparison.Ordinal)))));
    }

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

    /// <summary>A term the corpus has only as the modifier of a German compound, before a dictionary word ("euphrat" of "Euphrattal").</summary>
    private static bool ModifiesCompound(string term, ITermStatistics statistics, CompoundSplitter splitter) =>
        term.Length >= 5 && !char.IsDigit(term[0])
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

            if (token.Length > 2 && char.IsUpper(token[0]) && !TextAnalyzer.IsStopWord(token))
            {
                if (current is null || !joined)
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

    public Task<Answer> SummarizeAsync(SummaryContext context, CancellationToken cancellationToken)
    {
        var language = context.AnswerLanguage;
        if (context.Articles.Count == 0)
        {
            return Task.FromResult(NotFound(language));
        }

        var citations = new CitationList();
        var blocks = new List<ReplyBlock>();
        if (context.Topic is { } topic)
        {
            blocks.Add(new ReplyBlock(ReplyBlockKind.Heading, Texts.TopicHeading(language, topic)));
            var weights = Concepts(topic, context.Plan);
            // Each article's word counts once per summary, not once per sentence.
            var frequencies = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            Dictionary<string, int> FrequenciesOf(Article article) =>
                frequencies.TryGetValue(article.Id, out var known) ? known : frequencies[article.Id] = ArticleFrequencies(article);
            var sentences = context.Hits
                .Take(8)
                .SelectMany((hit, rank) => Sentences.Split(hit.Passage.Text).Select(s => (hit.Passage, Sentence: s, Score: SentenceScore(s, weights, context.Plan.Translator, rank).Value + Centrality(s, FrequenciesOf(hit.Passage.Article)))))
                .OrderByDescending(s => s.Score)
                .Take(4)
                .ToList();
            foreach (var group in sentences.GroupBy(s => s.Passage.Article))
            {
                AddEvidence(blocks, citations, group.Key, group.OrderBy(s => s.Passage.Ordinal).Select(s => s.Sentence), language);
            }
        }
        else if (context.Articles.Count == 1)
        {
            var article = context.Articles[0];
            blocks.Add(new ReplyBlock(ReplyBlockKind.Heading, Texts.SummaryHeading(language, article.Title)));
            AddEvidence(blocks, citations, article, CentralSentences(article, 4, 900), language);
        }
        else
        {
            blocks.Add(new ReplyBlock(ReplyBlockKind.Heading, Texts.LatestHeading(language)));
            foreach (var article in context.Articles)
            {
                var lead = string.Join(' ', CentralSentences(article, 1, 300));
                var frame = article.Language == language ? "" : $" ({article.Language.ToCode()})";
                blocks.Add(new ReplyBlock(ReplyBlockKind.ListItem, $"{article.Title}{frame}: {lead} {citations.Marker(article)}"));
            }
        }

        return Task.FromResult(new Answer(language, blocks, citations.Citations, Backend));
    }

    public Task<string> BlurbAsync(Article article, Language language, CancellationToken cancellationToken)
    {
        // News puts the gist first: a blurb comes from the lead paragraphs only.
        var text = string.Join(' ', CentralSentences(article, 2, 320, leadParagraphs: 2));
        return Task.FromResult(article.Language == language ? text : $"({article.Language.ToCode()}) {text}");
    }

    public Task<Answer> DescribePersonAsync(PersonContext context, CancellationToken cancellationToken)
    {
        var language = context.AnswerLanguage;
        var person = context.Person;
        var citations = new CitationList();
        var blocks = new List<ReplyBlock> { new(ReplyBlockKind.Heading, person.Name) };

        foreach (var role in person.Roles.DistinctBy(r => r.Text.ToLowerInvariant()).Take(3))
        {
            if (FindArticle(context, role.ArticleId) is not { } article)
            {
                continue;
            }

            blocks.Add(new ReplyBlock(
                ReplyBlockKind.Paragraph,
                $"{Texts.PersonRoles(language)}: {role.Text}{Texts.RoleInOriginal(language, role.Language)} {citations.Marker(article)}"));
        }

        var quotes = person.Quotes.Take(3).ToList();
        if (quotes.Count > 0)
        {
            blocks.Add(new ReplyBlock(ReplyBlockKind.Heading, Texts.PersonSaid(language)));
            foreach (var quote in quotes)
            {
                if (FindArticle(context, quote.ArticleId) is { } article)
                {
                    var frame = article.Language == language ? "" : $"({article.Language.ToCode()}) ";
                    var quotation = article.Language == Language.German ? $"„{quote.Text}“" : $"\"{quote.Text}\"";
                    blocks.Add(new ReplyBlock(ReplyBlockKind.Quote, $"{frame}{quotation} {citations.Marker(article)}"));
                }
            }
        }

        var quoted = new HashSet<string>(quotes.Select(q => q.Text), StringComparer.Ordinal);
        var nameTerms = NameConcept(person);
        var mentions = context.Hits
            .Take(6)
            .SelectMany((hit, rank) => Sentences.Split(hit.Passage.Text).Select(s => (hit.Passage, Sentence: s, Score: SentenceScore(s, nameTerms, QueryTranslator.None, rank).Value)))
            .Where(s => s.Score > 0 && !quoted.Any(q => s.Sentence.Contains(q, StringComparison.Ordinal)))
            .OrderByDescending(s => s.Score)
            .Take(2)
            .ToList();
        if (mentions.Count > 0)
        {
            blocks.Add(new ReplyBlock(ReplyBlockKind.Heading, Texts.PersonMentions(language)));
            foreach (var group in mentions.GroupBy(m => m.Passage.Article))
            {
                AddEvidence(blocks, citations, group.Key, group.Select(g => g.Sentence), language);
            }
        }

        return Task.FromResult(new Answer(language, blocks, citations.Citations, Backend));
    }

    /// <summary>An article a person's role or quote cites: from the person's snapshot, else among the hits.</summary>
    private static Article? FindArticle(PersonContext context, string id) =>
        context.Corpus?.Find(id) ?? context.Hits.Select(h => h.Passage.Article).FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Evidence as it stands when the languages match; framed and quoted when they do not.</summary>
    private static void AddEvidence(List<ReplyBlock> blocks, CitationList citations, Article article, IEnumerable<string> sentences, Language language)
    {
        var marker = citations.Marker(article);
        var text = string.Join(' ', sentences);
        if (article.Language == language)
        {
            blocks.Add(new ReplyBlock(ReplyBlockKind.Paragraph, $"{text} {marker}"));
            return;
        }

        blocks.Add(new ReplyBlock(ReplyBlockKind.Paragraph, Texts.FromArticle(language, article.Language, article.Title, article.Date)));
        blocks.Add(new ReplyBlock(ReplyBlockKind.Quote, $"{text} {marker}"));
    }

    private Answer NotFound(Language language) =>
        new(language, [new ReplyBlock(ReplyBlockKind.Paragraph, Texts.NotFound(language))], [], Backend) { NotFound = true };

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
        return planned
            .Where(c => !c.Terms.Keys.Any(ReportingVerbs.Contains) && !IsSingleLetter(c))
            .Where(c => unmet is null || c.Terms.Keys.FirstOrDefault() is not { } own || !unmet.Contains(own))
            .Select(c =>
            {
                var known = c.Terms.Keys.Where(statistics.Contains).Select(statistics.Idf).DefaultIfEmpty(maxIdf).Max();
                var terms = WithBases(c.Terms, lemmas);
                // A verb form the dictionary does not know ("dockte") is translated through its infinitive ("andocken" → "to dock").
                if (c.Terms.Count == 1 && infinitives is not null && infinitives.TryGetValue(c.Terms.Keys.First(), out var translated))
                {
                    var with = new Dictionary<string, double>(terms, StringComparer.Ordinal);
                    foreach (var (term, share) in translated)
                    {
                        with.TryAdd(term, share);
                    }

                    terms = with;
                }

                return new WeightedConcept(terms, c.Weight * Math.Max(0.1, known));
            })
            .ToList();
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
            if (TextAnalyzer.Term(token) is { } own && RelationalBase(own) is { } noun)
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
    private sealed record WeightedConcept(IReadOnlyDictionary<string, double> Terms, double Weight);

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
            present.UnionWith(verbs.Terms(sentence));
            if (antecedent is not null)
            {
                present.UnionWith(verbs.Terms(antecedent));
            }
        }

        if (german)
        {
            present.UnionWith(present.Select(RelationalBase).OfType<string>().ToList());
        }

        if (aliases is not null)
        {
            ArticleAliases.Expand(present, aliases);
        }

        AddJoined(sentence, present);

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
    /// The noun or name a German relational adjective is made from: the term of "hugenottischen", "italienische",
    /// "lutherisch" without its -isch, stemmed as the noun is ("hugenott", "itali", "luth"); null for other terms.
    /// Terms are folded, so -isch reads "ish"; at least four letters must remain ("Tisch", "Fisch" are no adjectives).
    /// </summary>
    internal static string? RelationalBase(string term) =>
        term.Length >= 7 && term.EndsWith("ish", StringComparison.Ordinal) ? TextAnalyzer.Stem(term[..^3]) : null;

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

    /// <summary>What follows a compound's modifier: a dictionary word of at least three letters, after an optional linking element.</summary>
    private static bool IsHead(string rest, CompoundSplitter splitter)
    {
        if (rest.Length >= 3 && splitter.IsWord(rest))
        {
            return true;
        }

        foreach (var link in LinkingElements)
        {
            if (rest.Length - link.Length >= 3 && rest.StartsWith(link, StringComparison.Ordinal) && splitter.IsWord(rest[link.Length..]))
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

    /// <summary>German as the translator reads it (a sentence it cannot tell counts as German, as for compound parts).</summary>
    private static bool IsGerman(string sentence) => LanguageDetector.Detect(sentence) != Language.English;

    /// <summary>The endings of a German present-tense verb the light stemmer leaves on ("kostet", "kostest", "wählt").</summary>
    private static readonly HashSet<string> VerbEndings = new(["t", "et", "st"], StringComparer.Ordinal);

    /// <summary>How central a sentence is to its article: the article-wide frequency of its words, per word.</summary>
    private static double Centrality(string sentence, Dictionary<string, int> frequencies)
    {
        var terms = TextAnalyzer.Terms(sentence);
        if (terms.Count < 4)
        {
            return 0;
        }

        var sum = terms.Distinct().Sum(t => Math.Log(1 + frequencies.GetValueOrDefault(t)));
        return sum / Math.Sqrt(terms.Count) / 10;
    }

    private static Dictionary<string, int> ArticleFrequencies(Article article)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paragraph in article.Paragraphs)
        {
            foreach (var term in TextAnalyzer.Terms(paragraph))
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }
        }

        return counts;
    }

    /// <summary>The article's most central sentences in reading order; the lead gets a bonus, as news puts the gist first.</summary>
    public static IReadOnlyList<string> CentralSentences(Article article, int count, int maxChars, int leadParagraphs = int.MaxValue)
    {
        var frequencies = ArticleFrequencies(article);
        var candidates = article.Paragraphs
            .Take(leadParagraphs)
            .SelectMany((p, pi) => Sentences.Split(p).Select((s, si) => (Sentence: s, Position: (pi * 100) + si, Paragraph: pi)))
            .Where(c => c.Sentence.Length >= 30 && !Boilerplate.IsBoilerplate(c.Sentence))
            .Select(c =>
            {
                var terms = TextAnalyzer.Terms(c.Sentence);
                var score = terms.Distinct().Sum(t => Math.Log(1 + frequencies.GetValueOrDefault(t))) / Math.Sqrt(Math.Max(terms.Count, 8));
                var lead = c.Paragraph == 0 ? 1.5 : c.Paragraph == 1 ? 1.2 : 1;
                return (c.Sentence, c.Position, Score: score * lead);
            })
            .OrderByDescending(c => c.Score)
            .ToList();

        var chosen = new List<(string Sentence, int Position)>();
        var length = 0;
        foreach (var candidate in candidates)
        {
            if (chosen.Count >= count)
            {
                break;
            }

            if (chosen.Count > 0 && length + candidate.Sentence.Length > maxChars)
            {
                continue;
            }

            chosen.Add((candidate.Sentence, candidate.Position));
            length += candidate.Sentence.Length;
        }

        return chosen.OrderBy(c => c.Position).Select(c => c.Sentence).ToList();
    }
}
