using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.People;

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
public sealed partial class PersonExtractor(WordKnowledge? knowledge = null)
{
    /// <summary>
    /// The next word range of a text from <paramref name="i"/> on: letters and digits, joined by inner apostrophes and hyphens
    /// ("US-Präsident", "O'Brien"), with a trailing apostrophe kept ("Merz'"), and dotted initials as one word ("U.S.").
    /// Hand-written, and without a list of ranges, because it runs over every word of the corpus.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    private static bool NextWord(string text, ref int i, out int start)
    {
        while (i < text.Length && !IsWordChar(text[i]))
        {
            i++;
        }

        start = i;
        if (i >= text.Length)
        {
            return false;
        }

        // Dotted initials: "U.S.", "U.K."
        if (i + 3 < text.Length && char.IsUpper(text[i]) && text[i + 1] == '.' && char.IsUpper(text[i + 2]) && text[i + 3] == '.')
        {
            while (i + 1 < text.Length && char.IsUpper(text[i]) && text[i + 1] == '.')
            {
                i += 2;
            }

            return true;
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

        return true;
    }

    [MethodImpl(HotPath.Options)]
    private static bool IsWordChar(char c) => c < 0x80
        ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 // ASCII (most characters): letters and digits only
        : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;

    private static int CountWords(string text)
    {
        var count = 0;
        for (var i = 0; NextWord(text, ref i, out _);)
        {
            count++;
        }

        return count;
    }

    private static readonly System.Buffers.SearchValues<char> QuoteMarks = System.Buffers.SearchValues.Create("«»„“\"");

    [GeneratedRegex("«([^«»]+)»|»([^«»]+)«|„([^„“”\"]+)[“”\"]|“([^“”]+)”|\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotePattern();

    /// <summary>Extracts one article. <paramref name="knownSurnames"/> (folded keys) lets a bare surname that another
    /// article introduced count here too; pass null to extract the article alone.</summary>
    public ArticlePeople Extract(Article article, IReadOnlySet<string>? knownSurnames = null) => Extract(article, KnownSurnames.Of(knownSurnames));

    /// <param name="scratch">Buffers to reuse from the extraction before (one per worker); a fresh one when null.</param>
    internal ArticlePeople Extract(Article article, KnownSurnames known, Scratch? scratch = null)
    {
        var run = new Run(article, known, knowledge, scratch ?? new Scratch());
        run.FindIntroductions();
        run.CountMentions();
        return run.People();
    }

    /// <summary>
    /// As <see cref="Extract(Article, KnownSurnames, Scratch?)"/>, also handing out the state before the bare surnames are counted
    /// (see <see cref="Checkpoint"/>), so that reading the article again against other articles' surnames can start there.
    /// </summary>
    internal ArticlePeople Extract(Article article, KnownSurnames known, Scratch? scratch, out Checkpoint checkpoint)
    {
        var run = new Run(article, known, knowledge, scratch ?? new Scratch());
        run.FindIntroductions();
        checkpoint = run.Save();
        run.CountMentions();
        return run.People();
    }

    /// <summary>
    /// The article read against <paramref name="known"/> from <paramref name="checkpoint"/> on: the result a full extraction
    /// gives when <see cref="Checkpoint.FitsBefore"/> holds for <paramref name="known"/>. A checkpoint is used once.
    /// </summary>
    internal ArticlePeople Resume(Article article, Checkpoint checkpoint, KnownSurnames known, Scratch? scratch = null)
    {
        var run = new Run(article, known, knowledge, scratch ?? new Scratch(), checkpoint);
        run.CountMentions();
        return run.People();
    }

    // Per distinct word, per language: is it shaped like a surname? Cached because the vocabulary repeats.
    private static readonly WordCache<bool> GermanSurnameShapes = new();
    private static readonly WordCache<bool> EnglishSurnameShapes = new();

    /// <summary>Capitalised words of the corpus, with what the rules asked about them (see <see cref="TokenFacts"/>).</summary>
    private static readonly WordCache<TokenFacts> CapitalisedWords = new(200_000);

    /// <summary>A word of a block: its text, lowercased (the same string when it is lowercase already), where it stands, and
    /// for a capitalised word its record.</summary>
    internal readonly record struct Token(string Text, string Lower, int Start, int End, bool Cap, TokenFacts? Facts = null);

    internal readonly record struct Mention(Candidate Person, int Start);

    /// <summary>
    /// One heading or paragraph: its tokens and consumed flags are its slice of the run's buffers; its spans and mentions are
    /// made on the first one (most blocks have none).
    /// </summary>
    private sealed class Block(string text, int ordinal, Token[] tokens, bool[] consumed, int offset, int count)
    {
        private static readonly Dictionary<int, (Candidate Person, int End)> NoSpans = [];
        private static readonly List<Mention> NoMentions = [];

        private Dictionary<int, (Candidate Person, int End)>? _spans;
        private List<Mention>? _mentions;

        /// <summary>A block whose spans and mentions so far come from a <see cref="Checkpoint"/>.</summary>
        public Block(string text, int ordinal, Token[] tokens, bool[] consumed, int offset, int count, Dictionary<int, (Candidate Person, int End)>? spans, List<Mention>? mentions)
            : this(text, ordinal, tokens, consumed, offset, count)
        {
            _spans = spans;
            _mentions = mentions;
        }

        public string Text { get; } = text;

        /// <summary>Paragraph ordinal, or -1 for a heading.</summary>
        public int Ordinal { get; } = ordinal;

        public ReadOnlySpan<Token> Tokens
        {
            [MethodImpl(HotPath.Options)]
            get => new(tokens, offset, count);
        }

        public Span<bool> Consumed
        {
            [MethodImpl(HotPath.Options)]
            get => new(consumed, offset, count);
        }

        /// <summary>Name spans found by given-name evidence: start token → (person, end token inclusive).</summary>
        public IReadOnlyDictionary<int, (Candidate Person, int End)> Spans => _spans ?? NoSpans;

        public IReadOnlyList<Mention> Mentions => _mentions ?? NoMentions;

        public void SetSpan(int start, Candidate person, int end) => (_spans ??= [])[start] = (person, end);

        public void AddMention(Mention mention) => (_mentions ??= []).Add(mention);

        public void SortMentions() => _mentions?.Sort((a, b) => a.Start.CompareTo(b.Start));
    }

    internal sealed class Candidate(string? given, string surname, int order)
    {
        public string? Given { get; } = given;

        public string Surname { get; } = surname;

        public string SurnameKey { get; } = NameKey.Fold(surname);

        public string Name => Given is null ? Surname : Surname.Length == 0 ? Given : Given + " " + Surname;

        public int Order { get; } = order;

        public bool Introduced { get; set; } = true;

        public List<string> Roles { get; } = [];

        public List<string> Forms { get; } = [];

        public int Mentions { get; set; }

        public OrdinalSet Ordinals { get; } = new();

        public List<PersonQuote> Quotes { get; } = [];

        /// <summary>A copy that goes its own way from here (for a <see cref="Checkpoint"/>).</summary>
        public Candidate Copy()
        {
            var copy = new Candidate(Given, Surname, Order) { Introduced = Introduced, Mentions = Mentions };
            copy.Roles.AddRange(Roles);
            copy.Forms.AddRange(Forms);
            copy.Ordinals.UnionWith(Ordinals);
            copy.Quotes.AddRange(Quotes);
            return copy;
        }

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
}
