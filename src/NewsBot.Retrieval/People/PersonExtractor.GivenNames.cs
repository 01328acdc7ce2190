using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.People;

public sealed partial class PersonExtractor
{
    /// <summary>Step 1: a known given name before a surname-shaped word ("Marco Rubio", "Ursula von der Leyen").</summary>
    private sealed partial class Run
    {
        /// <summary>"in San Diego", "nach Santiago": after a place preposition a name is a place's.</summary>
        private static bool AfterPlacePreposition(Block block, int i) =>
            i > 0 && Adjacent(block, i - 1, i) && block.Tokens[i - 1].Lower is "in" or "nach" or "near" or "aus"
            && !(i + 1 < block.Tokens.Length && block.Tokens[i + 1].Text.EndsWith('s')); // "in Joanna Hoggs Film"

        /// <summary>A capitalised word the dictionary knows (plural too), or a role: it may stand before a name ("Ethiopians
        /// Dejene Debela"); an unknown one would make the pair part of a longer name.</summary>
        private bool IsKnownNoun(string token) =>
            IsCommonWord(token) || (token.EndsWith('s') && IsCommonWord(token[..^1])) || _knowledge?.IsEnglishProperName(token.TrimEnd('s')) == true
            || (_german ? TryGermanRoleNoun(token, out _, out _, out _) : IsEnglishRole(token.ToLowerInvariant()));

        /// <summary>
        /// Two adjacent capitalised words the dictionary knows neither of, alone (no capitalised neighbour, not after a place
        /// preposition), make a name: "Ababel Yeshaneh", "Pradeep Khosla". Needs the dictionary; ordinary words, places,
        /// organisations and role nouns are excluded by it and by the lexicon.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private void FindUnknownPairs(Block block)
        {
            if (_knowledge is null)
            {
                return;
            }

            var t = block.Tokens;
            for (var i = 0; i + 1 < t.Length; i++)
            {
                var j = i + 1;
                if (block.Consumed[i] || block.Consumed[j] || !t[i].Cap || !t[j].Cap || !Adjacent(block, i, j)
                    || (i > 0 && Adjacent(block, i - 1, i) && ((t[i - 1].Cap && !IsKnownNoun(t[i - 1].Text)) || PeopleLexicon.IsNounMarker(t[i - 1].Lower)
                        || t[i - 1].Lower is "in" or "nach" or "near" or "aus" or "from" or "at"))
                    || (j + 1 < t.Length && Adjacent(block, j, j + 1) && t[j + 1].Cap)
                    || t[i].Text.Contains('-', StringComparison.Ordinal) || t[i].Text.EndsWith('s') || PeopleLexicon.IsNameParticle(t[i].Lower)
                    || !IsUnknownWord(t[i].Text) || !IsUnknownWord(t[j].Text) || LeadsOtherNames(t[i].Text, t[j].Text))
                {
                    continue;
                }

                var person = Introduce(t[i].Text, SurnameOf(t[j].Text));
                person.AddForm(person.Name);
                person.AddForm(person.Surname);
                block.Consumed[i] = block.Consumed[j] = true;
                block.SetSpan(i, person, j);
                AddMention(block, person, t[i].Start);
                i = j;
            }
        }

        /// <summary>"Tesco … Tesco Polska", "Gazeta Prawna … Gazeta Wyborcza": when the first word of an unknown pair stands in the
        /// article more often than the second, it is used without it: the name of a firm or a paper with its branches, not a
        /// given name (a person is named again by the surname, not by an unknown given name).</summary>
        private bool LeadsOtherNames(string first, string second) =>
            CapitalisedCount(NameKey.InflectionKeyArray(first)[0]) > CapitalisedCount(NameKey.InflectionKeyArray(second)[0]);

        /// <summary>"his wife Mary", "Vater Jochen": a given name alone after a kinship noun is a person of the article, known
        /// by that name only (never merged with another article's).</summary>
        private void TryGivenNameAlone(Block block, int i)
        {
            var t = block.Tokens;
            if (i == 0 || !Adjacent(block, i - 1, i) || !PeopleLexicon.IsKinshipNoun(t[i - 1].Lower)
                || (i + 1 < t.Length && Adjacent(block, i, i + 1) && t[i + 1].Cap))
            {
                return;
            }

            var person = Introduce(t[i].Text, "");
            person.AddForm(t[i].Text);
            block.Consumed[i] = true;
            block.SetSpan(i, person, i);
            AddMention(block, person, t[i].Start);
        }

