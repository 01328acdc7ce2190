using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>What kind of answer a question asks for.</summary>
public enum AnswerKind
{
    /// <summary>No particular kind ("what …", "was …").</summary>
    Other,

    /// <summary>who / whom / wer / wen / wem: a person or a role.</summary>
    Person,

    /// <summary>when / how long / wann / seit wann: a date, time or duration.</summary>
    Time,

    /// <summary>where / wo / wohin / woher: a place.</summary>
    Place,

    /// <summary>how much / how many / how old / wie viel / was kostet: a number with its unit.</summary>
    Amount,

    /// <summary>why / how / warum / wieso / woran: a cause, purpose or manner.</summary>
    Reason,

    /// <summary>what did X say / was sagte X: a quotation.</summary>
    Quote,

    /// <summary>who is X / wer ist X: the sentence that states X's role.</summary>
    Identity,

    /// <summary>A question answered by yes or no ("Is …", "Hat …").</summary>
    YesNo,
}

/// <summary>Which end of a movement a where-question asks for.</summary>
/// <summary>The calendar unit a which-question asks a time in: "In welchem Jahr …" a year, "On what date …" a day.</summary>
public enum CalendarUnit
{
    None,
    Year,
    Day,
}

public enum Bound
{
    None,
    To,
    From,
}

/// <summary>A question's answer kind and, for "who is X", the X.</summary>
public sealed record QuestionType(AnswerKind Kind, string? Subject = null)
{
    /// <summary>"Wie lange …", "how long …": an extent (a duration, or how far it goes: "bis Mitternacht"), not a start ("ab April").</summary>
    public bool Extent { get; init; }

    /// <summary>
    /// "How long …", "wie lang(e) …", "how far …", "wie weit …": a length answers it ("a 3.2-kilometre extension"); of an
    /// event, "how long" asks for a duration first.
    /// </summary>
    public bool Length { get; init; }

    /// <summary>
    /// "Wann …", "When …", "In which year …": the question opens by asking for a point in time, which news text gives as a
    /// date, a weekday, a month or a year ("Who was the leader when …" asks for a person; "wie lange" for an extent).
    /// </summary>
    public bool PointInTime { get; init; }

    /// <summary>
    /// "Seit wann …", "When did …", "Wann wurde …": the question asks when something began or happened, which no year after
    /// the article was written answers ("2028" of a planned mission is no answer to since when a planet is known).
    /// </summary>
    public bool Past { get; init; }

    /// <summary>"Wohin …", "where … going": the place reached ("to Kaluga"); "woher", "where … from": the place left.</summary>
    public Bound Bound { get; init; }

    /// <summary>"In what country …", "Welche Nation …", "welches Land …": a country answers it, named anywhere in the sentence.</summary>
    public bool Country { get; init; }

    /// <summary>For a <see cref="Country"/> question: the terms, in both languages, that name a country (<see cref="Countries"/>); null until the engine sets them.</summary>
    public IReadOnlySet<string>? CountryTerms { get; init; }

    /// <summary>
    /// "In which town …", "In welcher Stadt …", "Auf welcher Insel …": the question names a kind of place inside a country,
    /// which a country's name ("eine Premiere in der Schweiz") does not answer.
    /// </summary>
    public bool WithinCountry { get; init; }

    /// <summary>For a <see cref="WithinCountry"/> question: the terms that name a country (<see cref="Countries"/>); null until the engine sets them.</summary>
    public IReadOnlySet<string>? NotAnsweringTerms { get; init; }

    /// <summary>Whether a place phrase may answer: for a <see cref="WithinCountry"/> question, not a country's name alone.</summary>
    public bool AnswersAsPlace(string phrase) =>
        NotAnsweringTerms is null || TextAnalyzer.Tokens(phrase).ToList() is not [var word] || TextAnalyzer.Term(word) is not { } term || !NotAnsweringTerms.Contains(term);

    /// <summary>For a <see cref="Count"/> question: the terms, in both languages, of what it counts; null until the engine sets them.</summary>
    public IReadOnlySet<string>? CountedTerms { get; init; }

    /// <summary>"How did … vote?": how it went, not why; a cause clause does not answer it.</summary>
    public bool Manner { get; init; }

    /// <summary>
    /// "Was kostet …", "how much did … pay", or a question that names a currency ("… damage … in dollars"): an amount of
    /// money, not any number ("tram line 15").
    /// </summary>
    public bool Money { get; init; }

    /// <summary>"Wie viele …", "how many …": a count of things, never a sum of money ("48 million euros" for "how many residents").</summary>
    public bool Count { get; init; }

    /// <summary>"What percentage …", "what share of …", "wie viel Prozent …", "welcher Anteil …": a percentage answers it.</summary>
    public bool Share { get; init; }

    /// <summary>"How often …", "wie oft …": a number of times ("25 separate times", "drei Mal") or the interval between them ("four years").</summary>
    public bool Often { get; init; }

    /// <summary>"How old …", "wie alt …", "at what age …": an age ("83", "sixteen-year-old", "95 Jahre"), not any number.</summary>
    public bool Age { get; init; }

    /// <summary>"How much … per share?", "Wie viel … pro Kopf?": an amount for each one ("36.50 dlrs a share") before a total.</summary>
    public bool Rate { get; init; }

    /// <summary>"How heavy …", "wie schwer …", "how much does … weigh": a weight answers it ("470 Gramm"), not a price or a year.</summary>
    public bool Weight { get; init; }

    /// <summary>"How much did unemployment fall …?", "Um wie viel stieg …?": the change ("44,100"), not the level it reached ("to 3.07 mln").</summary>
    public bool Change { get; init; }

    /// <summary>"Wie viel Zeit …", "how many hours …": the amount asked is a span of time, which otherwise answers no how-much question.</summary>
    public bool SpanOfTime { get; init; }

    public CalendarUnit Unit { get; init; }

    /// <summary>
    /// Whether an answer phrase of the question's kind is the amount it asks for: money for cost, a count for how many, a
    /// percentage for a share, an age for how old.
    /// </summary>
    public bool Fits(string phrase) => Kind != AnswerKind.Amount
        || (Share ? AnswerTypes.IsPercentage(phrase) : Often ? AnswerTypes.IsFrequency(phrase) : Age ? AnswerTypes.IsAge(phrase)
            : Length ? AnswerTypes.IsLength(phrase)
            : Weight ? AnswerTypes.IsWeight(phrase)
            // A count is no sum, and no share (but see FitsAt).
            : Count ? !Currencies.Names(phrase) && !AnswerTypes.IsPercentage(phrase)
            : !Money || Currencies.Names(phrase));

    /// <summary>
    /// <see cref="Fits(string)"/> for the phrase where it stands: an age given as a number alone must read as one there
    /// ("Richter (83)", "aged 41", "He turned 95", "im Alter von 95"), not "tram line 15". A share of what a how-many
    /// question counts answers it ("64 Prozent der Pensionisten"); a share of something else does not ("about 34% of votes"
    /// for how many delegates).
    /// </summary>
    public bool FitsAt(string sentence, string phrase, int index) =>
        (Fits(phrase) || (Count && AnswerTypes.IsPercentage(phrase) && !Currencies.Names(phrase) && AnswerTypes.IsShareOf(sentence, index + phrase.Length, CountedTerms)))
        && (!Age || AnswerTypes.IsAgeInYears(phrase) || AnswerTypes.ReadsAsAge(sentence, index, phrase));
}

/// <summary>
/// Classifies questions by the kind of answer they ask for, in German and English, and finds answers of that kind in a
/// sentence: a person's name, a date or time expression, a place, a number with its unit, a cause or purpose clause, a quotation.
/// The rules follow from each language's question words and the forms answers take in news text.
/// </summary>
public static partial class AnswerTypes
{
    /// <param name="knowledge">
    /// The dictionary's word knowledge, when there is one: "What actor …", "Welcher deutsche Herrscher …" ask for a person
    /// because the noun after the question word names what a person is or does, in either language.
    /// </param>
    public static QuestionType Classify(string question, WordKnowledge? knowledge = null)
    {
        var q = question.Trim().TrimEnd('?', '!', '.', ' ').Trim();
        // "Prior to Manning, who was the oldest quarterback …?", "Nach dem Spiel, wer …?": a phrase set before the question
        // word says when or of what the question asks; the question word after it says what.
        if (LeadingPhrase().Match(q) is { Success: true } lead)
        {
            q = lead.Groups["q"].Value;
        }

        if (IdentityQuestion().Match(q) is { Success: true } identity && LooksLikeName(identity.Groups["x"].Value))
        {
            return new QuestionType(AnswerKind.Identity, identity.Groups["x"].Value.Trim());
        }

        var lower = q.ToLowerInvariant();
        // "When did Thatcher write to Nakasone?" asks for a date, not for what she wrote: a question that opens with when or
        // how much/many asks for that, whatever verb follows.
        if (QuoteQuestion().IsMatch(lower) && !OpensWithTimeOrAmount().IsMatch(lower))
        {
            return new QuestionType(AnswerKind.Quote);
        }

        if (AmountQuestion().IsMatch(lower))
        {
            // "How many days did the crew spend …" counts days, though "spend" is a money word; "how many euros …" counts money.
            // "What share of …", "wie viel Prozent …": a percentage, which counts nothing ("59 Prozent", not "2015").
            var share = ShareQuestion().IsMatch(lower);
            // "Wie viele demonstrierten …?" counts people though it names no noun: a how-many question counts unless it counts money.
            var count = !share && AsksHowMany(q) && (CountedNoun(q) is not { } counted || !Currencies.Names(counted));
            var often = OftenQuestion().IsMatch(lower);
            var age = AgeQuestion().IsMatch(lower);
            return new QuestionType(AnswerKind.Amount) { Count = count && !often && !age, Share = share, Often = often, Age = age, Money = !count && !share && !age && (MoneyQuestion().IsMatch(lower) || Currencies.Names(q)), Length = LongQuestion().IsMatch(lower) || MeasureQuestion().IsMatch(lower), Weight = WeightQuestion().IsMatch(lower), Rate = RateQuestion().IsMatch(lower), Change = ChangeQuestion().IsMatch(lower), SpanOfTime = TimeWordQuestion().IsMatch(lower) };
        }

        // "What satellite was used when Sky Digital was launched?", "Who was the leader when the Franks entered …": a "when"
        // after another question word opens a clause that says at which time the question asks; the question asks what its
        // first word asks (German says "als" there, and keeps "wann" for asking when). "How and when did …" asks both, and
        // "What was the time on the clock when …" asks a time by its noun. A question that opens with its verb ("Was anybody
        // hurt when the bus struck the bridge?") asks yes or no, and its "when" opens such a clause too.
        if (TimeQuestion().Matches(lower).Any(m => m.Value != "when" || m.Index == 0 || !(OpensWithOtherQuestion().IsMatch(lower) || YesNoQuestion().IsMatch(lower)) || AsksWhenToo().IsMatch(lower)))
        {
            var extent = ExtentQuestion().IsMatch(lower);
            var length = LongQuestion().IsMatch(lower);
            var unit = YearAsked().IsMatch(lower) ? CalendarUnit.Year : DayAsked().IsMatch(lower) ? CalendarUnit.Day : CalendarUnit.None;
            return new QuestionType(AnswerKind.Time) { Extent = extent, Length = length, PointInTime = !extent && !length && OpensWithTime().IsMatch(lower), Past = PastQuestion().IsMatch(lower), Unit = unit };
        }

        if (CountryQuestion().IsMatch(lower))
        {
            return new QuestionType(AnswerKind.Place) { Country = true };
        }

        string? kind = null;
        var place = PlaceQuestion().Match(lower);
        if (place.Success || (knowledge is not null && AsksForPlaceKind(q, knowledge, out kind)))
        {
            kind = place.Groups["kind"].Success ? place.Groups["kind"].Value : kind;
            return new QuestionType(AnswerKind.Place)
            {
                Bound = DestinationQuestion().IsMatch(lower) ? Bound.To : OriginQuestion().IsMatch(lower) ? Bound.From : Bound.None,
                WithinCountry = kind is not null && !CountryKind().IsMatch(kind),
            };
        }

        if (ReasonQuestion().IsMatch(lower))
        {
            return new QuestionType(AnswerKind.Reason) { Manner = MannerQuestion().IsMatch(lower) };
        }

        if (PersonQuestion().IsMatch(lower) || (knowledge is not null && AsksForPersonNoun(q, knowledge)))
        {
            return new QuestionType(AnswerKind.Person);
        }

        return YesNoQuestion().IsMatch(lower) ? new QuestionType(AnswerKind.YesNo) : new QuestionType(AnswerKind.Other);
    }

