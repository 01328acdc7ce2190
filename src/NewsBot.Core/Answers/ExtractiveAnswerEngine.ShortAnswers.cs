using System.Text.RegularExpressions;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>The short answer a reply leads with: the phrase of the asked kind in the evidence, nearest the question's words.</summary>
public sealed partial class ExtractiveAnswerEngine
{
    /// <summary>
    /// The answer phrase for who, when, where and how-much questions, taken from the evidence: of the phrases of the asked
    /// kind, the one nearest the question's words in the sentence, taken together. Null when the evidence has none.
    /// </summary>
    /// <param name="asksWhatHappened">The how-many question names what happened to the counted ("How many people died …?").</param>
    /// <param name="measure">
    /// The terms of what an amount question measures by name ("What magnitude …" → magnitude), when the sentence after the
    /// best one is quoted with it; else null.
    /// </param>
    private static string? ShortAnswer(Candidate best, QuestionType type, HashSet<string> questionTerms, QueryTranslator translator, IReadOnlyList<Person> people, HashSet<string>? counted, bool asksWhatHappened, WordKnowledge? knowledge, IReadOnlySet<string> nameTerms, IReadOnlySet<string>? measure = null)
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

        // "What magnitude did the institute give the earthquake?": an amount is of what its sentence names. When the best
        // sentence holds amounts of something else ("73 km (45 miles) north of Tandag City") and the quoted next one names
        // the measure with an amount ("the earthquake's magnitude was 5.5"), that one's amount answers.
        var language = best.Hit.Passage.Article.Language;
        if (type.Kind == AnswerKind.Amount && measure is { Count: > 0 } && best.Holds && best.Index + 1 < best.Sentences.Count
            && best.Sentences[best.Index + 1] is var following && !translator.TextTerms(text, language).Overlaps(measure)
            && translator.TextTerms(following, language).Overlaps(measure) && AnswerTypes.Holds(following, type, questionTerms, language == Language.German))
        {
            text = following;
        }

        var anchors = new List<int>();
        // Where each question word is met, by the question term it meets (a word met twice counts by its nearer mention).
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var named = new List<int>();
        var at = 0;
        foreach (var token in TextAnalyzer.Tokens(text))
        {
            at = text.IndexOf(token, at, StringComparison.Ordinal);
            var terms = translator.TextTerms(token, language);
            if (terms.Where(questionTerms.Contains).Order(StringComparer.Ordinal).FirstOrDefault() is { } met)
            {
                anchors.Add(at);
                (byWord.TryGetValue(met, out var list) ? list : byWord[met] = []).Add(at);
            }

            if (terms.Any(nameTerms.Contains))
            {
                named.Add(at);
            }

            at += token.Length;
        }

        // "… by Carl Wilhelm Scheele, in Uppsala, in 1773 or earlier, and Joseph Priestley in Wiltshire, in 1774": a date or
        // a place belongs to the name it stands by; when the sentence names whom the question asks about, the phrase nearest
        // that name answers. (An amount goes by what it counts: "interceptions with 24", not "Panthers … 308 points".)
        var byName = named.Count > 0 && type.Kind is AnswerKind.Time or AnswerKind.Place;
        if (byName)
        {
            anchors = named;
        }

        // Otherwise the phrase nearest the question's words taken together answers: its mean distance to each word's nearest
        // mention, each word counted once. "Lady Gaga performed the national anthem, while … Marlee Matlin provided American
        // Sign Language translation": the singer stands by one word of "Who did the sign language of the national anthem?",
        // the signer by the rest. (Measured on half A: right short answers 300 → 311; no answer@1 moved.)

