using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using NewsBot.Retrieval.Search;

namespace NewsBot.Core.Answers;

/// <summary>
/// German verb forms back to their infinitive, as the dictionary (trans-de-en) lists them: a verb's entry gives, after the
/// infinitive, its participles, present and past ("vorschlagen {vt} | vorschlagend | vorgeschlagen | schlägt vor | schlug vor").
/// A German sentence says "Twigg schlug vor, dass …" or "Die Astronauten trugen …" where the question (or the English
/// question's translation) has "vorschlagen" or "tragen": the stemmer cannot join a strong verb's vowel change, nor a
/// separable verb whose particle stands at the end of its clause. These forms can.
/// </summary>
public sealed partial class GermanVerbForms
{
    private static readonly ConcurrentDictionary<string, Lazy<GermanVerbForms?>> Loaded = new(StringComparer.Ordinal);

    /// <summary>Normalised form ("schlug", or "schlug vor" with its particle) → normalised infinitive ("vorschlagen").</summary>
    private readonly Dictionary<string, string> _infinitives;

    /// <summary>The separable particles the dictionary's two-word forms end in ("an", "vor", "zurück"): read, not listed by hand.</summary>
    private readonly HashSet<string> _particles;

    /// <summary>The infinitives, to join a particle with a plural present that is the infinitive's stem ("schlagen … vor").</summary>
    private readonly HashSet<string> _verbs;

    private GermanVerbForms(Dictionary<string, string> infinitives, HashSet<string> particles, HashSet<string> verbs)
    {
        _infinitives = infinitives;
        _particles = particles;
        _verbs = verbs;
    }

    public int Count => _infinitives.Count;

    /// <summary>The forms in the dictionary file, read once per file and process; null when there is none or it cannot be read.</summary>
    public static GermanVerbForms? TryLoad(string? path) =>
        string.IsNullOrWhiteSpace(path) || !File.Exists(path)
            ? null
            : Loaded.GetOrAdd(Path.GetFullPath(path), p => new Lazy<GermanVerbForms?>(() => Read(p))).Value;

