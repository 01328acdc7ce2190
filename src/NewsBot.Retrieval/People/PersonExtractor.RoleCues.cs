using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.People;

public sealed partial class PersonExtractor
{
    /// <summary>Step 2: role nouns before names ("Kremlsprecher Dmitri Peskow") and in apposition ("Lawrow, Russlands Außenminister").</summary>
    private sealed partial class Run
    {
        // ---- step 2: role nouns before names ----
        [MethodImpl(HotPath.Options)]
        private void FindRoleCues(Block block)
        {
            var t = block.Tokens;
            for (var h = 0; h + 1 < t.Length; h++)
            {
                if (!Adjacent(block, h, h + 1) || !t[h + 1].Cap)
                {
                    continue;
                }

                if (!TryRole(block, h, out var role, out var shared))
                {
                    continue;
                }

                var n = h + 1;
                if (block.Spans.TryGetValue(n, out var span))
                {
                    // "Sprecher Wladimir Putins" is Putin's spokesman, not Putin.
                    if (IsGenitiveOf(t[span.End].Text, span.Person))
                    {
                        continue;
                    }

                    span.Person.AddRole(role);

                    // "der Außenminister Marco Rubio und Sergej Lawrow", "die Exbankchefs A, B, C": one plural role for a list.
                    var last = span.End;
                    while (shared && last + 1 < t.Length)
                    {
                        var next = last + 1;
                        var gapFrom = t[last].End;

                        // "den Ministern Sophie Karmasin (Familien) und Andrä Rupprechter": a bracketed addition does not end the list.
                        if (block.Text.AsSpan(gapFrom, t[next].Start - gapFrom).Trim() is "(" && block.Text.IndexOf(')', gapFrom) is var close and > 0)
                        {
                            gapFrom = close + 1;
                            while (next < t.Length && t[next].Start < gapFrom)
                            {
                                next++;
                            }

                            if (next >= t.Length)
                            {
                                break;
                            }
                        }

                        var gap = block.Text.AsSpan(gapFrom, t[next].Start - gapFrom).Trim();
                        if (gap.Length == 0 && t[next].Lower is "und" or "and" && next + 1 < t.Length && Adjacent(block, next, next + 1))
                        {
                            next++;
                        }
                        else if (gap is not ",")
                        {
                            break;
                        }

                        if (!block.Spans.TryGetValue(next, out var following))
                        {
                            break;
                        }

                        following.Person.AddRole(role);
                        last = following.End;
                    }

                    continue;
                }

                if (block.Consumed[n] || !IsSurnameShaped(t[n]))
                {
                    continue;
                }

                if (FindBySurname(t[n]) is { } existing)
                {
                    if (!IsGenitiveOf(t[n].Text, existing))
                    {
                        existing.AddRole(role);
                    }

                    continue;
                }

                // "Präsident Bashar" without a surname we can read: a given name alone is no person.
                if (IsGivenName(t[n]))
                {
                    continue;
                }

                var firstKey = NameKey.FoldWord(SurnameOf(t[n].Text));
                if (n + 1 < t.Length && Adjacent(block, n, n + 1) && t[n + 1].Cap && !block.Consumed[n + 1]
                    && IsSurnameShaped(t[n + 1]) && !_known.Contains(firstKey))
                {
                    // "Regierungschef Kyriakos Mitsotakis": role + two name words, given name not in the lexicon.
                    var person = Introduce(t[n].Text, SurnameOf(t[n + 1].Text));
                    person.AddRole(role);
                    person.AddForm(person.Name);
                    person.AddForm(person.Surname);
                    block.Consumed[n] = block.Consumed[n + 1] = true;
                    block.SetSpan(n, person, n + 1);
                    AddMention(block, person, t[n].Start);
                    continue;
                }

                // Role + one word: a person only with repetition or outside evidence ("der US-Präsident Nachfragen" is not),
                // and not after an inflected role ("dem Bundespräsidenten Respekt zollen") or when it reads as a place.
                if ((RoleIsInflected(t[h].Text) && !IsUnknownWord(t[n].Text)) || (_german && PeopleLexicon.LooksLikePlace(t[n].Text)))
                {
                    continue;
                }

                // With the dictionary, an unknown word after a role noun is a name ("Bayern-Trainer Kompany").
                var repeated = false;
                foreach (var key in InflectionKeys(t[n]))
                {
                    if (CapitalisedCount(key) >= 2)
                    {
                        repeated = true;
                        break;
                    }
                }

                if (repeated || _known.Contains(firstKey) || IsUnknownWord(t[n].Text))
                {
                    var person = Introduce(null, SurnameOf(t[n].Text));
                    person.AddRole(role);
                }
            }
        }

        /// <summary>"University of California's chancellor, Pradeep Khosla, said": in English a role may stand before the name
        /// with a comma, when the name is closed off by a comma or ends the sentence (else the comma ends a clause:
        /// "after meeting the minister, Peter Smith left").</summary>
        [MethodImpl(HotPath.Options)]
        private void FindRolesBeforeCommaNames(Block block)
        {
            for (var h = 0; h + 1 < block.Tokens.Length; h++)
            {
                TryRoleBeforeCommaName(block, h);
            }
        }

