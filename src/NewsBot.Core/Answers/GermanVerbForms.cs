using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>
/// German verb forms back to their infinitive, as the dictionary (trans-de-en) lists them: a verb's entry gives, after the
/// infinitive, its participles, present and past ("vorschlagen {vt} | vorschlagend | vorgeschlagen | schlägt vor | schlug vor").
/// A German sentence says "Twigg schlug vor, dass …" or "Die Astronauten trugen …" where the question (or the English
/// question's translation) has "vorschlagen" or "tragen": the stemmer cannot join a strong verb's vowel change, nor a
/// separable verb whose particle stands at the end of its clause. These forms can. They are read with the dictionary
/// (<see cref="GermanVerbTable"/>, kept in its snapshot) and unpacked into lookups here.
/// </summary>
public sealed partial class GermanVerbForms
{
    /// <summary>Unpacked once per table (one per dictionary loaded in the process), also when the warm-up and an answer ask at once.</summary>
    private static readonly ConditionalWeakTable<GermanVerbTable, Lazy<GermanVerbForms>> Unpacked = [];

    /// <summary>The table: form → infinitive (<see cref="GermanVerbTable.TryGetInfinitive"/>, <see cref="GermanVerbTable.Infinitive"/>).</summary>
    private readonly GermanVerbTable _table;

    /// <summary>The separable particles the dictionary's two-word forms end in ("an", "vor", "zurück"): read, not listed by hand.</summary>
    private readonly HashSet<string> _particles;

    /// <summary>The infinitives, to join a particle with a plural present that is the infinitive's stem ("schlagen … vor").</summary>
    private readonly HashSet<string> _verbs;

    private GermanVerbForms(GermanVerbTable table)
    {
        _table = table;
        _particles = new HashSet<string>(GermanVerbTable.Lines(table.Particles), StringComparer.Ordinal);
        _verbs = new HashSet<string>(GermanVerbTable.Lines(table.Verbs), StringComparer.Ordinal);
    }

    public int Count => _table.Count;

    /// <summary>
    /// The forms of a loaded dictionary (parsed with it, or read with its snapshot: the text is not read again), unpacked on
    /// first use, once per dictionary; null without a dictionary.
    /// </summary>
    public static GermanVerbForms? Of(BilingualDictionary? dictionary) =>
        dictionary is null ? null : Unpacked.GetValue(dictionary.GermanVerbs, t => new(() => new GermanVerbForms(t), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>The forms of dictionary lines (as the dictionary's parser reads them).</summary>
    public static GermanVerbForms Parse(IEnumerable<string> lines) => new(GermanVerbTable.Parse(lines));

    /// <summary>
    /// The infinitives of the verbs a German text uses, as index terms: each lowercase word that is a listed form (or a plural
    /// of one: "trugen", "schlossen"), and a verb with the separable particle that ends its clause ("schlossen sich … an").
    /// </summary>
    public HashSet<string> Terms(string text) => Lemmas(text).Select(l => l.Term).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each verb token of a German text (as written) with its infinitive's index term, as <see cref="Terms"/> finds them.</summary>
    public IEnumerable<(string Token, string Term)> Lemmas(string text) =>
        Infinitives(text).Select(l => (l.Token, Term: TextAnalyzer.Term(l.Infinitive, Language.German))).Where(l => l.Term is not null).Select(l => (l.Token, l.Term!));

    /// <summary>Each verb token of a German text (as written) with its normalised infinitive ("dockte … an" → "andocken").</summary>
    public IEnumerable<(string Token, string Infinitive)> Infinitives(string text)
    {
        foreach (var clause in ClauseBreak().Split(text))
        {
            var tokens = TextAnalyzer.Tokens(clause).ToList();
            var particle = ClauseParticle(tokens);
            for (var i = 0; i < tokens.Count - (particle is null ? 0 : 1); i++)
            {
                var normal = TextAnalyzer.Normalize(tokens[i]);
                var verb = particle is not null ? Separable(normal, particle) : null;
                if (verb is null && char.IsLower(tokens[i][0]))
                {
                    verb = _table.Infinitive(normal);
                }

                if (verb is not null)
                {
                    yield return (tokens[i], verb);
                }
            }
        }
    }

    /// <summary>
    /// The clause-final particles of a German text that belong to a verb of their clause ("ab" of "Wann läuft die Frist ab?"):
    /// part of that verb (ablaufen), not a word of their own.
    /// </summary>
    public IEnumerable<string> JoinedParticles(string text)
    {
        foreach (var clause in ClauseBreak().Split(text))
        {
            var tokens = TextAnalyzer.Tokens(clause).ToList();
            if (ClauseParticle(tokens) is { } particle && tokens.Take(tokens.Count - 1).Any(t => Separable(TextAnalyzer.Normalize(t), particle) is not null))
            {
                yield return tokens[^1];
            }
        }
    }

    /// <summary>The normalised separable particle that ends a clause ("an" of "schlossen sich … an"), or null.</summary>
    private string? ClauseParticle(List<string> tokens) =>
        tokens.Count > 1 && char.IsLower(tokens[^1][0]) && TextAnalyzer.Normalize(tokens[^1]) is var particle && _particles.Contains(particle) ? particle : null;

    /// <summary>A finite verb with its clause-final particle: a listed form ("schlug vor"), its plural, or a plural present ("schlagen vor").</summary>
    private string? Separable(string normal, string particle)
    {
        if (_table.TryGetInfinitive(normal + " " + particle, out var verb))
        {
            return verb;
        }

        foreach (var ending in GermanVerbTable.PluralEndings)
        {
            if (normal.Length > ending.Length + 2 && normal.EndsWith(ending, StringComparison.Ordinal) && _table.TryGetInfinitive(normal[..^ending.Length] + " " + particle, out verb))
            {
                return verb;
            }
        }

        if (normal.EndsWith('n') && _verbs.Contains(particle + normal))
        {
            return particle + normal;
        }

        // A separable verb is conjugated as its base verb ("fing … ab" as "fing" of "fangen"): where the dictionary lists the
        // base's forms but not the particle verb's, the particle and the base's infinitive name the verb (abfangen).
        if (_table.TryGetInfinitive(normal, out var baseVerb) && _verbs.Contains(particle + baseVerb))
        {
            return particle + baseVerb;
        }

        // A weak verb's past or present ("dockte … an", "dockt … an"): the dictionary lists a weak verb's participles only, and
        // its other forms follow the rule (stem + -te, -t), so the stem with the particle and -en is the infinitive it lists.
        foreach (var ending in WeakEndings)
        {
            if (normal.Length > ending.Length + 2 && normal.EndsWith(ending, StringComparison.Ordinal) && _verbs.Contains(particle + normal[..^ending.Length] + "en"))
            {
                return particle + normal[..^ending.Length] + "en";
            }
        }

        return null;
    }

    /// <summary>A weak verb's past and present endings after its stem, longest first ("dockten", "dockte", "arbeitet", "dockt").</summary>
    private static readonly string[] WeakEndings = ["ten", "te", "tet", "et", "t"];

    /// <summary>Where a clause ends: a separable particle stands before one of these.</summary>
    [GeneratedRegex(@"[,;:()\[\]–—""„“”»«.!?]")]
    private static partial Regex ClauseBreak();
}
