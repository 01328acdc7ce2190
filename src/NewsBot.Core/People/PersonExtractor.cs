using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using NewsBot.Core.Articles;
using NewsBot.Core.Languages;

namespace NewsBot.Core.People;

/// <summary>
/// Finds the people one article mentions, without a language model. German capitalises every noun, so a
/// capitalised word is never a person by itself. A new person needs evidence:
/// <list type="bullet">
/// <item>a known given name followed by a surname-shaped word ("Marco Rubio", "Ursula von der Leyen"), or</item>
/// <item>a role noun right before one or two surname-shaped words ("Kremlsprecher Dmitri Peskow",
/// "Präsident Selenskyj" when "Selenskyj" recurs or is known from another article).</item>
/// </list>
/// Later bare or inflected surnames ("Lawrow", "Selenskyjs", "Putin's") count as mentions of the person
/// introduced earlier; places and organisations from <see cref="PeopleLexicon"/> never become people.
/// Quotes («…», »…«, „…“, “…”, "…") are attributed to a person named in the same sentence next to a speech verb
/// ("…«, mahnte Selenskyj"), or, with a pronoun ("sagte er"), to the person mentioned last before.
/// </summary>
/// <remarks>
/// Paragraph ordinal convention (for <see cref="PersonQuote.Ordinal"/> and <see cref="Person.Places"/>): the
/// zero-based index of the paragraph among the article's <see cref="BlockKind.Paragraph"/> blocks only, i.e. the
/// position in <see cref="Article.Paragraphs"/>. Headings have no ordinal: a mention there counts, but is not a place.
/// One pass over the tokens per step keeps extraction linear in the article's length. Stateless and thread-safe.
/// </remarks>
public sealed partial class PersonExtractor
{
    /// <summary>
    /// Word ranges of a text: letters and digits, joined by inner apostrophes and hyphens ("US-Präsident", "O'Brien"),
    /// with a trailing apostrophe kept ("Merz'"), and dotted initials as one word ("U.S."). Hand-written because it
    /// runs over every word of the corpus.
    /// </summary>
    private static List<(int Start, int End)> WordRanges(string text)
    {
        var ranges = new List<(int Start, int End)>(text.Length / 6);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;

            // Dotted initials: "U.S.", "U.K."
            if (i + 3 < text.Length && char.IsUpper(text[i]) && text[i + 1] == '.' && char.IsUpper(text[i + 2]) && text[i + 3] == '.')
            {
                while (i + 1 < text.Length && char.IsUpper(text[i]) && text[i + 1] == '.')
                {
                    i += 2;
                }

                ranges.Add((start, i));
                continue;
            }

            while (true)
            {
                while (i < text.Length && IsWordChar(text[i]))
                {
                    i++;
                }

                if (i + 1 < text.Length && text[i] is '\'' or '’' or '-' && IsWordChar(text[i + 1]))
                {
                    i++;
                    continue;
                }

                break;
            }

            if (i < text.Length && text[i] is '\'' or '’' && char.IsLetter(text[i - 1]))
            {
                i++;
            }

            ranges.Add((start, i));
        }

        return ranges;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || (c > 0x7F && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark);

    private static int CountWords(string text) => WordRanges(text).Count;

