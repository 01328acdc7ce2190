using System.Text.RegularExpressions;
using NewsBot.Retrieval.People;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>
/// Turns a chosen sentence into evidence a reader can use on its own: with the sentence before it when it leans on it
/// (a pronoun or connective first: "Er …", "Dazu …", "This …"), with the sentence after it when that holds the answer;
/// and tells debris (tweet links, an interviewer's question) from evidence.
/// </summary>
internal static partial class Evidence
{
    /// <param name="quoted">What the answer quotes already: a sentence leant on that it holds is not quoted twice.</param>
    public static string WithContext(IReadOnlyList<string> sentences, int index, bool withNext, bool withPrevious = false, bool withAfterNext = false, string? quoted = null)
    {
        var parts = new List<string>(4);
        if (index > 0 && (withPrevious || LeansOnPrevious(sentences[index])) && Quotable(sentences[index - 1]))
        {
            // The sentence leaned on may lean back itself ("He also said …" after "Neil Basu said …"): quoted from it, the
            // evidence would open with a pronoun no one named.
            if (index > 1 && LeansOnPrevious(sentences[index - 1]) && Quotable(sentences[index - 2]))
            {
                parts.Add(sentences[index - 2]);
            }

            parts.Add(sentences[index - 1]);
        }

        parts.Add(sentences[index]);
        if (withNext && index + 1 < sentences.Count)
        {
            parts.Add(sentences[index + 1]);
            if (withAfterNext && index + 2 < sentences.Count && !IsDebris(sentences[index + 2]))
            {
                parts.Add(sentences[index + 2]);
            }
        }

        return string.Join(' ', parts);

        bool Quotable(string sentence) => !IsDebris(sentence) && (quoted is null || !quoted.Contains(sentence, StringComparison.Ordinal));
    }

    /// <summary>
    /// The sentence starts with a word that points back (a personal or demonstrative pronoun, a connective), or names
    /// something through a demonstrative ("these devices", "dieses Projekt") that the sentence before introduced.
    /// </summary>
    public static bool LeansOnPrevious(string sentence) => Leaning().IsMatch(sentence) || Demonstrative().IsMatch(sentence) || PronounSubject().IsMatch(sentence) || Sequel().IsMatch(sentence) || Elaborates(sentence);

    /// <summary>
    /// "Die Steirerin sorgte im zweiten Durchgang …", "Der 23-Jährige wechselt …": German news names a person again by a
    /// definite article and a role, origin or age instead of a pronoun, so the sentence is about whom the one before named.
    /// A woman's origin or occupation ends in "-erin" whether or not the dictionary lists it ("Steirerin", "Vorarlbergerin").
    /// </summary>
    public static bool NamesPersonAgain(string sentence, WordKnowledge knowledge) =>
        PersonAgain().Match(sentence) is { Success: true } again
        && (again.Groups["age"].Success || again.Groups["noun"].Value.EndsWith("erin", StringComparison.Ordinal)
            || knowledge.TryGermanPersonNoun(again.Groups["noun"].Value, out _, out _, out _));

    [GeneratedRegex(@"^[»„""“«]?(?:Der|Die)\s+(?:(?<age>\d+-[Jj]ährige)\b|(?<noun>\p{Lu}[\p{L}-]+)\s+\p{Ll})")]
    private static partial Regex PersonAgain();

    /// <summary>The sentence gives an example of what the one before says, or its next step (<see cref="Sequel"/>).</summary>
    public static bool IsSequel(string sentence) => Sequel().IsMatch(sentence);

    /// <summary>
    /// An example or the next step of what the sentence before says ("Many classes are suspected to be unequal. For instance
    /// P ⊆ NP …", "… plagued with problems. First the crew noticed …", "Zum Beispiel …", "Dann …"): it is read with it.
    /// "First" only before a lower-case word or a comma: "First World War …" names a war.
    /// </summary>
    [GeneratedRegex(@"^[»„""“«]?(?:For (?:example|instance)|In particular|First(?=,|\s+\p{Ll})|Then|Finally|Zum Beispiel|Beispielsweise|Insbesondere|Zunächst|Zuerst|Dann|Schließlich)\b")]
    private static partial Regex Sequel();

