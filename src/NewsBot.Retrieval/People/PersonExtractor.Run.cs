using System.Runtime.CompilerServices;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.People;

public sealed partial class PersonExtractor
{
    /// <summary>One article's extraction: the state the rules share (tokens, people found so far, lookups).</summary>
    private sealed partial class Run
    {
        private readonly Article _article;
        private readonly KnownSurnames _known;
        private readonly bool _german;
        private readonly List<Block> _blocks;
        private readonly Scratch _scratch;
        private bool _capitalisedCounted;
        private bool _lowercaseListed;
        private readonly Dictionary<string, int> _nounUses = new(StringComparer.Ordinal);
        private Dictionary<string, Candidate> _byFullKey = new(StringComparer.Ordinal);
        private Dictionary<string, Candidate> _bySurname = new(StringComparer.Ordinal);
        private Dictionary<string, Candidate?> _byGiven = new(StringComparer.Ordinal);
        private List<Candidate> _people = [];

        private readonly WordKnowledge? _knowledge;

        public Run(Article article, KnownSurnames known, WordKnowledge? knowledge, Scratch scratch, Checkpoint? from = null)
        {
            _article = article;
            _known = known;
            _knowledge = knowledge;
            _scratch = scratch;
            _german = article.Language == Language.German;
            var blocks = article.Blocks;
            var texts = new string[blocks.Count];
            for (var b = 0; b < texts.Length; b++)
            {
                texts[b] = blocks[b].Text;
            }

            from?.Take(texts.Length);

            // All blocks are tokenised before any block takes its slice: the buffers may grow meanwhile.
            var ranges = scratch.Tokenize(texts);
            _blocks = new List<Block>(texts.Length);
            var ordinal = 0;
            for (var b = 0; b < texts.Length; b++)
            {
                var (offset, count) = ranges[b];
                var paragraph = blocks[b].Kind == BlockKind.Paragraph;
                _blocks.Add(new Block(texts[b], paragraph ? ordinal++ : -1, scratch.Tokens, scratch.Consumed, offset, count, from?.Spans[b], from?.Mentions[b]));
            }

            if (from is not null)
            {
                Restore(from);
            }
        }

        [MethodImpl(HotPath.Options)]
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
        [MethodImpl(HotPath.Options)]
        private bool UsedLowercase(Token token)
        {
            var words = _scratch.LowercaseWords;
            if (!_lowercaseListed)
            {
                _lowercaseListed = true;
                foreach (var block in _blocks)
                {
                    foreach (var word in block.Tokens)
                    {
                        if (!word.Cap)
                        {
                            words.Add(word.Text);
                        }
                    }
                }
            }

            return words.Contains(token.Lower);
        }

        /// <summary>How often each folded key occurs capitalised in the article (any inflection); computed on first
        /// need, since only role cues with a single name and genitive decisions ask.</summary>
        [MethodImpl(HotPath.Options)]
        private int CapitalisedCount(string key)
        {
            var counts = _scratch.CapitalisedCounts;
            if (!_capitalisedCounted)
            {
                _capitalisedCounted = true;
                foreach (var block in _blocks)
                {
                    foreach (var token in block.Tokens)
                    {
                        if (token.Cap)
                        {
                            foreach (var inflected in InflectionKeys(token))
                            {
                                counts[inflected] = counts.GetValueOrDefault(inflected) + 1;
                            }
                        }
                    }
                }
            }

            return counts.GetValueOrDefault(key);
        }

        /// <summary>Steps 1–2: the people the article introduces (given names, roles, appositions, speakers, unknown pairs, one-word names).</summary>
        public void FindIntroductions()
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
                FindSpeakers(block);
            }

            foreach (var block in _blocks)
            {
                FindUnknownPairs(block);
            }

            foreach (var block in _blocks)
            {
                FindMononyms(block);
            }