        [MethodImpl(HotPath.Options)]
        private void TryRoleBeforeCommaName(Block block, int h)
        {
            var t = block.Tokens;
            if (_german || h + 1 >= t.Length || !t[h + 1].Cap || block.Text.AsSpan(t[h].End, t[h + 1].Start - t[h].End).Trim() is not ","
                || !block.Spans.TryGetValue(h + 1, out var span) || t[span.End].End >= block.Text.Length
                || block.Text[t[span.End].End] is not (',' or '.') || !TryRole(block, h, out var role, out _))
            {
                return;
            }

            span.Person.AddRole(role);
        }

        // ---- step 2c: a speech verb before an unknown word: "sagte Musiala", "said Kipchoge" ----
        [MethodImpl(HotPath.Options)]
        private void FindSpeakers(Block block)
        {
            if (_knowledge is null)
            {
                return; // without the dictionary an unknown word cannot be told from an ordinary one
            }

            var t = block.Tokens;
            for (var k = 0; k < t.Length; k++)
            {
                if (t[k].Cap || !PeopleLexicon.IsSpeechWord(t[k].Lower) || t[k].Lower is "so" or "according")
                {
                    continue;
                }

                // Only after the verb: "Tesco said" is as common as "Kipchoge said", "said Tesco" is rare.
                foreach (var n in (ReadOnlySpan<int>)[k + 1])
                {
                    if (n < 0 || n >= t.Length || !t[n].Cap || block.Consumed[n] || !Adjacent(block, Math.Min(n, k), Math.Max(n, k)))
                    {
                        continue;
                    }

                    // One word alone: not part of a longer capitalised name on either side.
                    var alone = (n == 0 || !Adjacent(block, n - 1, n) || !t[n - 1].Cap || (n - 1 == 0 && !IsSurnameShaped(t[n - 1])))
                        && (n + 1 >= t.Length || !Adjacent(block, n, n + 1) || !t[n + 1].Cap);
                    if (alone && FindBySurname(t[n]) is null && IsUnknownWord(t[n].Text) && !IsGivenName(t[n]))
                    {
                        Introduce(null, SurnameOf(t[n].Text));
                    }
                }
            }
        }

        /// <summary>"al-Assad", "el-Sisi": a lowercase Arabic article joined to a capitalised name.</summary>
        private static bool HasArabicArticle(string token) =>
            token.Length > 4 && (token.StartsWith("al-", StringComparison.Ordinal) || token.StartsWith("el-", StringComparison.Ordinal))
            && char.IsUpper(token[3]);

        private static bool IsGenitiveOf(string token, Candidate person) =>
            token.Length > 3 && token[^1] == 's' && NameKey.FoldWord(token) != person.SurnameKey;

        private bool RoleIsInflected(string head) =>
            _german && TryGermanRoleNoun(head, out var baseForm, out _, out _) && baseForm.Length != head.Length;

        /// <summary>"bei der Wahl", "in Haft", "the Kremlin": a determiner or adjective right before makes a word a noun.</summary>
        [MethodImpl(HotPath.Options)]
        private static bool FollowsNounMarker(Block block, int i)
        {
            if (i == 0 || !Adjacent(block, i - 1, i) || block.Tokens[i - 1].Cap)
            {
                return false;
            }

            var previous = block.Tokens[i - 1].Lower;
            return PeopleLexicon.IsNounMarker(previous) || PeopleLexicon.IsGermanRoleAdjective(previous);
        }

        // ---- step 2b: roles in apposition: "Sergej Lawrow, Russlands Außenminister, ..." ----
        private void FindAppositions(Block block)
        {
            if (block.Spans.Count == 0)
            {
                return;
            }

            foreach (var (_, (person, end)) in block.Spans)
            {
                if (AppositionRole(block, end) is { } role)
                {
                    person.AddRole(role);
                }
            }
        }

        /// <summary>The role in apposition after a name ending at token <paramref name="end"/>: ", Russlands Außenminister",
        /// ", der Trainer des FC Bayern", ", Tesco's CEO for Central Europe"; null when none.</summary>
        private string? AppositionRole(Block block, int end)
        {
            var t = block.Tokens;
            var k = end + 1;
            if (k >= t.Length || block.Text.AsSpan(t[end].End, t[k].Start - t[end].End).Trim() is not ",")
            {
                return null;
            }

            var from = PeopleLexicon.IsDeterminer(t[k].Lower) && k + 1 < t.Length && Adjacent(block, k, k + 1) ? k + 1 : k;

            // An English possessive before the role: "Tesco's CEO".
            if (!_german && from + 1 < t.Length && t[from].Text.Replace('’', '\'').EndsWith("'s", StringComparison.Ordinal) && Adjacent(block, from, from + 1))
            {
                from++;
            }

            // The longest role phrase starting right after the comma: "the US secretary of state", not "US secretary".
            (string Role, int Head)? best = null;
            for (var h = from; h < t.Length && h <= from + 4; h++)
            {
                if (h > from && !Adjacent(block, h - 1, h))
                {
                    break;
                }

                if (TryRole(block, h, out var role, out _, out var roleStart) && roleStart == from)
                {
                    best = (role, h);
                }
            }

            if (best is not { } found)
            {
                return null;
            }

            // "Trump, Kremlsprecher Dmitri Peskow ...": the role belongs to the name that follows it.
            var next = found.Head + 1;
            var nameFollows = next < t.Length && Adjacent(block, found.Head, next) && t[next].Cap
                && (block.Spans.ContainsKey(next) || IsSurnameShaped(t[next]));
            return nameFollows ? null : found.Role;
        }
    }
}
