using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// The dictionary's German verb forms with their infinitives, read from its verb entries in the same pass as the dictionary
/// (after the infinitive come its participles, present and past: "vorschlagen {vt} | vorschlagend | vorgeschlagen | schlägt vor
/// | schlug vor"), and kept in the dictionary's snapshot as three packed texts, so no start reads the text for them again.
/// Packed, they are a bulk read; the answer engine unpacks them into lookups on first use (NewsBot.Core's GermanVerbForms).
/// </summary>
public sealed partial class GermanVerbTable
{
    /// <summary>Normalised form ("schlug", or "schlug vor" with its particle) → normalised infinitive ("vorschlagen"), unpacked once.</summary>
    private readonly Lazy<Dictionary<string, string>> _infinitives;

    /// <summary>A table made of packed texts (from the parser or a snapshot); the texts are checked when unpacked.</summary>
    public GermanVerbTable(char[] forms, char[] particles, char[] verbs)
    {
        _infinitives = new(UnpackForms, LazyThreadSafetyMode.ExecutionAndPublication);
        Forms = forms;
        Particles = particles;
        Verbs = verbs;
    }

    public static GermanVerbTable Empty { get; } = new([], [], []);

    /// <summary>"form\tinfinitive" lines (a form with its particle is two words: "schlug vor\tvorschlagen"), normalised, sorted.</summary>
    public char[] Forms { get; }

    /// <summary>The separable particles the two-word forms end in ("an", "vor"), one a line: read, not listed by hand.</summary>
    public char[] Particles { get; }

    /// <summary>The infinitives, one a line, to join a particle with a plural present that is the infinitive's stem ("schlagen … vor").</summary>
    public char[] Verbs { get; }

    /// <summary>The verb forms of dictionary lines.</summary>
    public static GermanVerbTable Parse(IEnumerable<string> lines)
    {
        var collector = new Collector();
        foreach (var line in lines)
        {
            collector.Add(line);
        }

        return collector.Build();
    }

    /// <summary>The dictionary lists the singular past ("starb", "trug"); the plural adds "en" or "n" ("starben", "trugen").</summary>
    public static IReadOnlyList<string> PluralEndings { get; } = ["en", "n"];

    /// <summary>How many forms the table lists.</summary>
    public int Count => _infinitives.Value.Count;

    /// <summary>The infinitive of a form exactly as listed ("schlug vor" → "vorschlagen").</summary>
    public bool TryGetInfinitive(string form, [NotNullWhen(true)] out string? verb) => _infinitives.Value.TryGetValue(form, out verb);

    /// <summary>The infinitive of a normalised one-word form, or of its plural ("starben" → "sterben"); null when the table does not list it.</summary>
    public string? Infinitive(string form)
    {
        if (TryGetInfinitive(form, out var verb))
        {
            return verb;
        }

        foreach (var ending in PluralEndings)
        {
            if (form.Length > ending.Length + 2 && form.EndsWith(ending, StringComparison.Ordinal) && TryGetInfinitive(form[..^ending.Length], out verb))
            {
                return verb;
            }
        }

        return null;
    }

    private Dictionary<string, string> UnpackForms()
    {
        var infinitives = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (form, verb) in FormPairs())
        {
            infinitives[form] = verb;
        }