            // After every full name is known, unknown pairs included.
            foreach (var block in _blocks)
            {
                FindRolesBeforeCommaNames(block);
            }
        }

        /// <summary>Steps 3–4: bare and inflected mentions (other articles' surnames among them), predicate roles, quotes.</summary>
        public void CountMentions()
        {
            foreach (var block in _blocks)
            {
                CountBareSurnames(block);
            }

            foreach (var block in _blocks)
            {
                FindPredicateRoles(block);
            }

            Candidate? lastMentioned = null;
            foreach (var block in _blocks)
            {
                block.SortMentions();
                AttributeQuotes(block, lastMentioned);
                if (block.Mentions.Count > 0)
                {
                    lastMentioned = block.Mentions[^1].Person;
                }
            }
        }

        public ArticlePeople People() => new(_article.Id, _article.Language, Result()) { NounUses = _nounUses };

        private List<ArticlePerson> Result() => _people
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

        // ---- helpers ----
        [MethodImpl(HotPath.Options)]
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

        /// <summary>A German role noun from the built-in list or, with the dictionary, any person noun ("Torhüter", "Komikerin").</summary>
        private bool TryGermanRoleNoun(string token, out string baseForm, out bool feminine, out bool plural)
        {
            if (PeopleLexicon.TryGermanRole(token, out baseForm, out feminine, out plural))
            {
                return true;
            }

            return _knowledge is not null && _knowledge.TryGermanPersonNoun(token, out baseForm, out feminine, out plural);
        }

        /// <summary>An English role phrase from the built-in list or, with the dictionary, a person noun ("lyricist").</summary>
        private bool IsEnglishRole(string lowerPhrase) =>
            PeopleLexicon.IsEnglishRolePhrase(lowerPhrase) || _knowledge?.IsEnglishPersonNoun(lowerPhrase) == true;

        private bool IsEnglishRole(ReadOnlySpan<char> lowerPhrase) =>
            PeopleLexicon.IsEnglishRolePhrase(lowerPhrase) || _knowledge?.IsEnglishPersonNoun(lowerPhrase) == true;

        /// <summary>After a given name a role noun may be the surname ("Heinz Fischer", "Hans Richter"), if uninflected.</summary>
        [MethodImpl(HotPath.Options)]
        private bool IsSurnameAfterGivenName(string token)
        {
            if (IsSurnameShaped(token))
            {
                return true;
            }

            return _german && token.Length >= 3 && char.IsUpper(token[0]) && !PeopleLexicon.IsNotName(token)
                && PeopleLexicon.TryGermanRole(token, out var baseForm, out _, out var plural) && !plural
                && baseForm.Length == token.Length && !token.Contains('-', StringComparison.Ordinal);
        }

        /// <summary>True when the dictionary knows the word as an ordinary one ("Day", "Hunter", "Wahl"), as written; false without
        /// a dictionary. Inflected forms and compounds count only for unknown-word cues (<see cref="IsUnknownWord"/>), since
        /// many names split into words ("Wolf|gang").</summary>
        [MethodImpl(HotPath.Options)]
        private bool IsCommonWord(string token)
        {
            if (_knowledge is null)
            {
                return false;
            }

            var word = token.EndsWith("'s", StringComparison.Ordinal) || token.EndsWith("’s", StringComparison.Ordinal) ? token[..^2] : token;
            return _german ? _knowledge.IsGermanCommonWord(word) : _knowledge.IsEnglishCommonWord(word);
        }

        /// <summary>A German noun or adjective, inflected ("Jahres") or compounded of known words ("Filmcasino").</summary>
        [MethodImpl(HotPath.Options)]
        private bool IsGermanCommon(string word)
        {
            var knowledge = _knowledge!;
            if (knowledge.IsGermanCommonWord(word))
            {
                return true;
            }

            foreach (var ending in (ReadOnlySpan<string>)["s", "es", "n", "en", "e", "ns"])
            {
                if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal)
                    && knowledge.IsGermanCommonWord(word.AsSpan(0, word.Length - ending.Length)))
                {
                    return true;
                }
            }

            var tail = word.AsSpan(word.LastIndexOf('-') + 1);
            for (var split = 3; split <= tail.Length - 4; split++)
            {
                var head = tail[..split];
                if ((knowledge.IsGermanCommonWord(head) || (head[^1] == 's' && knowledge.IsGermanCommonWord(head[..^1])))
                    && knowledge.IsGermanCommonWord(tail[split..]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when a capitalised word is neither ordinary (dictionary), nor a place or organisation, nor a role:
        /// name-like by exclusion. Needs the dictionary; false without one.</summary>
        [MethodImpl(HotPath.Options)]
        private bool IsUnknownWord(string token)
        {
            if (_knowledge is null || !IsSurnameShaped(token))
            {
                return false;
            }

            var bare = SurnameOf(token);
            return !IsCommonWord(bare) && !IsCommonWord(token) && !_knowledge.IsEnglishCommonWord(bare) && !_knowledge.IsEnglishProperName(bare)
                && !(_german && (IsGermanCommon(bare) || IsGermanCommon(token) || PeopleLexicon.LooksLikePlace(bare)));
        }

        /// <summary>A one-letter capital followed by a full stop and a space: a middle initial ("W." in "George W. Bush").</summary>
        private static bool IsInitialBefore(Block block, int i)
        {
            var token = block.Tokens[i];
            var text = block.Text;
            return token.End - token.Start == 1 && char.IsUpper(text[token.Start]) && token.End + 1 < text.Length
                && text[token.End] == '.' && text[token.End + 1] == ' ';
        }

        /// <summary>As <see cref="IsSurnameShaped(string)"/>, from the token's record (a lowercase word never is).</summary>
        [MethodImpl(HotPath.Options)]
        private bool IsSurnameShaped(in Token token) =>
            token.Facts is { } facts && (facts.SurnameShaped(_german) ?? facts.SetSurnameShaped(_german, ClassifySurnameShape(token.Text)));

        /// <summary><see cref="PeopleLexicon.IsGivenName"/>, from the token's record when it has one.</summary>
        [MethodImpl(HotPath.Options)]
        private static bool IsGivenName(in Token token) => token.Facts?.IsGivenName ?? PeopleLexicon.IsGivenName(token.Text);

        /// <summary><see cref="NameKey.InflectionKeyArray"/>, from the token's record when it has one (never change it).</summary>
        [MethodImpl(HotPath.Options)]
        private static string[] InflectionKeys(in Token token) => token.Facts?.InflectionKeys ?? NameKey.InflectionKeyArray(token.Text);

        /// <summary><see cref="NameKey.FoldWord"/>, from the token's record when it has one.</summary>
        [MethodImpl(HotPath.Options)]
        private static string FoldWord(in Token token) => token.Facts?.Key ?? NameKey.FoldWord(token.Text);

        [MethodImpl(HotPath.Options)]
        private bool IsSurnameShaped(string token)
        {
            var cache = _german ? GermanSurnameShapes : EnglishSurnameShapes;
            if (cache.TryGetValue(token, out var shaped))
            {
                return shaped;
            }

            return cache.Add(token, ClassifySurnameShape(token));
        }

        [MethodImpl(HotPath.Options)]
        private bool ClassifySurnameShape(string token)
        {
            if (token.Length < 2 || !char.IsUpper(token[0]) || HasDigit(token))
            {
                return false;
            }

            // Acronyms (NATO, USA, EU) are organisations and places, not surnames.
            if (!HasLetterNotUpper(token))
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

        private static bool HasDigit(string token)
        {
            foreach (var c in token)
            {
                if (char.IsDigit(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasLetterNotUpper(string token)
        {
            foreach (var c in token)
            {
                if (char.IsLetter(c) && !char.IsUpper(c))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The uninflected surname of a token: "Putins" → "Putin" when "Putin" is attested; hyphenated
        /// compounds keep their first part ("Trump-Regierung" → "Trump").</summary>
        [MethodImpl(HotPath.Options)]
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

                if (_bySurname.ContainsKey(key) || _known.Contains(key)
                    || CapitalisedCount(NameKey.FoldWord(token)) < CapitalisedCount(key))
                {
                    return stripped;
                }
            }

            return token;
        }

        [MethodImpl(HotPath.Options)]
        private Candidate? FindBySurname(in Token token)
        {
            foreach (var key in InflectionKeys(token))
            {
                if (_bySurname.TryGetValue(key, out var person))
                {
                    return person;
                }
            }

            return null;
        }

        [MethodImpl(HotPath.Options)]
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
                    var upgradedGiven = NameKey.FoldWord(given.Split(' ')[0]);
                    _byGiven[upgradedGiven] = _byGiven.TryGetValue(upgradedGiven, out var sharing) && sharing != upgraded ? null : upgraded;
                    return upgraded;
                }
            }

            var person = new Candidate(given, surname, _people.Count);
            _people.Add(person);
            if (given is not null)
            {
                _byFullKey[NameKey.Fold(given + " " + surname)] = person;
            }

            if (surname.Length > 0)
            {
                _bySurname.TryAdd(surnameKey, person);
            }

            if (given is not null)
            {
                // A given name two people share says nothing alone: null marks it.
                var givenKey = NameKey.FoldWord(given.Split(' ')[0]);
                _byGiven[givenKey] = _byGiven.TryGetValue(givenKey, out var other) && other != person ? null : person;
            }
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

            block.AddMention(new Mention(person, start));
        }
    }
}
