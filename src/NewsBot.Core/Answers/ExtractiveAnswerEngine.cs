using System.Text.RegularExpressions;
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
public sealed partial class ExtractiveAnswerEngine(WordKnowledgeSource? words = null) : IAnswerEngine
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
        if (type.Country)
        {
            type = type with { CountryTerms = Countries.Terms(translator) };
        }
        else if (type.WithinCountry)
        {
            type = type with { NotAnsweringTerms = Countries.Terms(translator) };
        }

        var weights = Concepts(context.Question, plan, verbs);
        if (type.Kind == AnswerKind.Time && type.Extent)
        {
            weights = WithoutExtentCue(weights, context.Question);
        }

        if (type.Kind != AnswerKind.Identity)
        {
            weights = WithoutGivenNamesBeforeSurnames(weights, context.Question, words?.Knowledge);
        }

        // Memory adds the earlier subject ("er" → Hegseth) as a lighter concept beside the question's own words.
        weights.AddRange(context.Context.SelectMany(c => Concepts(c, plan)).Select(c => c with { Weight = c.Weight * QueryTranslator.ExtraTermWeight }));
        var questionTerms = weights.SelectMany(c => c.Terms.Keys).ToHashSet(StringComparer.Ordinal);
        if (weights.Count == 0 || context.Hits.Count == 0 || AsksAboutAbsentName(context.Question, context.QuestionLanguage, plan))
        {
            return Task.FromResult(NotFound(language));
        }

        var places = PlacesAsked(context.Question, plan);
        var leadsByArticle = new Dictionary<Article, HashSet<string>?>();
        HashSet<string>? ArticleLead(Article article) =>
            leadsByArticle.TryGetValue(article, out var known) ? known : leadsByArticle[article] = OpeningTopic(article, translator);
        var aliasesByArticle = new Dictionary<Article, Dictionary<string, HashSet<string>>>();
        Dictionary<string, HashSet<string>> AliasesOf(Article article) =>
            aliasesByArticle.TryGetValue(article, out var known) ? known : aliasesByArticle[article] = ArticleAliases.Of(article, translator);
        var happened = type.Kind == AnswerKind.Amount && translator.Dictionary is { } dictionary ? AnswerTypes.CountedVerb(context.Question, dictionary.EnglishVerbs.IsPastForm) : null;
        var counted = type.Kind == AnswerKind.Amount ? CountedTerms(context.Question, happened, translator) : null;
        type = type with { CountedTerms = counted };
        var happening = type.Kind == AnswerKind.Time ? EventAsked(context.Question, weights) : null;
        var candidates = new List<Candidate>();
        var topScore = context.Hits[0].Score;
        var sources = context.Hits.Take(MaxPassages).Select((h, r) => (Hit: h, Rank: r, Topic: (HashSet<string>?)null)).ToList();
        sources.AddRange(RestOfArticle(context.Hits, translator).Select(h => (Hit: h.Hit, Rank: 0, Topic: (HashSet<string>?)h.Topic)));
        foreach (var (hit, rank, topic) in sources)
        {
            var sentences = Sentences.Split(hit.Passage.Text);
            var titleTerms = translator.TextTerms(hit.Passage.Article.Title, hit.Passage.Article.Language);
            if (topic is not null)
            {
                titleTerms.UnionWith(topic);
            }

            var german = hit.Passage.Article.Language == Language.German;
            var written = YearWritten(hit.Passage.Article);
            // The question words the found passages lack, which a sentence of the rest of the article may meet (see below).
            var unmet = topic is null ? null : weights.Where(w => !w.Terms.Keys.Any(topic.Contains)).ToList();
            var aliases = AliasesOf(hit.Passage.Article);
            // An article that never names the place the question asks about ("… in Lissabon?") is about another place.
            var elsewhere = places.Count > 0 && !places.TrueForAll(p => Mentions(hit.Passage.Article, p, translator)) ? ElsewhereShare : 1;
            // The names the passage opens with and comes back to set the topic of its later sentences, as the title does.
            var lead = LeadTopic(sentences, titleTerms, hit.Passage.Article.Language, translator);
            // A later paragraph's sentences need not repeat what the article opened with and comes back to either.
            if (hit.Passage.Ordinal > 0 && ArticleLead(hit.Passage.Article) is { } opening)
            {
                titleTerms = [.. titleTerms, .. opening];
                lead = lead is null ? null : [.. lead, .. opening];
            }
            for (var i = 0; i < sentences.Count; i++)
            {
                if (Evidence.IsDebris(sentences[i]))
                {
                    continue;
                }

                var title = i > 0 && lead is not null ? lead : titleTerms;
                var relative = topScore <= 0 ? 1 : hit.Score / topScore;
                var score = SentenceScore(sentences[i], weights, translator, rank, relative, title, aliases: aliases, verbs: verbs);
                // A sentence that leans on the one before ("Diese Lehre heißt heute …", "Sie verliehen ihrer Burg …") is read with
                // it: the question words its antecedent names count for it too, when together they cover more than either.
                // One that names again with a definite article what an earlier one introduced ("Im Bürgerkrieg in Sri Lanka …"
                // … "Der … Bürgerkrieg endete …") is read with that one's names (where it happened, who took part), not its
                // events, which are its own.
                var leans = i > 0 && (Evidence.LeansOnPrevious(sentences[i])
                    || (german && words?.Knowledge is { } known && Evidence.NamesPersonAgain(sentences[i], known)));
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
                var holds = counts || AnswerTypes.Holds(sentences[i], type, questionTerms, german, written)
                    || (type.Kind == AnswerKind.Person && words?.Knowledge is { } knowledge && AnswerTypes.NamesSomeoneUnnamed(sentences[i], knowledge, german));
                // The answer may follow in the next sentence ("… in Zweifel. Russland argumentiert, dass …").
                var next = !holds && i + 1 < sentences.Count && !Evidence.IsDebris(sentences[i + 1]) && AnswerTypes.Holds(sentences[i + 1], type, questionTerms, german, written);
                // "When was the ship built?": a time belongs to what its sentence says happened; the sentence that says the
                // question's closing verb ("The ship was built in 1993") answers before one that dates something else of it
                // ("In late December the ship vanished").
                var dates = holds && happening is not null && SentenceScore(sentences[i], happening, translator, rank, verbs: verbs).Coverage > 0;
                // An answer in a next sentence that elaborates this one ("Und zwar …") is this sentence's own.
                var value = score.Value * elsewhere * (holds || (next && Evidence.Elaborates(sentences[i + 1])) ? TypeBonus : next ? NextSentenceBonus : 1) * (counts ? CountBonus : 1) * (dates ? EventBonus : 1)
                    * (AnswerTypes.MeetsOnlyAsDeputy(sentences[i], context.Question, questionTerms) ? DeputyShare : 1);
                // A sentence of the rest of the article says something new when it meets a question word its found passages lack.
                var novel = unmet is { Count: > 0 } && SentenceScore(sentences[i], unmet, translator, rank, verbs: verbs).Coverage > 0;
                candidates.Add(new Candidate(hit, sentences, i, value, score.Coverage, holds, next, topic is null, novel));
            }
        }

        // Of sentences that score alike, the one that repeats more of the question's own words as written ("other diseases"
        // for "Which diseases", where another says "disease") answers first, when both are in one language; then the better
        // ranked passage and the earlier sentence (a stable sort keeps the order they were read in).
        var asWritten = WordsAsWritten(context.Question);
        candidates = [.. candidates.OrderByDescending(c => c.Value)
            .ThenByDescending(c => c.Hit.Passage.Article.Language == context.QuestionLanguage ? SameWordsAsWritten(asWritten, c.Sentence) : 0)];
        // Whether the articles say it at all is decided on the passages the search found, as if the rest of the top article
        // had not been read: its sentences count the found passages' words as their topic, which would answer questions the
        // articles only seem to speak of. The rest may then answer in place of the found sentence (see below).
        var all = candidates;
        candidates = candidates.FindAll(c => c.Found);
        // "Was kostet die Mondmission?": a sentence that meets only the words asking for an amount ("kostet") and nothing of
        // what the question asks it of (not in itself, the sentence before it or its article's title) answers another question.
        if (type.Kind == AnswerKind.Amount && WithoutCueWords(weights, context.Question) is { Count: > 0 } about && about.Count < weights.Count)
        {
            var titles = new Dictionary<Article, HashSet<string>>();
            candidates = candidates.FindAll(c => MeetsAny(c, about, TitleTerms(c.Hit.Passage.Article), translator, verbs));

            HashSet<string> TitleTerms(Article article) =>
                titles.TryGetValue(article, out var terms) ? terms : titles[article] = translator.TextTerms(article.Title, article.Language);
        }

        if (candidates.Count == 0 || candidates[0].Coverage < MinimumCoverage)
        {
            return Task.FromResult(NotFound(language));
        }

        // A how-much question is answered by the best sentence that names an amount in the article that answers it best
        // ("Die zusätzlichen Stunden kosten …" for the cost of longer opening hours), if it covers enough of the question.
        // The question's names (whom or what it is about: "Mugabe", "Crew Dragon") must be named by the article that answers
        // it, in some spelling, translation or short form: an article that never names them answers another question, however
        // many of its other words it shares. The best article that names them all answers; when none does, the articles do not say it.
        var names = QuestionNames(context.Question, context.QuestionLanguage, translator, plan.Statistics, words?.Knowledge);
        var asked = names.ToList();
        // Evidence that shares two or more other words of the question may leave a name to its context ("He proposed …"
        // after "Graham Twigg …"); one shared word ("14 Jahre alt" for "Wie alt wurde Mugabe?") is coincidence. Only an
        // article of one paragraph, an excerpt, may leave the name to a paragraph it lacks: a whole article of several that
        // never names it ("… zwischen Wien und Bratislava" for "the first Hyperloop between Vienna and Bratislava") is
        // about something else.
        if (names.Count > 0 && IsExcerpt(candidates[0].Hit.Passage.Article)
            && SharedConcepts(candidates[0], weights, names, translator, AliasesOf(candidates[0].Hit.Passage.Article), verbs) >= MinSharedWithoutName)
        {
            names.Clear();
        }

        var answering = candidates.Find(c => c.Coverage >= MinimumCoverage && NamesAll(c.Hit.Passage.Article, names, translator, AliasesOf(c.Hit.Passage.Article)))?.Hit.Passage.Article;
        var best = answering is null ? null : candidates.Find(c => c.Hit.Passage.Article == answering && c.Coverage >= MinimumCoverage && !LacksAskedKind(c, type)
            && !GivesAgesOfOthersOnly(c, type, asked, questionTerms, translator));
        if (best is null || CoversOnlyThroughNames(best, context, weights, translator)
            || (context.QuestionLanguage != Language.English && AsksAboutUnmentionedName(context.Question, plan, words, best.Hit.Passage.Article)))
        {
            return Task.FromResult(NotFound(language));
        }

        if (FoundPassagesLackAskedKind(candidates, best, type, counted, questionTerms, translator)
            || DatesOnlyTheNews(candidates, best, type, happening, translator, verbs))
        {
            return Task.FromResult(NotFound(language));
        }

        // A sentence of the rest of the article answers in place of the found one when it scores better and either says
        // something the found passages do not (a question word they lack: "vermietet" for "renting") or holds the kind of
        // answer the found sentence lacks: the answer is in another paragraph than the one the question's words point to.
        candidates = all;
        var found = best;
        best = candidates.Find(c => c.Hit.Passage.Article == found.Hit.Passage.Article && c.Coverage >= MinimumCoverage && !LacksAskedKind(c, type)
            && !GivesAgesOfOthersOnly(c, type, asked, questionTerms, translator)
            && (c.Found || c.Novel || (c.Holds && !found.Holds && !found.NextHolds))) ?? best;

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

        // "Wann haben die Spanier ihr Parlament gewählt?": when the best sentence holds a time but not beside the asked event
        // ("Gut zwei Monate nach der Parlamentswahl … am Montag"), a sentence of the same article that covers as much and
        // dates the event itself answers ("seit der Parlamentswahl am 20. Dezember"). Only within the answering article, so
        // whether the articles say it at all is decided as before.
        if (happening is not null && best.Holds && !DatesBesideEvent(best, happening, questionTerms, translator, verbs)
            && candidates.Find(c => c.Hit.Passage.Article == best.Hit.Passage.Article && c.Holds && c.Coverage >= best.Coverage
                && DatesBesideEvent(c, happening, questionTerms, translator, verbs)) is { } dating)
        {
            best = dating;
        }

        // Checked on the evidence finally chosen: a sentence of the rest of the article that holds a quotation may have
        // taken the place of the found one that named the speaker.
        if (QuotesSomeoneElse(best, type, context.Question))
        {
            return Task.FromResult(NotFound(language));
        }

        var withNext = best.NextHolds || Continues(candidates, best, 1) || LeanedOn(candidates, best);
        var chosen = new List<(SearchHit Hit, string Text)> { (best.Hit, Evidence.WithContext(best.Sentences, best.Index, withNext, Continues(candidates, best, -1) || NamesAskedThingAgain(context.Question, best.Sentence, translator), withNext && GoesOnAfterNext(candidates, best))) };
        // The best sentence says what the question is about but not the kind of answer it asks for ("… died on Saturday aged
        // 41" for what he died of): a sentence of the same article that holds one and covers enough of the question
        // ("Huber succumbed to an unspecified lung disorder") is quoted after it, in place of a second passage.
        var kind = KindElsewhere(candidates, best, type);
        // The question's words split over two sentences of the passage: the one that meets what the best lacks is quoted too.
        var complement = kind is null ? Complement(candidates, best, chosen[0].Text, weights, translator, AliasesOf(best.Hit.Passage.Article), verbs) : null;
        if (complement is not null)
        {
            chosen.Add((complement.Hit, Evidence.WithContext(complement.Sentences, complement.Index, false, quoted: chosen[0].Text)));
        }

        // A second sentence when it adds evidence from another passage nearly as good as the first, held to the names rule
        // the first met: its article names the question's names, unless it is an excerpt of one paragraph (which may leave a
        // name to the paragraph it lacks) and the sentence shares enough other words ("What did Nadella announce?" is not
        // seconded by another article's "Formulierung der Aufgabenstellungen"; "Wer folgt Nkurunziza als Präsident nach?"
        // not by a whole story on another presidential transition "following" an election). The best is not always the first
        // candidate, so the one that outscored it is weighed too.
        // A copy of the best sentence (the same wire story filed twice, a syndicated article) adds nothing.
        var second = kind ?? candidates.Find(c => c.Hit.Passage != best.Hit.Passage && c.Value >= SecondShare * best.Value
            && !string.Equals(c.Sentence, best.Sentence, StringComparison.Ordinal)
            && (asked.Count == 0 || c.Hit.Passage.Article == best.Hit.Passage.Article
                || NamesAll(c.Hit.Passage.Article, asked, translator, AliasesOf(c.Hit.Passage.Article))
                || (IsExcerpt(c.Hit.Passage.Article) && SharedConcepts(c, weights, asked, translator, AliasesOf(c.Hit.Passage.Article), verbs) >= MinSharedWithoutName)));
        // A sentence the first quote already holds as context (the rest of the article read as a passage of its own) is not
        // quoted twice.
        if (second is not null && !chosen.Exists(q => q.Text.Contains(second.Sentence, StringComparison.Ordinal)))
        {
            chosen.Add((second.Hit, Evidence.WithContext(second.Sentences, second.Index, second.NextHolds, quoted: string.Join(' ', chosen.Select(q => q.Text)))));
        }

        var citations = new CitationList();
        var blocks = new List<ReplyBlock>();
        var article = best.Hit.Passage.Article;
        // The people index is built in the background after a start: it ranks names only when it is ready, never waited for.
        var people = type.Kind == AnswerKind.Person && context.Corpus.PeopleReady ? context.Corpus.People.InArticle(article.Id) : [];
        var nameTerms = asked.SelectMany(n => n).SelectMany(w => w.Terms).ToHashSet(StringComparer.Ordinal);
        // "Wer ist Peter Pilz?": the role the people index read for the person in the answering article leads, as /who gives
        // it, when the quoted sentence may not say it ("Grünen-Abgeordneter" is in the title).
        if (type.Kind == AnswerKind.Identity && type.Subject is { } subject && context.Corpus.PeopleReady
            && context.Corpus.People.Find(subject) is { } person
            && person.Roles.FirstOrDefault(r => string.Equals(r.ArticleId, article.Id, StringComparison.OrdinalIgnoreCase)) is { } role)
        {
            blocks.Add(new ReplyBlock(ReplyBlockKind.Paragraph, $"{person.Name}: {role.Text}{Texts.RoleInOriginal(language, role.Language)}"));
        }

        if ((ShortAnswer(best, type, questionTerms, translator, people, counted, happened is not null, words?.Knowledge, nameTerms, withNext ? MeasureAsked(context.Question) : null)
            ?? (type.Kind == AnswerKind.Person ? RoleHolder(best.Sentence, people, article.Id, questionTerms, translator) : null)) is { } phrase)
        {
            // The gloss names the count as the asker did, with the whole phrase ("square kilometers"), and knows its words by
            // the phrase's head: "Quadratkilometer" is not "square miles", though both are square.
            var noun = counted is null ? null : AnswerTypes.CountedPhrase(context.Question);
            var countedBy = noun is null ? null : WordTerms(noun.Split(' ')[^1], translator) ?? counted;
            var gloss = article.Language == language ? null : Glossary.Gloss(phrase, article.Language, facts: type.Kind is AnswerKind.Time or AnswerKind.Amount,
                counted: noun is null ? null : (noun, word => word.Length > 0 && char.IsLetter(word[0]) && IsCounted(word, article.Language == Language.German, countedBy!, translator)));
            blocks.Add(new ReplyBlock(ReplyBlockKind.Paragraph, gloss is null ? phrase : $"{phrase} ({gloss})"));
        }

        foreach (var group in chosen.GroupBy(c => c.Hit.Passage.Article))
        {
            AddEvidence(blocks, citations, group.Key, group.Select(g => g.Text), language);
        }

        return Task.FromResult(new Answer(language, blocks, citations.Citations, Backend));
    }

    /// <summary>
    /// A sentence of the best one's passage, not quoted yet, that meets what the best lacks: "… a dual mission known as AS-278"
    /// names the mission, "The astronauts would begin wearing a new Apollo spacesuit" two sentences on says what they wore.
    /// Read together they cover at least <see cref="ComplementUnion"/> of the question, and it adds at least
    /// <see cref="ComplementGain"/> to what the best covers alone. Null when no sentence does.
    /// </summary>
    private static Candidate? Complement(List<Candidate> candidates, Candidate best, string quoted, List<WeightedConcept> weights, QueryTranslator translator, Dictionary<string, HashSet<string>> aliases, GermanVerbForms? verbs)
    {
        foreach (var c in candidates)
        {
            if (c.Hit.Passage != best.Hit.Passage || c.Coverage < MinimumCoverage || quoted.Contains(c.Sentence, StringComparison.Ordinal))
            {
                continue;
            }

            var together = SentenceScore(c.Sentence, weights, translator, 0, antecedent: best.Sentence, aliases: aliases, verbs: verbs).Coverage;
            if (together >= ComplementUnion && together - best.Coverage >= ComplementGain)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Measured on half A: 0.75 and 0.8 answered 3 and 2 more, none lost; 0.7 lost 2 (with the gain at 0.2).</summary>
    private const double ComplementUnion = 0.75;

    private const double ComplementGain = 0.25;

    /// <summary>
    /// The title's terms with the names the passage's first sentence gives and a later one gives again: a name the passage
    /// keeps coming back to is its topic, which a sentence may leave to "the team" ("The Panthers defense gave up …" …
    /// "Kawann Short led the team in sacks" … "The Panthers line also featured …"). Null when there is none. English only:
    /// there a capitalised word after the first is a name, while German capitalises every noun (measured on half A with
    /// German too: 0 net in German, +1 −2 de→de).
    /// </summary>
    internal static HashSet<string>? LeadTopic(IReadOnlyList<string> sentences, HashSet<string> title, Language language, QueryTranslator translator)
    {
        if (language != Language.English || sentences.Count < 2)
        {
            return null;
        }

        var later = sentences.Skip(1).SelectMany(TextAnalyzer.Tokens).ToHashSet(StringComparer.Ordinal);
        var names = TextAnalyzer.Tokens(sentences[0]).Skip(1).Where(t => char.IsUpper(t[0]) && !TextAnalyzer.IsStopWord(t) && later.Contains(t));
        var lead = translator.TextTerms(string.Join(' ', names), language);
        if (lead.Count == 0)
        {
            return null;
        }

        lead.UnionWith(title);
        return lead;
    }

    /// <summary>
    /// The names an English article's first sentence gives and a later paragraph gives again, as <see cref="LeadTopic"/>
    /// finds them in one passage: "Stavanger Airport" opens the article and its last paragraph, so "the fire started in a
    /// recalled 2005 Opel Zafira" in the second is about the fire there. Null when there are none.
    /// </summary>
    internal static HashSet<string>? OpeningTopic(Article article, QueryTranslator translator)
    {
        var paragraphs = article.Paragraphs.ToList();
        if (article.Language != Language.English || paragraphs.Count < 2)
        {
            return null;
        }

        var opening = Sentences.Split(paragraphs[0]);
        var lead = opening.Count == 0 ? null : LeadTopic([opening[0], .. paragraphs.Skip(1)], [], Language.English, translator);
        return lead is { Count: > 0 } ? lead : null;
    }

    /// <summary>
    /// The other paragraphs of the best hit's article, which the search did not return: the answer is often a paragraph
    /// away from the one that matches the question best ("Er habe dort noch ein Haus. … an Bob Odenkirk vermietet."). Each
    /// comes with the question words of the article's found passages, which set the topic its sentences need not repeat
    /// (counted as the title's words are, at a share).
    /// </summary>
    private static IEnumerable<(SearchHit Hit, HashSet<string> Topic)> RestOfArticle(IReadOnlyList<SearchHit> hits, QueryTranslator translator)
    {
        if (hits.Count == 0)
        {
            yield break;
        }

        var top = hits[0];
        var article = top.Passage.Article;
        var found = hits.Take(MaxPassages).Where(h => h.Passage.Article == article).Select(h => h.Passage.Ordinal).ToHashSet();
        var topic = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits.Take(MaxPassages).Where(h => h.Passage.Article == article))
        {
            topic.UnionWith(translator.TextTerms(hit.Passage.Text, article.Language));
        }

        var ordinal = 0;
        string? heading = null;
        foreach (var block in article.Blocks)
        {
            if (block.Kind == BlockKind.Heading)
            {
                heading = block.Text;
                continue;
            }

            if (!found.Contains(ordinal))
            {
                yield return (new SearchHit(new Passage(article, ordinal, block.Text, heading), top.Score), topic);
            }

            ordinal++;
        }
    }

    /// <summary>The year the article was written, 0 when its date is unknown.</summary>
    private static int YearWritten(Article article) => article.SortDate == DateOnly.MinValue ? 0 : article.SortDate.Year;

    /// <summary>
    /// For a best sentence that holds no answer of the asked kind (nor does the next): the best sentence of the same article
    /// that does and covers at least <see cref="KindShare"/> of what the best one covers; null when none does, or the
    /// question asks for no particular kind.
    /// </summary>
    private static Candidate? KindElsewhere(List<Candidate> candidates, Candidate best, QuestionType type) =>
        best.Holds || best.NextHolds || type.Kind is AnswerKind.Other or AnswerKind.YesNo or AnswerKind.Identity or AnswerKind.Quote
            ? null
            : candidates.Find(c => c != best && c.Holds && c.Hit.Passage.Article == best.Hit.Passage.Article
                && c.Coverage >= Math.Max(MinimumCoverage, KindShare * best.Coverage));

    /// <summary>A sentence that holds the asked kind is quoted beside a best one that does not when it covers this share of the best's coverage.</summary>
    private const double KindShare = 0.5;

    /// <summary>
    /// How many of the question's names the candidate's sentence, with the <paramref name="following"/> sentences after it,
    /// names (a name of several words by any of its words), in any spelling or translation the plan knows, or inflected;
    /// in German also as the head of a compound: a region is named by a word before its country's name ("Süddeutschland",
    /// "Ostukraine"), too short a part for the compound splitter.
    /// </summary>
    private static int NamesAsked(Candidate candidate, List<List<NameWord>> names, int following)
    {
        var language = candidate.Hit.Passage.Article.Language;
        var german = language == Language.German;
        var terms = new HashSet<string>(StringComparer.Ordinal);
        for (var i = candidate.Index; i <= Math.Min(candidate.Index + following, candidate.Sentences.Count - 1); i++)
        {
            terms.UnionWith(TextAnalyzer.Terms(candidate.Sentences[i], language));
        }

        return names.Count(name => name.Exists(word => word.Any(t => terms.Contains(t) || InflectedIn(t, terms, german)
            || (german && t.Length >= MinCompoundHeadName && terms.Any(term => term.Length > t.Length && term.EndsWith(t, StringComparison.Ordinal))))));
    }

    /// <summary>A name this long that ends a German word is that word's head ("Süddeutschland"); a shorter one may end any word ("Rom" in "Dom").</summary>
    private const int MinCompoundHeadName = 5;

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
    /// question, by one without a sum of money ("a 3.2-kilometre extension" for what the extension costs); "how old", by
    /// one without an age ("ten thousand new residents" for the mayor's age). A measure question names its dimension: "how
    /// heavy" by one without a weight ("200 Dollar" for how heavy a headset is), "how far", "how tall", "how long is" by one
    /// without a length, or for "how long" a span of time either ("bis Mitternacht" for how long a library is open).
    /// </summary>
    private static bool LacksAskedKind(Candidate best, QuestionType type) =>
        type.Kind is AnswerKind.Amount && !best.Holds && !best.NextHolds
        && (type.Money || type.Age || type.Weight || (type.Length && !GivesExtent(best))
            || (!AnswerTypes.NamesNumber(best.Sentence) && !(best.Index + 1 < best.Sentences.Count && AnswerTypes.NamesNumber(best.Sentences[best.Index + 1]))));

    /// <summary>
    /// "Wie alt ist Sylvester Stallone?" met by "… Mark Rylance (56) … Sylvester Stallone …": an age belongs to the person
    /// it stands beside (<see cref="AnswerTypes.BesideAge"/>). Evidence whose every age stands beside a name and none of
    /// the question's ("22-year-old Rangoli Patil" for B Shiva Parvathi's age) gives the age of someone else. An age beside
    /// no name may be the asked person's.
    /// </summary>
    private static bool GivesAgesOfOthersOnly(Candidate candidate, QuestionType type, List<List<NameWord>> asked, IReadOnlySet<string> questionTerms, QueryTranslator translator)
    {
        if (!type.Age || asked.Count == 0 || !(candidate.Holds || candidate.NextHolds))
        {
            return false;
        }

        var language = candidate.Hit.Passage.Article.Language;
        var german = language == Language.German;
        var others = false;
        foreach (var sentence in new[] { candidate.Sentence }.Concat(candidate.NextHolds && candidate.Index + 1 < candidate.Sentences.Count ? [candidate.Sentences[candidate.Index + 1]] : []))
        {
            foreach (var (text, index) in AnswerTypes.Phrases(sentence, AnswerKind.Amount, questionTerms).Where(p => type.FitsAt(sentence, p.Text, p.Index)))
            {
                var owner = AnswerTypes.BesideAge(sentence, text, index)
                    .Where(t => t.Length > 2 && !TextAnalyzer.IsStopWord(t) && IsName(t, translator))
                    .Select(t => TextAnalyzer.Term(t, language)).OfType<string>().ToHashSet(StringComparer.Ordinal);
                if (owner.Count == 0 || asked.Exists(name => name.Exists(word => word.Any(t => owner.Contains(t) || InflectedIn(t, owner, german)))))
                {
                    return false;
                }

                others = true;
            }
        }

        return others;
    }

    /// <summary>The candidate's sentence, or the next, says how long something lasts or goes on ("637 Tage", "bis Mitternacht").</summary>
    private static bool GivesExtent(Candidate candidate) =>
        Enumerable.Range(candidate.Index, 2).Where(i => i < candidate.Sentences.Count)
            .Any(i => AnswerTypes.Holds(candidate.Sentences[i], ExtentAsked, NoTerms)
                || AnswerTypes.Phrases(candidate.Sentences[i], AnswerKind.Amount, NoTerms).Any(p => AnswerTypes.IsSpanOfTime(p.Text)));

    private static readonly QuestionType ExtentAsked = new(AnswerKind.Time) { Extent = true, Length = true };

    private static readonly HashSet<string> NoTerms = new(StringComparer.Ordinal);

    /// <summary>
    /// A question that asks when something happens ("Wann wird die U-Bahn in Salzburg eröffnet?") or how many of a thing
    /// there are, where the passages the search found in the answering article give no time, or no count, in any sentence
    /// that covers enough of the question (nor in the sentence after one): the article speaks of the subject, not of what is
    /// asked about it. Only questions whose kind news text gives in forms the classifier knows: a point in time opened with
    /// "wann", "when", "in which year" (a date, weekday, month or year), not "wie lange", nor a "when" clause after "who";
    /// a count of a named thing, not "how much". A count counts things: a share of something else ("37 Prozent" would buy a
    /// car, for how many visitors came), a span of time ("under two hours", for how many watched), a time of day, a number
    /// that names or ranks ("ATV 2"), a score ("6:4"), a year ("ist 2010 gestorben") or the last day of a range of days
    /// ("from March 15 to 17") is none.
    /// The rule only declines; it never moves an answer to another sentence.
    /// </summary>
    private static bool FoundPassagesLackAskedKind(List<Candidate> found, Candidate best, QuestionType type, HashSet<string>? counted, HashSet<string> questionTerms, QueryTranslator translator)
    {
        if (!type.PointInTime && !type.Count)
        {
            return false;
        }

        var article = best.Hit.Passage.Article;
        return !found.Exists(c => c.Hit.Passage.Article == article && c.Coverage >= MinimumCoverage && (c.Holds || c.NextHolds)
            && (!type.Count || GivesCount(c.Sentence) || (c.NextHolds && c.Index + 1 < c.Sentences.Count && GivesCount(c.Sentences[c.Index + 1]))));

        // A count of things, or a share of the things counted ("37 Prozent der Besucher"): a share of something else, a span
        // of time, a time of day, a channel's number ("ORF 2 um 20.15"), a score, a year or a day numbers no visitors.
        bool GivesCount(string sentence) =>
            (counted is not null && Counts(sentence, counted, translator))
            || AnswerTypes.Phrases(sentence, AnswerKind.Amount, questionTerms).Any(p => type.FitsAt(sentence, p.Text, p.Index)
                && !AnswerTypes.IsLabel(sentence, p.Index, p.Text) && !AnswerTypes.EndsRangeOfDays(sentence, p.Index, p.Text)
                && !AnswerTypes.IsBareYear(p.Text, IsGerman(sentence))
                && (AnswerTypes.CountsThings(p.Text) || (counted is not null && AnswerTypes.IsPercentage(p.Text)
                    && AnswerTypes.ShareOf(sentence, p.Index + p.Text.Length) is { } whole && IsCounted(whole, IsGerman(sentence), counted, translator))));
    }

    /// <summary>
    /// "Wann wurde Richard Guy geboren?" met by "… ist am Montag gestorben", "When was OPEC founded?" by "beim Opec-Treffen
    /// am Freitag": a weekday, "yesterday" or a feast without a year dates what the article reports, relative to its day.
    /// When every time the answering article's found passages give is of that kind (or only says how long: "im Alter von
    /// 103 Jahren") and no sentence holding one says the event the question asks the time of (its closing verb,
    /// <see cref="EventAsked"/>, in any form or translation), the article reports something else about the subject. A
    /// calendar date anywhere among them, or a question without such a verb, keeps the answer; so does a question that asks
    /// for the day ("An welchem Tag wurden die Regeln wirksam?" is answered by "sind am Dienstag … in Kraft getreten").
    /// </summary>
    private static bool DatesOnlyTheNews(List<Candidate> found, Candidate best, QuestionType type, List<WeightedConcept>? happening, QueryTranslator translator, GermanVerbForms? verbs)
    {
        if (!type.PointInTime || happening is null || type.Unit == CalendarUnit.Day)
        {
            return false;
        }

        var article = best.Hit.Passage.Article;
        var dated = found.FindAll(c => c.Hit.Passage.Article == article && c.Coverage >= MinimumCoverage && (c.Holds || c.NextHolds));
        return dated.Count > 0 && dated.TrueForAll(c =>
        {
            var text = c.NextHolds && c.Index + 1 < c.Sentences.Count ? c.Sentence + " " + c.Sentences[c.Index + 1] : c.Sentence;
            return AnswerTypes.Phrases(text, AnswerKind.Time, NoTerms).All(p => AnswerTypes.IsRelativeDay(p.Text) || AnswerTypes.IsBareDuration(text, p.Text, p.Index))
                && SentenceScore(text, happening, translator, 0, verbs: verbs).Coverage <= 0;
        });
    }

    /// <summary>
    /// "What did Jimmy Carter say about Tony Mendez?": a quotation answers it only from its speaker, who is named in the
    /// sentence or one beside it ("He assured monks …" after "Luther …"). Evidence that names the speaker in neither quotes
    /// someone else ("Affleck tweeted, …"), or no one. The rule only declines.
    /// </summary>
    private static bool QuotesSomeoneElse(Candidate best, QuestionType type, string question)
    {
        if (type.Kind != AnswerKind.Quote || AnswerTypes.Speaker(question) is not { } speaker)
        {
            return false;
        }

        var words = TextAnalyzer.Tokens(speaker).ToList();
        return !Enumerable.Range(best.Index - 1, 3).Where(i => i >= 0 && i < best.Sentences.Count)
            .Any(i => NamesAsSpeaker(best.Sentences[i], words));
    }

    /// <summary>
    /// The sentence names the speaker where a speaker may stand: not only as a possessive ("Johnson's advice to the Queen",
    /// "Merkels Politik") nor after a preposition that makes the name an object ("gegen Kanzlerin Angela Merkel", "with
    /// Johnson"), titles and articles between. "by", "from", "von", "laut" and "according to" name a source, so they count.
    /// </summary>
    internal static bool NamesAsSpeaker(string sentence, IReadOnlyList<string> speakerWords)
    {
        var speaker = speakerWords.Select(t => TextAnalyzer.Term(t)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var tokens = new List<(string Text, int End)>();
        var at = 0;
        foreach (var token in TextAnalyzer.Tokens(sentence))
        {
            at = sentence.IndexOf(token, at, StringComparison.Ordinal) + token.Length;
            tokens.Add((token, at));
        }

        // No punctuation between a token and the next: they stand in one clause.
        bool Joined(int i) =>
            sentence.AsSpan(tokens[i].End, tokens[i + 1].End - tokens[i + 1].Text.Length - tokens[i].End).IndexOfAny(ClauseBreaks) < 0;

        for (var k = 0; k < tokens.Count; k++)
        {
            if (!IsSpeakerWord(tokens[k].Text))
            {
                continue;
            }

            // A name of several words is an owner by its last ("Tom Ashdown's order").
            var last = k;
            while (last + 1 < tokens.Count && IsSpeakerWord(tokens[last + 1].Text))
            {
                last++;
            }

            var (text, end) = tokens[last];
            // "Johnson's" (the tokens split at the apostrophe), or German "Merkels": the name as written with an s added.
            var possessive = (end < sentence.Length && sentence[end] is '\'' or '’' && last + 1 < tokens.Count && tokens[last + 1].Text == "s")
                || speakerWords.Any(w => text.Length == w.Length + 1 && text.StartsWith(w, StringComparison.Ordinal) && text[^1] == 's');
            // The words before the name within its clause: a comma ends the walk ("posted to Twitter, Warren commended …"
            // makes Warren no object of "to").
            var before = k - 1;
            while (before >= 0 && Joined(before) && (char.IsUpper(tokens[before].Text[0]) || Determiners.Contains(tokens[before].Text)))
            {
                before--;
            }

            var objectOf = before >= 0 && Joined(before) && ObjectPrepositions.Contains(tokens[before].Text)
                && !(tokens[before].Text == "to" && before > 0 && tokens[before - 1].Text.Equals("according", StringComparison.OrdinalIgnoreCase));
            if (!possessive && !objectOf)
            {
                return true;
            }

            k = last;
        }

        return false;

        bool IsSpeakerWord(string token) =>
            (TextAnalyzer.Term(token) is { } term && speaker.Contains(term))
            || speakerWords.Any(w => token.Length == w.Length + 1 && token.StartsWith(w, StringComparison.Ordinal) && token[^1] == 's');
    }

    /// <summary>Punctuation that ends a clause: the words before a name are read back to it, no further.</summary>
    private static readonly System.Buffers.SearchValues<char> ClauseBreaks = System.Buffers.SearchValues.Create(",;:()–—");

    /// <summary>Prepositions after which a name is an object, not who speaks; "by", "from", "von", "laut", "of" are left out: they may give a source.</summary>
    private static readonly HashSet<string> ObjectPrepositions = new(StringComparer.Ordinal)
    {
        "gegen", "mit", "für", "an", "über", "bei", "zu", "zum", "zur", "um", "ohne", "neben", "auf", "gegenüber",
        "against", "with", "for", "to", "about", "at", "on", "without", "toward", "towards", "than",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "der", "die", "das", "den", "dem", "des", "the" };

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

    /// <summary>
    /// The terms, in both languages, of the noun a how-many question counts; null when it counts none the translator knows. A
    /// count of what happened to them counts them too ("56 deaths" for "Wie viele Menschen starben?").
    /// </summary>
    private static HashSet<string>? CountedTerms(string question, string? happened, QueryTranslator translator)
    {
        if (AnswerTypes.CountedNoun(question) is not { } noun || NounTerms(noun, translator) is not { } terms)
        {
            return null;
        }

        if (happened is not null && WordTerms(happened, translator) is { } eventTerms)
        {
            terms.UnionWith(eventTerms);
            // A German verb form's own entry gives the verb ("starben": died); its infinitive's entry also gives the noun it
            // makes ("sterben": death), as news counts the event: "56 deaths". (As a search term for every German verb it cost
            // more answers than it won: see the README's twenty-first round.)
            if (translator.Dictionary?.GermanVerbs.Infinitive(TextAnalyzer.Normalize(happened)) is { } infinitive && WordTerms(infinitive, translator) is { } senses)
            {
                terms.UnionWith(senses);
            }
        }

        return terms;
    }

    /// <summary>
    /// The terms of a counted noun: a German compound the dictionary translates whole counts as that ("Todesfälle" are
    /// deaths, not the "cases" of its part "Fälle"); one it does not know counts through its parts.
    /// </summary>
    private static HashSet<string>? NounTerms(string noun, QueryTranslator translator)
    {
        var concepts = translator.Plan(new SearchQuery(noun), _ => true);
        var known = concepts.Count > 1 && !noun.Contains(' ', StringComparison.Ordinal) && concepts[0].Terms.Count > 1;
        var terms = (known ? concepts.Take(1) : concepts).SelectMany(c => c.Terms.Keys).ToHashSet(StringComparer.Ordinal);
        return terms.Count == 0 ? null : terms;
    }

    /// <summary>The terms, in both languages, of a few words of the question; null when the translator knows none.</summary>
    private static HashSet<string>? WordTerms(string words, QueryTranslator translator)
    {
        var terms = translator.Plan(new SearchQuery(words), _ => true).SelectMany(c => c.Terms.Keys).ToHashSet(StringComparer.Ordinal);
        return terms.Count == 0 ? null : terms;
    }

    /// <summary>A number in the sentence is followed by the counted noun, or by a word and then it ("vier erzwungene Fumbles").</summary>
    private static bool Counts(string sentence, HashSet<string> counted, QueryTranslator translator)
    {
        var german = IsGerman(sentence);
        return AnswerTypes.CountedWords(sentence).Any(w => IsCounted(w, german, counted, translator));
    }

    /// <summary>A word is the noun the question counts, in either language or an inflected form.</summary>
    private static bool IsCounted(string word, bool german, HashSet<string> counted, QueryTranslator translator) =>
        translator.TextTerms(word) is var terms && (terms.Overlaps(counted) || counted.Any(t => InflectedIn(t, terms, german)));

    /// <summary>
    /// The share of its score a sentence keeps when its article does not name the place the question asks about. Measured on
    /// half A of the answer sets: 0.5 and 0.25 answer the same number of questions, 0.1 four fewer; at 0.5 Hamburg's
    /// "kostet das Pilotprojekt rund 14 Millionen" still beat Lisbon's "budgeted at 48 million" for the project in Lisbon.
    /// </summary>
    private const double ElsewhereShare = 0.25;

    /// <summary>The share of its score a sentence keeps when it names the asked office only as a deputy's ("vice-president").</summary>
    private const double DeputyShare = 0.5;

    /// <summary>
    /// The places the question asks about, each as its terms in both languages: a name after a locative preposition, with no
    /// article between or one the dictionary does not list as a word ("in Lissabon", not "im Jahr"), that the corpus knows.
    /// Known flaw: German fixed phrases without an article ("nach Angaben", "in Kraft") pass as bare names; the dictionary
    /// lists "Lissabon" as a word too, so it cannot tell them apart.
    /// </summary>
    private static List<HashSet<string>> PlacesAsked(string question, QueryPlan plan)
    {
        var places = new List<HashSet<string>>();
        foreach (var name in AnswerTypes.Locatives(question).Where(l => (l.Bare && !TextAnalyzer.IsStopWord(l.Name)) || l.Name.Contains(' ', StringComparison.Ordinal) || IsPlaceName(l.Name, plan.Translator, null)).Select(l => l.Name))
        {
            // The name and its full translations only: a compound part ("Salz|burg" → salt, stand) or a side sense ("Vienna" →
            // "Wiener" → frankfurter) is met by articles about anything.
            var concepts = plan.Translator.Plan(new SearchQuery(name), _ => true);
            var whole = concepts.Count == 0 ? 0 : concepts.Max(c => c.Weight);
            var terms = concepts.Where(c => c.Weight >= whole).SelectMany(c => c.Terms.Where(t => t.Value >= 1).Select(t => t.Key)).Where(plan.Statistics.Contains).ToHashSet(StringComparer.Ordinal);
            terms.UnionWith(OtherWordCountNames(name, plan));
            if (terms.Count > 0)
            {
                places.Add(terms);
            }
        }

        return places;
    }

    /// <summary>
    /// The place's names in the other language that take another number of words ("Hongkong" is "Hong Kong", "South
    /// Africa" is "Südafrika"), as the dictionary lists them, each as its terms joined by a space; those the corpus has.
    /// </summary>
    private static IEnumerable<string> OtherWordCountNames(string name, QueryPlan plan)
    {
        var key = string.Join(' ', TextAnalyzer.Terms(name));
        if (plan.Translator.Dictionary is not { } dictionary || key.Length == 0)
        {
            return [];
        }

        var words = key.Count(c => c == ' ') + 1;
        return new[] { TranslationDirection.GermanToEnglish, TranslationDirection.EnglishToGerman }
            .SelectMany(d => dictionary.Translate(key, d))
            .Select(t => t.Terms)
            .Where(t => t.Count(c => c == ' ') + 1 != words && t.Split(' ').All(plan.Statistics.Contains));
    }

    /// <summary>
    /// Whether the article names the place, by its name or by the adjective made from it, as sentences are scored: "das
    /// ägyptische Parlament" and "the Cuban government" name Egypt and Cuba.
    /// </summary>
    private static bool Mentions(Article article, HashSet<string> place, QueryTranslator translator) =>
        Names(article.Title, article.Language, place, translator) || article.Paragraphs.Any(p => Names(p, article.Language, place, translator));

    private static bool Names(string text, Language language, HashSet<string> place, QueryTranslator translator)
    {
        var terms = translator.TextTerms(text, language);
        AddAdjectiveBases([text], terms);
        return terms.Overlaps(place) || place.Any(p => p.Contains(' ', StringComparison.Ordinal) && p.Split(' ').All(terms.Contains));
    }

    /// <summary>How many of the best passages are read sentence by sentence.</summary>
    private const int MaxPassages = 6;

    /// <summary>A sentence that holds an answer of the asked kind counts this much more; one whose next sentence does, this much.</summary>
    private const double TypeBonus = 1.75;

    private const double NextSentenceBonus = 1.2;

    /// <summary>A sentence that holds a time and says the event a when-question asks the time of counts this much more.</summary>
    private const double EventBonus = 1.2;

    /// <summary>
    /// A time dates the words beside it: "In Spanien herrscht seit der Parlamentswahl am 20. Dezember ein Stillstand" dates
    /// the election, "Gut zwei Monate nach der Parlamentswahl hat Podemos am Montag Verhandlungen aufgenommen" dates the
    /// talks and names the election only as the point it counts from. True when the sentence says the event a when-question
    /// asks about within two words of a time phrase; words after a time that is counted from what follows ("zwei Monate
    /// nach", "two weeks after", "ein Jahr seit") are not dated by it.
    /// </summary>
    private static bool DatesBesideEvent(Candidate candidate, List<WeightedConcept> happening, HashSet<string> questionTerms, QueryTranslator translator, GermanVerbForms? verbs)
    {
        var sentence = candidate.Sentence;
        foreach (var (text, index) in AnswerTypes.Phrases(sentence, AnswerKind.Time, questionTerms, german: candidate.Hit.Passage.Article.Language == Language.German))
        {
            var before = sentence[..index].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(BesideWords);
            var rest = sentence[Math.Min(sentence.Length, index + text.Length)..];
            var after = CountedFrom().IsMatch(rest) ? [] : rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(BesideWords);
            if (SentenceScore(string.Join(' ', before.Concat(after)), happening, translator, 0, verbs: verbs).Coverage > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many words on either side of a time phrase it dates.</summary>
    private const int BesideWords = 2;

    [GeneratedRegex(@"^\s*(?i:nach|vor|seit|after|before|since)\b")]
    private static partial Regex CountedFrom();

    /// <summary>
    /// The event a when-question asks the time of, as the question's concept: its closing verb after an auxiliary ("When was
    /// the ship built?", "Wann wurde Mugabe verhaftet?"). English and German put the participle or infinitive last in such a
    /// question; a capitalised last word is a name or a German noun ("… zur Welt?"), not the verb. Null when there is none.
    /// </summary>
    private static List<WeightedConcept>? EventAsked(string question, List<WeightedConcept> weights)
    {
        if (ClosingVerbQuestion().Match(question.Trim().TrimEnd('?', '!', '.', ' ')) is not { Success: true } match)
        {
            return null;
        }

        // The verb as either language's analyser reads it: a short question's language may be undecided.
        var verb = match.Groups["v"].Value;
        string?[] terms = [TextAnalyzer.Term(verb, LanguageDetector.Detect(question)), TextAnalyzer.Term(verb, Language.English), TextAnalyzer.Term(verb, Language.German)];
        var concept = weights.Find(w => terms.Any(t => t is not null && w.Terms.ContainsKey(t)));
        return concept is null ? null : [concept];
    }

    [GeneratedRegex(@"^(?i:(?:when|since when|until when|wann|seit wann|bis wann|ab wann|" + AnswerTypes.WhichTimeUnit + @")\s+(?:was|were|did|is|are|has|have|had|will|does|do|wurde|wurden|ist|sind|war|waren|hat|haben|hatte|hatten|wird|werden))\s.*\s(?<v>\p{Ll}[\p{L}-]+)$")]
    private static partial Regex ClosingVerbQuestion();

    /// <summary>A sentence from another passage is added when it scores at least this share of the best.</summary>
    private const double SecondShare = 0.8;

    /// <summary>
    /// "How long was he in prison?": "long" asks for a duration, which the answer gives as "637 Tage" without the word; a
    /// sentence that says "lange" about something else ("die 40 km lange Fahrt") meets nothing of what is asked.
    /// </summary>
    private static List<WeightedConcept> WithoutExtentCue(List<WeightedConcept> weights, string question)
    {
        var cue = AnswerTypes.ExtentCueWords(question).SelectMany(TextAnalyzer.Terms).ToHashSet(StringComparer.Ordinal);
        return weights.FindAll(w => !cue.Contains(w.Terms.Keys.First())) is { Count: > 0 } asked ? asked : weights;
    }

    /// <summary>
    /// "How long was Uli Hoeneß in prison?": an article names a person in full once and by surname after, so the given name
    /// before a surname adds nothing a sentence about the person lacks; counted as a concept of its own it would favour the
    /// one sentence that names them in full over the one that answers. A surname is a capitalised word after the given name
    /// that is no common word in either language ("Maria Geld" holds none). "Who is John McAfee?" keeps it: the sentence
    /// that names someone in full is where the article introduces them, with their role.
    /// </summary>
    private static List<WeightedConcept> WithoutGivenNamesBeforeSurnames(List<WeightedConcept> weights, string question, WordKnowledge? knowledge)
    {
        if (knowledge is null)
        {
            return weights;
        }

        var tokens = TextAnalyzer.Tokens(question).ToList();
        var given = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var next = tokens[i + 1];
            if (char.IsUpper(tokens[i][0]) && char.IsUpper(next[0]) && GivenNames.Contains(tokens[i])
                && !knowledge.IsGermanCommonWord(next) && !knowledge.IsEnglishCommonWord(next)
                && TextAnalyzer.Term(tokens[i]) is { } term && TextAnalyzer.Term(next) is { } surname
                && weights.Exists(w => w.Terms.Keys.First() == surname))
            {
                given.Add(term);
            }
        }

        return given.Count == 0 ? weights : weights.FindAll(w => !given.Contains(w.Terms.Keys.First()));
    }

    /// <summary>The question's concepts other than the words that ask for an amount ("was kostet", "how much … cost").</summary>
    private static List<WeightedConcept> WithoutCueWords(List<WeightedConcept> weights, string question)
    {
        var cue = AnswerTypes.AmountCueWords(question).SelectMany(TextAnalyzer.Terms).ToHashSet(StringComparer.Ordinal);
        return weights.FindAll(w => !w.Terms.Keys.Any(cue.Contains));
    }

    /// <summary>The candidate sentence, the sentence before it or its article's title (<paramref name="title"/>: its terms) meets one of <paramref name="concepts"/>.</summary>
    private static bool MeetsAny(Candidate candidate, List<WeightedConcept> concepts, HashSet<string> title, QueryTranslator translator, GermanVerbForms? verbs)
    {
        var before = candidate.Index > 0 ? candidate.Sentences[candidate.Index - 1] : null;
        return SentenceScore(candidate.Sentence, concepts, translator, 0, title: title, antecedent: before, verbs: verbs).Coverage > 0;
    }

    /// <summary>How many sentences a topic summary quotes, and at most how many of one article while others have some.</summary>
    private const int TopicSentences = 4;

    private const int TopicSentencesPerArticle = 2;

    /// <summary>
    /// The best <paramref name="count"/> items, at most <paramref name="perArticle"/> of one article while other articles
    /// have items left: a topic is summarised across its articles, not from the one that mentions it most.
    /// </summary>
    private static List<T> AcrossArticles<T>(List<T> ranked, Func<T, Article> articleOf, int count, int perArticle)
    {
        var taken = new List<T>(count);
        var perArticleTaken = new Dictionary<Article, int>();
        foreach (var item in ranked)
        {
            if (taken.Count == count)
            {
                break;
            }

            var article = articleOf(item);
            var fromArticle = perArticleTaken.GetValueOrDefault(article);
            if (fromArticle < perArticle)
            {
                taken.Add(item);
                perArticleTaken[article] = fromArticle + 1;
            }
        }

        // Too few articles to fill the summary that way: the best of the rest, as ranked.
        taken.AddRange(ranked.Where(item => !taken.Contains(item)).Take(count - taken.Count));
        return taken;
    }

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

    /// <summary>
    /// The next sentence leans on the best one that holds no answer of the asked kind ("… became a popular translation. As
    /// such, it contributed to …") or names its thing again ("… his last statement. The statement was in Latin …"), and
    /// meets a question word itself: it goes on about what the best one says, so it is quoted with it, however little of
    /// the question it covers alone (<see cref="Continues"/> asks for much). Measured on XQuAD half A: de→de and en→de +1
    /// answer each, about 2 words more per answer (a lower <see cref="NeighbourShare"/> adds as many words for nothing);
    /// the re-mention en→en +1, about half a word more. One that takes up with a definite article what the best one
    /// introduced with an indefinite one ("… a string over an alphabet. Usually, the alphabet is …") goes on about it too
    /// (+2 answers in each direction, a fifth of a word more). An example or next step ("Zunächst bemerkte die Besatzung …"
    /// after "… von Problemen geplagt") need not meet a question word: it says what the best one announced (de→de +1).
    /// </summary>
    private static bool LeanedOn(List<Candidate> candidates, Candidate best)
    {
        if (best.Holds || best.Index + 1 >= best.Sentences.Count)
        {
            return false;
        }

        var next = best.Sentences[best.Index + 1];
        return Evidence.IsSequel(next)
            || ((Evidence.LeansOnPrevious(next) || NamesAgain(next, best.Sentence) || Evidence.TakesUp(next, best.Sentence)) && candidates.Exists(c => c.Hit == best.Hit && c.Index == best.Index + 1));
    }

    /// <summary>
    /// The sentence after the quoted next one goes on from it in turn ("Then … forced a hold in the simulated countdown.
    /// During this hold, an electrical fire began …"; "This approach exploits … The measurement is technically difficult …"):
    /// it leans on it or names again what it or the best one named, and meets a question word. Measured on XQuAD half A:
    /// +4 de→de, +3 en→en, +5 en→de, +2 de→en, about 1.5 words more per answer; nothing lost.
    /// </summary>
    private static bool GoesOnAfterNext(List<Candidate> candidates, Candidate best)
    {
        var i = best.Index;
        if (best.Holds || best.NextHolds || i + 2 >= best.Sentences.Count)
        {
            return false;
        }

        var after = best.Sentences[i + 2];
        return (Evidence.LeansOnPrevious(after) || NamesAgain(after, best.Sentences[i + 1]) || NamesAgain(after, best.Sentence))
            && candidates.Exists(c => c.Hit == best.Hit && c.Index == i + 2);
    }

    /// <summary>
    /// The sentence names again with a definite article what <paramref name="before"/> named ("… on which Luther had written
    /// his last statement. The statement was in Latin …"): it goes on about the same thing.
    /// </summary>
    private static bool NamesAgain(string sentence, string before)
    {
        if (Evidence.DefiniteSubject(sentence) is not { } subject)
        {
            return false;
        }

        var named = TextAnalyzer.Terms(before).ToHashSet(StringComparer.Ordinal);
        return TextAnalyzer.Tokens(subject).Where(t => !TextAnalyzer.IsStopWord(t)).Select(TextAnalyzer.Term).OfType<string>().Any(named.Contains);
    }

    /// <summary>How many of the question's words (three letters or more) the sentence writes exactly as the question does, case aside.</summary>
    internal static int SameWordsAsWritten(string question, string sentence) => SameWordsAsWritten(WordsAsWritten(question), sentence);

    /// <summary>As <see cref="SameWordsAsWritten(string, string)"/>, with the question's words read once for all candidates.</summary>
    private static int SameWordsAsWritten(HashSet<string> questionWords, string sentence) =>
        TextAnalyzer.Tokens(sentence).Select(t => t.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Count(questionWords.Contains);

    /// <summary>The question's words of three letters or more, lower-cased as written.</summary>
    private static HashSet<string> WordsAsWritten(string question) =>
        TextAnalyzer.Tokens(question).Select(t => t.ToLowerInvariant()).Where(t => t.Length > 2).ToHashSet(StringComparer.Ordinal);

    /// <param name="Found">From a passage the search found; false for the rest of the article (<see cref="RestOfArticle"/>).</param>
    /// <param name="Novel">Of the rest of the article: meets a question word that its found passages do not.</param>
    private sealed record Candidate(SearchHit Hit, IReadOnlyList<string> Sentences, int Index, double Value, double Coverage, bool Holds, bool NextHolds, bool Found = true, bool Novel = false)
    {
        public string Sentence => Sentences[Index];
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
                // A story filed twice (or syndicated) is summarised once.
                .DistinctBy(s => s.Sentence, StringComparer.Ordinal)
                .ToList();
            foreach (var group in AcrossArticles(sentences, s => s.Passage.Article, TopicSentences, TopicSentencesPerArticle).GroupBy(s => s.Passage.Article))
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
            foreach (var article in context.Articles.DistinctBy(a => (a.Title, Lead: string.Join(' ', a.Paragraphs.Take(1)))))
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

        var quotes = person.Quotes.Where(q => !IsScareQuote(q.Text)).DistinctBy(q => q.Text, StringComparer.Ordinal).Take(3).ToList();
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
            .Where(s => s.Score > 0 && !quoted.Any(q => s.Sentence.Contains(q, StringComparison.Ordinal)) && NamesPerson(s.Sentence, person))
            .OrderByDescending(s => s.Score)
            .DistinctBy(s => s.Sentence, StringComparer.Ordinal)
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

    /// <summary>
    /// A mention names the person by one of their names as a word of its own: a name is not inflected as a word is, so "Patt"
    /// (Patt A. Gibbs) is not met by "pattern", as the sentence scores' lighter matching of inflected forms would allow.
    /// </summary>
    private static bool NamesPerson(string sentence, Person person)
    {
        var names = TextAnalyzer.Tokens(person.Name).Concat(person.Aliases.SelectMany(TextAnalyzer.Tokens))
            .Where(t => t.Length >= 3).Select(TextAnalyzer.Normalize).ToHashSet(StringComparer.Ordinal);
        // A genitive or plural s is the name still ("Gibbs's", "Merkels").
        return TextAnalyzer.Tokens(sentence).Select(TextAnalyzer.Normalize).Any(t => names.Contains(t) || (t.EndsWith('s') && names.Contains(t[..^1])));
    }

    /// <summary>
    /// A few words in quotation marks that begin in lower case ("fired seven flight attendants "on the spot"") mark a phrase
    /// in the reporter's sentence, not something the person said; a short statement begins as a sentence does ("Das ist falsch").
    /// </summary>
    internal static bool IsScareQuote(string quote) =>
        quote.Length > 0 && char.IsLower(quote[0]) && quote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 4;

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