    /// <summary>
    /// The nearest earlier sentence that introduced what this one names again with a definite article ("Im Bürgerkrieg in
    /// Sri Lanka …" for "Der mehr als ein Vierteljahrhundert andauernde Bürgerkrieg endete …"); −1 when the sentence starts
    /// otherwise or names nothing said before. Only German definite articles count (in English the rule cost answers). The
    /// noun phrase is read up to its first punctuation, by its capitalised words (nouns).
    /// </summary>
    public static int NamedBefore(IReadOnlyList<string> sentences, int index)
    {
        if (index == 0 || DefiniteStart().Match(sentences[index]) is not { Success: true } start)
        {
            return -1;
        }

        var german = start.Groups["de"].Success;
        var rest = sentences[index][start.Length..];
        var phrase = rest[..Math.Max(0, rest.IndexOfAny([',', ';', ':', '.', '(', '–']) is var stop and >= 0 ? stop : rest.Length)];
        var words = TextAnalyzer.Tokens(phrase).Take(german ? MaxGermanPhrase : MaxEnglishPhrase).Where(w => !german || char.IsUpper(w[0]));
        var nouns = words.Select(TextAnalyzer.Term).OfType<string>().Where(t => !char.IsDigit(t[0])).ToHashSet(StringComparer.Ordinal);
        if (nouns.Count == 0)
        {
            return -1;
        }

        for (var j = index - 1; j >= 0; j--)
        {
            if (TextAnalyzer.Terms(sentences[j]).Exists(nouns.Contains))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>
    /// The sentence takes up with a definite article what <paramref name="before"/> introduced with an indefinite one ("… a
    /// problem instance is a string over an alphabet. Usually, the alphabet is taken to be the binary alphabet …", "… ein
    /// String in einem Alphabet … Normalerweise wird das binäre Alphabet …"): the new thing of one sentence is the given
    /// thing of the next, which goes on about it. Nouns are compared by their heads (the last word before a stop word or
    /// punctuation; in German, a capitalised word).
    /// </summary>
    public static bool TakesUp(string sentence, string before)
    {
        var introduced = Heads(before, IndefiniteArticle());
        return introduced.Count > 0 && Heads(sentence, DefiniteArticle()).Overlaps(introduced);
    }

    private static HashSet<string> Heads(string sentence, Regex article)
    {
        var heads = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in article.Matches(sentence))
        {
            var german = m.Groups["de"].Success;
            string? head = null;
            foreach (var word in m.Groups["np"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var bare = word.TrimEnd(',', ';', ':', '.', '(', ')', '!', '?');
                if (bare.Length == 0 || !char.IsLetter(bare[0]) || TextAnalyzer.IsStopWord(bare))
                {
                    break;
                }

                if (!german || char.IsUpper(bare[0]))
                {
                    head = bare;
                }

                if (bare.Length < word.Length || (german && head is not null))
                {
                    break;
                }
            }

            if (head is not null && TextAnalyzer.Term(head) is { } term && !char.IsDigit(term[0]))
            {
                heads.Add(term);
            }
        }

        return heads;
    }

    [GeneratedRegex(@"(?:\b(?:a|an|A|An)|(?<de>\b(?:ein|eine|einen|einem|einer|eines|Ein|Eine|Einen|Einem|Einer|Eines)))\s+(?=(?<np>\S+(?:\s+\S+){0,3}))")]
    private static partial Regex IndefiniteArticle();

    [GeneratedRegex(@"(?:\b(?:the|The)|(?<de>\b(?:der|die|das|den|dem|des|Der|Die|Das|Den|Dem|Des)))\s+(?=(?<np>\S+(?:\s+\S+){0,3}))")]
    private static partial Regex DefiniteArticle();

    /// <summary>The first words of a sentence that starts with a definite article ("The neighborhood lies …" → "neighborhood lies"); null otherwise.</summary>
    public static string? DefiniteSubject(string sentence) =>
        DefiniteSubjectStart().Match(sentence) is { Success: true } m ? m.Groups["np"].Value : null;

    [GeneratedRegex(@"^[»„""“«]?(?:The|Der|Die|Das)\s+(?<np>\S+(?:\s+\S+)?)")]
    private static partial Regex DefiniteSubjectStart();

    /// <summary>A German noun phrase's head may follow several modifiers ("Der mehr als ein Vierteljahrhundert andauernde Bürgerkrieg").</summary>
    private const int MaxGermanPhrase = 8;

    /// <summary>An English noun phrase's head comes soon; later words are the verb and its objects.</summary>
    private const int MaxEnglishPhrase = 3;

    [GeneratedRegex(@"^[»„""“«]?(?:(?<de>Der|Die|Das|Den|Dem|Des))\s+")]
    private static partial Regex DefiniteStart();

    /// <summary>
    /// Links, embedded tweets and questions (an interviewer's, a rhetorical one) are never an answer. A statement that a
    /// colon leads into a question ("Nach 637 Tagen Haft steht Hoeneß vor der Frage: Wars das …?") states something before
    /// it; a speaker's tag before an interviewer's question ("STANDARD: Wer ist …?") is too short to be a clause.
    /// </summary>
    public static bool IsDebris(string sentence) =>
        (sentence.TrimEnd().EndsWith('?') && !StatementBeforeQuestion().IsMatch(sentence)) || Link().IsMatch(sentence) || sentence.Count(char.IsLetter) < 12;

    /// <summary>Six words or more, none of them a question, before the colon that opens the question.</summary>
    [GeneratedRegex(@"^[^?:]*?(?:\S+\s+){5,}[^?:]*:\s")]
    private static partial Regex StatementBeforeQuestion();

    /// <summary>
    /// English has a connective for each German one ("As such" for "Als solche", "Moreover" for "Außerdem"). "Das" points back
    /// as a pronoun ("Das sei …"), not as the article it also is: before a noun or a preposition ("Das seit Sonntag geltende
    /// Verbot", "Das Projekt") it names something, as "Der" and "Die" do.
    /// </summary>
    [GeneratedRegex(@"^[»„""“«]?(Er|Sie|Es|Ihr|Ihre|Sein|Seine|Dies|Diese|Dieser|Dieses|Das(?!\s+(?:\p{Lu}|(?:seit|von|vom|vor|nach|in|im|am|bei|beim|mit|für|aus|zum|zur|über|unter|auf|an|ab|bis|um|gegen|ohne|durch)\b))|Dazu|Davon|Daher|Deshalb|Deswegen|Darum|Dabei|Damit|Danach|Darauf|Dafür|Dagegen|Dort|Demnach|Dennoch|Trotzdem|Zudem|Außerdem|Allerdings|Jedoch|Doch|Aber|Auch|Gleichzeitig|Stattdessen|He|She|It|They|Its|His|Her|Their|This|That|These|Those|There|But|However|Also|Instead|Thus|Therefore|Such|As such|Hence|Consequently|As a result|Moreover|Furthermore|In addition|Besides|Nevertheless|Nonetheless|Meanwhile|At the same time|Afterwards|Subsequently|In turn)\b")]
    private static partial Regex Leaning();

    /// <summary>
    /// The sentence says more exactly what the one before said, as the rest of the same statement ("Lieber hätte er einen
    /// Neubau. Und zwar nicht irgendwo, sondern gegenüber dem Museum …", "Namely …", "Specifically …"): what it gives is
    /// the answer of the sentence before, as much as if that sentence had said it.
    /// </summary>
    public static bool Elaborates(string sentence) => Elaboration().IsMatch(sentence);

    [GeneratedRegex(@"^[»„""“«]?(?:Und zwar|Nämlich|Genauer gesagt|Namely|Specifically|More precisely)\b")]
    private static partial Regex Elaboration();

    /// <summary>
    /// A personal pronoun among the first words after the first ("Mit 39 Jahren ist er …", "Heute ist dies bekannt als …",
    /// "In 1530 he published …", "Today, this is known as …"): German puts the subject after the verb when something else
    /// comes first, so the pronoun that points back is not the first word; English "this" is "dies" (before a noun it is
    /// <see cref="Demonstrative"/>). "es" and "it" are left out: they are often no more than a placeholder ("es gibt").
    /// </summary>
    [GeneratedRegex(@"^\S+(?:\s+\S+){0,3}?\s+(er|sie|ihm|ihn|ihnen|dies|he|she|they|him|them|this)\b")]
    private static partial Regex PronounSubject();

    [GeneratedRegex(@"\b(these|those|such|this|diese[rmns]?|jene[rmns]?|solche[rmns]?)\s+[A-Za-zÄÖÜäöüß]{3,}", RegexOptions.IgnoreCase)]
    private static partial Regex Demonstrative();

    [GeneratedRegex(@"https?://|www\.|pic\.twitter\.com|\b\w+\.(com|org|net)/\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
