using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// The English irregular verbs the dictionary lists with their past forms ("to lead sb./sth. {led; led}", "to rise {rose;
/// risen}"), read in the same pass as the dictionary and kept in its snapshot as one packed text. A question asks "Who
/// leads …?" or "How much did profits fall?" where the article says "led by" and "fell": the stemmer joins regular forms
/// ("walked", "walks") but not these, so a question's verb counts in each of its forms.
/// </summary>
public sealed partial class EnglishVerbTable
{
    private readonly Lazy<FrozenDictionary<string, (string Term, string Word)[]>> _formsByTerm;
    private readonly Lazy<FrozenSet<string>> _pastWords;

    /// <summary>A table made of its packed text (from the parser or a snapshot).</summary>
    public EnglishVerbTable(char[] forms)
    {
        Forms = forms;
        _formsByTerm = new(Unpack, LazyThreadSafetyMode.ExecutionAndPublication);
        _pastWords = new(() => _formsByTerm.Value.Values.SelectMany(f => f).Select(f => f.Word).ToFrozenSet(StringComparer.Ordinal), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static EnglishVerbTable Empty { get; } = new([]);

    /// <summary>"base\tpast\tparticiple" lines (a form written two ways gives both), sorted; a line per entry's forms.</summary>
    public char[] Forms { get; }

    /// <summary>The irregular verbs of dictionary lines.</summary>
    public static EnglishVerbTable Parse(IEnumerable<string> lines)
    {
        var collector = new Collector();
        foreach (var line in lines)
        {
            collector.Add(line);
        }

        return collector.Build();
    }

    /// <summary>
    /// The past forms (index term and word) of the verb whose base form has index term <paramref name="term"/> ("lead" →
    /// "led"; "rise" → "rose", "risen"); empty for any other word. Only from the base form: a past form is often a word of its
    /// own ("wounded", "found", "left"), which read as "wind", "find" and "leave" would meet sentences about something else.
    /// </summary>
    public IReadOnlyList<(string Term, string Word)> PastForms(string term) =>
        _formsByTerm.Value.TryGetValue(term, out var forms) ? forms : [];

    /// <summary>The word, in lower case, is the past or the participle of an irregular verb ("begun", "led", "rose").</summary>
    public bool IsPastForm(string word) => _pastWords.Value.Contains(word);

    private FrozenDictionary<string, (string Term, string Word)[]> Unpack()
    {
        var pasts = new Dictionary<string, List<(string Term, string Word)>>(StringComparer.Ordinal);
        foreach (var line in GermanVerbTable.Lines(Forms))
        {
            var words = line.Split('\t');
            if (TextAnalyzer.Term(words[0], Language.English) is not { } verb)
            {
                continue;
            }

            var forms = pasts.TryGetValue(verb, out var known) ? known : pasts[verb] = [];
            foreach (var word in words.Skip(1))
            {
                if (TextAnalyzer.Term(word, Language.English) is { } past && past != verb && !forms.Exists(f => f.Term == past))
                {
                    forms.Add((past, word));
                }
            }
        }

        return pasts.Where(p => p.Value.Count > 0).ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads the English side of the lines it is given, one at a time, for "to verb … {past; participle}". Its output is stored
    /// in the dictionary snapshot: a change to what it collects must bump the snapshot's format version.
    /// </summary>
    public sealed class Collector
    {
        private readonly HashSet<string> _lines = new(StringComparer.Ordinal);

        public void Add(string line)
        {
            var separator = line.IndexOf(" :: ", StringComparison.Ordinal);
            if (separator <= 0 || line.IndexOf('{', separator) < 0)
            {
                return;
            }

            foreach (Match match in Irregular().Matches(line, separator))
            {
                // "{abode/abided; abode/abided}": each written form of the past and the participle.
                var forms = match.Groups["forms"].Value.Split([';', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Where(f => f.All(char.IsAsciiLetterLower));
                _lines.Add(string.Join('\t', forms.Prepend(match.Groups["verb"].Value).Distinct(StringComparer.Ordinal)));
            }
        }

        public EnglishVerbTable Build()
        {
            var text = new StringBuilder();
            foreach (var line in _lines.Where(l => l.Contains('\t', StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                text.Append(line).Append('\n');
            }

            return new EnglishVerbTable(text.ToString().ToCharArray());
        }
    }

    /// <summary>
    /// "to lead sb./sth. {led; led}": a synonym that starts with the verb, then its objects and annotations ("to mean to do
    /// sth. {meant; meant}" is "mean"), then its past forms in braces.
    /// </summary>
    [GeneratedRegex(@"(?:: |\| |; )to (?<verb>[a-z]+)(?: [^{|;]*?)? \{(?<forms>[a-z]+(?:/[a-z]+)*; [a-z]+(?:/[a-z]+)*)\}")]
    private static partial Regex Irregular();
}