        var german = best.Hit.Passage.Article.Language == Language.German;
        var phrases = (type.CountryTerms is { } countries ? AnswerTypes.CountriesIn(text, countries, questionTerms) : AnswerTypes.Phrases(text, type.Kind, questionTerms, knowledge, german))
            .Select(p => (p.Text, p.Index, Length: false));
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
            // A German amount ends in its noun: "600.000 Euro", not "600.000 Euro gab"; "14 Jahre", not "14 Jahre alt"; an
            // English one before a past-tense verb or a function word: "18 people", not "18 people died"; "66 seats", not "66 seats since".
            .Select(p => type.Kind != AnswerKind.Amount ? p
                : (Text: german ? AnswerTypes.WithoutTrailingLowerCase(p.Text) : AnswerTypes.WithoutTrailingVerbOrFunctionWord(p.Text), p.Index, p.Length))
            // A sum ends with its currency, asked as money or not: "109 billion dlr foreign debt" is "109 billion dlr".
            .Select(p => type.Kind == AnswerKind.Amount ? (Text: Currencies.EndingWithCurrency(p.Text), p.Index, p.Length) : p)
            .Where(p => type.FitsAt(text, p.Text, p.Index))
            // "Lemmy Kilmister wählte vor gut 40 Jahren den Namen seiner Band": years ago, or years something lasted, are no age.
            .Where(p => !type.Age || AnswerTypes.IsStatedAge(text, p.Index, p.Text) || !AnswerTypes.YearsAgoOrLasting(text, p.Text, p.Index))
            // A year's number with nothing counted after it ("predicted 1987 will be …") dates; it is no change, sum, count,
            // share or rate ("How far back does the hall date?" may be answered by "1873").
            .Where(p => !(type.Change || type.Money || type.Count || type.Share || type.Rate) || !AnswerTypes.IsBareYear(p.Text, german))
            // A bare number right after a capitalised word, or after a name and its noun, names something ("FRITZ!Box 5490",
            // "Flight 610", "Air India Express flight 1344"): no amount.
            .Where(p => type.Kind != AnswerKind.Amount || !AnswerTypes.IsLabel(text, p.Index, p.Text, translator.Dictionary is { } known ? known.EnglishVerbs.IsPastForm : null))
            // "nicht am 20. November, sondern im ersten Quartal": what the sentence denies is no answer.
            .Where(p => !AnswerTypes.IsDenied(text, p.Index))
            .Where(p => p.Length || !AnswerTypes.IsPointForHowLong(type, text, p.Text, p.Index))
            .Where(p => !AnswerTypes.IsUntilForPoint(type, p.Text))
            // "Seit wann ist K2-18b bekannt?": a year after the article was written ("the 2028 ARIEL program") is still to come.
            .Where(p => !AnswerTypes.IsAfterWritten(type, p.Text, YearWritten(best.Hit.Passage.Article)))
            // An amount that counts something else is no answer to "how many X": "Boeing 707 cargo plane" for how many survived.
            .Where(p => counted is null || CountRank(p.Text, counted, translator) < 2)
            // "over 200 people injured" counts no people who died: an English past form right after the amount says what
            // happened to those it counts, and another verb than the question's counts others.
            .Where(p => !asksWhatHappened || german || translator.Dictionary is not { } dictionary
                || !AnswerTypes.OtherPastFormAfter(text, p.Index + p.Text.Length, questionTerms, dictionary.EnglishVerbs.IsPastForm))
            // The hour something happened, or a game's score, counts no things: "around 11:25" answers no "how many".
            .Where(p => !type.Count || !AnswerTypes.IsTimeOfDayOrScore(p.Text))
            // "between the ages of 14 and 18" counts no teenagers: an age answers only "how old".
            .Where(p => counted is null || type.Age || !AnswerTypes.SaysAge(text, p.Index, p.Text))
            .Select(p => type.Kind == AnswerKind.Place && german ? WithoutLeadingNoun(WithoutConnectedNoun(p, knowledge), translator, knowledge) : p)
            .Where(p => type.Kind != AnswerKind.Place || !german || type.CountryTerms is not null || IsPlaceName(p.Text, translator, knowledge))
            .Where(p => type.Kind != AnswerKind.Place || type.AnswersAsPlace(p.Text))
            // German capitalises nouns: "Zehntausende Flüchtlinge" is no person; a name holds a capitalised word the dictionary
            // does not list, as a word or as a compound of its words ("Forschungsstandort Österreich"; "von" in "Interpretieren
            // von Informationen" is a particle, not a name).
            .Where(p => type.Kind != AnswerKind.Person || !german || translator.Dictionary is null
                || TextAnalyzer.Tokens(p.Text).Any(w => char.IsUpper(w[0]) && !IsWordOrCompound(TextAnalyzer.Normalize(w), translator)))
            .Select(p => type.Kind == AnswerKind.Person && german && knowledge is not null ? WithoutLeadingRole(WithoutLeadingAgent(p, translator), knowledge) : p)
            // "Carrie Lam, the chief executive of Hong Kong, announced …": a name after "in", "at" or "of" is where or what
            // someone is, not who did it.
            // German likewise after "in", "im", "nach", "aus" ("im Unionsstaat Andhra Pradesh"), not after "von", which also
            // names who did it ("von Kulturminister Josef Ostermayer vorgestellt").
            .Where(p => type.Kind != AnswerKind.Person || !(german ? GermanPlaceBefore() : PlaceOrBodyBefore()).IsMatch(text.AsSpan(0, Math.Clamp(p.Index, 0, text.Length))))
            .Select(p => (p.Text, Distance: anchors.Count == 0 ? 0 : !byName ? byWord.Values.Average(w => w.Min(a => Math.Abs(a - p.Index))) : anchors.Min(a => Math.Abs(a - p.Index)),
                Rank: Rank(type, text, p.Text, p.Index, p.Length, counted, translator, questionTerms)))
            // For "who": when the people index knows whom the article mentions, only one of them ("New Mexico" is no answer).
            .Where(p => people.Count == 0 || NamesPerson(p.Text, people))
            .OrderBy(p => p.Rank)
            .ThenBy(p => p.Distance)
            .Select(p => p.Text)
            .FirstOrDefault();
    }

    /// <summary>
    /// "… despite criticism by the Greek foreign minister …" for "Welcher griechische Minister kritisierte …?": evidence that
    /// names whom the question asks for only by a role names the person the article gives that role ("Greek Foreign Minister
    /// George Katrougalos", as the people index read it), when the role holds a word of the question and is one person's.
    /// Null when the sentence says no such role, or the role is several people's.
    /// </summary>
    private static string? RoleHolder(string sentence, IReadOnlyList<Person> people, string articleId, IReadOnlySet<string> questionTerms, QueryTranslator translator)
    {
        var holders = people
            .Where(p => p.Roles.Any(r => string.Equals(r.ArticleId, articleId, StringComparison.OrdinalIgnoreCase)
                && Regex.IsMatch(sentence, $@"(?<!\w){Regex.Escape(r.Text)}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
                && translator.TextTerms(r.Text, r.Language).Overlaps(questionTerms)))
            .Select(p => p.Name)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return holders.Count == 1 ? holders[0] : null;
    }

    /// <summary>How well a phrase fits the shape of the question (lower is better); phrases of one rank go by nearness.</summary>
    /// <param name="length">The phrase is a length offered to a when-question ("how long will the extension be").</param>
    private static int Rank(QuestionType type, string sentence, string phrase, int index, bool length, HashSet<string>? counted, QueryTranslator translator, IReadOnlySet<string> questionTerms)
    {
        if (type.Bound != Bound.None)
        {
            // "Where were they going?" is answered by where a movement ends ("to Kaluga"), not where it began ("from Smolensk").
            return AnswerTypes.BoundBefore(sentence, index) == type.Bound ? 0 : 1;
        }

        if (type.Kind == AnswerKind.Amount)
        {
            // Of amounts that fit alike, one in a clause about another year than the question's is the comparison, as is the
            // whole a part is taken from or where a change starts.
            // A total ("by Monday a total of 17 had been fired", "insgesamt 15.200") answers before a part of it, though it
            // leaves out the noun it counts ("fired seven flight attendants on the spot").
            var total = AnswerTypes.IsTotal(sentence, index);
            // "67 Profikämpfe, wovon er nur drei verlor" for how many fights he lost: when the clause that takes a part of an
            // amount says what the question asks of it (a question word besides the counted one), the part answers, as a count
            // of what the whole counts, and the whole is what it is taken from.
            var whole = false;
            var clause = counted is null ? null : AnswerTypes.PartitiveClause(sentence, index, phrase, out whole);
            var partAsked = clause is not null && AsksOfPart(clause, counted!, translator, questionTerms);
            var isWhole = partAsked && whole;
            var shape = type.Length ? (AnswerTypes.IsLength(phrase) ? 0 : 1) : type.Often ? (AnswerTypes.IsTimes(phrase) ? 0 : 1)
                : type.Age ? (AnswerTypes.IsStatedAge(sentence, index, phrase) ? 0 : AnswerTypes.IsAgeInYears(phrase) ? 1 : 2)
                : partAsked && !isWhole ? 0
                // "How much … per share?" is answered by "36.50 dlrs a share", not by the deal's total.
                : type.Rate ? (AnswerTypes.IsRate(sentence, index, phrase) ? 0 : 1)
                : counted is not null ? (CountRank(phrase, counted, translator) is var count && total && count == 1 ? 0 : count)
                // "Wie hoch könnte der Schaden … sein?": "in den vergangenen fünf Jahren" says over what time, not how much.
                : AnswerTypes.IsSpanOfTime(phrase) && !type.SpanOfTime ? 1 : 0;
            // "How much did unemployment fall?" is answered by the change, not by the level it fell to.
            var against = AnswerTypes.InOtherYearsClause(sentence, index, phrase, questionTerms) || AnswerTypes.IsBaseAmount(sentence, index, phrase)
                || isWhole || (type.Change && AnswerTypes.IsChangedLevel(sentence, index));
            return 4 * shape + 2 * (against ? 1 : 0) + (total ? 0 : 1);
        }

        // "Wie lange …?" is answered by how far it goes ("bis Mitternacht"), not by where it starts ("ab April"); a length
        // ranks after a duration or an end and before a point in time ("on Wednesday" says when, not how long). "When …?" is
        // answered by a point in time before a duration ("17 years" says how long).
        // A date of another verb's event ("begun on November 15" for "When did it end?") ranks with a duration.
        return length ? 1 : type.Extent ? 2 * AnswerTypes.ExtentRank(sentence, phrase, index)
            : AnswerTypes.IsBareDuration(sentence, phrase, index) ? 1
            : translator.Dictionary is { } dictionary && AnswerTypes.DatesOtherVerb(sentence, index, questionTerms, dictionary.EnglishVerbs.IsPastForm) ? 1 : 0;
    }

    /// <summary>A word of the clause, other than the counted noun, is one of the question's words.</summary>
    private static bool AsksOfPart(string clause, HashSet<string> counted, QueryTranslator translator, IReadOnlySet<string> questionTerms) =>
        TextAnalyzer.Tokens(clause).Any(w => translator.TextTerms(w) is var terms && !terms.Overlaps(counted) && terms.Any(questionTerms.Contains));

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
    /// "in der ukrainischen Hauptstadt Kiew", "im Bundesland Salzburg": a German noun of the dictionary before a place name
    /// says what kind of place it is; the place is the name. Short nouns ("Bad Ischl", "Neu Delhi") may be part of the name.
    /// </summary>
    private static (string Text, int Index, bool Length) WithoutLeadingNoun((string Text, int Index, bool Length) phrase, QueryTranslator translator, WordKnowledge? knowledge)
    {
        var space = phrase.Text.IndexOf(' ', StringComparison.Ordinal);
        if (space < MinKindNoun || translator.Dictionary is null || !IsDictionaryWord(TextAnalyzer.Normalize(phrase.Text[..space]), translator))
        {
            return phrase;
        }

        var rest = (phrase.Text[(space + 1)..], phrase.Index + space + 1, phrase.Length);
        return IsPlaceName(rest.Item1, translator, knowledge) ? rest : phrase;
    }

    /// <summary>
    /// "Frankfurt am Main" is one name, "Sydney am Steuer" a place and where the driver sat: a name joined by "am", "an der"
    /// (or "on", "upon", "de", "del") goes on only into another name, not into a noun the dictionary lists as a common word.
    /// </summary>
    private static (string Text, int Index, bool Length) WithoutConnectedNoun((string Text, int Index, bool Length) phrase, WordKnowledge? knowledge)
    {
        if (knowledge is null || Connector().Match(phrase.Text) is not { Success: true } connector || !knowledge.IsGermanCommonWord(connector.Groups["next"].Value))
        {
            return phrase;
        }

        return (phrase.Text[..connector.Index], phrase.Index, phrase.Length);
    }

    /// <summary>The lower-case words that join the parts of a place name (as the place pattern allows them), and the word after.</summary>
    [GeneratedRegex(@"\s+(?:am|an der|upon|on|de|del)\s+(?<next>\p{Lu}[\w'-]*)")]
    private static partial Regex Connector();

    private const int MinKindNoun = 6;

    /// <summary>What makes a name after it where or what someone is: "chief executive of", "in", "at the".</summary>
    [GeneratedRegex(@"\b(?:[Oo]f|[Ii]n|[Aa]t|[Nn]ear|[Ff]rom)\s+(?:the\s+)?$")]
    private static partial Regex PlaceOrBodyBefore();

    /// <summary>What makes a German name after it where someone or something is: "im", "in der", "aus dem südindischen".</summary>
    [GeneratedRegex(@"\b(?:[Ii]n|[Ii]m|[Ii]ns|[Nn]ach|[Aa]us)\s+(?:(?:der|dem|den|die|das|des)\s+)?(?:\p{Ll}+\s+){0,2}$")]
    private static partial Regex GermanPlaceBefore();

    /// <summary>
    /// "der Montagabend von Kulturminister Josef Ostermayer vorgestellt wurde": a noun of the dictionary (or a compound of
    /// its words) before "von" is what the person did something to or when, not part of the name ("Ursula von der Leyen").
    /// </summary>
    private static (string Text, int Index, bool Length) WithoutLeadingAgent((string Text, int Index, bool Length) phrase, QueryTranslator translator)
    {
        var space = phrase.Text.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || translator.Dictionary is null || !phrase.Text.AsSpan(space).StartsWith(" von ", StringComparison.Ordinal)
            || !IsWordOrCompound(TextAnalyzer.Normalize(phrase.Text[..space]), translator))
        {
            return phrase;
        }

        var start = space + " von ".Length;
        return (phrase.Text[start..], phrase.Index + start, phrase.Length);
    }

    /// <summary>
    /// "den Spanier Pablo Larrazabal", "Personalchef Xavier Broseta": German puts a person's role or nationality before the
    /// name without a comma; the person asked for is the name. A role alone ("Trainer") is left as it is.
    /// </summary>
    private static (string Text, int Index, bool Length) WithoutLeadingRole((string Text, int Index, bool Length) phrase, WordKnowledge knowledge)
    {
        var start = 0;
        while (phrase.Text.IndexOf(' ', start) is var space and > 0 && space + 1 < phrase.Text.Length && char.IsUpper(phrase.Text[space + 1])
            && knowledge.TryGermanPersonNoun(phrase.Text[start..space], out _, out _, out _))
        {
            start = space + 1;
        }

        return start == 0 ? phrase : (phrase.Text[start..], phrase.Index + start, phrase.Length);
    }

    /// <summary>
    /// German capitalises nouns too ("nach dem Start", "im Gesamtplan"): a place is a word the exonym table knows, or one
    /// the dictionary does not list as a German word and that is no compound of known words. With the dictionary's word
    /// knowledge, which tells its names ("Sydney (Stadt in Australien)") from its common words, a place is a phrase with any
    /// word that is no common word nor a compound of words: "Port Stephens" ("Port" is a German noun too), "Sydney".
    /// </summary>
    private static bool IsPlaceName(string phrase, QueryTranslator translator, WordKnowledge? knowledge)
    {
        var words = phrase.Split(' ', '-', StringSplitOptions.RemoveEmptyEntries);
        var first = TextAnalyzer.Normalize(words[0]);
        if (TextAnalyzer.ExonymOf(first) is not null)
        {
            return true;
        }

        // Without the dictionary a German noun cannot be told from a name: only the exonym table's places count then.
        if (translator.Dictionary is null)
        {
            return false;
        }

        return knowledge is null
            ? !IsWordOrCompound(first, translator)
            : words.Any(w => char.IsUpper(w[0]) && !knowledge.IsGermanCommonWord(w) && translator.Splitter?.Split(TextAnalyzer.Normalize(w)) is not { Count: > 1 });
    }

    /// <summary>A German word the dictionary lists, or a compound of its words ("Forschungsstandort"): a common noun, no name.</summary>
    private static bool IsWordOrCompound(string normal, QueryTranslator translator) =>
        IsDictionaryWord(normal, translator) || translator.Splitter?.Split(normal) is { Count: > 1 };

    /// <summary>
    /// What an amount question names as measured after its question word ("What magnitude …", "At what price …", "Welchen
    /// Anteil …"), as the terms of both languages; empty when it counts or measures without naming it ("How many …").
    /// </summary>
    private static HashSet<string> MeasureAsked(string question)
    {
        var measure = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cue in AnswerTypes.AmountCueWords(question).Where(c => MeasureCue().IsMatch(c)))
        {
            var noun = cue.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
            foreach (var language in new[] { Language.English, Language.German })
            {
                if (TextAnalyzer.Term(noun, language) is { } term)
                {
                    measure.Add(term);
                }
            }
        }

        return measure;
    }

    [GeneratedRegex(@"^(?:at\s+)?(?:what|which|welche[nrms]?)\s+\p{L}+$")]
    private static partial Regex MeasureCue();
}
