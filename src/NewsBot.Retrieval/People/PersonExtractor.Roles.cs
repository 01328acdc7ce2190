using System.Runtime.CompilerServices;

namespace NewsBot.Retrieval.People;

public sealed partial class PersonExtractor
{
    /// <summary>Role phrases: the German or English role whose head noun is at a token, in nominative form.</summary>
    private sealed partial class Run
    {
        // ---- roles ----
        private bool TryRole(Block block, int head, out string role, out bool shared) => TryRole(block, head, out role, out shared, out _);

        /// <summary>The role phrase whose head noun is at <paramref name="head"/>; <paramref name="start"/> is its first token.</summary>
        [MethodImpl(HotPath.Options)]
        private bool TryRole(Block block, int head, out string role, out bool shared, out int start)
        {
            role = "";
            shared = false;
            start = head;
            var t = block.Tokens;
            if (_german)
            {
                if (!TryGermanRoleNoun(t[head].Text, out var baseForm, out var feminine, out var plural))
                {
                    return false;
                }

                // Walk left over adjectives ("damaligen") and genitive places ("Russlands") to the determiner.
                var parts = new List<string> { baseForm };
                string? determiner = null;
                for (var k = head - 1; k >= 0 && Adjacent(block, k, k + 1) && parts.Count < 3; k--)
                {
                    var word = t[k];
                    if (PeopleLexicon.IsDeterminer(word.Lower))
                    {
                        determiner = word.Lower;
                        break;
                    }

                    if (!word.Cap && PeopleLexicon.IsGermanRoleAdjective(word.Lower))
                    {
                        parts.Insert(0, Nominative(word.Text, feminine));
                    }
                    else if (word.Cap && word.Text.EndsWith('s') && PeopleLexicon.IsNotName(word.Text)
                        && !PeopleLexicon.IsFunctionWord(word.Lower))
                    {
                        parts.Insert(0, word.Text);
                    }
                    else
                    {
                        break;
                    }
                }

                role = string.Join(' ', parts);
                start = head - parts.Count + 1;
                shared = plural || (determiner is not null && PeopleLexicon.IsPluralCapableDeterminer(determiner) && !feminine);
                return true;
            }

            var length = EnglishRoleLength(t, head);
            if (length == 0)
            {
                return false;
            }

            var first = head - length + 1;
            for (var k = first + 1; k <= head; k++)
            {
                if (!Adjacent(block, k - 1, k))
                {
                    return false;
                }
            }

            while (first > 0 && head - first < 5 && Adjacent(block, first - 1, first)
                && PeopleLexicon.IsEnglishRoleModifier(t[first - 1].Text))
            {
                first--;
            }

            role = block.Text[t[first].Start..t[head].End];
            start = first;
            shared = t[head].Lower.EndsWith('s') && t[head].Lower is not "boss";
            return true;
        }

        /// <summary>Number of tokens of the English role phrase ending at <paramref name="head"/>, or 0.</summary>
        [MethodImpl(HotPath.Options)]
        private int EnglishRoleLength(ReadOnlySpan<Token> t, int head)
        {
            // Most words end no role phrase: asked for every English token, so said before any phrase is put together.
            var last = t[head].Lower;
            if (!PeopleLexicon.EndsEnglishRolePhrase(last) && _knowledge?.EndsEnglishPersonNoun(last) != true)
            {
                return 0;
            }

            for (var length = Math.Min(4, head + 1); length >= 1; length--)
            {
                if (length == 1 ? IsEnglishRole(t[head].Lower) : IsEnglishRole(_scratch.LowerPhrase(t, head - length + 1, head)))
                {
                    return length;
                }
            }

            return 0;
        }

        /// <summary>"damaligen" → "damaliger" (or "damalige" before a feminine role): the role as a headline would say it.</summary>
        private static string Nominative(string adjective, bool feminine)
        {
            var stem = adjective;
            foreach (var ending in (ReadOnlySpan<string>)["en", "em", "es", "er", "e"])
            {
                if (stem.EndsWith(ending, StringComparison.Ordinal))
                {
                    stem = stem[..^ending.Length];
                    break;
                }
            }

            return stem + (feminine ? "e" : "er");
        }
    }
}