        /// <summary>"in Joanna Hoggs Film", "im Angela Merkels Kabinett": a name in the genitive before the noun it belongs to
        /// may follow a preposition or article that belongs to that noun.</summary>
        private static bool BeforeSaxonGenitive(Block block, int i)
        {
            var t = block.Tokens;
            return i + 2 < t.Length && t[i + 1].Cap && t[i + 1].Text.EndsWith('s') && t[i + 2].Cap
                && Adjacent(block, i, i + 1) && Adjacent(block, i + 1, i + 2);
        }

        /// <summary>"Batman – The Dark Knight Rises", "the show The Late Ben Show": a given name inside a run of capitalised words
        /// that "The" opens is part of a title or name (in German text always; in English when "The" does not open the sentence).</summary>
        private bool InTitleAfterThe(Block block, int i)
        {
            var t = block.Tokens;
            for (var k = i - 1; k >= 0 && k >= i - 3 && Adjacent(block, k, k + 1) && t[k].Cap; k--)
            {
                if (t[k].Text == "The")
                {
                    return _german || !StartsSentence(block, k);
                }
            }

            return false;
        }

        /// <summary>"ihren Mann", "seine Frau": a German possessive determiner stands before a noun, never before a given name.</summary>
        private static bool IsGermanPossessive(string lower)
        {
            foreach (var stem in (ReadOnlySpan<string>)["mein", "dein", "sein", "ihr", "unser", "euer", "eur"])
            {
                if (lower.StartsWith(stem, StringComparison.Ordinal) && lower.Length - stem.Length <= 2
                    && lower[stem.Length..] is "" or "e" or "en" or "em" or "er" or "es")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Single-letter initials from <paramref name="j"/> on ("A. I." in "Wayne A. I. Frederick"), each right after the word before.</summary>
        private static int CountInitials(Block block, int j)
        {
            var n = 0;
            // The first initial follows the given name after a space; each further one follows the ". " of the one before.
            while (j + n + 1 < block.Tokens.Length && (n == 0 ? Adjacent(block, j - 1, j) : block.Tokens[j + n].Start == block.Tokens[j + n - 1].End + 2)
                && IsInitialBefore(block, j + n))
            {
                n++;
            }

            return n;
        }

        /// <summary>A single capital with a full stop right after a given name, not followed by a capitalised word (which would
        /// make it a middle initial or end a sentence before a new one).</summary>
        private static bool IsAbbreviatedSurname(Block block, int j)
        {
            var t = block.Tokens;
            var text = block.Text;
            if (j >= t.Length || !Adjacent(block, j - 1, j) || t[j].End - t[j].Start != 1 || !char.IsUpper(text[t[j].Start])
                || t[j].End >= text.Length || text[t[j].End] != '.')
            {
                return false;
            }

            return j + 1 >= t.Length || !t[j + 1].Cap;
        }

        /// <summary>"Jr." or "Sr." right after the word: that word is a surname, whatever else it reads as ("King Jr.").</summary>
        [MethodImpl(HotPath.Options)]
        private static bool FollowedByGenerationSuffix(Block block, int j)
        {
            var t = block.Tokens;
            return j + 1 < t.Length && Adjacent(block, j, j + 1) && t[j + 1].Text is "Jr" or "Sr"
                && t[j + 1].End < block.Text.Length && block.Text[t[j + 1].End] == '.';
        }

        /// <summary>
        /// "Denzel Washington", "Tilo Berlin": a word the lexicon lists as a place or organisation is a surname right after a
        /// given name when it is a single capitalised word (no acronym, no compound), no ordinary word of either language
        /// (days, months, "Regierung", "House") and ends the name (no capitalised word follows). After a middle initial
        /// ("Michael J. Fox") the pair is a name whatever the word means.
        /// </summary>
        [MethodImpl(HotPath.Options)]
        private bool IsListedWordAsSurname(Block block, int j, bool afterInitial)
        {
            var t = block.Tokens;
            var word = t[j].Text;
            if (!PeopleLexicon.IsNotName(word) || PeopleLexicon.IsFunctionWord(t[j].Lower) || !HasLowerAfterFirst(word)
                || word.Contains('-', StringComparison.Ordinal) || word.Length < 3)
            {
                return false;
            }

            return afterInitial
                || (_knowledge is not null && !IsOrdinaryInEitherLanguage(word) && !(j + 1 < t.Length && Adjacent(block, j, j + 1) && t[j + 1].Cap));
        }

        private static bool HasLowerAfterFirst(string word)
        {
            for (var k = 1; k < word.Length; k++)
            {
                if (char.IsLower(word[k]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The texts of tokens <paramref name="first"/> to <paramref name="last"/>, joined by single spaces.</summary>
        private static string JoinTexts(ReadOnlySpan<Token> t, int first, int last)
        {
            var texts = new string[last - first + 1];
            for (var k = first; k <= last; k++)
            {
                texts[k - first] = t[k].Text;
            }

            return string.Join(' ', texts);
        }

        /// <summary>"De Vries lachte", "Van der Bellen sagte": a capitalised particle at a sentence start, with the words after it, spelling the surname
        /// of a person the article introduced is a mention of that person.</summary>
        [MethodImpl(HotPath.Options)]
        private bool TryParticleSurnameMention(Block block, int i)
        {
            var t = block.Tokens;
            if (!StartsSentence(block, i) || !PeopleLexicon.IsNameParticle(t[i].Lower) || i + 1 >= t.Length)
            {
                return false;
            }

            var words = t[i].Lower;
            for (var k = i + 1; k < t.Length && k - i <= 3 && Adjacent(block, k - 1, k); k++)
            {
                words += " " + t[k].Text;
                if (!t[k].Cap && PeopleLexicon.IsNameParticle(t[k].Text))
                {
                    continue;
                }

                if (!t[k].Cap || !_bySurname.TryGetValue(NameKey.Fold(words), out var person))
                {
                    return false;
                }

                for (var c = i; c <= k; c++)
                {
                    block.Consumed[c] = true;
                }

                AddMention(block, person, t[i].Start);
                return true;
            }

            return false;
        }

        /// <summary>
        /// The word follows a lower-case "bin", "ibn" or "ben" ("son of"): what follows is a family name, even one that is also
        /// an ordinary word ("Hamza bin Laden": "laden" is an English adjective and "Laden" a German noun).
        /// </summary>
        private static bool AfterPatronymicLink(Block block, int j) =>
            j >= 1 && block.Tokens[j - 1] is { Cap: false, Lower: "bin" or "ibn" or "ben" } && block.Tokens[j].Cap && Adjacent(block, j - 1, j);

        // ---- step 1: "Given Surname" ----
        [MethodImpl(HotPath.Options)]
        private void FindGivenNameSpans(Block block)
        {
            var t = block.Tokens;
            for (var i = 0; i < t.Length; i++)
            {
                if (block.Consumed[i] || !t[i].Cap || TryParticleSurnameMention(block, i)
                    || !IsGivenName(t[i]) || PeopleLexicon.IsNotName(t[i].Text))
                {
                    continue;
                }

                // "Judge Linda Whitcombe": a role noun that is also a given name is the role when a given name follows.
                if (i + 1 < t.Length && IsGivenName(t[i + 1]) && TryRole(block, i, out _, out _))
                {
                    continue;
                }

                // "Wenn", "An", "Kein" at a sentence start, "im Sinn", "the Nobel Prize", "a Walt Disney film": a word of the
                // sentence or of a named thing, not a given name (an article does not stand before a person's full name).
                if ((StartsSentence(block, i) && UsedLowercase(t[i]))
                    || (i > 0 && Adjacent(block, i - 1, i)
                        && (_german ? (PeopleLexicon.IsNounMarker(t[i - 1].Lower) || IsGermanPossessive(t[i - 1].Lower)) && !BeforeSaxonGenitive(block, i)
                            : t[i - 1].Lower is "the" or "a" or "an"))
                    || AfterPlacePreposition(block, i) || InTitleAfterThe(block, i))
                {
                    continue;
                }

                var j = i + 1;
                // Particles: "Ursula von der Leyen", and capitalised "Alexander Van der Bellen" when more name follows.
                while (j + 1 < t.Length && j - i <= 3 && Adjacent(block, j - 1, j) && Adjacent(block, j, j + 1)
                    && (PeopleLexicon.IsNameParticle(t[j].Text)
                        || (t[j].Cap && PeopleLexicon.IsNameParticle(t[j].Lower) && (t[j + 1].Cap || PeopleLexicon.IsNameParticle(t[j + 1].Text)))))
                {
                    j++;
                }

                var givenEnd = i;

                // Middle initials: "George W. Bush", "Wayne A. I. Frederick"; with them even a listed word is the surname
                // ("Michael J. Fox").
                var initials = j == i + 1 ? CountInitials(block, j) : 0;
                if (initials > 0 && j + initials < t.Length && t[j + initials].Cap
                    && (IsSurnameShaped(t[j + initials]) || IsListedWordAsSurname(block, j + initials, afterInitial: true)))
                {
                    givenEnd = j + initials - 1;
                    j += initials;
                }
                else if (j == i + 1 && IsAbbreviatedSurname(block, j))
                {
                    // "Emanuel S.", "Peter K.": a surname cut to its initial, as reports on trials and victims write it.
                    var cut = Introduce(t[i].Text, t[j].Text + ".");
                    cut.AddForm(cut.Name);
                    block.Consumed[i] = block.Consumed[j] = true;
                    block.SetSpan(i, cut, j);
                    AddMention(block, cut, t[i].Start);
                    i = j;
                    continue;
                }
                else if (j >= t.Length || !Adjacent(block, j - 1, j)
                    || !(IsSurnameAfterGivenName(t[j].Text) || HasArabicArticle(t[j].Text) || FollowedByGenerationSuffix(block, j) || AfterPatronymicLink(block, j)
                        || (j == i + 1 && !IsCommonWord(t[i].Text) && IsListedWordAsSurname(block, j, afterInitial: false))))
                {
                    TryGivenNameAlone(block, i);
                    continue;
                }

                // "Rose Garden", "Will Power": a given name that is an ordinary word before another ordinary word is no person;
                // nor is one before an ordinary word that goes on into a longer capitalised name ("Neo Magazin Royale"),
                // nor "Sinn der Sache" (a particle before an ordinary word; but "Van der Bellen", "von Trotha" are names).
                if ((j == i + 1 && IsCommonWord(t[i].Text) && IsCommonWord(t[j].Text) && !IsGivenName(t[j]))
                    || (j > i + 1 && givenEnd == i && IsCommonWord(t[j].Text) && !t[i + 1].Cap && t[i + 1].Lower is not ("von" or "van") && !AfterPatronymicLink(block, j))
                    || (IsCommonWord(t[j].Text) && !t[j].Text.EndsWith('s') && j + 1 < t.Length && Adjacent(block, j, j + 1) && t[j + 1].Cap
                        && !PeopleLexicon.IsFunctionWord(t[j + 1].Lower) && !TryRole(block, j + 1, out _, out _) && !FollowedByGenerationSuffix(block, j)))
                {
                    continue;
                }

                // A middle given name or initial: "Frank Walter Steinmeier", "George W. Bush", "Mary Jepkosgei Keitany".
                if (givenEnd == i && j == i + 1 && j + 1 < t.Length && Adjacent(block, j, j + 1) && t[j + 1].Cap && !FollowedByGenerationSuffix(block, j)
                    && (IsSurnameShaped(t[j + 1]) || FollowedByGenerationSuffix(block, j + 1))
                    && (IsGivenName(t[j]) || (IsUnknownWord(t[j].Text) && IsUnknownWord(t[j + 1].Text))))
                {
                    givenEnd = j;
                    j++;
                }

                // "Abdel Fattah el-Sisi", "Bashar al-Assad": an Arabic article name after the surname belongs to it.
                if (j + 1 < t.Length && Adjacent(block, j, j + 1) && HasArabicArticle(t[j + 1].Text))
                {
                    j++;
                }

                // "Mohammed bin Zayid al Nuhayyan": Arabic name links ("bin", "al") go on to a further name word.
                while (j + 2 < t.Length && t[j + 1].Lower is "al" or "el" or "bin" or "ibn" && !t[j + 1].Cap
                    && Adjacent(block, j, j + 1) && Adjacent(block, j + 1, j + 2) && t[j + 2].Cap && IsSurnameShaped(t[j + 2]))
                {
                    j += 2;
                }

                var given = givenEnd > i + 1 ? JoinTexts(t, i, givenEnd) : block.Text[t[i].Start..t[givenEnd].End];
                var surname = block.Text[t[givenEnd + 1].Start..t[j].Start] + SurnameOf(t[j].Text);
                var person = Introduce(given, surname);
                person.AddForm(person.Name);
                person.AddForm(person.Surname);

                // "Robert Downey Jr.": the generation suffix belongs to the name as written (kept as a form), not to the surname.
                if (FollowedByGenerationSuffix(block, j))
                {
                    j++;
                    person.AddForm(person.Name + " " + t[j].Text + ".");
                }
                for (var k = i; k <= j; k++)
                {
                    block.Consumed[k] = true;
                }

                block.SetSpan(i, person, j);
                AddMention(block, person, t[i].Start);
                i = j;
            }
        }
    }
}