    /// <summary>An unreadable file leaves answers as they were without the forms (the result is kept: it is not retried per answer).</summary>
    private static GermanVerbForms? Read(string path)
    {
        try
        {
            return Parse(File.ReadLines(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads the verb entries (<c>{vt}</c>, <c>{vi}</c>, <c>{vr}</c>, <c>{v}</c>) of dictionary lines.</summary>
    public static GermanVerbForms Parse(IEnumerable<string> lines)
    {
        var counts = new Dictionary<(string Form, string Verb), int>();
        var particles = new HashSet<string>(StringComparer.Ordinal);
        var verbs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            // Cheap first: most lines are no verb entry, and splitting every line would cost most of the read.
            var separator = line.IndexOf(" :: ", StringComparison.Ordinal);
            if (separator <= 0 || line[0] == '#' || line.IndexOf("{v", 0, separator, StringComparison.Ordinal) < 0)
            {
                continue;
            }

            var parts = line[..separator].Split(" | ");
            if (parts.Length < 2 || !VerbTag().IsMatch(parts[0]))
            {
                continue;
            }

            var infinitives = parts[0].Split(';').Select(s => Words(s) is [.., var last] && last.EndsWith('n') ? last : null).ToList();
            verbs.UnionWith(infinitives.OfType<string>());
            // Participles, present and past; later sub-entries are perfect tenses and examples.
            foreach (var part in parts.Skip(1).Take(4))
            {
                var forms = part.Split(';');
                for (var i = 0; i < forms.Length; i++)
                {
                    var verb = infinitives.Count == forms.Length ? infinitives[i] : infinitives.Count == 1 ? infinitives[0] : null;
                    if (verb is null)
                    {
                        continue;
                    }

                    var words = Words(forms[i]);
                    string? form = null;
                    if (words is [var single])
                    {
                        form = single;
                    }
                    else if (words is [var finite, var particle] && verb.Length > particle.Length + 3 && verb.StartsWith(particle, StringComparison.Ordinal))
                    {
                        // "schlägt vor" for "vorschlagen": the second word is the particle the infinitive starts with.
                        form = finite + " " + particle;
                        particles.Add(particle);
                    }

                    if (form is not null && form != verb)
                    {
                        counts[(form, verb)] = counts.GetValueOrDefault((form, verb)) + 1;
                    }
                }
            }
        }

        // A form of two verbs ("trug": tragen, and rarely others) stands for the one more entries give it to.
        var infinitivesByForm = counts
            .GroupBy(c => c.Key.Form, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Verb, StringComparer.Ordinal).First().Key.Verb, StringComparer.Ordinal);
        return new GermanVerbForms(infinitivesByForm, particles, verbs);
    }

    /// <summary>
    /// The infinitives of the verbs a German text uses, as index terms: each lowercase word that is a listed form (or a plural
    /// of one: "trugen", "schlossen"), and a verb with the separable particle that ends its clause ("schlossen sich … an").
    /// </summary>
    public HashSet<string> Terms(string text) => Lemmas(text).Select(l => l.Term).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each verb token of a German text (as written) with its infinitive's index term, as <see cref="Terms"/> finds them.</summary>
    public IEnumerable<(string Token, string Term)> Lemmas(string text)
    {
        foreach (var clause in ClauseBreak().Split(text))
        {
            var tokens = TextAnalyzer.Tokens(clause).ToList();
            var particle = tokens.Count > 1 && char.IsLower(tokens[^1][0]) && _particles.Contains(TextAnalyzer.Normalize(tokens[^1])) ? TextAnalyzer.Normalize(tokens[^1]) : null;
            for (var i = 0; i < tokens.Count - (particle is null ? 0 : 1); i++)
            {
                var normal = TextAnalyzer.Normalize(tokens[i]);
                var verb = particle is not null ? Separable(normal, particle) : null;
                if (verb is null && char.IsLower(tokens[i][0]))
                {
                    verb = Infinitive(normal);
                }

                if (verb is not null && TextAnalyzer.Term(verb) is { } term)
                {
                    yield return (tokens[i], term);
                }
            }
        }
    }

    /// <summary>The infinitive of a normalised form, or of its plural ("trugen" → "trug", "passten" → "passte").</summary>
    private string? Infinitive(string normal)
    {
        if (_infinitives.TryGetValue(normal, out var verb))
        {
            return verb;
        }

        foreach (var ending in PluralEndings)
        {
            if (normal.Length > ending.Length + 2 && normal.EndsWith(ending, StringComparison.Ordinal) && _infinitives.TryGetValue(normal[..^ending.Length], out verb))
            {
                return verb;
            }
        }

        return null;
    }

    /// <summary>A finite verb with its clause-final particle: a listed form ("schlug vor"), its plural, or a plural present ("schlagen vor").</summary>
    private string? Separable(string normal, string particle)
    {
        if (_infinitives.TryGetValue(normal + " " + particle, out var verb))
        {
            return verb;
        }

        foreach (var ending in PluralEndings)
        {
            if (normal.Length > ending.Length + 2 && normal.EndsWith(ending, StringComparison.Ordinal) && _infinitives.TryGetValue(normal[..^ending.Length] + " " + particle, out verb))
            {
                return verb;
            }
        }

        return normal.EndsWith('n') && _verbs.Contains(particle + normal) ? particle + normal : null;
    }

    private static readonly string[] PluralEndings = ["en", "n"];

    /// <summary>A synonym's words, normalised, without objects and pronouns ("jdn.", "etw.", "sich", "er/sie") and annotations.</summary>
    private static List<string> Words(string synonym) =>
        [.. Annotation().Replace(synonym, " ")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Contains('/', StringComparison.Ordinal) && !w.EndsWith('.') && w is not ("sich" or "er" or "sie" or "es" or "ich"))
            .Select(TextAnalyzer.Normalize)
            .Where(w => w.Length > 0 && w.All(char.IsLetter))];

    [GeneratedRegex(@"\{v[tir]?\}")]
    private static partial Regex VerbTag();

    [GeneratedRegex(@"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>")]
    private static partial Regex Annotation();

    /// <summary>Where a clause ends: a separable particle stands before one of these.</summary>
    [GeneratedRegex(@"[,;:()\[\]–—""„“”»«.!?]")]
    private static partial Regex ClauseBreak();
}
