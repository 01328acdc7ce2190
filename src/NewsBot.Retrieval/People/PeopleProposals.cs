using System.Globalization;
using NewsBot.Retrieval.Articles;

namespace NewsBot.Retrieval.People;

/// <summary>What <see cref="PeopleProposals.Apply"/> made of a refiner's proposals for one article.</summary>
public sealed record ProposalOutcome(ArticlePeople People, int PeopleAdded, int RolesAdded, IReadOnlyList<string> Rejected);

/// <summary>
/// Merges proposed people (from a model) into the rule-based people of one article, trusting the article's text only:
/// a person is accepted when the article contains the proposed name as written (whole words; a genitive "s" may follow),
/// a role when each of its words begins a word near a mention of that name. Everything else is rejected, so a model
/// cannot add a person or a role that the article does not name, whatever its reply says.
/// </summary>
public static class PeopleProposals
{
    /// <summary>How far (in characters) from a mention the words of a role may stand, within the same paragraph.</summary>
    public const int RoleWindow = 160;

    private const int MaxNameLength = 80;
    private const int MaxNameWords = 6;
    private const int MaxRoleLength = 100;

    public static ProposalOutcome Apply(Article article, ArticlePeople rules, IReadOnlyList<ProposedPerson> proposals)
    {
        var people = rules.People.ToList();
        var rejected = new List<string>();
        var (added, rolesAdded) = (0, 0);
        foreach (var proposal in proposals)
        {
            var name = CleanName(proposal.Name);
            var mentions = name is null ? [] : Occurrences(article, name);
            if (name is null || mentions.Count == 0)
            {
                rejected.Add(proposal.Name);
                continue;
            }

            var words = name.Split(' ');
            var (given, surname) = Split(words);
            var role = CleanRole(proposal.Role, name);
            if (role is not null && !RoleNear(article, mentions, role))
            {
                rejected.Add($"{name}: {role}");
                role = null;
            }

            var index = FindPerson(people, name, given, surname);
            if (index >= 0)
            {
                var known = people[index];
                if (role is not null && !known.Roles.Contains(role, StringComparer.OrdinalIgnoreCase))
                {
                    people[index] = known with { Roles = [.. known.Roles, role] };
                    rolesAdded++;
                }

                continue;
            }

            var surnameMentions = Occurrences(article, surname);
            people.Add(new ArticlePerson
            {
                Name = name,
                GivenName = given,
                Surname = surname,
                Roles = role is null ? [] : [role],
                Forms = new[] { name, surname }.Distinct(StringComparer.Ordinal).ToList(),
                Mentions = Math.Max(mentions.Count, surnameMentions.Count),
                Ordinals = surnameMentions.Concat(mentions).Where(m => m.Ordinal >= 0).Select(m => m.Ordinal).Distinct().Order().ToList(),
            });
            added++;
        }

        return new ProposalOutcome(rules with { People = people }, added, rolesAdded, rejected);
    }

    /// <summary>One place a name stands: block index, paragraph ordinal (-1 in a heading), character range.</summary>
    private readonly record struct Occurrence(int Block, int Ordinal, int Start, int End);

    private static string? CleanName(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var name = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('"', '\'', '„', '“', '”', '«', '»', ',', ';', ':');
        var words = name.Split(' ');
        return name.Length is < 2 or > MaxNameLength || words.Length > MaxNameWords || name.Any(char.IsDigit)
            || !words.Any(w => char.IsUpper(w[0])) || !name.Any(char.IsLower)
            ? null
            : name;
    }

    private static string? CleanRole(string? raw, string name)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var role = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('"', '\'', '.', ',', ';', ':');
        return role.Length is < 2 or > MaxRoleLength || string.Equals(role, name, StringComparison.OrdinalIgnoreCase) ? null : role;
    }

    /// <summary>Given names and surname of a proposed name: the last word, with lowercase particles before it ("von der
    /// Leyen") and without a generation suffix ("Downey" in "Robert Downey Jr."); a single word is a surname alone.</summary>
    private static (string? Given, string Surname) Split(string[] words)
    {
        var last = words.Length - 1;
        if (last > 0 && words[last].TrimEnd('.') is "Jr" or "Sr" or "II" or "III" or "IV")
        {
            last--;
        }

        var first = last;
        while (first > 1 && PeopleLexicon.IsNameParticle(words[first - 1]))
        {
            first--;
        }

        var surname = string.Join(' ', words[first..(last + 1)]);
        return first == 0 ? (null, surname) : (string.Join(' ', words[..first]), surname);
    }

    private static int FindPerson(List<ArticlePerson> people, string name, string? given, string surname)
    {
        var key = NameKey.Fold(name);
        var exact = people.FindIndex(p => NameKey.Fold(p.Name) == key || p.Forms.Any(f => NameKey.Fold(f) == key));
        if (exact >= 0)
        {
            return exact;
        }

        // Same surname, also inflected ("Kompanys"), and no conflicting first given name: the same person, named more or
        // less fully.
        var surnameKeys = surname.Contains(' ', StringComparison.Ordinal) ? [NameKey.Fold(surname)] : NameKey.InflectionKeys(surname);
        var firstGiven = given is null ? null : NameKey.FoldWord(given.Split(' ')[0]);
        return people.FindIndex(p => surnameKeys.Contains(NameKey.Fold(p.Surname))
            && (firstGiven is null || p.GivenName is null || NameKey.FoldWord(p.GivenName.Split(' ')[0]) == firstGiven));
    }

    /// <summary>Where the article has <paramref name="name"/> as whole words ("Kompany", "Kompanys", "Kompany's").</summary>
    private static List<Occurrence> Occurrences(Article article, string name)
    {
        var found = new List<Occurrence>();
        var ordinal = 0;
        for (var b = 0; b < article.Blocks.Count; b++)
        {
            var block = article.Blocks[b];
            var paragraph = block.Kind == BlockKind.Paragraph ? ordinal++ : -1;
            var text = block.Text;
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                var end = at + name.Length;
                if (at > 0 && IsWordChar(text[at - 1]))
                {
                    continue;
                }

                var after = end;
                if (after < text.Length && text[after] is '\'' or '’' && after + 1 < text.Length && text[after + 1] == 's')
                {
                    after += 2;
                }
                else if (after < text.Length && text[after] == 's')
                {
                    after++;
                }

                if (after < text.Length && IsWordChar(text[after]))
                {
                    continue;
                }

                found.Add(new Occurrence(b, paragraph, at, end));
            }
        }

        return found;
    }

    /// <summary>True when every word of the role begins a word (any case, any ending) within <see cref="RoleWindow"/>
    /// characters of one mention, in the same block.</summary>
    private static bool RoleNear(Article article, List<Occurrence> mentions, string role)
    {
        var words = role.Split([' ', '-', '/', '\'', '’', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Any(char.IsLetter))
            .ToList();
        if (words.Count == 0)
        {
            return false;
        }

        foreach (var mention in mentions)
        {
            var text = article.Blocks[mention.Block].Text;
            var from = Math.Max(0, mention.Start - RoleWindow);
            var window = text[from..Math.Min(text.Length, mention.End + RoleWindow)];
            if (words.All(w => BeginsWord(window, w)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool BeginsWord(string text, string word)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        for (var at = compare.IndexOf(text, word, CompareOptions.IgnoreCase); at >= 0;
             at = at + 1 < text.Length ? compare.IndexOf(text, word, at + 1, CompareOptions.IgnoreCase) : -1)
        {
            if (at == 0 || !IsWordChar(text[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