    [GeneratedRegex("«([^«»]+)»|»([^«»]+)«|„([^„“”\"]+)[“”\"]|“([^“”]+)”|\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotePattern();

    /// <summary>Extracts one article. <paramref name="knownSurnames"/> (folded keys) lets a bare surname that another
    /// article introduced count here too; pass null to extract the article alone.</summary>
    public ArticlePeople Extract(Article article, IReadOnlySet<string>? knownSurnames = null)
    {
        var run = new Run(article, knownSurnames);
        run.Execute();
        return new ArticlePeople(article.Id, article.Language, run.Result()) { NounUses = run.NounUses };
    }

    /// <summary>True when a capitalised word of the article has one of the folded surname keys (in any inflection).
    /// Cheap: lets the builder re-extract only the articles a newly introduced surname can change.</summary>
    public static bool MentionsAny(Article article, IReadOnlySet<string> surnameKeys)
    {
        if (surnameKeys.Count == 0)
        {
            return false;
        }

        foreach (var block in article.Blocks)
        {
            foreach (var match in WordRanges(block.Text))
            {
                var length = match.End - match.Start;
                if (!char.IsUpper(block.Text[match.Start]))
                {
                    continue;
                }

                foreach (var key in NameKey.InflectionKeys(block.Text.Substring(match.Start, length)))
                {
                    if (surnameKeys.Contains(key))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // Per distinct word, per language: is it shaped like a surname? Cached because the vocabulary repeats.
    private static readonly ConcurrentDictionary<string, bool> GermanSurnameShapes = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, bool> EnglishSurnameShapes = new(StringComparer.Ordinal);

    private readonly record struct Token(string Text, int Start, int End, bool Cap)
    {
        /// <summary>Lowercased on demand: only role phrases and function words need it.</summary>
        public string Lower => Text.ToLowerInvariant();
    }

    private readonly record struct Mention(Candidate Person, int Start);

    private sealed class Block(string text, int ordinal, Token[] tokens)
    {
        public string Text { get; } = text;

        /// <summary>Paragraph ordinal, or -1 for a heading.</summary>
        public int Ordinal { get; } = ordinal;

        public Token[] Tokens { get; } = tokens;

        public bool[] Consumed { get; } = new bool[tokens.Length];

        /// <summary>Name spans found by given-name evidence: start token → (person, end token inclusive).</summary>
        public Dictionary<int, (Candidate Person, int End)> Spans { get; } = [];

        public List<Mention> Mentions { get; } = [];
    }

    private sealed class Candidate(string? given, string surname, int order)
    {
        public string? Given { get; } = given;

        public string Surname { get; } = surname;

        public string SurnameKey { get; } = NameKey.Fold(surname);

        public string Name => Given is null ? Surname : Given + " " + Surname;

        public int Order { get; } = order;

        public bool Introduced { get; set; } = true;

        public List<string> Roles { get; } = [];

        public List<string> Forms { get; } = [];

        public int Mentions { get; set; }

        public SortedSet<int> Ordinals { get; } = [];

        public List<PersonQuote> Quotes { get; } = [];

        public void AddRole(string role)
        {
            if (role.Length > 0 && !Roles.Contains(role, StringComparer.Ordinal))
            {
                Roles.Add(role);
            }
        }

        public void AddForm(string form)
        {
            if (!Forms.Contains(form, StringComparer.Ordinal))
            {
                Forms.Add(form);
            }
        }
    }

    private sealed class Run
    {
        private readonly Article _article;
        private readonly IReadOnlySet<string>? _known;
        private readonly bool _german;
        private readonly List<Block> _blocks = [];
        private Dictionary<string, int>? _capitalisedCounts;
        private HashSet<string>? _lowercaseWords;
        private readonly Dictionary<string, int> _nounUses = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, int> NounUses => _nounUses;
        private readonly Dictionary<string, Candidate> _byFullKey = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Candidate> _bySurname = new(StringComparer.Ordinal);
        private readonly List<Candidate> _people = [];

        public Run(Article article, IReadOnlySet<string>? known)
        {
            _article = article;
            _known = known;
            _german = article.Language == Language.German;
            var ordinal = 0;
            foreach (var block in article.Blocks)
            {
                var tokens = Tokenize(block.Text);
                _blocks.Add(new Block(block.Text, block.Kind == BlockKind.Paragraph ? ordinal++ : -1, tokens));
            }
        }

        private static bool StartsSentence(Block block, int i)
        {
            var text = block.Text;
            for (var k = block.Tokens[i].Start - 1; k >= 0; k--)
            {
                var c = text[k];
                if (char.IsWhiteSpace(c) || c is '»' or '«' or '„' or '“' or '"' or '(' or '–' or '-')
                {
                    continue;
                }

                return c is '.' or '!' or '?' or ':';
            }

            return true;
        }

        /// <summary>True when the article also writes the word in lowercase: "Weil" at a sentence start is "weil".</summary>
        private bool UsedLowercase(string token)
        {
            if (_lowercaseWords is null)
            {
                _lowercaseWords = new HashSet<string>(StringComparer.Ordinal);
                foreach (var block in _blocks)
                {
                    foreach (var word in block.Tokens)
                    {
                        if (!word.Cap)
                        {
                            _lowercaseWords.Add(word.Text);
                        }
                    }
                }
            }

            return _lowercaseWords.Contains(token.ToLowerInvariant());
        }

        /// <summary>How often each folded key occurs capitalised in the article (any inflection); computed on first
        /// need, since only role cues with a single name and genitive decisions ask.</summary>
        private int CapitalisedCount(string key)
        {
            if (_capitalisedCounts is null)
            {
                _capitalisedCounts = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var block in _blocks)
                {
                    foreach (var token in block.Tokens)
                    {
                        if (token.Cap)
                        {
                            foreach (var inflected in NameKey.InflectionKeys(token.Text))
                            {
                                _capitalisedCounts[inflected] = _capitalisedCounts.GetValueOrDefault(inflected) + 1;
                            }
                        }
                    }
                }
            }

            return _capitalisedCounts.GetValueOrDefault(key);
        }

        public void Execute()
        {
            foreach (var block in _blocks)
            {
                FindGivenNameSpans(block);
            }

            foreach (var block in _blocks)
            {
                FindRoleCues(block);
            }

            foreach (var block in _blocks)
            {
                FindAppositions(block);
            }

            foreach (var block in _blocks)
            {
                CountBareSurnames(block);
            }

            Candidate? lastMentioned = null;
            foreach (var block in _blocks)
            {
                block.Mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
                AttributeQuotes(block, lastMentioned);
                if (block.Mentions.Count > 0)
                {
                    lastMentioned = block.Mentions[^1].Person;
                }
            }
        }

        public IReadOnlyList<ArticlePerson> Result() => _people
            .Where(p => p.Mentions > 0)
            .OrderBy(p => p.Order)
            .Select(p => new ArticlePerson
            {
                Name = p.Name,
                GivenName = p.Given,
                Surname = p.Surname,
                Roles = p.Roles.ToList(),
                Forms = p.Forms.ToList(),
                Mentions = p.Mentions,
                Ordinals = p.Ordinals.ToList(),
                Quotes = p.Quotes.ToList(),
                Introduced = p.Introduced,
            })
            .ToList();

        private static Token[] Tokenize(string text)
        {
            var tokens = new List<Token>(text.Length / 6);
            foreach (var (start, end) in WordRanges(text))
            {
                tokens.Add(new Token(text[start..end], start, end, char.IsUpper(text[start])));
            }

            return tokens.ToArray();
        }

        // ---- step 1: "Given Surname" ----
        private void FindGivenNameSpans(Block block)
        {
            var t = block.Tokens;
            for (var i = 0; i < t.Length; i++)
            {
                if (block.Consumed[i] || !t[i].Cap || !PeopleLexicon.IsGivenName(t[i].Text))
                {
                    continue;
                }

                var j = i + 1;
                // Particles: "Ursula von der Leyen", and capitalised "Alexander Van der Bellen" when more name follows.
                while (j + 1 < t.Length && j - i <= 3 && Adjacent(block, j - 1, j) && Adjacent(block, j, j + 1)
                    && (PeopleLexicon.IsNameParticle(t[j].Text)
                        || (t[j].Cap && PeopleLexicon.IsNameParticle(t[j].Lower) && (t[j + 1].Cap || PeopleLexicon.IsNameParticle(t[j + 1].Text)))))
                {
                    j++;
                }

                if (j >= t.Length || !Adjacent(block, j - 1, j) || !(IsSurnameShaped(t[j].Text) || HasArabicArticle(t[j].Text)))
                {
                    continue;
                }

                var givenEnd = i;

                // A middle given name: "Frank Walter Steinmeier".
                if (j == i + 1 && PeopleLexicon.IsGivenName(t[j].Text) && j + 1 < t.Length && Adjacent(block, j, j + 1)
                    && t[j + 1].Cap && IsSurnameShaped(t[j + 1].Text))
                {
                    givenEnd = j;
                    j++;
                }

                // "Abdel Fattah el-Sisi", "Bashar al-Assad": an Arabic article name after the surname belongs to it.
                if (j + 1 < t.Length && Adjacent(block, j, j + 1) && HasArabicArticle(t[j + 1].Text))
                {
                    j++;
                }

                var given = block.Text[t[i].Start..t[givenEnd].End];
                var surname = block.Text[t[givenEnd + 1].Start..t[j].Start] + SurnameOf(t[j].Text);
                var person = Introduce(given, surname);
                person.AddForm(person.Name);
                person.AddForm(person.Surname);
                for (var k = i; k <= j; k++)
                {
                    block.Consumed[k] = true;
                }

                block.Spans[i] = (person, j);
                AddMention(block, person, t[i].Start);
                i = j;
            }
        }

        // ---- step 2: role nouns before names ----
        private void FindRoleCues(Block block)
        {
            var t = block.Tokens;
            for (var h = 0; h + 1 < t.Length; h++)
            {
                if (!Adjacent(block, h, h + 1) || !t[h + 1].Cap)
                {
                    continue;
                }

                if (!TryRole(block, h, out var role, out var shared))
                {
                    continue;
                }

                var n = h + 1;
                if (block.Spans.TryGetValue(n, out var span))
                {
                    // "Sprecher Wladimir Putins" is Putin's spokesman, not Putin.
                    if (IsGenitiveOf(t[span.End].Text, span.Person))
                    {
                        continue;
                    }

                    span.Person.AddRole(role);

                    // "der Außenminister Marco Rubio und Sergej Lawrow": one plural role for a coordinated pair.
                    var and = span.End + 1;
                    if (shared && and + 1 < t.Length && t[and].Lower is "und" or "and" && Adjacent(block, span.End, and)
                        && Adjacent(block, and, and + 1) && block.Spans.TryGetValue(and + 1, out var second))
                    {
                        second.Person.AddRole(role);
                    }

                    continue;
                }

                if (block.Consumed[n] || !IsSurnameShaped(t[n].Text))
                {
                    continue;
                }

                if (FindBySurname(t[n].Text) is { } existing)
                {
                    if (!IsGenitiveOf(t[n].Text, existing))
                    {
                        existing.AddRole(role);
                    }

                    continue;
                }

                // "Präsident Bashar" without a surname we can read: a given name alone is no person.
                if (PeopleLexicon.IsGivenName(t[n].Text))
                {
                    continue;
                }

                var firstKey = NameKey.FoldWord(SurnameOf(t[n].Text));
                if (n + 1 < t.Length && Adjacent(block, n, n + 1) && t[n + 1].Cap && !block.Consumed[n + 1]
                    && IsSurnameShaped(t[n + 1].Text) && _known?.Contains(firstKey) != true)
                {
                    // "Regierungschef Kyriakos Mitsotakis": role + two name words, given name not in the lexicon.
                    var person = Introduce(t[n].Text, SurnameOf(t[n + 1].Text));
                    person.AddRole(role);
                    person.AddForm(person.Name);
                    person.AddForm(person.Surname);
                    block.Consumed[n] = block.Consumed[n + 1] = true;
                    block.Spans[n] = (person, n + 1);
                    AddMention(block, person, t[n].Start);
                    continue;
                }

                // Role + one word: a person only with repetition or outside evidence ("der US-Präsident Nachfragen" is not),
                // and not after an inflected role ("dem Bundespräsidenten Respekt zollen") or when it reads as a place.
                if (RoleIsInflected(t[h].Text) || PeopleLexicon.LooksLikePlace(t[n].Text))
                {
                    continue;
                }

                var repeated = NameKey.InflectionKeys(t[n].Text).Any(k => CapitalisedCount(k) >= 2);
                if (repeated || _known?.Contains(firstKey) == true)
                {
                    var person = Introduce(null, SurnameOf(t[n].Text));
                    person.AddRole(role);
                }
            }
        }

        /// <summary>"al-Assad", "el-Sisi": a lowercase Arabic article joined to a capitalised name.</summary>
        private static bool HasArabicArticle(string token) =>
            token.Length > 4 && (token.StartsWith("al-", StringComparison.Ordinal) || token.StartsWith("el-", StringComparison.Ordinal))
            && char.IsUpper(token[3]);

        private static bool IsGenitiveOf(string token, Candidate person) =>
            token.Length > 3 && token[^1] == 's' && NameKey.FoldWord(token) != person.SurnameKey;

        private bool RoleIsInflected(string head) =>
            _german && PeopleLexicon.TryGermanRole(head, out var baseForm, out _, out _) && baseForm.Length != head.Length;

        /// <summary>"bei der Wahl", "in Haft", "the Kremlin": a determiner or adjective right before makes a word a noun.</summary>
        private static bool FollowsNounMarker(Block block, int i)
        {
            if (i == 0 || !Adjacent(block, i - 1, i) || block.Tokens[i - 1].Cap)
            {
                return false;
            }

            var previous = block.Tokens[i - 1].Lower;
            return PeopleLexicon.IsNounMarker(previous) || PeopleLexicon.IsGermanRoleAdjective(previous);
        }

        // ---- step 2b: roles in apposition: "Sergej Lawrow, Russlands Außenminister, ..." ----
        private void FindAppositions(Block block)
        {
            var t = block.Tokens;
            foreach (var (spanStart, (person, end)) in block.Spans)
            {
                var k = end + 1;
                if (k >= t.Length || block.Text[t[end].End..t[k].Start].Trim() != ",")
                {
                    continue;
                }

                var from = PeopleLexicon.IsDeterminer(t[k].Lower) && k + 1 < t.Length && Adjacent(block, k, k + 1) ? k + 1 : k;

                // The longest role phrase starting right after the comma: "the US secretary of state", not "US secretary".
                (string Role, int Head)? best = null;
                for (var h = from; h < t.Length && h <= from + 4; h++)
                {
                    if (h > from && !Adjacent(block, h - 1, h))
                    {
                        break;
                    }

                    if (TryRole(block, h, out var role, out _, out var roleStart) && roleStart == from)
                    {
                        best = (role, h);
                    }
                }

                if (best is not { } found)
                {
                    continue;
                }

                // "Trump, Kremlsprecher Dmitri Peskow ...": the role belongs to the name that follows it.
                var next = found.Head + 1;
                var nameFollows = next < t.Length && Adjacent(block, found.Head, next) && t[next].Cap
                    && (block.Spans.ContainsKey(next) || IsSurnameShaped(t[next].Text));
                if (!nameFollows)
                {
                    person.AddRole(found.Role);
                }
            }
        }

        // ---- step 3: bare and inflected surnames ----
        private void CountBareSurnames(Block block)
        {
            var t = block.Tokens;
            for (var i = 0; i < t.Length; i++)
            {
                if (block.Consumed[i] || !t[i].Cap || !IsSurnameShaped(t[i].Text) || (StartsSentence(block, i) && UsedLowercase(t[i].Text)))
                {
                    continue;
                }

                if (FollowsNounMarker(block, i))
                {
                    // "im Sommer", "in Haft": remember that this surname also reads as a noun, for the merge.
                    var nounKey = NameKey.InflectionKeys(t[i].Text)[0];
                    if (_bySurname.ContainsKey(nounKey) || _known?.Contains(nounKey) == true)
                    {
                        _nounUses[nounKey] = _nounUses.GetValueOrDefault(nounKey) + 1;
                    }

                    continue;
                }

                var person = FindBySurname(t[i].Text);
                if (person is null && _known is not null)
                {
                    var key = NameKey.InflectionKeys(t[i].Text).FirstOrDefault(_known.Contains);
                    if (key is not null)
                    {
                        person = Introduce(null, SurnameOf(t[i].Text));
                        person.Introduced = false;
                    }
                }

                if (person is null)
                {
                    continue;
                }

                if (NameKey.FoldWord(t[i].Text) == person.SurnameKey)
                {
                    person.AddForm(t[i].Text);
                }

                block.Consumed[i] = true;
                AddMention(block, person, t[i].Start);
            }
        }

        // ---- step 4: quotes ----
        private void AttributeQuotes(Block block, Candidate? lastBefore)
        {
            if (block.Ordinal < 0)
            {
                return;
            }

            var quotes = QuotePattern().Matches(block.Text);
            if (quotes.Count == 0)
            {
                return;
            }

            var text = block.Text;
            for (var q = 0; q < quotes.Count; q++)
            {
                var match = quotes[q];
                var inner = InnerText(match).Trim().TrimEnd(',', ';', ' ');
                if (CountWords(inner) < 3)
                {
                    continue; // »Deal«, »Fehler«: a word in quotation marks, not a statement.
                }

                var quoteStart = match.Index;
                var quoteEnd = match.Index + match.Length;
                var afterEnd = q + 1 < quotes.Count ? quotes[q + 1].Index : text.Length;
                var sentenceEnd = text.IndexOfAny(['.', '!', '?'], quoteEnd);
                if (sentenceEnd >= 0 && sentenceEnd < afterEnd)
                {
                    afterEnd = sentenceEnd;
                }

                var beforeStart = q > 0 ? quotes[q - 1].Index + quotes[q - 1].Length : 0;
                var previousEnd = quoteStart > 0 ? text.LastIndexOfAny(['.', '!', '?'], quoteStart - 1) : -1;
                if (previousEnd + 1 > beforeStart)
                {
                    beforeStart = previousEnd + 1;
                }

                var after = text[quoteEnd..afterEnd];
                var before = text[beforeStart..quoteStart];
                var speechAfter = HasWord(after, PeopleLexicon.IsSpeechWord);
                var speechBefore = HasWord(before, PeopleLexicon.IsSpeechWord) || before.TrimEnd().EndsWith(':');

                Candidate? speaker = null;
                if (speechAfter)
                {
                    speaker = block.Mentions.FirstOrDefault(m => m.Start >= quoteEnd && m.Start < afterEnd).Person;
                }

                if (speaker is null && (speechAfter || speechBefore))
                {
                    speaker = block.Mentions.LastOrDefault(m => m.Start >= beforeStart && m.Start < quoteStart).Person;
                }

                if (speaker is null && (speechAfter || speechBefore)
                    && (HasWord(after, PeopleLexicon.IsPronoun) || HasWord(before, PeopleLexicon.IsPronoun)))
                {
                    speaker = block.Mentions.LastOrDefault(m => m.Start < beforeStart).Person ?? lastBefore;
                }

                speaker?.Quotes.Add(new PersonQuote(inner, _article.Id, block.Ordinal));
            }
        }

        private static string InnerText(Match match)
        {
            for (var g = 1; g < match.Groups.Count; g++)
            {
                if (match.Groups[g].Success)
                {
                    return match.Groups[g].Value;
                }
            }

            return match.Value;
        }

        private static bool HasWord(string text, Func<string, bool> predicate)
        {
            foreach (var (start, end) in WordRanges(text))
            {
                if (predicate(text[start..end].ToLowerInvariant()))
                {
                    return true;
                }
            }

            return false;
        }

        // ---- roles ----
        private bool TryRole(Block block, int head, out string role, out bool shared) => TryRole(block, head, out role, out shared, out _);

        /// <summary>The role phrase whose head noun is at <paramref name="head"/>; <paramref name="start"/> is its first token.</summary>
        private bool TryRole(Block block, int head, out string role, out bool shared, out int start)
        {
            role = "";
            shared = false;
            start = head;
            var t = block.Tokens;
            if (_german)
            {
                if (!PeopleLexicon.TryGermanRole(t[head].Text, out var baseForm, out var feminine, out var plural))
                {
                    return false;
                }

                // Walk left over adjectives ("damaligen") and genitive places ("Russlands") to the determiner.
                var parts = new List<string> { baseForm };
                string? determiner = null;
                for (var k = head - 1; k >= 0 && Adjacent(block, k, k + 1) && parts.Count < 3; k--)
                {
                    var word = t[k];
                    if (PeopleLexicon.IsDeterminer(word.Lower))
                    {
                        determiner = word.Lower;
                        break;
                    }

                    if (!word.Cap && PeopleLexicon.IsGermanRoleAdjective(word.Lower))
                    {
                        parts.Insert(0, Nominative(word.Text, feminine));
                    }
                    else if (word.Cap && word.Text.EndsWith('s') && PeopleLexicon.IsNotName(word.Text)
                        && !PeopleLexicon.IsFunctionWord(word.Lower))
                    {
                        parts.Insert(0, word.Text);
                    }
                    else
                    {
                        break;
                    }
                }

                role = string.Join(' ', parts);
                start = head - parts.Count + 1;
                shared = plural || (determiner is not null && PeopleLexicon.IsPluralCapableDeterminer(determiner) && !feminine);
                return true;
            }

            var length = EnglishRoleLength(t, head);
            if (length == 0)
            {
                return false;
            }

            var first = head - length + 1;
            for (var k = first + 1; k <= head; k++)
            {
                if (!Adjacent(block, k - 1, k))
                {
                    return false;
                }
            }

            while (first > 0 && head - first < 5 && Adjacent(block, first - 1, first)
                && PeopleLexicon.IsEnglishRoleModifier(t[first - 1].Text))
            {
                first--;
            }

            role = block.Text[t[first].Start..t[head].End];
            start = first;
            shared = t[head].Lower.EndsWith('s') && t[head].Lower is not "boss";
            return true;
        }

        /// <summary>Number of tokens of the English role phrase ending at <paramref name="head"/>, or 0.</summary>
        private static int EnglishRoleLength(Token[] t, int head)
        {
            for (var length = Math.Min(4, head + 1); length >= 1; length--)
            {
                var phrase = length == 1 ? t[head].Lower : string.Join(' ', t[(head - length + 1)..(head + 1)].Select(x => x.Lower));
                if (PeopleLexicon.IsEnglishRolePhrase(phrase))
                {
                    return length;
                }
            }

            return 0;
        }

        /// <summary>"damaligen" → "damaliger" (or "damalige" before a feminine role): the role as a headline would say it.</summary>
        private static string Nominative(string adjective, bool feminine)
        {
            var stem = adjective;
            foreach (var ending in (ReadOnlySpan<string>)["en", "em", "es", "er", "e"])
            {
                if (stem.EndsWith(ending, StringComparison.Ordinal))
                {
                    stem = stem[..^ending.Length];
                    break;
                }
            }

            return stem + (feminine ? "e" : "er");
        }

        // ---- helpers ----
        private static bool Adjacent(Block block, int left, int right)
        {
            var text = block.Text;
            var from = block.Tokens[left].End;
            var to = block.Tokens[right].Start;
            if (to <= from)
            {
                return false;
            }

            for (var i = from; i < to; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsSurnameShaped(string token)
        {
            var cache = _german ? GermanSurnameShapes : EnglishSurnameShapes;
            if (cache.TryGetValue(token, out var shaped))
            {
                return shaped;
            }

            if (cache.Count >= 100_000)
            {
                cache.Clear();
            }

            return cache[token] = ClassifySurnameShape(token);
        }

        private bool ClassifySurnameShape(string token)
        {
            if (token.Length < 2 || !char.IsUpper(token[0]) || token.Any(char.IsDigit))
            {
                return false;
            }

            // Acronyms (NATO, USA, EU) are organisations and places, not surnames.
            if (token.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            {
                return false;
            }

            if (PeopleLexicon.IsNotName(token) || PeopleLexicon.HasNounSuffix(token))
            {
                return false;
            }

            return _german
                ? !PeopleLexicon.TryGermanRole(token, out _, out _, out _)
                : !PeopleLexicon.IsEnglishRolePhrase(token.ToLowerInvariant());
        }

        /// <summary>The uninflected surname of a token: "Putins" → "Putin" when "Putin" is attested; hyphenated
        /// compounds keep their first part ("Trump-Regierung" → "Trump").</summary>
        private string SurnameOf(string token)
        {
            var hyphen = token.IndexOf('-', StringComparison.Ordinal);
            if (hyphen > 0)
            {
                var tail = token[(hyphen + 1)..];
                if (PeopleLexicon.HasNounSuffix(tail) || PeopleLexicon.IsNotName(tail) || !char.IsUpper(tail[0])
                    || (_german && PeopleLexicon.TryGermanRole(tail, out _, out _, out _)))
                {
                    token = token[..hyphen];
                }
            }

            var clean = token.Replace('’', '\'');
            if (clean.EndsWith("'s", StringComparison.Ordinal))
            {
                return token[..^2];
            }

            if (clean.EndsWith('\''))
            {
                return token[..^1];
            }

            if (token.Length > 3 && token[^1] == 's')
            {
                var stripped = token[..^1];
                var key = NameKey.FoldWord(stripped);
                if (key == NameKey.FoldWord(token))
                {
                    return token; // "Griss" is not the genitive of "Gris"
                }

                if (_bySurname.ContainsKey(key) || _known?.Contains(key) == true
                    || CapitalisedCount(NameKey.FoldWord(token)) < CapitalisedCount(key))
                {
                    return stripped;
                }
            }

            return token;
        }

        private Candidate? FindBySurname(string token)
        {
            foreach (var key in NameKey.InflectionKeys(token))
            {
                if (_bySurname.TryGetValue(key, out var person))
                {
                    return person;
                }
            }

            return null;
        }

        private Candidate Introduce(string? given, string surname)
        {
            var surnameKey = NameKey.Fold(surname);
            if (given is null)
            {
                if (_bySurname.TryGetValue(surnameKey, out var bySurname))
                {
                    return bySurname;
                }
            }
            else
            {
                var fullKey = NameKey.Fold(given + " " + surname);
                if (_byFullKey.TryGetValue(fullKey, out var byFull))
                {
                    return byFull;
                }

                // The article named the surname alone first (role cue), and now gives the full name.
                if (_bySurname.TryGetValue(surnameKey, out var surnameOnly) && surnameOnly.Given is null)
                {
                    var upgraded = new Candidate(given, surname, surnameOnly.Order);
                    Absorb(upgraded, surnameOnly);
                    _people[_people.IndexOf(surnameOnly)] = upgraded;
                    _byFullKey[fullKey] = upgraded;
                    _bySurname[surnameKey] = upgraded;
                    return upgraded;
                }
            }

            var person = new Candidate(given, surname, _people.Count);
            _people.Add(person);
            if (given is not null)
            {
                _byFullKey[NameKey.Fold(given + " " + surname)] = person;
            }

            _bySurname.TryAdd(surnameKey, person);
            return person;
        }

        private static void Absorb(Candidate into, Candidate from)
        {
            foreach (var role in from.Roles)
            {
                into.AddRole(role);
            }

            foreach (var form in from.Forms)
            {
                into.AddForm(form);
            }

            into.Mentions += from.Mentions;
            into.Ordinals.UnionWith(from.Ordinals);
            into.Quotes.AddRange(from.Quotes);
        }

        private static void AddMention(Block block, Candidate person, int start)
        {
            person.Mentions++;
            if (block.Ordinal >= 0)
            {
                person.Ordinals.Add(block.Ordinal);
            }

            block.Mentions.Add(new Mention(person, start));
        }
    }
}