        return infinitives;
    }

    /// <summary>The form → infinitive pairs of <see cref="Forms"/>; lines that are no pair are skipped.</summary>
    public IEnumerable<(string Form, string Verb)> FormPairs()
    {
        foreach (var line in Lines(Forms))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0 && tab < line.Length - 1)
            {
                yield return (line[..tab], line[(tab + 1)..]);
            }
        }
    }

    /// <summary>The lines of a packed text (<see cref="Particles"/>, <see cref="Verbs"/>).</summary>
    public static IEnumerable<string> Lines(char[] packed)
    {
        var start = 0;
        while (start < packed.Length)
        {
            var end = Array.IndexOf(packed, '\n', start);
            end = end < 0 ? packed.Length : end;
            if (end > start)
            {
                yield return new string(packed, start, end - start);
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// Reads the verb entries (<c>{vt}</c>, <c>{vi}</c>, <c>{vr}</c>, <c>{v}</c>) of the lines it is given, one at a time.
    /// Its output is stored in the dictionary snapshot: a change to what it collects must bump the snapshot's format version.
    /// </summary>
    public sealed class Collector
    {
        private readonly Dictionary<(string Form, string Verb), int> _counts = [];
        private readonly HashSet<string> _particles = new(StringComparer.Ordinal);
        private readonly HashSet<string> _verbs = new(StringComparer.Ordinal);

        public void Add(string line)
        {
            // Cheap first: most lines are no verb entry, and splitting every line would cost most of the read.
            var separator = line.IndexOf(" :: ", StringComparison.Ordinal);
            if (separator <= 0 || line[0] == '#' || line.IndexOf("{v", 0, separator, StringComparison.Ordinal) < 0)
            {
                return;
            }

            var parts = line[..separator].Split(" | ");
            if (parts.Length < 2 || !VerbTag().IsMatch(parts[0]))
            {
                return;
            }

            // Synonyms are split after their annotations are dropped: "(Last; Verantwortung) tragen" is one verb, not two.
            var infinitives = Annotation().Replace(parts[0], " ").Split(';').Select(s => Words(s) is [.., var last] && last.EndsWith('n') ? last : null).ToList();
            _verbs.UnionWith(infinitives.OfType<string>());
            // Participles, present and past; later sub-entries are perfect tenses and examples. Some entries list the first and
            // second person before the third ("du stirbst | er/sie stirbt | ich/er/sie starb"): those are forms too, but do not
            // count among the four, or the past would be left out.
            var counted = 0;
            foreach (var part in parts.Skip(1))
            {
                var person = part.StartsWith("ich ", StringComparison.Ordinal) || part.StartsWith("du ", StringComparison.Ordinal);
                if (!person && ++counted > 4)
                {
                    break;
                }

                var forms = Annotation().Replace(part, " ").Split(';');
                for (var i = 0; i < forms.Length; i++)
                {
                    var verb = infinitives.Count == forms.Length ? infinitives[i] : infinitives.Count == 1 ? infinitives[0] : null;
                    if (verb is null)
                    {
                        continue;
                    }

                    var words = Words(forms[i]);
                    string? form = null;
                    if (words is [var single] && !IsFunctionWordOf(single, verb))
                    {
                        form = single;
                    }
                    else if (words is [var finite, var particle] && verb.Length > particle.Length + 3 && verb.StartsWith(particle, StringComparison.Ordinal)
                        && !IsFunctionWordOf(finite, verb[particle.Length..]))
                    {
                        // "schlägt vor" for "vorschlagen": the second word is the particle the infinitive starts with.
                        form = finite + " " + particle;
                        _particles.Add(particle);
                    }

                    if (form is not null && form != verb)
                    {
                        _counts[(form, verb)] = _counts.GetValueOrDefault((form, verb)) + 1;
                    }
                }
            }
        }

        /// <summary>
        /// The table of the lines added. A form of two verbs ("trug": tragen, and rarely others) stands for the one more entries
        /// give it to.
        /// </summary>
        public GermanVerbTable Build()
        {
            var pairs = _counts
                .GroupBy(c => c.Key.Form, StringComparer.Ordinal)
                .Select(g => g.Key + "\t" + g.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Verb, StringComparer.Ordinal).First().Key.Verb);
            return new GermanVerbTable(Pack(pairs), Pack(_particles), Pack(_verbs));
        }

        private static char[] Pack(IEnumerable<string> lines)
        {
            var text = new StringBuilder();
            foreach (var line in lines.Order(StringComparer.Ordinal))
            {
                text.Append(line).Append('\n');
            }

            return text.ToString().ToCharArray();
        }
    }

    /// <summary>
    /// Whether a function word stands where a form of a content verb is expected: an example after the forms leaves "ohne"
    /// of "ohne Samthandschuhe" standing as a form of "kämpfen", and every "ohne" would then speak of fighting. An auxiliary's
    /// own forms stay ("kann" of "können", "hat … an" of "anhaben"), as do the stop words that are forms of a content verb,
    /// which begin as it does ("gibt … auf" of "aufgeben", "geht … zurück", "bitte"); the short function words an example
    /// leaves ("ein", "bei", "der", the misprint "wie ab") are of three letters.
    /// </summary>
    private static bool IsFunctionWordOf(string word, string verb) =>
        TextAnalyzer.IsStopWord(word, Languages.Language.German) && !TextAnalyzer.IsStopWord(verb, Languages.Language.German)
        && !(word.Length >= 4 && word[0] == verb[0]);

    /// <summary>A synonym's words, normalised, without objects and pronouns ("jdn.", "etw.", "sich", "er/sie") and annotations.</summary>
    private static List<string> Words(string synonym) =>
        [.. Annotation().Replace(synonym, " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Contains('/', StringComparison.Ordinal) && !w.EndsWith('.') && w is not ("sich" or "er" or "sie" or "es" or "ich" or "du"))
            .Select(TextAnalyzer.Normalize)
            .Where(w => w.Length > 0 && w.All(char.IsLetter))];

    [GeneratedRegex(@"\{v[tir]?\}")]
    private static partial Regex VerbTag();

    [GeneratedRegex(@"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>")]
    private static partial Regex Annotation();
}
