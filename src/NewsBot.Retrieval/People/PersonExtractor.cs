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
    public ArticlePeople Extract(Article article, IReadOnlySet<string>? knownSurnames = null) => Extract(article, KnownSurnames.Of(knownSurnames));

    internal ArticlePeople Extract(Article article, KnownSurnames known)
    {
        var run = new Run(article, known, knowledge);
        run.Execute();
        return new ArticlePeople(article.Id, article.Language, run.Result()) { NounUses = run.NounUses };
    }

    // Per distinct word, per language: is it shaped like a surname? Cached because the vocabulary repeats.
    private static readonly WordCache<bool> GermanSurnameShapes = new();
    private static readonly WordCache<bool> EnglishSurnameShapes = new();

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

        public string Name => Given is null ? Surname : Surname.Length == 0 ? Given : Given + " " + Surname;

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
}