    /// <summary>
    /// "What actor …", "Which researcher …", "Welcher deutsche Herrscher …", "Welcher Panther-Verteidiger …": one of the
    /// (up to three) words after "what"/"which"/"welche…" is a person noun of the dictionary, before any verb or stop word.
    /// </summary>
    private static bool AsksForPersonNoun(string question, WordKnowledge knowledge)
    {
        if (WhichNoun().Match(question) is not { Success: true } match)
        {
            return false;
        }

        foreach (var word in match.Groups["w"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3))
        {
            if (TextAnalyzer.IsStopWord(word))
            {
                return false;
            }

            if (char.IsUpper(word[0]) ? knowledge.TryGermanPersonNoun(word, out _, out _, out _) || knowledge.IsEnglishPersonNoun(word.ToLowerInvariant())
                : knowledge.IsEnglishPersonNoun(word) || (word.EndsWith('s') && knowledge.IsEnglishPersonNoun(word[..^1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "In which Polish town …", "Near which island did …", "Auf welcher Insel wurde …", "In welcher Hafenstadt …": after a
    /// locative preposition, the noun phrase after "which"/"welche…" ends in a kind of place the dictionary glosses names
    /// with. The noun ends the phrase:
    /// an English one before a stop word or the end ("Which state agency …" asks for an agency), a German one before a
    /// lower-case word (the verb); a German compound may end in the kind ("Hafenstadt"), an English plural count it ("towns").
    /// </summary>
    private static bool AsksForPlaceKind(string question, WordKnowledge knowledge, out string? kind)
    {
        kind = null;
        if (!LocativeWhich().IsMatch(question) || WhichNoun().Match(question) is not { Success: true } match)
        {
            return false;
        }

        var words = match.Groups["w"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (TextAnalyzer.IsStopWord(word))
            {
                return false;
            }

            var german = char.IsUpper(word[0]);
            var ends = i + 1 == words.Length || (german ? char.IsLower(words[i + 1][0]) : TextAnalyzer.IsStopWord(words[i + 1]));
            if (ends && (german ? IsGermanPlaceKind(word, knowledge) : IsEnglishPlaceKind(word, knowledge)))
            {
                kind = word.ToLowerInvariant();
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// "In which town …", "Near which island …", "Auf welcher Insel …": a locative preposition before the which-phrase asks
    /// where, as "wo"/"where" does. Without one the question asks which place it is by name ("Which town was granted to
    /// the Huguenots?" is answered by "Manakin Town", named anywhere in its sentence).
    /// </summary>
    [GeneratedRegex(@"^(?:in|im|at|on|near|from|between|into|to|auf|an|am|bei|aus|nach|zu|zwischen)\s+(?:which|what|welche[mnrs]?)\s", RegexOptions.IgnoreCase)]
    private static partial Regex LocativeWhich();

    private static bool IsEnglishPlaceKind(string word, WordKnowledge knowledge) =>
        knowledge.IsPlaceKind(word) || (word.EndsWith('s') && knowledge.IsPlaceKind(word[..^1]))
        || (word.EndsWith("ies", StringComparison.Ordinal) && knowledge.IsPlaceKind(word[..^3] + "y"));

    /// <summary>The word is a kind of place, or a compound ending in one of at least <see cref="MinKindTail"/> letters.</summary>
    private static bool IsGermanPlaceKind(string word, WordKnowledge knowledge)
    {
        if (knowledge.IsPlaceKind(word))
        {
            return true;
        }

        for (var start = MinKindHead; start <= word.Length - MinKindTail; start++)
        {
            if (knowledge.IsPlaceKind(word[start..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Ort" ends "Sport" and "Antwort": a compound's head and a kind ending it are longer than that.</summary>
    private const int MinKindHead = 3;

    private const int MinKindTail = 4;

    /// <summary>The noun a which-question asks to identify ("Which neighborhood …" → "neighborhood"); null when none follows.</summary>
    public static string? FocusNoun(string question) =>
        WhichNoun().Match(question) is { Success: true } match && match.Groups["w"].Value.Split(' ')[0] is { Length: > 2 } word
        && !TextAnalyzer.IsStopWord(word) ? word : null;

    [GeneratedRegex(@"^(?:\p{L}+\s+)?(?:what|which|welche[rnms]?)\s+(?<w>[\p{L}-]+(?:\s+[\p{L}-]+){0,2})", RegexOptions.IgnoreCase)]
    private static partial Regex WhichNoun();

    /// <summary>A name: one to four words, each capitalised (particles such as "van", "de", "al" allowed), no article first.</summary>
    private static bool LooksLikeName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 4
            && char.IsUpper(words[0][0])
            && words.All(w => char.IsUpper(w[0]) || w is "van" or "von" or "de" or "der" or "al" or "bin" or "la" or "le" || w.StartsWith("al-", StringComparison.Ordinal))
            && !TextAnalyzer.IsStopWord(words[0]);
    }

    /// <summary>
    /// The sentence speaks of someone it does not name, by an indefinite article and a person noun ("Ein Chemiker wurde …
    /// verurteilt", "a nurse found …"): where an article names no one, that is who did it.
    /// </summary>
    public static bool NamesSomeoneUnnamed(string sentence, WordKnowledge knowledge, bool german)
    {
        foreach (Match match in (german ? GermanIndefinitePerson() : EnglishIndefinitePerson()).Matches(sentence))
        {
            var noun = match.Groups["n"].Value;
            if (german ? knowledge.TryGermanPersonNoun(noun, out _, out _, out _) : knowledge.IsEnglishPersonNoun(noun.ToLowerInvariant()))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b(?:[Ee]in|[Ee]ine)\s+(?:\p{Ll}+(?:e[mnrs]?)\s+){0,2}(?<n>\p{Lu}\p{Ll}+)\b")]
    private static partial Regex GermanIndefinitePerson();

    [GeneratedRegex(@"\b[Aa]n?\s+(?<n>\p{Ll}+)\b")]
    private static partial Regex EnglishIndefinitePerson();

    /// <summary>
    /// Whether the sentence holds an answer of the kind, one the question does not already contain
    /// (<paramref name="questionTerms"/>: the question's index terms). "Where … headed", "wohin" are held only by a place a
    /// movement goes to ("flying to Gillespie Field", "nach Kaluga", "to a hospital in Auckland"), not by where it started or
    /// happened ("crashed … near Las Vegas"); "woher", "where … from" only by where it started ("were from Marksville", not
    /// "near Gainesville"); <paramref name="german"/>: the sentence is German, which has no English destinations.
    /// </summary>
    /// <param name="written">The year the sentence's article was written, 0 when unknown: a later year answers no <see cref="QuestionType.Past"/> question.</param>
    public static bool Holds(string sentence, QuestionType type, IReadOnlySet<string> questionTerms, bool german = false, int written = 0) => type.Kind switch
    {
        // A share may be given as a fraction in words ("über die Hälfte", "a third of").
        AnswerKind.Amount => Phrases(sentence, AnswerKind.Amount, questionTerms).Any(p => type.FitsAt(sentence, p.Text, p.Index)) || (type.Share && Fraction().IsMatch(sentence)),
        // "How long …?" is held by a duration or an end ("nach 637 Tagen Haft", "bis Mitternacht") or a length, not by a
        // point in time ("am 2. Mai 2014"), as its short answer is chosen.
        // "In welchem Jahr …?" is held by a year, "On what date …?" by a day ("bis heute" holds neither).
        AnswerKind.Time => Phrases(sentence, AnswerKind.Time, questionTerms).Any(p => !IsPointForHowLong(type, sentence, p.Text, p.Index) && !IsAfterWritten(type, p.Text, written) && InUnit(p.Text, type.Unit) && !IsUntilForPoint(type, p.Text))
            || (type.Length && Phrases(sentence, AnswerKind.Amount, questionTerms).Any(p => IsLength(p.Text))),
        AnswerKind.Place when type.CountryTerms is { } countries => CountriesIn(sentence, countries, questionTerms).Any(),
        AnswerKind.Place => Phrases(sentence, AnswerKind.Place, questionTerms).Any(p => (type.Bound == Bound.None || BoundBefore(sentence, p.Index) == type.Bound) && type.AnswersAsPlace(p.Text))
            || (type.Bound == Bound.To && !german && Destinations(sentence, questionTerms).Any()),
        AnswerKind.Person => Phrases(sentence, AnswerKind.Person, questionTerms).Any(),
        // "How did the legislature vote?" asks how it went, not why: a cause clause ("… as a reason for …") is no answer to it.
        AnswerKind.Reason => !type.Manner && Cause().IsMatch(sentence),
        AnswerKind.Quote => QuotesSpeech(sentence) || Reported().IsMatch(sentence) || Attributed(sentence, questionTerms),
        AnswerKind.Identity => type.Subject is { } subject && StatesRole(sentence, subject),
        _ => false,
    };

    /// <summary>
    /// The countries the sentence names, wherever it names them ("contained within Brazil", "mit 60% in Brasilien"), that
    /// the question does not: capitalised words whose term is one of <paramref name="countries"/>. An adjective in -isch or
    /// -ish names a language or people, not the country it stems to ("Niederländisch", "Spanish").
    /// </summary>
    public static IEnumerable<(string Text, int Index)> CountriesIn(string sentence, IReadOnlySet<string> countries, IReadOnlySet<string> questionTerms)
    {
        var at = 0;
        foreach (var token in TextAnalyzer.Tokens(sentence))
        {
            at = sentence.IndexOf(token, at, StringComparison.Ordinal);
            if (char.IsUpper(token[0]) && !LanguageAdjective().IsMatch(token) && TextAnalyzer.Term(token) is { } term && countries.Contains(term) && !questionTerms.Contains(term))
            {
                yield return (token, at);
            }

            at += token.Length;
        }
    }

    /// <summary>
    /// Answer phrases of the kind in the sentence, in order of appearance, leaving out those the question already names:
    /// "innerhalb von 24 Stunden", "72 Mrd. Dollar", "am 14. Juli", "Riad", "Hans Van Bylen".
    /// </summary>
    /// <param name="knowledge">
    /// The dictionary's word knowledge, to tell a person's title from their name ("French President Emmanuel Macron" is
    /// "Emmanuel Macron"); null keeps titles the question does not name.
    /// </param>
    /// <param name="german">The sentence is German (its ordinary words are German ones).</param>
    public static IEnumerable<(string Text, int Index)> Phrases(string sentence, AnswerKind kind, IReadOnlySet<string> questionTerms, WordKnowledge? knowledge = null, bool german = false)
    {
        var pattern = kind switch
        {
            AnswerKind.Amount => AmountPhrase(),
            AnswerKind.Time => TimePhrase(),
            AnswerKind.Place => PlacePhrase(),
            AnswerKind.Person => PersonPhrase(),
            _ => null,
        };
        if (pattern is null)
        {
            yield break;
        }

        Match? next = null;
        for (var match = pattern.Match(sentence); match.Success; match = next ?? match.NextMatch())
        {
            next = null;
            var group = match.Groups["p"].Success ? match.Groups["p"] : (Group)match;
            var text = group.Value.Trim().TrimEnd(',', ';', ':');
            var index = group.Index;
            if (kind == AnswerKind.Person)
            {
                // "Mayor Helena Duarte" for "Who is the mayor …?": the title the question shares leads the name, it is not part of it.
                (text, index) = WithoutTitle(text, index, questionTerms, knowledge, german);
            }
            else if (kind == AnswerKind.Amount && CurrencyBefore(sentence, index) is { } start)
            {
                // "CHF 20 Millionen", "¥500 million": the currency written before the number is part of the amount.
                text = sentence[start..index] + text;
                index = start;
            }

            // "died Tuesday at age 65 following …": after "aged", "at age", "im Alter von" the number is an age, and the words
            // after it are not its unit (unless they are years: "im Alter von 95 Jahren").
            if (kind == AnswerKind.Amount && AgeWordsBefore().IsMatch(sentence.AsSpan(0, index)) && !AgeForm().IsMatch(text)
                && Number().Match(text) is { Success: true, Index: 0 } age && age.Length < text.Length)
            {
                text = age.Value;
            }

            // A year is no amount: "die Dürre von 2005" dates the drought, it counts nothing; what follows it may ("von 2010 drei Gebiete").
            if (kind == AnswerKind.Amount && IsYear(sentence, index, text))
            {
                var after = Math.Min(index + YearLength, sentence.Length);
                next = pattern.Match(sentence, after + SecondYearAfter().Match(sentence, after).Length);
                continue;
            }

            // An ordinal is no amount: "am 1. Juli", "die 3. Liga" (a number, a full stop and the sentence goes on); nor is a
            // day of the month ("on September 20", "20 September").
            if (kind == AnswerKind.Amount && (IsOrdinal(sentence, index, text) || IsDayOfMonth(sentence, index, text)))
            {
                continue;
            }

            // "May he rest in peace", "May God protect …": a "May" that opens its clause with no day or year after it wishes;
            // the month named alone follows a word ("in May", "last May", "since May").
            if (kind == AnswerKind.Time && text == "May" && ClauseOpening().IsMatch(sentence.AsSpan(0, index)))
            {
                continue;
            }

            // An age is no time: "Klitschkos Gegner ist 27 Jahre alt" says how old, not when.
            if (kind == AnswerKind.Time && OldAfter().IsMatch(sentence.AsSpan(Math.Min(index + text.Length, sentence.Length))))
            {
                continue;
            }

            if (kind == AnswerKind.Person && knowledge is not null && NameAfterQuestionWords(text, index, questionTerms, knowledge) is { } tail)
            {
                (text, index) = tail;
            }

            var terms = TextAnalyzer.Terms(text);
            // An amount is its number: "four Pro Bowl selections" answers "How many … for the Pro Bowl?" though its unit is the question's.
            var number = kind is AnswerKind.Amount or AnswerKind.Time ? Number().Match(text) : Match.Empty;
            // The question's own words are not its answer ("How old was Manning" is not answered by "Manning").
            // A name that shares a word with the question is the question's own person ("Kasper Rorsted" for "Rorsted").
            if (text.Length == 0 || (terms.Count > 0 && (kind == AnswerKind.Person ? terms.Any(questionTerms.Contains) : !(kind == AnswerKind.Amount && number.Success) && terms.All(questionTerms.Contains))))
            {
                continue;
            }

            // "aus dem nordnorwegischen Örtchen Kirkenes" for "Where do the police take the refugees arriving in Kirkenes?": a
            // place that ends in the question's own place is that place, the words before it saying what kind of place it is.
            if (kind == AnswerKind.Place && text.Contains(' ', StringComparison.Ordinal)
                && TextAnalyzer.Terms(text[(text.LastIndexOf(' ') + 1)..]) is { Count: > 0 } last && last.All(questionTerms.Contains))
            {
                continue;
            }

            // A number written into a name is no amount: "3D-Drucker", "5G", "32C3", "G20", "Airbus A380" (a capital letter
            // right after it, or any letter right before it; a unit written on is lower case: "10km", "5bn").
            if (kind == AnswerKind.Amount && number.Success && InName(sentence, index + number.Index, number.Length))
            {
                continue;
            }

            // Nor is the number it names: "Wie viele Gebiete … durch die Dürre 2010?" is not answered by "2010" (but
            // "2,000" answers "… im 2. Jahrhundert?").
            if (number.Success && TextAnalyzer.Term(number.Value.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal)) is { } term && questionTerms.Contains(term))
            {
                continue;
            }

            if (kind == AnswerKind.Person && TextAnalyzer.IsStopWord(text.Split(' ')[0]))
            {
                // "Der Konsumgüterkonzern": an article and a noun, not a name.
                continue;
            }

            if (kind == AnswerKind.Person && (match.Index == 0 || IsRoleOrStopWord(text)))
            {
                // A sentence's first word is capitalised anyway: only a name of two words or more counts there.
                if (text.Split(' ').Length < 2 || IsRoleOrStopWord(text))
                {
                    continue;
                }
            }

            yield return (text, index);
        }
    }

    /// <summary>
    /// "die Ottawa Senators Guy Boucher": a run of capitalised words that holds the question's words ("Senators") and then a
    /// given name and a surname (no dictionary word) is the question's team or title followed by the person; the person is
    /// the answer. Null otherwise ("Facebook Ireland Limited" for "Who sued Facebook?" stays the question's own).
    /// </summary>
    private static (string Text, int Index)? NameAfterQuestionWords(string text, int index, IReadOnlySet<string> questionTerms, WordKnowledge knowledge)
    {
        var words = text.Split(' ');
        var last = Array.FindLastIndex(words, w => TextAnalyzer.Terms(w).Any(questionTerms.Contains));
        if (last < 0 || last + 2 >= words.Length || !GivenNames.Contains(words[last + 1])
            || words.Skip(last + 2).Any(w => knowledge.IsEnglishCommonWord(w) || knowledge.IsGermanCommonWord(w)))
        {
            return null;
        }

        var start = words.Take(last + 1).Sum(w => w.Length + 1);
        return (text[start..], index + start);
    }

    private static bool InName(string sentence, int at, int length) =>
        (at > 0 && char.IsLetter(sentence[at - 1])) || (at + length < sentence.Length && char.IsUpper(sentence[at + length]));

    /// <summary>
    /// An amount phrase that is a year: a four-digit number from 1000 to 2099 without a thousands separator (both languages
    /// write a count of thousands with one: "2.000", "2,000"), after a preposition, an article, the word year or a month
    /// ("von 2005", "in 1700", "the 2005 drought", "im Jahr 2010", "31 August 2009") or a name ("die WM 2017"); or, whatever
    /// comes before it, the first year of a season or business year ("(AWB) 1986/87 export program", "die Saison 2015/16").
    /// </summary>
    internal static bool IsYear(string sentence, int index, string phrase) =>
        YearNumber().IsMatch(phrase)
        && (BeforeYear().IsMatch(sentence.AsSpan(0, Math.Clamp(index, 0, sentence.Length)))
            || (phrase.Length == YearLength && SecondYearAfter().IsMatch(sentence.AsSpan(Math.Min(index + YearLength, sentence.Length)))));

    /// <summary>"/87", "/2016": the year a season or business year ends in, written after the one it begins in.</summary>
    [GeneratedRegex(@"\G/(?:\d\d|(?:1\d|20)\d\d)\b")]
    private static partial Regex SecondYearAfter();

    [GeneratedRegex(@"^(?:1\d|20)\d\d(?![\d.,]\d)")]
    private static partial Regex YearNumber();

    /// <summary>A day of the month: one or two digits right after a month's name or right before one ("September 20", "20 September").</summary>
    internal static bool IsDayOfMonth(string sentence, int index, string phrase)
    {
        var digits = phrase.TakeWhile(char.IsAsciiDigit).Count();
        return digits is 1 or 2
            && (MonthBefore().IsMatch(sentence.AsSpan(0, Math.Clamp(index, 0, sentence.Length)))
                || MonthAfter().IsMatch(sentence.AsSpan(Math.Min(index + digits, sentence.Length))));
    }

    [GeneratedRegex(@"\b(?:" + MonthName + @")\s+$")]
    private static partial Regex MonthBefore();

    [GeneratedRegex(@"^(?:st|nd|rd|th)?\s+(?:" + MonthName + @")\b")]
    private static partial Regex MonthAfter();

    /// <summary>
    /// A number written as an ordinal: its digits alone, then a full stop, and the sentence goes on ("am 1. Juli", "zum
    /// 100. Geburtstag"). A sentence ends after its last word, so a full stop inside one follows an ordinal or an abbreviation.
    /// In English the ordinal's suffix follows the digits ("3rd-and-9", "the 21st century").
    /// </summary>
    internal static bool IsOrdinal(string sentence, int index, string phrase)
    {
        var end = index + phrase.Length;
        return phrase.Length > 0 && phrase.All(char.IsAsciiDigit)
            && ((phrase.Length <= 3 && end + 2 < sentence.Length && sentence[end] == '.' && sentence[end + 1] == ' ' && char.IsLetterOrDigit(sentence[end + 2]))
                || OrdinalSuffix().IsMatch(sentence.AsSpan(end)));
    }

    [GeneratedRegex(@"^(?:st|nd|rd|th)(?!\p{L})")]
    private static partial Regex OrdinalSuffix();

    /// <summary>
    /// An amount the sentence measures another against: the whole a part is taken from ("von den 1.100 … gemeldeten …
    /// weniger als 700", "two of the three"), where a change starts ("von 9,1 auf 9,5 Prozent", "from 61 to 69") or what it
    /// is compared with ("compared with a 114,712 dlr loss"). The part, the new value or the figure itself answers first.
    /// </summary>
    public static bool IsBaseAmount(string sentence, int index, string phrase)
    {
        var before = sentence.AsSpan(0, Math.Clamp(index, 0, sentence.Length));
        var after = sentence.AsSpan(Math.Clamp(index + phrase.Length, 0, sentence.Length));
        return PartitiveBefore().IsMatch(before) || ComparedBefore().IsMatch(before) || (ChangeFrom().IsMatch(before) && ChangeTo().IsMatch(after));
    }

    /// <summary>
    /// The relative clause that takes a part of an amount: "67 Profikämpfe, wovon er nur drei verlor", "four interceptions,
    /// two of which were returned for touchdowns". For the whole (the amount before the clause) and for the part (the number
    /// inside it) it is the clause; null for any other amount. The part counts what the whole counts.
    /// </summary>
    public static string? PartitiveClause(string sentence, int index, string phrase, out bool whole)
    {
        var end = Math.Clamp(index + phrase.Length, 0, sentence.Length);
        var after = PartitiveAfterWhole().Match(sentence, end);
        whole = after.Success;
        if (whole)
        {
            return after.Groups["c"].Value;
        }

        var before = sentence[..Math.Clamp(index, 0, sentence.Length)];
        if (PartitiveBeforePart().Match(before) is { Success: true } german)
        {
            return german.Groups["c"].Value + sentence[index..ClauseEnd(sentence, index)];
        }

        return EnglishPartitiveComma().IsMatch(before) && EnglishPartitiveAfterPart().IsMatch(sentence, end)
            ? sentence[index..ClauseEnd(sentence, index)]
            : null;
    }

    private static int ClauseEnd(string sentence, int from)
    {
        var end = sentence.IndexOfAny([',', ';', '.'], from);
        return end < 0 ? sentence.Length : end;
    }

    [GeneratedRegex(@"\G\s*,\s*(?<c>(?:wovon|von denen|von welchen|davon)\b[^,;.]*|\S+\s+of\s+(?:which|whom|them)\b[^,;.]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PartitiveAfterWhole();

    [GeneratedRegex(@",\s*(?<c>(?:wovon|von denen|von welchen|davon)\b[^,;.]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex PartitiveBeforePart();

    [GeneratedRegex(@",\s*$")]
    private static partial Regex EnglishPartitiveComma();

    [GeneratedRegex(@"\G\s+of\s+(?:which|whom|them)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishPartitiveAfterPart();

    /// <summary>"… of 561,029 dlrs, compared with a 114,712 dlr loss a year before", "up from 61 %", "gegenüber 3,1 Prozent im Vorjahr".</summary>
    [GeneratedRegex(@"\b(?:compared (?:with|to)|versus|vs\.?|(?:up|down) from|verglichen mit|gegenüber|im Vergleich zu)\s+(?:(?:an?|the|einem?|dem|den)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ComparedBefore();

    [GeneratedRegex(@"\b(?:von den|von der|unter den|of the|out of(?: the)?|among the)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex PartitiveBefore();

    [GeneratedRegex(@"\b(?:von|from)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeFrom();

    [GeneratedRegex(@"^(?:\s+\S+){0,2}?\s+(?:auf|bis|to)\s+(?:(?:rund|etwa|about|around)\s+)?\d", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeTo();

    /// <summary>
    /// Whether the clause around an amount (up to the nearest comma, semicolon, colon, dash or bracket) names a year,
    /// none of them the question's: "59 Prozent …, 2015 waren es 69 Prozent", "up from 61 % in 2019" compare with another
    /// year. "Zwischen 1991 und 2000 …" asked about 2000 is the question's own time.
    /// </summary>
    public static bool InOtherYearsClause(string sentence, int index, string phrase, IReadOnlySet<string> questionTerms)
    {
        var start = sentence.LastIndexOfAny(ClauseEnds, Math.Clamp(index - 1, 0, Math.Max(sentence.Length - 1, 0))) + 1;
        var end = sentence.IndexOfAny(ClauseEnds, Math.Min(index + phrase.Length, sentence.Length));
        var clause = sentence[start..(end < 0 ? sentence.Length : end)];
        var years = ClauseYear().Matches(clause).Where(m => start + m.Index != index).Select(m => m.Value).ToList();
        return years.Count > 0 && !years.Exists(questionTerms.Contains);
    }

    private static readonly char[] ClauseEnds = [',', ';', ':', '–', '—', '(', ')'];

    private static readonly SearchValues<char> ClauseEndValues = SearchValues.Create(ClauseEnds);

    /// <summary>
    /// Whether the sentence denies the phrase in favour of another: "nicht wie angekündigt am 20. November, sondern erst im
    /// ersten Quartal", "not in May but in June", "statt 2019", "instead of Paris", "rather than Paris".
    /// </summary>
    public static bool IsDenied(string sentence, int index)
    {
        var before = sentence.AsSpan(0, Math.Clamp(index, 0, sentence.Length));
        if (ReplacedBefore().IsMatch(before))
        {
            return true;
        }

        var clause = before[(before.LastIndexOfAny(ClauseEndValues) + 1)..];
        return Negation().IsMatch(clause) && ContrastAfter().IsMatch(sentence.AsSpan(Math.Clamp(index, 0, sentence.Length)));
    }

    /// <summary>"statt", "anstatt", "anstelle von", "instead of", "rather than" up to two words before the phrase.</summary>
    [GeneratedRegex(@"\b(?:statt|anstatt|anstelle\s+(?:von|des|der)|instead\s+of|rather\s+than)\s+(?:\S+\s+){0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex ReplacedBefore();

    /// <summary>A negation, but not "nicht nur", "not only" (which adds, not denies).</summary>
    [GeneratedRegex(@"\b(?:nicht|kein\w*|not|never|nie)\b(?!\s+(?:nur|bloß|allein|only|just|merely)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    /// <summary>The alternative a denial leads to: "…, sondern …", "… but …" (not "sondern auch", "but also").</summary>
    [GeneratedRegex(@"^[^;:]*?\b(?:sondern|but)\b(?!\s+(?:auch|also)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ContrastAfter();

    [GeneratedRegex(@"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,]?\d)")]
    private static partial Regex ClauseYear();

    private const int YearLength = 4;

    [GeneratedRegex(@"(?:\b(?:in|im|von|vom|seit|bis|ab|um|nach|vor|of|since|until|from|by|before|after|the|der|die|das|des|dem|den|Jahr|Jahre|Jahres|year|Jänner|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|May|June|July|October|December),?|(?-i:\b[A-ZÄÖÜ][\wäöüß-]*[A-ZÄÖÜ]))\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex BeforeYear();

    /// <summary>
    /// A German amount without the lower-case words after its last noun: German nouns are capitalised and end their phrase,
    /// so "600.000 Euro gab" is "600.000 Euro" and "14 Jahre alt" is "14 Jahre"; the number itself ("zwei") stays, and so
    /// does a short word right after it, since unit abbreviations are written in lower case ("200 km lang" is "200 km", but
    /// "weniger als 700 wirklich" is "weniger als 700").
    /// </summary>
    public static string WithoutTrailingLowerCase(string phrase)
    {
        var number = Number().Match(phrase);
        if (!number.Success)
        {
            return phrase;
        }

        // "70-jähriger Dissident Nguyen": an age ends the amount; the noun after it is whom it describes.
        var tokenEnd = phrase.IndexOf(' ', number.Index + number.Length);
        if (tokenEnd > 0 && phrase.AsSpan(number.Index, tokenEnd - number.Index).Contains("-jährig", StringComparison.Ordinal))
        {
            return phrase[..tokenEnd];
        }

        var end = phrase.Length;
        while (end > number.Index + number.Length)
        {
            var space = phrase.LastIndexOf(' ', end - 1);
            var word = phrase.AsSpan(space + 1, end - space - 1);
            if (space < number.Index + number.Length || word.ContainsAnyExcept(LowerCaseLetters)
                || (space == number.Index + number.Length && word.Length <= MaxUnitAbbreviation))
            {
                break;
            }

            end = space;
        }

        return phrase[..end];
    }

    /// <summary>
    /// An English amount without the past-tense verbs and function words it ran into: "18 people died" is "18 people",
    /// "66 seats since" is "66 seats" ("died", "injured", "since" end the phrase; a word in "-ed" before the counted noun,
    /// "3 wounded soldiers", stays).
    /// </summary>
    public static string WithoutTrailingVerbOrFunctionWord(string phrase)
    {
        // "the 64-year-old mayor left": an age written as an adjective ends the amount; the words after it are whom it describes.
        if (phrase.IndexOf(' ') is > 0 and var first && AgeAdjective().IsMatch(phrase.AsSpan(0, first)))
        {
            return phrase[..first];
        }

        // "10.5 pct while European": a conjunction or a preposition starts a clause or a phrase of its own, wherever it stands
        // ("this year" after "70 pct" says when, and stays).
        var at = phrase.IndexOf(' ');
        while (at > 0)
        {
            var end = phrase.IndexOf(' ', at + 1) is var e and > 0 ? e : phrase.Length;
            var word = phrase[(at + 1)..end].ToLowerInvariant();
            if (Number().IsMatch(phrase.AsSpan(0, at)) && EnglishFunctionWords.Contains(word) && !Demonstratives.Contains(word))
            {
                phrase = phrase[..at];
                break;
            }

            at = end < phrase.Length ? end : -1;
        }

        var space = phrase.LastIndexOf(' ');
        while (space > 0 && Number().IsMatch(phrase.AsSpan(0, space))
            && (PastTense().IsMatch(phrase.AsSpan(space + 1)) || EnglishFunctionWords.Contains(phrase[(space + 1)..].ToLowerInvariant())))
        {
            phrase = phrase[..space];
            space = phrase.LastIndexOf(' ');
        }

        // "seven motorcyclists dead", "12 people missing": a counted plural noun ends the amount; a word after it that is no
        // plural itself ("two basis points") says something of what is counted.
        return AfterPluralNoun().Match(phrase) is { Success: true } after && after.Groups["noun"].Value is var noun
            && !EnglishFunctionWords.Contains(noun) && !TextAnalyzer.IsStopWord(noun) ? phrase[..after.Index] : phrase;
    }

    /// <summary>A word after a number's plural noun ("this" in "70 pct this year" is no noun: see the caller).</summary>
    [GeneratedRegex(@"(?<=^\S+(?:\s+\S+){0,3}\s+(?<noun>[a-z]+[^s\s]s))\s+[a-z]+[^s]$")]
    private static partial Regex AfterPluralNoun();

    /// <summary>
    /// English prepositions, conjunctions and pronouns (closed classes): a unit is a noun, so "66 seats since Parliament …"
    /// is "66 seats". The amount pattern already stops at the commonest ones.
    /// </summary>
    private static readonly FrozenSet<string> EnglishFunctionWords = FrozenSet.ToFrozenSet(
    [
        "about", "above", "across", "after", "against", "along", "among", "around", "as", "because", "before", "behind",
        "below", "beneath", "beside", "between", "beyond", "but", "despite", "down", "during", "except", "if", "inside",
        "into", "like", "near", "off", "onto", "out", "outside", "over", "past", "since", "than", "that", "though", "through",
        "throughout", "till", "toward", "towards", "under", "unless", "until", "up", "upon", "via", "when", "where", "whereas",
        "whether", "which", "while", "who", "whom", "whose", "within", "without", "it", "its", "he", "she", "they", "their",
        "his", "her", "this", "these", "those", "so", "yet", "nor",
    ], StringComparer.Ordinal);

    /// <summary>Function words that may follow an amount without ending it: "70 pct this year".</summary>
    private static readonly FrozenSet<string> Demonstratives = FrozenSet.ToFrozenSet(["this", "these", "those"], StringComparer.Ordinal);

    [GeneratedRegex(@"^[a-z]{2,}ed$")]
    private static partial Regex PastTense();

    /// <summary>The longest unit written in lower case right after a number: "km", "kg", "ha", "mal".</summary>
    private const int MaxUnitAbbreviation = 3;

    private static readonly System.Buffers.SearchValues<char> LowerCaseLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzäöüß");

    /// <summary>Leading words of a person phrase that the question names, when a name of two words or more remains.</summary>
    private static (string Text, int Index) WithoutTitle(string text, int index, IReadOnlySet<string> questionTerms, WordKnowledge? knowledge, bool german)
    {
        var words = text.Split(' ');
        var skip = 0;
        bool Common(string word) => knowledge is not null && (german ? knowledge.IsGermanCommonWord(word) : knowledge.IsEnglishCommonWord(word));
        // A title the question names is an ordinary word ("Mayor" for "the mayor"); a name it shares ("Facebook" in "Facebook
        // Ireland Limited" for "Who sued Facebook?") makes the phrase the question's own, which the caller leaves out.
        while (skip < words.Length - 2 && TextAnalyzer.Terms(words[skip]) is { Count: > 0 } terms && terms.All(questionTerms.Contains)
            && (knowledge is null || Common(words[skip])))
        {
            skip++;
        }

        if (knowledge is not null)
        {
            // A title is ordinary words, with known names among them ("French", "US"), ending in an ordinary word; the name
            // after it has two words or more and does not start with one ("Emmanuel Macron"; in "George Walker Bush" no
            // title ends before a name of two words, so it stays whole).
            bool Known(string word) => Common(word) || (!german && knowledge.IsEnglishProperName(word));
            for (var name = words.Length - 2; name > skip; name--)
            {
                // A middle initial follows a given name, never a title ("John C. Messenger": "john" is a common word too).
                if (Common(words[name - 1]) && !Common(words[name]) && !IsInitial(words[name]) && words[skip..name].All(Known))
                {
                    skip = name;
                    break;
                }
            }
        }

        var dropped = words.Take(skip).Sum(w => w.Length + 1);
        return skip == 0 ? (text, index) : (text[dropped..], index + dropped);
    }

    private static bool IsInitial(string word) => word.Length == 2 && char.IsUpper(word[0]) && word[1] == '.';

    private static bool IsRoleOrStopWord(string text) => text.Split(' ').All(TextAnalyzer.IsStopWord);

    /// <summary>The sentence names the subject and states a role: "US-Verteidigungsminister Pete Hegseth", "X, der …", "X is the …".</summary>
    public static bool StatesRole(string sentence, string subject)
    {
        var last = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var at = sentence.IndexOf(last, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        // A role among the three words before the name ("US-Verteidigungsminister Pete Hegseth"), or an apposition after it.
        var before = sentence[..at].Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeLast(3);
        var after = sentence[(at + last.Length)..];
        return before.Any(w => RoleNoun().IsMatch(w.Trim(',', '(', '»', '«', '„', '"'))) || Apposition().IsMatch(after);
    }

    [GeneratedRegex(@"^(?!(?:who|whom|whose|what|which|when|where|why|how|wer|wen|wem|wessen|was|welche\w*|wann|wo\w*|warum|wieso|weshalb|wie)\b)[^,?]{2,80},\s*(?<q>(?:who|whom|whose|what|which|when|where|why|how|wer|wen|wem|wessen|was|welche\w*|wann|wo|wohin|woher|warum|wieso|weshalb|wie)\b.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingPhrase();

    [GeneratedRegex(@"^(?:wer|was|who|what)\s+(?:ist|war|sind|is|was|are)\s+(?<x>[^\s].*)$", RegexOptions.IgnoreCase)]
    private static partial Regex IdentityQuestion();

    [GeneratedRegex(@"\b(sagte|sagt|sagten|gesagt|sagen|äußerte|erklärte|meinte|schrieb|twitterte|antwortete|say|says|said|tell|told|write|wrote|tweet|tweeted|think of|thinks of|respond|responded)\b")]
    private static partial Regex QuoteQuestion();

    /// <summary>
    /// Who a what-said question asks about: the capitalised words right after its verb ("Was sagte Richard Lugner zur …")
    /// or right before it ("What did Jimmy Carter say …", "What caused Luther to write …"). Null when the speaker is not
    /// named ("Was sagte der Kanzler …").
    /// </summary>
    public static string? Speaker(string question) =>
        SpeakerAfter().Match(question) is { Success: true } after ? after.Groups["n"].Value
        : SpeakerBefore().Match(question) is { Success: true } before ? before.Groups["n"].Value
        : GermanPerfectSpeaker().Match(question) is { Success: true } perfect ? perfect.Groups["n"].Value : null;

    /// <summary>"Was hat Merkel dazu gesagt?": in the German perfect the speaker follows the auxiliary, the participle ends the question.</summary>
    [GeneratedRegex(@"^\p{L}+\s+(?:hat|haben|hatte|hatten)\s+(?<n>\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)\b.*\b(?:gesagt|geäußert|erklärt|gemeint|geschrieben|getwittert|geantwortet)\W*$")]
    private static partial Regex GermanPerfectSpeaker();

    private const string QuoteVerb = "sagte|sagt|sagten|gesagt|sagen|äußerte|erklärte|meinte|schrieb|twitterte|antwortete|say|says|said|tell|told|write|wrote|tweet|tweeted|think|thinks|respond|responded";

    [GeneratedRegex(@"\b(?:" + QuoteVerb + @")\s+(?<n>\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)")]
    private static partial Regex SpeakerAfter();

    [GeneratedRegex(@"(?<![.!?]\s)(?<!^)\b(?<n>\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)(?:'s?)?\s+(?:to\s+)?(?:" + QuoteVerb + @")\b")]
    private static partial Regex SpeakerBefore();

    // "What was the estimated population …", "what is the number of …" ask for an amount, as "wie hoch ist die Zahl …" does;
    // "wie schnell ist …", "how fast is …" ask for a speed ("1 GBit/s"), "wie schnell liefert …" for a time (see TimeQuestion).
    // "How long is the bridge?" asks for a length; "How long is the library open?", "… the road closed?" for a time: the
    // question ends in the state that lasts (an adjective or a participle), not in what is measured.
    [GeneratedRegex(@"\b(wie ?viel\w*|wie (hoch|alt|groß|gross|breit|tief|weit|schwer|stark|lang|nah|teuer|oft|häufig)\b|was kostet|was kosten|^was (?:hat|haben|hatte|hatten|wird|würde)\b.*\b(?:gekostet|kosten)$|^what (?:does|do|did|will|would)\b.*\bcost$|welchen betrag|welche summe|welche[rnms]? (?:anteil|prozentsatz)|how (much|many|old|high|tall|wide|deep|big|large|far|strong|close|long is(?!.*\b(?:open|closed|shut|valid|available|active|away|\w{3,}ed)$)|expensive|heavy|often|frequently)|wie schnell (?:ist|sind|war|waren)\b|how (?:fast|quick) (?:is|are|was|were)\b|what (percentage|proportion|share|amount|magnitude|score|age)|at what (price|cost|age)|what (?:is|was|are|were) the (?:\w+ )?(?:number|population|total)\b)")]
    private static partial Regex AmountQuestion();

    /// <summary>The words of an amount question that ask for the amount ("was kostet", "how much", "cost"), not what it is of.</summary>
    public static IEnumerable<string> AmountCueWords(string question)
    {
        var lower = question.ToLowerInvariant();
        return AmountQuestion().Matches(lower).Concat(MoneyQuestion().Matches(lower)).Select(m => m.Value);
    }

    /// <summary>
    /// "In welchen Jahren …", "An welchem Tag …", "Which month …", "In what decade …": the question word before a noun of a
    /// unit of the calendar asks for a time, in any case or number ("welchem Jahr", "welchen Jahren").
    /// </summary>
    internal const string WhichTimeUnit = @"(?:(?:in|an|um|seit|bis|ab|on|at|since|until|by)\s+)?(?:welche[mnrs]?|which|what)\s+(?:jahr|jahre|jahren|jahrzehnt|jahrzehnten|jahrhundert|jahrhunderten|monat|monaten|woche|wochen|tag|tagen|zeitraum|datum|years?|months?|weeks?|days?|dates?|decades?|century|centuries)\b";

    [GeneratedRegex(@"^(?:wann|seit wann|bis wann|ab wann|when|since when|until when|" + WhichTimeUnit + @"|wie ?viel\w*|how (?:much|many))\b")]
    private static partial Regex OpensWithTimeOrAmount();

    [GeneratedRegex(@"^(?:wann|seit wann|ab wann|when|since when|" + WhichTimeUnit + @")")]
    private static partial Regex OpensWithTime();

    /// <summary>An English question that opens with a question word other than "when" ("What satellite …", "In which city …").</summary>
    [GeneratedRegex(@"^(?:(?:in|at|on|for|from|to|by|of|with|under)\s+)?(?:who|whom|whose|what|which|where|why|how)\b")]
    private static partial Regex OpensWithOtherQuestion();

    /// <summary>"How and when …", "where or when …"; "What was the time / date …".</summary>
    [GeneratedRegex(@"^(?:(?:how|where|why|who|what)\s+(?:and|or)\s+when|what\s+(?:is|was|were|will\s+be)\s+the\s+(?:time|date|year|day|month))\b")]
    private static partial Regex AsksWhenToo();

    [GeneratedRegex(@"\b(wann|seit wann|bis wann|ab wann|wie lange|wie schnell|" + WhichTimeUnit + @"|um wie ?viel uhr|when|since when|how long|how quickly|how soon|what time|at what time|how far back)\b")]
    private static partial Regex TimeQuestion();

    [GeneratedRegex(@"\b(wie lange|wie schnell|bis wann|how long|how quickly|how soon|how late|until when|till when)\b")]
    private static partial Regex ExtentQuestion();

    /// <summary>The words of a how-long question that ask for the extent ("how long", "wie schnell"), not what it is of.</summary>
    public static IEnumerable<string> ExtentCueWords(string question) =>
        ExtentQuestion().Matches(question.ToLowerInvariant()).Select(m => m.Value);

    [GeneratedRegex(@"\b(wie lange?|how long|wie weit|how far)\b(?! back)")]
    private static partial Regex LongQuestion();

    /// <summary>"How deep …", "wie breit …": a length answers it ("eight metres"), not a number that names ("Flight 610").</summary>
    [GeneratedRegex(@"\b(wie (?:tief|breit)|how (?:deep|tall|wide))\b")]
    private static partial Regex MeasureQuestion();

    /// <summary>An amount given as a percentage ("59 Prozent", "12.5 %", not "a third").</summary>
    public static bool IsPercentage(string amount) => Percentage().IsMatch(amount);

    /// <summary>
    /// The share ending at <paramref name="end"/> is of one of <paramref name="counted"/> ("64 Prozent der Pensionisten",
    /// "40 percent of all voters"): a word of the two after "of", "der", "des" or "von" is counted. Without counted terms
    /// (a how-many question that names no noun) any share is.
    /// </summary>
    public static bool IsShareOf(string sentence, int end, IReadOnlySet<string>? counted) =>
        counted is null || (ShareOf().Match(sentence, Math.Min(end, sentence.Length)) is { Success: true } of
            && new[] { of.Groups["a"].Value, of.Groups["b"].Value }.Any(w => w.Length > 0 && TextAnalyzer.Term(w) is { } term && counted.Contains(term)));

    [GeneratedRegex(@"\G\s+(?:of|der|des|von)\s+(?:(?:the|all|aller|den|die)\s+)?(?<a>[\p{L}-]+)(?:\s+(?<b>[\p{L}-]+))?")]
    private static partial Regex ShareOf();

    /// <summary>
    /// An amount that can be a person's age: a number of years ("95 Jahre", "sixteen-year-old", "21-jährigen") or a number
    /// alone of at most three digits ("Richter (83)", "aged 41"); not a year ("2019") nor a count of other things ("Zwei Giganten").
    /// </summary>
    public static bool IsAge(string amount) => AgeForm().IsMatch(amount) || BareAge().IsMatch(amount);

    /// <summary>
    /// A number alone that the words around it make an age: in brackets after a name ("Richter (83)"), after "aged", "age
    /// of", "at age", "turned", "im Alter von", before "years"/"Jahre"/"-Jährige" (which the phrase itself may have left
    /// out), or ending the sentence after "was"/"ist" ("He was 79.").
    /// </summary>
    public static bool ReadsAsAge(string sentence, int index, string phrase)
    {
        var at = Math.Clamp(index, 0, sentence.Length);
        var end = Math.Clamp(index + phrase.Length, at, sentence.Length);
        return AgeAfter().IsMatch(sentence.AsSpan(end)) || AgeAround(sentence, at, end);
    }

    /// <summary>
    /// The words around a number that make it an age without "years" after it: "(83)", "aged 41", "He was 79.",
    /// "He was 34 and …", "Gordon Macklin, 58, …".
    /// </summary>
    private static bool AgeAround(string sentence, int at, int end) =>
        AgeBefore().IsMatch(sentence.AsSpan(0, at))
        || (StateBefore().IsMatch(sentence.AsSpan(0, at)) && SentenceEnd().IsMatch(sentence.AsSpan(end)))
        || (PersonStateBefore().IsMatch(sentence.AsSpan(0, at)) && ClauseEnd().IsMatch(sentence.AsSpan(end)))
        || IsApposedAge(sentence, at, end);

    /// <summary>
    /// An age that says it is one, which answers "how old" before a number of years that may be how long something lasted
    /// ("Gordon Macklin, 58, who has served as president for 17 years"): a "-year-old" or "-jährig" form, years followed by
    /// "old"/"alt", or a number alone that the words around it make an age (<see cref="ReadsAsAge"/>, not by "years" alone).
    /// </summary>
    public static bool IsStatedAge(string sentence, int index, string phrase)
    {
        var at = Math.Clamp(index, 0, sentence.Length);
        var end = Math.Clamp(index + phrase.Length, at, sentence.Length);
        return AgeAdjective().IsMatch(phrase) || OldAfter().IsMatch(sentence.AsSpan(end))
            || (BareAge().IsMatch(phrase) && (AgeAdjectiveAfter().IsMatch(sentence.AsSpan(end)) || AgeAround(sentence, at, end)));
    }

    /// <summary>
    /// The words around the amount say it is an age ("between the ages of 14 and 18", "aged 30", "a 70-year-old", "5 years
    /// old"): no count of anything. A number in brackets after a name is not enough here ("tackles (118)").
    /// </summary>
    public static bool SaysAge(string sentence, int index, string phrase)
    {
        var at = Math.Clamp(index, 0, sentence.Length);
        var end = Math.Clamp(index + phrase.Length, at, sentence.Length);
        return AgeAdjective().IsMatch(phrase) || OldAfter().IsMatch(sentence.AsSpan(end)) || AgeWordsBefore().IsMatch(sentence.AsSpan(0, at));
    }

    /// <summary>"Gordon Macklin, 58, who …": a number alone set off by commas right after a name is the news's way to give an age.</summary>
    private static bool IsApposedAge(string sentence, int at, int end) =>
        NameAndComma().IsMatch(sentence.AsSpan(0, at)) && CommaAfter().IsMatch(sentence.AsSpan(end));

    [GeneratedRegex(@"\b\p{Lu}[\p{L}'-]+,\s+$")]
    private static partial Regex NameAndComma();

    [GeneratedRegex(@"^,")]
    private static partial Regex CommaAfter();

    [GeneratedRegex(@"(?:-jährig|-year-old|-years-old|Lebensjahr)", RegexOptions.IgnoreCase)]
    private static partial Regex AgeAdjective();

    /// <summary>
    /// The capitalised words an age stands beside, which name whose age it is: up to three words before one in brackets or
    /// set off by a comma ("Mark Rylance (56)", "Gordon Macklin, 58,"), or after one that is an adjective ("22-year-old
    /// Rangoli Patil", "der 28-jährige Abwehrstratege Alexandru Epureanu"), within the clause. Empty when it stands beside
    /// no capitalised word ("aged 41", "He was 79.").
    /// </summary>
    public static IReadOnlyList<string> BesideAge(string sentence, string phrase, int index)
    {
        var at = Math.Clamp(index, 0, sentence.Length);
        var end = Math.Clamp(index + phrase.Length, at, sentence.Length);
        var words = new List<string>();
        if (AgeAdjective().IsMatch(phrase) || AdjectiveAfter().IsMatch(sentence.AsSpan(end)))
        {
            var after = AdjectiveEnd().Match(sentence, end);
            var clause = sentence[(after.Success ? after.Index + after.Length : end)..];
            var stop = clause.IndexOfAny(ClauseMarks);
            words.AddRange(TextAnalyzer.Tokens(stop < 0 ? clause : clause[..stop]).Take(WordsBesideAge));
            // The phrase itself may run on into the name ("22-year-old Rangoli Patil").
            words.AddRange(TextAnalyzer.Tokens(phrase).SkipWhile(t => !char.IsUpper(t[0])));
        }
        else if (sentence[..at].TrimEnd() is { Length: > 0 } before && (before[^1] is '(' or ','))
        {
            var clause = before[..^1];
            var start = clause.LastIndexOfAny(ClauseMarks) + 1;
            words.AddRange(TextAnalyzer.Tokens(clause[start..]).TakeLast(WordsBesideAge));
        }

        return words.Where(w => w.Length > 0 && char.IsUpper(w[0])).ToList();
    }

    private const int WordsBesideAge = 3;

    private static readonly System.Buffers.SearchValues<char> ClauseMarks = System.Buffers.SearchValues.Create(",;:.()–\"„“");

    /// <summary>The rest of an age adjective the phrase left out ("-jährige", "-year-old").</summary>
    [GeneratedRegex(@"\G[\p{L}-]*")]
    private static partial Regex AdjectiveEnd();

    [GeneratedRegex(@"^-(?:jährig|years?-old)", RegexOptions.IgnoreCase)]
    private static partial Regex AdjectiveAfter();

    [GeneratedRegex(@"^(?:\)|-jährig)", RegexOptions.IgnoreCase)]
    private static partial Regex AgeAdjectiveAfter();

    [GeneratedRegex(@"^(?:\s+(?:Jahre|years?))?\s+(?:old|alt)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OldAfter();

    /// <summary>An amount the sentence gives as a total: after "a total of", "in total", "altogether", "insgesamt", "total".</summary>
    public static bool IsTotal(string sentence, int index) =>
        TotalBefore().IsMatch(sentence.AsSpan(0, Math.Clamp(index, 0, sentence.Length)));

    [GeneratedRegex(@"\b(?:a total of|in total|altogether|overall|insgesamt|total|gesamt|alles in allem)\s+(?:(?:rund|etwa|about|around|some|nearly|fast|knapp)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex TotalBefore();

    /// <summary>
    /// The sentence meets a question word only as the office a deputy holds ("PDVSA vice-president Pablo Reimpell" for "Who
    /// is the president of PDVSA?", "Vizekanzler", "stellvertretende Ministerin"), and the question asks for no deputy: a
    /// vice-president is not the president.
    /// </summary>
    public static bool MeetsOnlyAsDeputy(string sentence, string question, IReadOnlySet<string> questionTerms)
    {
        if (Deputy().IsMatch(question))
        {
            return false;
        }

        var offices = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in Deputy().Matches(sentence))
        {
            if (TextAnalyzer.Term(match.Groups["office"].Value) is { } office && questionTerms.Contains(office))
            {
                offices.Add(office);
            }
        }

        // An office the sentence also names on its own ("vice-president X and president Y") is met.
        return offices.Count > 0 && !TextAnalyzer.Tokens(Deputy().Replace(sentence, " ")).Any(t => TextAnalyzer.Term(t) is { } term && offices.Contains(term));
    }

    [GeneratedRegex(@"\b(?:vice|deputy|Vize|stellvertretende[rnms]?)(?:[\s-]+|(?=\p{Lu}|\p{Ll}))(?<office>\p{L}+)", RegexOptions.IgnoreCase)]
    private static partial Regex Deputy();

    /// <summary>"He was 79.": a number alone that a sentence ends on after "was", "is", "war", "ist" states an age.</summary>
    [GeneratedRegex(@"\b(?:was|is|war|ist)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex StateBefore();

    [GeneratedRegex(@"^[.!]?\s*$")]
    private static partial Regex SentenceEnd();

    /// <summary>"He was 34 and reported …", "Sie war 12, als …": a bare number after "he was" that ends a clause is his age.</summary>
    [GeneratedRegex(@"\b(?:he|she|er|sie)\s+(?:was|is|war|ist)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex PersonStateBefore();

    [GeneratedRegex(@"^(?:\s*[,;]|\s+(?:and|und|when|als)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ClauseEnd();

    // ", age 22," is the apposition news sets after a name ("Hana Kimura, age 22, has died").
    [GeneratedRegex(@"(?:\(|\b(?:aged|age of|ages of(?:\s+\d+\s+(?:and|to))?|at age|turned|turns|turning|im Alter von|mit)\s+|,\s*age\s+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AgeBefore();

    /// <summary>The words of <see cref="AgeBefore"/> that say an age follows (not "(" or "mit", after which a unit may follow).</summary>
    [GeneratedRegex(@"(?:\b(?:aged|age of|ages of(?:\s+\d+\s+(?:and|to))?|at age|im Alter von)|,\s*age)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex AgeWordsBefore();

    [GeneratedRegex(@"^(?:\)|-jährig|\s+(?:Jahre|Jahren|years?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AgeAfter();

    /// <summary>An age given in years ("95 Jahre", "sixteen-year-old"), which answers "how old" before a number alone does.</summary>
    public static bool IsAgeInYears(string amount) => AgeForm().IsMatch(amount);

    [GeneratedRegex(@"(?:-jährig|-year-old|-years-old|\s(?:Jahre|Jahren|Lebensjahr\w*|years?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AgeForm();

    [GeneratedRegex(@"^(?:(?:etwa|rund|fast|über|knapp|about|around|nearly|almost|over)\s+)?(?:\d{1,3}|" + CardinalWord + @")$", RegexOptions.IgnoreCase)]
    private static partial Regex BareAge();

    [GeneratedRegex(@"\b(?:how old|wie alt|(?:at|in) what age|what age|in welchem alter|mit wie ?viel(?:en)? jahren)\b")]
    private static partial Regex AgeQuestion();

    /// <summary>
    /// An amount that counts things: not a share ("37 Prozent"), a span of time ("two hours", "drei Jahre"), an age, a time
    /// of day ("21.05") or a score ("6:4"), which number something other than a how-many question's things.
    /// </summary>
    public static bool CountsThings(string amount) =>
        !IsPercentage(amount) && !IsAgeInYears(amount) && !SpanOfTime().IsMatch(amount) && !ClockTime().IsMatch(amount)
        && !Score().IsMatch(amount);

    /// <summary>
    /// A time of day ("around 11:25", "um 21.05 Uhr") or a score ("6:4"), perhaps after a word that qualifies it: it counts
    /// nothing a how-many question asks for ("Wie viele Wahlleute …?" is not answered by the hour the race was called).
    /// </summary>
    public static bool IsTimeOfDayOrScore(string amount) => TimeOfDay().IsMatch(amount) || Score().IsMatch(amount);

    [GeneratedRegex(@"^(?:\p{L}+\s+)?(?:\d{1,2}:\d\d(?!\d)|\d{1,2}[.:]\d\d\s?Uhr\b)")]
    private static partial Regex TimeOfDay();

    /// <summary>A result or ratio ("6:4", "3 : 1"): two small numbers joined by a colon score a game, they count nothing.</summary>
    [GeneratedRegex(@"^\d{1,3}\s?:\s?\d{1,3}(?![\d.,]?\d)")]
    private static partial Regex Score();

    /// <summary>
    /// A year's number with nothing counted after it ("Die ist 2010 gestorben"): it dates. In German a counted thing is a
    /// capitalised noun, so lower-case words after it ("2010 gestorben") count nothing either.
    /// </summary>
    public static bool IsBareYear(string amount, bool german) => (german ? GermanBareYear() : BareYear()).IsMatch(amount);

    [GeneratedRegex(@"^(?:1[89]|20)\d\d$")]
    private static partial Regex BareYear();

    [GeneratedRegex(@"^(?:1[89]|20)\d\d(?:\s+\p{Ll}\S*)*$")]
    private static partial Regex GermanBareYear();

    /// <summary>
    /// The last day of a range of days after a month ("from March 15 to 17", "am 15. und 16. Mai" is caught as ordinals): a
    /// day of the month, no count.
    /// </summary>
    public static bool EndsRangeOfDays(string sentence, int index, string phrase) =>
        phrase.TakeWhile(char.IsAsciiDigit).Count() is 1 or 2
        && DayRangeBefore().IsMatch(sentence.AsSpan(0, Math.Clamp(index, 0, sentence.Length)));

    [GeneratedRegex(@"\b(?:" + MonthName + @")\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:to|and|through|until|-|–)\s*$")]
    private static partial Regex DayRangeBefore();

    /// <summary>
    /// A bare number right after a capitalised word names or ranks something ("ATV 2", "Apollo 11", "Platz 2", "Linie 15"):
    /// it counts nothing, where a count puts its number before the things counted ("40.000 Badegäste").
    /// </summary>
    /// <remarks>
    /// English writes the noun of such a label in lower case after a name ("Air India Express flight 1344", "Apollo mission
    /// 11"): a lower-case word between a capitalised one and the number is the label's noun unless it is a verb by its form
    /// (-ed, -ing, -s, or an irregular past of <paramref name="isIrregularPast"/>: "India lost 12") or a function word.
    /// </remarks>
    public static bool IsLabel(string sentence, int index, string phrase, Func<string, bool>? isIrregularPast = null)
    {
        if (!BareNumber().IsMatch(phrase))
        {
            return false;
        }

        var before = sentence[..Math.Min(index, sentence.Length)];
        if (LabelBefore().IsMatch(before))
        {
            return true;
        }

        return isIrregularPast is not null && NamedNounBefore().Match(before) is { Success: true } m
            && m.Groups["n"].Value is var noun && !TextAnalyzer.IsStopWord(noun) && !isIrregularPast(noun)
            && !noun.EndsWith("ed", StringComparison.Ordinal) && !noun.EndsWith("ing", StringComparison.Ordinal) && !noun.EndsWith('s');
    }

    [GeneratedRegex(@"(?<![.!?]\s)(?<!^)\b\p{Lu}[\p{L}-]*\s+(?<n>\p{Ll}{3,})\s$")]
    private static partial Regex NamedNounBefore();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"(?<![.!?]\s)(?<!^)\b\p{Lu}[\p{L}-]*\s$")]
    private static partial Regex LabelBefore();

    /// <summary>The noun a share is of, right after it ("37 Prozent der Besucher", "a third of all voters"); null when none follows.</summary>
    public static string? ShareOf(string sentence, int end) =>
        ShareWhole().Match(sentence[Math.Min(end, sentence.Length)..]) is { Success: true } m ? m.Groups["n"].Value : null;

    [GeneratedRegex(@"^\s*(?:der|des|aller|unter|von|of|of the|of all)\s+(?:\p{Ll}\S*\s+)?(?<n>\p{L}[\p{L}-]*)")]
    private static partial Regex ShareWhole();

    /// <summary>A number of time units ("under two hours", "drei Jahre"), not a count per unit ("37 Millionen Passagiere pro Jahr").</summary>
    [GeneratedRegex(@"^(?:\p{Ll}+\s+(?:als\s+|than\s+)?)?[\d\p{L}.,]+\s+(?:jahre?n?|monate?n?|wochen?|tage?n?|stunden?|minuten?|sekunden?|years?|months?|weeks?|days?|hours?|minutes?|seconds?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpanOfTime();

    [GeneratedRegex(@"^\d{1,2}[.:]\d\d(?!\d)")]
    private static partial Regex ClockTime();

    /// <summary>An amount that says how often: a number of times, or the interval between them.</summary>
    public static bool IsFrequency(string amount) => Times().IsMatch(amount) || Interval().IsMatch(amount);

    /// <summary>An amount that counts times ("22 times", "22-mal"), which answers "how often" before an interval does.</summary>
    public static bool IsTimes(string amount) => Times().IsMatch(amount);

    [GeneratedRegex(@"[\s-](?:mal|times?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Times();

    [GeneratedRegex(@"\s(?:jahre?n?|monate?n?|wochen?|tage?n?|stunden?|years?|months?|weeks?|days?|hours?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Interval();

    [GeneratedRegex(@"\b(?:wie (?:oft|häufig)|how (?:often|frequently)|how many times)\b")]
    private static partial Regex OftenQuestion();

    // "pct" is how the wire services write it.
    [GeneratedRegex(@"\d\s?(?:%|-?(?:prozent|percent|per cent|pct)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Percentage();

    [GeneratedRegex(@"\b(?:hälfte|drittel|viertel|fünftel|zehntel|mehrheit|minderheit|half|halves|thirds?|quarters?|fifths?|tenths?|majority|minority)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Fraction();

    [GeneratedRegex(@"\b(?:per|pro|je)\s+(?!cent\b)\p{L}")]
    private static partial Regex RateQuestion();

    [GeneratedRegex(@"^(?:how much|by how much|um wie ?viel)\b.*\b(?:rise|rose|risen|fall|fell|fallen|drop|dropped|grow|grew|grown|increase|increased|decrease|decreased|decline|declined|climb|climbed|gain|gained|jump|jumped|shrink|shrank|shrunk|steigen|stieg|gestiegen|sinken|sank|gesunken|fallen|fiel|gefallen|wachsen|wuchs|gewachsen|zugenommen|abgenommen|zurückgegangen)\b")]
    private static partial Regex ChangeQuestion();

    /// <summary>The level a change reached ("fell 44,100 … to total 3.07 mln", "stieg … auf 9,5 Prozent"), not the change.</summary>
    public static bool IsChangedLevel(string sentence, int index) =>
        LevelBefore().IsMatch(sentence.AsSpan(0, Math.Clamp(index, 0, sentence.Length)));

    [GeneratedRegex(@"\b(?:to|to total|to a total of|auf|auf insgesamt)\s+(?:(?:rund|etwa|about|around|some)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex LevelBefore();

    /// <summary>
    /// The amount is one for each of something: "36.50 dlrs a share", "5 Euro pro Kopf", "per capita", "je Aktie" (the
    /// phrase ends in it, or it follows the phrase).
    /// </summary>
    public static bool IsRate(string sentence, int index, string phrase) =>
        RateInPhrase().IsMatch(phrase) || RateAfter().IsMatch(sentence.AsSpan(Math.Min(index + phrase.Length, sentence.Length)));

    [GeneratedRegex(@"\b(?:per|pro|je)\s+\p{L}+$", RegexOptions.IgnoreCase)]
    private static partial Regex RateInPhrase();

    [GeneratedRegex(@"^\s+(?:an?|per|pro|je|each)\b(?:\s+\p{L}+)?", RegexOptions.IgnoreCase)]
    private static partial Regex RateAfter();

    [GeneratedRegex(@"\b(?:(?:what|which)\s+(?:percentage|proportion|share)|(?:welche[rnms]?|wie (?:hoch|groß|gross) (?:ist|war|sind|waren) (?:der|die))\s+(?:anteil|prozentsatz|quote)|prozent|percent|per cent)\b")]
    private static partial Regex ShareQuestion();

    /// <summary>A span of time: a number of a unit of time ("fünf Jahren", "24 hours").</summary>
    public static bool IsSpanOfTime(string amount) => DurationPhrase().IsMatch(amount);

    [GeneratedRegex(@"\b(zeit|time|lange?|long|stunden?|tagen?|tage|wochen?|monaten?|monate|jahren?|jahre|minuten|hours?|days?|weeks?|months?|years?|minutes?)\b")]
    private static partial Regex TimeWordQuestion();

    /// <summary>An amount measured in a unit of length ("3.2-kilometre", "200 km", "zwei Meilen").</summary>
    public static bool IsLength(string amount) => LengthUnit().IsMatch(amount);

    // A number in words needs a space or hyphen before its unit: "two miles", not any word that ends in m ("system").
    [GeneratedRegex(@"(?:\d[\s-]?|\b\p{L}+[\s-])(?:km|m|cm|kilomet\w*|Kilomet\w*|met(?:er|re)s?|Meter\w*|miles?|Meilen|yards?|feet|foot|light[\s-]?years?|Lichtjahr\w*|parsecs?|Parsec)\b")]
    private static partial Regex LengthUnit();

    /// <summary>An amount measured in a unit of weight ("470 Gramm", "980 Tonnen", "2.5 kg", "200 pounds").</summary>
    public static bool IsWeight(string amount) => WeightUnit().IsMatch(amount);

    [GeneratedRegex(@"(?:\d[\s-]?|\b\p{L}+[\s-])(?:kg|g|t|mg|lbs?|oz)\b|\b(?:kilo|kilos|kilogramm\w*|kilograms?|kilogrammes?|gramm\w*|grams?|grammes?|tonnen|tonnes?|tons?|pfund|pounds?|ounces?|unzen|zentner)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WeightUnit();

    /// <summary>"Wie schwer …", "how heavy …", "how much does it weigh", "welches Gewicht": the question asks for a weight.</summary>
    [GeneratedRegex(@"\b(wie schwer|how heavy|weigh|weighs|weighed|wiegt|wiegen|wog|gewicht\w*|weight)\b")]
    private static partial Regex WeightQuestion();

    /// <summary>
    /// The question asks for a sum of money: a price, cost, payment, revenue or loss, or what is paid for work, a home or a
    /// service, or what a thing is worth ("Wie hoch ist die Miete …", "the salary of …", "How much is UniCredit worth?"), or
    /// what it is sold or bought for ("For how much is Tesco selling …?").
    /// </summary>
    [GeneratedRegex(@"\b(kost\w*|gekostet|teuer\w*|preis\w*|bezahl\w*|zahlt\w*|gezahlt|cost\w*|expensive|price\w*|pay|pays|paid|spen[dt]\w*|budget\w*|money|geld\w*|umsatz\w*|revenues?|profits?|verlust\w*|loss|losses|earn\w*|verdien\w*|miete\w*|rents?|lohn|löhne|gehalt|gehälter|salar\w*|wages?|worth|gebühr\w*|fees?|verkauf\w*|kauft\w*|gekauft|sell|sells|selling|sold|buy|buys|buying|bought)\b")]
    private static partial Regex MoneyQuestion();

    /// <summary>
    /// "the state of emergency begun on November 15 … ended": an English date right after a past form (a regular "-ed" or
    /// an irregular one of <paramref name="isIrregularPast"/>) dates that verb's event; when the verb is none of the
    /// question's, the date answers another when than the one asked.
    /// </summary>
    public static bool DatesOtherVerb(string sentence, int index, IReadOnlySet<string> questionTerms, Func<string, bool> isIrregularPast) =>
        VerbBeforeDate().Match(sentence[..Math.Clamp(index, 0, sentence.Length)]) is { Success: true } before
        && IsOtherPastForm(before.Groups["verb"].Value, questionTerms, isIrregularPast);

    /// <summary>The word right after <paramref name="end"/> is an English past form (as <see cref="DatesOtherVerb"/> tells one) of none of the question's verbs.</summary>
    public static bool OtherPastFormAfter(string sentence, int end, IReadOnlySet<string> questionTerms, Func<string, bool> isIrregularPast)
    {
        var after = WordAfter().Match(sentence, Math.Clamp(end, 0, sentence.Length));
        return after.Success && IsOtherPastForm(after.Groups["verb"].Value, questionTerms, isIrregularPast);
    }

    private static bool IsOtherPastForm(string verb, IReadOnlySet<string> questionTerms, Func<string, bool> isIrregularPast) =>
        IsPastForm(verb, isIrregularPast) && TextAnalyzer.Term(verb, Language.English) is { } term && !questionTerms.Contains(term);

    /// <summary>An English past form: a regular "-ed" ("died", "injured") or an irregular one of <paramref name="isIrregularPast"/> ("begun").</summary>
    private static bool IsPastForm(string word, Func<string, bool> isIrregularPast) =>
        (word.Length > 3 && word.EndsWith("ed", StringComparison.Ordinal)) || isIrregularPast(word);

    /// <summary>The lower-case word that follows, across spaces only.</summary>
    [GeneratedRegex(@"\G\s+(?<verb>\p{Ll}+)\b")]
    private static partial Regex WordAfter();

    /// <summary>A lower-case word, then at most a preposition of time, where a date begins.</summary>
    [GeneratedRegex(@"\b(?<verb>\p{Ll}+)\s+(?:(?:on|in|at|since|by|during)\s+)?$")]
    private static partial Regex VerbBeforeDate();

    /// <summary>
    /// A time phrase that only says how long ("17 years", "für drei Wochen"), not when: no "ago", "vor", "in", "within",
    /// "später" makes it a point. It answers "when" only after every point in time.
    /// </summary>
    public static bool IsBareDuration(string sentence, string phrase, int index) =>
        DurationPhrase().IsMatch(phrase) && !EndPhrase().IsMatch(phrase) && !StartPhrase().IsMatch(phrase)
        && !PointMaker().IsMatch(phrase) && !PointBefore().IsMatch(sentence.AsSpan(0, Math.Clamp(index, 0, sentence.Length)))
        && !PointAfter().IsMatch(sentence.AsSpan(Math.Clamp(index + phrase.Length, 0, sentence.Length)));

    /// <summary>
    /// A number of years the words around it make a time, not an age: "vor gut 40 Jahren", "40 years ago", "seit 40 Jahren",
    /// "for 17 years". A person's age is given without them ("der 70-Jährige", "mit 40 Jahren", "im Alter von 95 Jahren").
    /// </summary>
    public static bool YearsAgoOrLasting(string sentence, string phrase, int index) =>
        PointBefore().IsMatch(sentence.AsSpan(0, Math.Clamp(index, 0, sentence.Length)))
        || LastingBefore().IsMatch(sentence.AsSpan(0, Math.Clamp(index, 0, sentence.Length)))
        || PointAfter().IsMatch(sentence.AsSpan(Math.Clamp(index + phrase.Length, 0, sentence.Length)));

    [GeneratedRegex(@"\b(?:vor|seit|for)\s+(?:(?:gut|rund|etwa|knapp|fast|mehr als|über|about|around|nearly|some|more than|over)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex LastingBefore();

    [GeneratedRegex(@"^(?:innerhalb|binnen|within|in|nach|after)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointMaker();

    [GeneratedRegex(@"\b(?:vor|in|nach|innerhalb|binnen|within|after)\s+(?:(?:rund|etwa|knapp|fast|about|around|nearly|some)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PointBefore();

    [GeneratedRegex(@"^\s*(?:ago|later|earlier|before|after|zuvor|später|danach|davor|früher)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointAfter();

    /// <summary>
    /// "How long …?" ("wie lange", "how far") is not answered by a point in time ("am Montag", "in 2012"), only by a duration,
    /// an end or a length; "bis wann", "how soon" are.
    /// </summary>
    /// <summary>
    /// A time phrase whose years all come after the year its article was written (0: unknown) names what was still to
    /// come then, so it answers no question about what began or happened (<see cref="QuestionType.Past"/>).
    /// </summary>
    public static bool IsAfterWritten(QuestionType type, string phrase, int written) =>
        type.Past && written > 0 && FourDigitYear().Matches(phrase) is { Count: > 0 } years && years.All(y => int.Parse(y.Value, CultureInfo.InvariantCulture) > written);

    [GeneratedRegex(@"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")]
    private static partial Regex FourDigitYear();

    /// <summary>"Seit wann", "since when", "when did/was", "wann wurde/war/hat": asks when something began or happened.</summary>
    [GeneratedRegex(@"^(?:seit|since)\s+(?:wann|when|welche[mnrs]?|which|what)\b|^when\s+(?:did|was|were|had)\b|^wann\s+(?:wurden?|waren?|hatten?)\b|^(?:in\s+)?(?:welchem|which|what)\s+(?:jahr|year)\s+(?:did|was|were|wurden?|waren?)\b")]
    private static partial Regex PastQuestion();

    /// <summary>
    /// "until 1997", "bis Mitternacht": how long a state lasted, which answers "bis wann" and "how long", not a question for
    /// the point in time something happened ("In welchem Jahr fing Mendez bei der CIA an?" is not answered by "… remained a
    /// secret until 1997").
    /// </summary>
    public static bool IsUntilForPoint(QuestionType type, string phrase) =>
        type.Kind == AnswerKind.Time && type.PointInTime && UntilPhrase().IsMatch(phrase);

    [GeneratedRegex(@"^(?:bis|until|till)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UntilPhrase();

    public static bool IsPointForHowLong(QuestionType type, string sentence, string phrase, int index) =>
        type.Kind == AnswerKind.Time && type.Length && ExtentRank(sentence, phrase, index) > 0;

    /// <summary>
    /// How well a time phrase answers "how long / until when": 0 for a duration or an end ("24 Stunden", "bis Mitternacht"),
    /// 2 for a start ("ab April", "Von Donnerstag"), 1 for the rest, including the end of a range of days or dates
    /// ("von Donnerstag bis Samstag" says on which days, not how long).
    /// </summary>
    public static int ExtentRank(string sentence, string phrase, int index)
    {
        var before = sentence[..Math.Clamp(index, 0, sentence.Length)];
        if (StartPhrase().IsMatch(phrase) || StartBefore().IsMatch(before))
        {
            return 2;
        }

        if (EndPhrase().IsMatch(phrase))
        {
            return RangeBefore().IsMatch(before) ? 1 : 0;
        }

        return DurationPhrase().IsMatch(phrase) ? 0 : 1;
    }

    [GeneratedRegex(@"^(ab|seit|vom|von|from|since|starting)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StartPhrase();

    /// <summary>The start word the time pattern leaves outside its phrase ("Von Donnerstag": the phrase is "Donnerstag").</summary>
    [GeneratedRegex(@"\b(ab|seit|vom|von|from|since|starting)\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex StartBefore();

    [GeneratedRegex(@"^(bis|until|till|to|by|innerhalb|binnen|within)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EndPhrase();

    /// <summary>"von Donnerstag " / "from Monday " right before an end: the end closes a range.</summary>
    [GeneratedRegex(@"\b(von|vom|from)\s+\S+\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex RangeBefore();

    [GeneratedRegex(@"\b(Stunden?|Tagen?|Wochen?|Monaten?|Jahren?|Minuten|hours?|days?|weeks?|months?|years?|minutes)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPhrase();

    /// <summary>
    /// Where-questions, also by a place noun after a preposition and "welch-"/"which": "aus welchem Ort", "nach welcher Stadt",
    /// "from which town" ask where as "woher", "wohin", "where … from" do.
    /// </summary>
    [GeneratedRegex(@"\b(wo|wohin|woher|(?:in|aus|von|nach) welche[mnr]? (?<kind>stadt|land|ort|region|staat)|where|(?:in|from|to) which (?<kind>city|country|town|place|state)|what (?<kind>city|country|town|place))\b")]
    private static partial Regex PlaceQuestion();

    /// <summary>A kind of place that may be a country ("Land", "Staat", "nation"; "state" is a country's or a part's), or ends in one ("Bundesland").</summary>
    [GeneratedRegex(@"(?:land|staat|staaten|country|countries|nation|nations|state|states|reich|republik|republic)$")]
    private static partial Regex CountryKind();

    [GeneratedRegex(@"(?:isch|ische[nmrs]?|ish)$")]
    private static partial Regex LanguageAdjective();

    /// <summary>"In what country …", "which nation …", "welches Land …", "in welchem Land …": a country is asked for.</summary>
    [GeneratedRegex(@"\b(?:what|which)\s+(?:country|nation)\b|\bwelche[snmr]?\s+(?:land|nation)\b")]
    private static partial Regex CountryQuestion();

    /// <summary>A where-question about a movement's end: "wohin", "where … going/heading/bound", "where … to", "to which …".</summary>
    [GeneratedRegex(@"^(?:to|into|nach)\s+(?:which|what|welche[mnrs]?)\b|^wohin\b|\bwohin\b|^where\b.*\b(go|goes|going|went|head|heads|heading|headed|bound|travel\w*|fly|flies|flying|flew|move|moves|moving|moved|sail\w*|drive|driving|drove|sent|taken|to)$")]
    private static partial Regex DestinationQuestion();

    /// <summary>A where-question about a movement's start: "woher", "where … from", "from which …", "aus/von welchem Ort …".</summary>
    [GeneratedRegex(@"^(?:from|aus|von)\s+(?:which|what|welche[mnrs]?)\b|\bwoher\b|^where\b.*\bfrom$|^von wo\b")]
    private static partial Regex OriginQuestion();

    /// <summary>The preposition right before a place phrase: "nach", "to", "into" for where it goes; "aus", "from" for where it came from.</summary>
    public static Bound BoundBefore(string sentence, int index) =>
        sentence[..Math.Clamp(index, 0, sentence.Length)] is var before && ToBefore().IsMatch(before) ? Bound.To : FromBefore().IsMatch(before) ? Bound.From : Bound.None;

    /// <summary>
    /// Places after an English "to" ("from Smolensk to Kaluga"), which the place pattern leaves out since "to" mostly starts
    /// an infinitive; for where-questions about a movement's end. Those the question names are left out.
    /// </summary>
    public static IEnumerable<(string Text, int Index)> Destinations(string sentence, IReadOnlySet<string> questionTerms) =>
        DestinationPhrase().Matches(sentence).Select(m => m.Groups["p"])
            .Where(g => TextAnalyzer.Terms(g.Value) is var terms && terms.Count > 0 && !terms.All(questionTerms.Contains))
            .Select(g => (g.Value, g.Index));

    [GeneratedRegex(@"\b(?:to|towards|toward)\s+(?:the\s+)?(?<p>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")]
    private static partial Regex DestinationPhrase();

    /// <summary>
    /// "nach", "to", "into" right before the place, or before a place named within where it goes: "to a hospital in
    /// Auckland", "ins Krankenhaus in Auckland" (the place is where the movement ends, though "in" stands before it).
    /// </summary>
    [GeneratedRegex(@"(?:\b(nach|to|into|towards|toward|in Richtung)\s+(?:the\s+|der\s+|die\s+|das\s+|den\s+)?|\b(?:to|into|ins|in die|in den|zum|zur)\s+(?:an?\s+|the\s+|einem?\s+|eine\s+|das\s+)?(?:[\w-]+\s+){1,2}(?:in|at|im|bei)\s+(?:the\s+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex ToBefore();

    [GeneratedRegex(@"\b(aus|from|von)\s+(?:the\s+|der\s+|dem\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromBefore();

    /// <summary>"How did/does …" without "why": the manner or outcome of what the question names.</summary>
    [GeneratedRegex(@"^how (did|does|do|can|could|is|was|are|were)\b(?!.*\bwhy\b)")]
    private static partial Regex MannerQuestion();

    [GeneratedRegex(@"^(warum|wieso|weshalb|weswegen|wozu|woran|womit|wodurch|aus welchem grund|wie kam|why|how come|for what reason|what (caused|led to|was the reason)|how (did|does|do|can|could|is|was|are|were))\b|\b(warum|wieso|weshalb|why)\b|^what (?:did|does|do|has|have)\b.*\b(?:die|died|suffer|suffered) (?:of|from)$")]
    private static partial Regex ReasonQuestion();

    [GeneratedRegex(@"^(wer|wen|wem|wessen|who|whom|whose)\b|\b(welche[rnms]? (person|politiker\w*|spieler\w*|minister\w*|sprecher\w*|frau|mann)|which (person|player|politician|minister|spokesman|man|woman|leader|company|charity|team|group|former|president|prime minister))\b")]
    private static partial Regex PersonQuestion();

    [GeneratedRegex(@"^(ist|sind|war|waren|hat|haben|hatte|hatten|wird|werden|wurde|kann|können|gibt|gab|darf|muss|soll|is|are|was|were|has|have|had|does|do|did|can|could|will|would|should)\b")]
    private static partial Regex YesNoQuestion();

    /// <summary>
    /// A cause or purpose clause in either language. Besides the conjunctions and cause nouns: what a death or illness is
    /// put down to, which the verb's preposition introduces ("died of", "succumbed to", "starb an", "erlag seinen
    /// Verletzungen", "an den Folgen"), the reason a report gives with "citing …" or "amid …" ("inmitten"), and a motive
    /// ("Als Motiv … gab er Liebeskummer an", "named revenge as his motive"), which a report gives as often as a reason.
    /// </summary>
    [GeneratedRegex(@"\b(weil|denn|deshalb|deswegen|daher|darum|wegen|aufgrund|aufgrund|infolge|um\b[^.]{1,80}\bzu|damit|begründe\w*|Grund|Gründe|Ursache|Motiv(?:e|es|s|en|ation)?|motivated|zurückzuführen|argumentier\w*|because|since(?!\s+(?:\d|the\s+\d|then\b|last\b|early\b|late\b|mid\b|Christmas\b|Easter\b|(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))|due to|owing to|so that|in order to|as a result|caused|reason|led to|cited|citing|reflect(?:s|ed|ing)|(?:wider)?spiegel\w*(?=[^.]*\bwider\b)|widerspiegel\w*|amid|amidst|inmitten|(?:die[ds]?|dying) (?:of|from)|succumb\w* to|(?:starb|starben|gestorben|verstorben|sterben|stirbt|litt|leidet|erkrankt\w*) an|erlag|erlagen|erlegen|an den Folgen|suffer\w*(?: from)?|nach (?:langer|kurzer|schwerer) (?:Krankheit|Erkrankung)|Todesursache|cause of (?:\w+ )?death|(?:long|short|brief|prolonged|lengthy) illness|verantwortlich|responsible for|blamed?|attributed to)\b|, da\b|^Da\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cause();

    [GeneratedRegex("[«»„“”\"]")]
    private static partial Regex Quotation();

    /// <summary>
    /// The sentence quotes what someone said: a quotation of at least <see cref="MinSpeechWords"/> words, or one that runs
    /// past the sentence (an unpaired mark). A word or two in quotation marks ("unintentionally", "human error", "swine
    /// flu") is a term the writer sets off, not a statement: "Iran acknowledged it had "unintentionally" shot down …" says
    /// nothing the Iranian president said.
    /// </summary>
    internal static bool QuotesSpeech(string sentence)
    {
        var marks = Quotation().Matches(sentence);
        if (marks.Count % 2 == 1)
        {
            return true;
        }

        for (var i = 0; i + 1 < marks.Count; i += 2)
        {
            var inner = sentence.AsSpan(marks[i].Index + 1, marks[i + 1].Index - marks[i].Index - 1);
            var words = 0;
            foreach (var range in inner.Split(' '))
            {
                words += inner[range].Trim().Length > 0 ? 1 : 0;
            }

            if (words >= MinSpeechWords)
            {
                return true;
            }
        }

        return false;
    }

    private const int MinSpeechWords = 3;

    /// <summary>Reported speech without quotation marks, as 10kGNAD and agency copy print it.</summary>
    [GeneratedRegex(@"\b(sagte|sagt|gesagt|erklärte|erklärt|betonte|betont|meinte|schrieb|warnte|mahnte|forderte|so \w+|said|says|wrote|told|stressed|warned)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reported();

    /// <summary>
    /// "According to …" reports what its source says: the asked person's words only when the source is one the question
    /// names ("According to Reuters and NBC, Mohammad bin Salman is the de facto ruler" is not what he said).
    /// </summary>
    private static bool Attributed(string sentence, IReadOnlySet<string> questionTerms) =>
        AccordingTo().Match(sentence) is { Success: true } source && TextAnalyzer.Terms(source.Groups["s"].Value).Any(questionTerms.Contains);

    [GeneratedRegex(@"\baccording to (?<s>[^,.;:]+)", RegexOptions.IgnoreCase)]
    private static partial Regex AccordingTo();

    /// <summary>
    /// A cardinal written as a word, in English ("ten", "twenty-five", "a" or "one" only before a scale: "a million") or
    /// German, where the number is one word built by rule ("zehn", "fünfundzwanzig", "zweihundert", "zehntausend"; not the
    /// article "ein"). Numbers in news text are as often written out as in digits: "ten thousand new residents".
    /// </summary>
    private const string CardinalWord =
        @"(?i:\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
        + @"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|two|three|four|five|six|seven|eight|nine"
        + @"|(?:one|a)(?=\s+(?:hundred|thousand|million|billion|dozen)\b)|one(?=\s+out\s+of\s)"
        // "die Elf" (a team) and "außer Acht" are nouns, capitalised as German nouns are; the numbers are written in lower case.
        + @"|(?-i:(?!Elf\b|Acht\b))(?!ein\b)(?:" + GermanBelow1000 + ")?tausend(?:" + GermanBelow1000 + @")?|(?-i:(?!Elf\b|Acht\b))(?!ein\b)" + GermanBelow1000 + @")\b)";

    private const string GermanUnit = "ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun";

    private const string GermanBelow100 = "(?:(?:" + GermanUnit + ")und)?(?:zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)"
        + "|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn|sechzehn|siebzehn|achtzehn|neunzehn|" + GermanUnit;

    private const string GermanBelow1000 = "(?:(?:" + GermanUnit + ")?hundert(?:" + GermanBelow100 + ")?|" + GermanBelow100 + ")";

    /// <summary>A scale word after a number: "ten thousand", "zwei Millionen", "3 Mrd.".</summary>
    /// <summary>Scales, with the abbreviations German papers and the wire services write ("Mio.", "Mrd."; "mln", "bln").</summary>
    private const string Scale = @"(?i:Mrd\.|Mio\.|Tsd\.|Milliarden|Millionen|Million|Milliarde|Billionen|Tausend|Hundert|hundred|thousand|million|billion|trillion|dozen|mln|bln)";

    /// <summary>A number, a range ("fünf bis zehn Prozent", "23–16") or a share ("sechs von zehn Schülern", "one out of five") with an optional qualifier before it and a unit (or a scale and a unit) after it.</summary>
    [GeneratedRegex(@"(?<p>(?:(?i:weniger|mehr|knapp|rund|etwa|fast|über|unter|bis zu|mindestens|höchstens|less|more|about|around|nearly|almost|over|under|up to|at least)\s+(?:als\s+|than\s+)?)?(?:(?:(?:US-?)?\$|€|£)?\d+(?:[.,:]\d+)*(?:-\d/\d{1,2}(?!\d))?(?:\s?±\s?\d+(?:[.,]\d+)*)?|" + CardinalWord + @")(?:(?:(?:\s*[–-]\s*|\s+bis\s+)(?:\d+(?:[.,]\d+)*|" + CardinalWord + @")|" + OutOf + @")(?!\.\s*\p{Lu}))?(?:\s?%|\s?-?(?:prozent|percent|per cent|pct))?(?:-\p{L}+(?:-\p{L}+)*)?(?:\s+(?:Mrd\.|Mio\.|Tsd\.|Milliarden|Millionen|Billionen|Tausend|Hundert|million|billion|trillion|thousand|hundred|mln|bln)(?=\W|$))?(?:\s+(?!(?:und|and|oder|or|in|im|am|an|auf|bei|mit|von|vom|für|seit|der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|the|a|of|to|for|at|on|with|from|by|is|was|were|are|had|has|have|been|will|would|sind|ist|war|hat|hatte|hatten|haben|wurde|wurden|wird|werden)\b)[A-Za-zÄÖÜäöüß][\wÄÖÜäöüß/-]*){0,2}(?:(?<=\b(?:per|pro))\s+[A-Za-zÄÖÜäöüß]\w*)?)")]
    private static partial Regex AmountPhraseRaw();

    private static Regex AmountPhrase() => AmountPhraseRaw();

    /// <summary>
    /// The names after a locative preposition in a question ("… in Lissabon?", "… near Las Vegas"): where it asks about.
    /// Bare: no article between ("in Lissabon", not "in der Nacht", "im Jahr"); German nouns take one, place names do not.
    /// </summary>
    public static IEnumerable<(string Name, bool Bare)> Locatives(string question) =>
        PlacePhrase().Matches(question).Select(m => (m.Groups["p"].Value.Trim(), BarePlace().IsMatch(m.Value)));

    [GeneratedRegex(@"^(?:in|nach|aus|from|near|at)\s+[A-ZÄÖÜ]")]
    private static partial Regex BarePlace();

    /// <summary>Where a currency code or symbol written just before <paramref name="index"/> starts ("CHF 20", "¥500"); null when none is.</summary>
    private static int? CurrencyBefore(string sentence, int index)
    {
        var end = index;
        while (end > 0 && sentence[end - 1] == ' ')
        {
            end--;
        }

        var start = end;
        while (start > 0 && !char.IsWhiteSpace(sentence[start - 1]) && !char.IsDigit(sentence[start - 1]))
        {
            start--;
        }

        return start < end && Currencies.IsPrefix(sentence[start..end]) ? start : null;
    }

    /// <summary>
    /// The noun a how-many question counts ("How many universities …" → "universities", "Mit wie vielen Interceptions …"
    /// → "Interceptions", "Wie viele deutsche Soldaten …" → "Soldaten"), or null when it counts none: "Wie viele
    /// demonstrierten …?" asks how many did something; German writes the verb lower case after "wie viele", and a noun
    /// capitalised.
    /// </summary>
    /// <summary>"How many …", "wie viele …" before a word that is no stop word ("How many did they sell?" asks about a count already named).</summary>
    public static bool AsksHowMany(string question) =>
        CountQuestion().Match(question) is { Success: true } m && !TextAnalyzer.IsStopWord(m.Groups["n"].Value);

    public static string? CountedNoun(string question) =>
        CountedWords(question, out var german) is { } counted ? (german ? counted.Head : counted.First) : null;

    /// <summary>
    /// The verb that says what happened to the counted ("starben" of "Wie viele Menschen starben …?", "killed" of "How many
    /// people were killed …?"): the first word after the counted noun that is no stop word, when it is a verb by its form
    /// (German: lower case, as German capitalises nouns; English: a past form, "-ed" or an irregular one of
    /// <paramref name="isIrregularPast"/>). News counts the event by its noun as often as the people: "56 deaths", "30 Festnahmen".
    /// </summary>
    public static string? CountedVerb(string question, Func<string, bool> isIrregularPast)
    {
        if (CountedWords(question, out var german) is not { } counted)
        {
            return null;
        }

        var head = question.IndexOf(counted.Head, CountQuestion().Match(question).Index, StringComparison.Ordinal);
        var next = TextAnalyzer.Tokens(question[(head + counted.Head.Length)..]).FirstOrDefault(w => !TextAnalyzer.IsStopWord(w));
        return next is null || char.IsUpper(next[0]) ? null
            : german || IsPastForm(next, isIrregularPast) ? next : null;
    }

    /// <summary>
    /// The words a how-many question counts by, from its first word to the head of its phrase: "square
    /// kilometers", "forced fumbles", "Quadratkilometer" (null when it counts none). What a short answer's gloss names its
    /// count with: "7.000.000 Quadratkilometer" is "7,000,000 square kilometers", not "7,000,000 square".
    /// </summary>
    public static string? CountedPhrase(string question) =>
        CountedWords(question, out _) is { } counted ? string.Join(' ', counted.Phrase.Take(counted.Phrase.IndexOf(counted.Head) + 1)) : null;

    /// <summary>
    /// The phrase after "how many" / "wie viele" and its head. The phrase runs to its first stop word (the verb's auxiliary, a
    /// preposition, an article), through "and" and "or". A German phrase's head is its first capitalised word (German
    /// capitalises nouns; the adjectives before it are lower case, and what follows it, "Quadratkilometer Regenwald", is what
    /// it measures); without one it is a verb when the question capitalises some later word (its nouns and names), and
    /// counts nothing. An English phrase's head is its last lower-case plural ("metric tons"), as a how-many question counts
    /// in the plural; without one ("people"), its first lower-case word, as a verb may follow ("How many people signed up
    /// …"). Capitalised words are names ("Panthers defense players"), unless all are.
    /// </summary>
    private static (List<string> Phrase, string First, string Head)? CountedWords(string question, out bool german)
    {
        german = false;
        if (CountQuestion().Match(question) is not { Success: true } m || TextAnalyzer.IsStopWord(m.Groups["n"].Value))
        {
            return null;
        }

        var phrase = new List<string>();
        var end = m.Groups["n"].Index;
        foreach (var raw in question[m.Groups["n"].Index..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.TrimEnd('?', '!', '.', ',', ';', ':');
            if (word.Length == 0 || (word is not ("and" or "or" or "und" or "oder") && TextAnalyzer.IsStopWord(word)))
            {
                break;
            }

            phrase.Add(word);
            end = question.IndexOf(raw, end, StringComparison.Ordinal) + raw.Length;
            if (word.Length < raw.Length)
            {
                break;
            }
        }

        german = m.Value.StartsWith("wie", StringComparison.OrdinalIgnoreCase);
        var words = phrase.FindAll(w => w is not ("and" or "or" or "und" or "oder"));
        var common = words.FindAll(w => !char.IsUpper(w[0])) is { Count: > 0 } lower ? lower : words;
        if (german && !words.Exists(w => char.IsUpper(w[0])) && TextAnalyzer.Tokens(question[end..]).Any(w => char.IsUpper(w[0])))
        {
            return null;
        }

        var head = german
            ? words.Find(w => char.IsUpper(w[0])) ?? words[0]
            : common.FindLast(w => w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)) ?? common[0];
        return (phrase, m.Groups["n"].Value, head);
    }

    /// <summary>
    /// The words right after each number of the sentence, in digits or words ("zwei Universitäten", "vier erzwungene Fumbles":
    /// both words), also a word joined by a hyphen ("a two-day shutdown" counts days, not people); a fraction ("two-thirds")
    /// counts nothing.
    /// </summary>
    public static IEnumerable<string> CountedWords(string sentence)
    {
        foreach (Match match in CountedAfterNumber().Matches(sentence))
        {
            yield return match.Groups["a"].Value;
            if (match.Groups["b"].Success)
            {
                yield return match.Groups["b"].Value;
            }
        }
    }

    [GeneratedRegex(@"\b(?:how many|wie ?viele|wie ?vielen)\s+(?<n>\p{L}[\p{L}-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex CountQuestion();

    [GeneratedRegex(@"(?:\d+(?:[.,]\d+)*|" + CardinalWord + @")(?:" + OutOf + @")?(?:\s+" + Scale + @")?(?:\s+|-(?!(?:half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|hundredths?)\b))(?<a>\p{L}[\p{L}-]*)(?:\s+(?<b>\p{L}[\p{L}-]*))?")]
    private static partial Regex CountedAfterNumber();

    /// <summary>The second number of a share: "sechs von zehn Schülern" counts pupils, "one out of five voters" voters.</summary>
    private const string OutOf = @"\s+(?:von|of|out\s+of)\s+(?:\d+(?:[.,]\d+)*|" + CardinalWord + ")";

    /// <summary>
    /// A time phrase that places nothing in the calendar by itself: no number and no month ("am Freitag", "early yesterday",
    /// "kurz nach Ostern"). News dates what it reports by such words, relative to the day the article appeared.
    /// </summary>
    public static bool IsRelativeDay(string phrase) => !Number().IsMatch(phrase) && !MonthWord().IsMatch(phrase);

    [GeneratedRegex(@"\b(?:" + MonthName + @")\b")]
    private static partial Regex MonthWord();

    /// <summary>The sentence names a number, in digits or words ("six-time Grammy winner").</summary>
    public static bool NamesNumber(string sentence) => Number().IsMatch(sentence);

    /// <summary>The number of an amount or time phrase, in digits or words.</summary>
    [GeneratedRegex(@"\d+(?:[.,]\d+)*|" + CardinalWord)]
    private static partial Regex Number();

    /// <summary>
    /// Dates (also "the fourth of March"), times of day, years, durations, relative days and the yearly feasts that news
    /// dates by ("vor dem Weihnachtsgeschäft", "after Easter") in either language. A duration may end in a fraction, as the
    /// wire services write it ("11-1/2 hours"), of which "2 hours" alone would be no part.
    /// </summary>
    [GeneratedRegex(@"(?<![\wÄÖÜäöüß/])(?<p>(?:(?:innerhalb|binnen|within|in)\s+(?:von\s+)?(?:\d+(?:-\d/\d{1,2})?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|two|three|four|five|six|seven|eight|nine|ten|twelve|einer|einem|eines|a|an|one)\s+(?:Stunden?|Tagen?|Wochen?|Monaten?|Jahren?|Minuten|hours?|days?|weeks?|months?|years?|minutes))|(?:(?:für|über|for|over)\s+)?(?:\d+(?:-\d/\d{1,2})?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:Stunden|Tagen?|Wochen|Monaten?|Jahren?|Minuten|hours|days|weeks|months|years|minutes)\b|(?:(?:(?i:(?:seit|bis|ab)(?:\s+(?:zum|zur|dem))?)|am|im|vom|from|since|until|by|on|in)\s+)?(?:(?:Anfang|Ende|Mitte|early|late|mid)\s+)?(?:(?:(?:the\s+)?(?:(?:twenty|thirty)-?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|(?:the\s+)?(?:tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)|(?:the\s+)?\d{1,2}(?:st|nd|rd|th))\s+of\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:,?\s+\d{4})?|\d{1,2}\.\s?(?:Jänner|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?:\s+\d{4})?|(?:Jänner|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|April|May|June|July|August|September|October|November|December)\b(?:\s+\d{1,2}(?:st|nd|rd|th)?(?!\d))?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|(?:1[5-9]|20)\d\d(?:er)?s?\b(?!\s?(?:UTC|GMT|Uhr))|\d{1,2}[:.]\d\d(?![\d.,]?\d)\s?(?:am|pm|a\.m\.|p\.m\.|Uhr)?|(?:(?:im|in\s+the|the)\s+)?(?:ersten|zweiten|dritten|vierten|letzten|first|second|third|fourth|last)\s+(?:Quartal|quarter)(?:\s+(?:des\s+(?:nächsten|kommenden|laufenden|vergangenen)\s+Jahres|of\s+(?:next|this|last)\s+year|(?:of\s+)?\d{4}))?|(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\w*|(?:(?i:gestern|vorgestern|heute|sofort|yesterday|today|tomorrow|immediately)|Mitternacht|Mittag|midnight|noon)|(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?(?:this|next|last|the\s+coming)\s+(?:week|month|year)\b|(?:Ende|Anfang|Mitte)\s+(?:dieses|des\s+(?:kommenden|nächsten|laufenden))\s+(?:Monats|Jahres)|(?:nächste|kommende|diese|vergangene|letzte)\s+Woche|(?:nächsten|kommenden|vergangenen|letzten)\s+(?:Monat|Jahr)\b|(?:(?:vor|nach|bis|seit|zu|an|am|before|after|until|by|over|at|for|on)\s+(?:(?:dem|den|der|zum)\s+|the\s+)?)?(?:Weihnacht\w*|Oster\w*|Pfingst\w*|Silvester|Neujahr\w*|Christmas(?:\s+(?:Eve|Day))?|Easter|Thanksgiving|New\s+Year's(?:\s+(?:Eve|Day))?)))")]
    private static partial Regex TimePhrase();

    /// <summary>
    /// A capitalised name after a locative preposition: "in Riad", "im saudi-arabischen Riad", "near Las Vegas", "from Dubai";
    /// or the name a place is given after one: "in a publicly accessible area called the Ellipse", "in einem Ort namens Au".
    /// An initial inside the name is part of it: "at Richard J. Donovan Correctional Facility".
    /// </summary>
    [GeneratedRegex(@"\b(?:in|im|nach|bei|aus|at|near|from|into|outside|east of|west of|north of|south of|östlich von|westlich von|nördlich von|südlich von)\s+(?:(?:an?|the|einer?|einem)\s+(?:[a-zäöüß-]+\s+){0,3}(?:called|named|known\s+as|namens)\s+(?:the\s+)?|(?:der\s+|dem\s+|the\s+)?(?:[a-zäöüß-]+(?:en|em|er|es|e)\s+)?)(?<p>(?:[A-ZÄÖÜ][\wäöüß'-]+)(?:\s+(?:[A-ZÄÖÜ][\wäöüß'-]+|[A-Z]\.(?=\s+[A-ZÄÖÜ][\wäöüß'-])|(?:del|de|am|an der|upon|on)(?!\s+" + DayOrMonth + @")))*(?:\s+(?!" + DayOrMonth + @")[A-ZÄÖÜ][\wäöüß'-]+)?)")]
    private static partial Regex PlacePhrase();

    [GeneratedRegex(@"(?:^|[.!?""“„‘'(:;–—-])\s*$")]
    private static partial Regex ClauseOpening();

    /// <summary>
    /// Whether a time phrase is in the calendar unit the question asks for: a year ("1965", "15. Juni 1215") for "In what
    /// year …", a day (a weekday or a day of a month: "am Dienstag", "April 27") for "An welchem Tag …", "On what date …".
    /// </summary>
    public static bool InUnit(string phrase, CalendarUnit unit) => unit switch
    {
        CalendarUnit.Year => YearIn().IsMatch(phrase),
        CalendarUnit.Day => WeekdayIn().IsMatch(phrase) || DayOfMonthIn().IsMatch(phrase),
        _ => true,
    };

    [GeneratedRegex(@"\b(?:welche[mnrs]?|which|what)\s+(?:jahr|year)\b")]
    private static partial Regex YearAsked();

    [GeneratedRegex(@"\b(?:welche[mnrs]?|which|what)\s+(?:tag|datum|day|date)\b")]
    private static partial Regex DayAsked();

    [GeneratedRegex(@"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")]
    private static partial Regex YearIn();

    [GeneratedRegex(@"\b(?:" + WeekdayName + ")")]
    private static partial Regex WeekdayIn();

    [GeneratedRegex(@"\b\d{1,2}(?:\.|st|nd|rd|th)?\s+(?:of\s+)?(?:" + MonthName + @")\b|\b(?:" + MonthName + @")\s+\d{1,2}\b")]
    private static partial Regex DayOfMonthIn();

    /// <summary>The months in German (with Austria's "Jänner") and English.</summary>
    private const string MonthName = "Jänner|Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|January|February|March|May|June|July|October|December";

    /// <summary>The weekdays in German and English.</summary>
    private const string WeekdayName = "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    /// <summary>A weekday or month, which a place name's "am", "on" never joins: "in Istanbul on October 2", "in Wien am Montag".</summary>
    private const string DayOrMonth = @"(?:(?:" + WeekdayName + @")\w*|" + MonthName + @")\b";

    /// <summary>
    /// A person's name: two or more capitalised words ("Hans Van Bylen", "Kawann Short"), particles allowed inside ("der" only
    /// after "van", "von": "am Sonntag der Norweger Lars Ekdahl" holds no name "Sonntag der …"); up to five, so a title before
    /// the name ("French President Emmanuel Macron") does not cut it off. A middle initial is part of the name ("Robert F. Kennedy").
    /// </summary>
    [GeneratedRegex(@"(?<![\wäöüß-])(?<p>[A-ZÄÖÜ][a-zäöüßéèáíóúñç'-]+(?:\s+(?:(?:van|von|Van|Von)(?:\s+(?:der|den))?|de|al|bin|la|le|De|Al|El|di|da|du)(?=\s))?(?:\s+(?:[A-Z]\.\s+)?[A-ZÄÖÜ][a-zäöüßéèáíóúñç'-]+(?:-[A-ZÄÖÜ][a-zäöüßéèáíóúñç']+)*){1,4})(?![\wäöüß])")]
    private static partial Regex PersonPhrase();

    /// <summary>A role noun: a capitalised word ending as roles do in German (-minister, -sprecher, -chef, …) or an English title.</summary>
    [GeneratedRegex(@"(minister\w*|sprecher\w*|chef\w*|präsident\w*|kanzler\w*|leiter\w*|vorsitzende\w*|direktor\w*|sekretär\w*|berater\w*|trainer\w*|anwalt\w*|anwältin|abgeordnete\w*|gouverneur\w*|bürgermeister\w*|botschafter\w*|kommissar\w*|führer\w*|experte\w*|autor\w*|spieler\w*|Secretary|Minister|President|Prime|Chancellor|Governor|Mayor|Senator|spokesman|spokeswoman|chief|director|leader|CEO|chairman|lawyer|coach|player|actor|singer)$", RegexOptions.IgnoreCase)]
    private static partial Regex RoleNoun();

    /// <summary>An apposition or predicate after the name: ", der …", ", the …", " is the …", " (59, …)".</summary>
    [GeneratedRegex(@"^\w*(?:,\s+(?:der|die|das|ein|eine|einer|the|a|an|who|which|his|her|\w+'s)\b|\s+(?:is|was|ist|war|became|wurde)\s+(?:the|a|an|der|die|das|ein|eine|seit)\b|\s*\(\d+,)")]
    private static partial Regex Apposition();
}
