using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.People;

public sealed partial class PersonExtractor
{
    /// <summary>Step 3: later bare and inflected surnames ("Lawrow", "Selenskyjs") as mentions of a person introduced before.</summary>
    private sealed partial class Run
    {
        /// <summary>True when a capitalised neighbour joins the word into a longer name: a name-shaped word right before
        /// it, or (in English, where ordinary nouns are lowercase) any capitalised word right after it.</summary>
        [MethodImpl(HotPath.Options)]
        private bool InLongerName(Block block, int i)
        {
            var t = block.Tokens;
            if (i > 0 && Adjacent(block, i - 1, i) && t[i - 1].Cap && !block.Consumed[i - 1]
                && IsSurnameShaped(t[i - 1]) && !IsGivenName(t[i - 1]))
            {
                return true;
            }

            return !_german && i + 1 < t.Length && Adjacent(block, i, i + 1) && t[i + 1].Cap
                && !PeopleLexicon.IsFunctionWord(t[i + 1].Lower) && !IsEnglishRole(t[i + 1].Lower);
        }

        private bool IsOrdinaryInEitherLanguage(string word) =>
            _knowledge is not null && (_knowledge.IsGermanCommonWord(word) || _knowledge.IsEnglishCommonWord(word));

        /// <summary>A given name used alone for a person the article named in full ("Hunter" for Hunter Biden).</summary>
        private Candidate? FindByGivenName(string token) =>
            _byGiven.Count > 0 && _byGiven.TryGetValue(NameKey.FoldWord(token), out var person) ? person : null;

        // ---- step 3: bare and inflected surnames ----
        [MethodImpl(HotPath.Options)]
        private void CountBareSurnames(Block block)
        {
            var t = block.Tokens;
            for (var i = 0; i < t.Length; i++)
            {
                if (block.Consumed[i] || !t[i].Cap || !IsSurnameShaped(t[i]) || (StartsSentence(block, i) && UsedLowercase(t[i])))
                {
                    continue;
                }

                if (FollowsNounMarker(block, i))
                {
                    // "im Sommer", "in Haft": remember that this surname also reads as a noun, for the merge.
                    var nounKey = InflectionKeys(t[i])[0];
                    if (_bySurname.ContainsKey(nounKey) || _known.Contains(nounKey))
                    {
                        _nounUses[nounKey] = _nounUses.GetValueOrDefault(nounKey) + 1;
                    }

                    continue;
                }

                // "Hunter College", "Bastille Day", "Hurricane Hunters": one word of a longer capitalised name is no mention.
                if (InLongerName(block, i))
                {
                    continue;
                }

                var person = FindBySurname(t[i]) ?? FindByGivenName(t[i].Text);
                if (person is null && _known.Active && !IsOrdinaryInEitherLanguage(SurnameOf(t[i].Text)))
                {
                    // Another article's surname counts here only when it is no ordinary word ("Mutter", "Day"), in either
                    // language: names cross languages, and "Hunter" in a German article is still the English word.
                    var found = false;
                    foreach (var key in InflectionKeys(t[i]))
                    {
                        if (_known.Contains(key))
                        {
                            found = true;
                            break;
                        }
                    }

                    if (found)
                    {
                        person = Introduce(null, SurnameOf(t[i].Text));
                        person.Introduced = false;
                    }
                }

                if (person is null)
                {
                    continue;
                }

                if (FoldWord(t[i]) == person.SurnameKey)
                {
                    person.AddForm(t[i].Text);
                }

                block.Consumed[i] = true;
                AddMention(block, person, t[i].Start);
            }
        }
    }
}
