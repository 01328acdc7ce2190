using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.People;

public sealed partial class PersonExtractor
{
    /// <summary>Step 2e: one-word names ("Amenemope", "Averroes"): historical figures and others known by one name only.</summary>
    private sealed partial class Run
    {
        /// <summary>A capitalised word no dictionary knows (nor as a place, organisation or role), standing alone, that the
        /// article writes at least twice and at least once in a position only a person takes: in the genitive before a
        /// kinship or life noun ("Amenemopes Grab", "X's mother"), after one with "of"/"von"/"des" ("the tomb of X",
        /// "die Tochter von X"), or followed by a role or kinship noun in apposition ("X, der Tochter des Königs").</summary>
        [MethodImpl(HotPath.Options)]
        private void FindMononyms(Block block)
        {
            if (_knowledge is null)
            {
                return; // without the dictionary an unknown word cannot be told from an ordinary one
            }

            var t = block.Tokens;
            for (var i = 0; i < t.Length; i++)
            {
                // "der beiden Verschütteten, eine Spanierin": after a determiner or adjective the word is a noun; "CentOS": a
                // capital inside the word marks a product or firm.
                if (!t[i].Cap || block.Consumed[i] || block.Spans.ContainsKey(i) || IsGivenName(t[i])
                    || AfterLowercaseModifier(block, i) || HasUpperAfterFirst(t[i].Text)
                    || !(PersonalGenitive(block, i) || AfterPersonalNoun(block, i) || PersonalApposition(block, i)))
                {
                    continue;
                }

                var bare = SurnameOf(t[i].Text);
                if (FindBySurname(t[i]) is not null || !IsUnknownWord(bare) || !StandsAlone(block, i)
                    || CapitalisedCount(NameKey.InflectionKeyArray(bare)[0]) < 2)
                {
                    continue;
                }

                Introduce(null, bare);
            }
        }

        /// <summary>"Amenemopes Grab", "Amenemope's tomb".</summary>
        private bool PersonalGenitive(Block block, int i)
        {
            var t = block.Tokens;
            if (i + 1 >= t.Length || !Adjacent(block, i, i + 1))
            {
                return false;
            }

            var word = t[i].Text.Replace('’', '\'');
            var genitive = _german ? word.Length > 3 && word[^1] is 's' or '\'' : word.EndsWith("'s", StringComparison.Ordinal);
            return genitive && t[i + 1].Cap == _german && PeopleLexicon.IsPersonalNoun(t[i + 1].Lower);
        }

        /// <summary>"the tomb of Amenemope", "die Mutter von Amenemope", "das Grab des Amenemope".</summary>
        private static bool AfterPersonalNoun(Block block, int i)
        {
            var t = block.Tokens;
            return i >= 2 && Adjacent(block, i - 2, i - 1) && Adjacent(block, i - 1, i)
                && t[i - 1].Lower is "of" or "von" or "des" && PeopleLexicon.IsPersonalNoun(t[i - 2].Lower);
        }

        /// <summary>"Meritaton, der Tochter des Königs", "Meritaton, the daughter of the king", "Averroes, der Philosoph".</summary>
        private bool PersonalApposition(Block block, int i)
        {
            var t = block.Tokens;
            var k = i + 1;
            if (k + 1 >= t.Length || block.Text.AsSpan(t[i].End, t[k].Start - t[i].End).Trim() is not "," || !PeopleLexicon.IsDeterminer(t[k].Lower))
            {
                return false;
            }

            // The noun follows the determiner with at most two adjectives between: "X, der ägyptischen Königin"; anything
            // else ("X, das rund 10.000 Einwohner zählt", "X, das die Kandidaten betäuben soll") is a relative clause.
            for (var h = k + 1; h < t.Length && h <= k + 3 && Adjacent(block, h - 1, h); h++)
            {
                if (!_german && t[h].Cap)
                {
                    return false; // "Cahors, the State of France": a capitalised word after "the" names a thing
                }

                if (t[h].Cap || !_german)
                {
                    if ((PeopleLexicon.IsPersonalNoun(t[h].Lower) || (TryRole(block, h, out _, out var plural) && !plural)))
                    {
                        return true;
                    }

                    if (_german)
                    {
                        return false;
                    }
                }

                if (!AllLetters(t[h].Text) || PeopleLexicon.IsDeterminer(t[h].Lower) || PeopleLexicon.IsFunctionWord(t[h].Lower))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>A lowercase determiner or inflected adjective right before: "der beiden X", "the first X".</summary>
        [MethodImpl(HotPath.Options)]
        private bool AfterLowercaseModifier(Block block, int i)
        {
            if (i == 0 || !Adjacent(block, i - 1, i) || block.Tokens[i - 1].Cap)
            {
                return false;
            }

            var previous = block.Tokens[i - 1].Lower;
            return PeopleLexicon.IsNounMarker(previous) || PeopleLexicon.IsGermanRoleAdjective(previous)
                || (_german && (previous.EndsWith("en", StringComparison.Ordinal) || previous.EndsWith('e')));
        }

        /// <summary>No name-like capitalised word right next to it: one word of a longer name is no one-word name.</summary>
        private bool StandsAlone(Block block, int i)
        {
            var t = block.Tokens;
            return (i == 0 || !Adjacent(block, i - 1, i) || !NameLike(block, i - 1))
                && (i + 1 >= t.Length || !Adjacent(block, i, i + 1) || !NameLike(block, i + 1));
        }

        private bool NameLike(Block block, int k)
        {
            var token = block.Tokens[k];
            return token.Cap && (IsGivenName(token) || IsUnknownWord(token.Text)
                || (!_german && !PeopleLexicon.IsFunctionWord(token.Lower) && !StartsSentence(block, k)));
        }

        private static bool HasUpperAfterFirst(string word)
        {
            for (var k = 1; k < word.Length; k++)
            {
                if (char.IsUpper(word[k]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AllLetters(string word)
        {
            foreach (var c in word)
            {
                if (!char.IsLetter(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
