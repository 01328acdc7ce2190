using System.Text.RegularExpressions;

namespace NewsBot.Retrieval.People;

public sealed partial class PersonExtractor
{
    /// <summary>Step 4: quotes attributed to the person a speech verb points at.</summary>
    private sealed partial class Run
    {
        // ---- step 4: quotes ----
        private void AttributeQuotes(Block block, Candidate? lastBefore)
        {
            if (block.Ordinal < 0)
            {
                return;
            }

            // Every quote the pattern matches opens with one of these: most paragraphs have none, and no regex runs on them.
            if (!block.Text.AsSpan().ContainsAny(QuoteMarks))
            {
                return;
            }

            var quotes = QuotePattern().Matches(block.Text);
            if (quotes.Count == 0)
            {
                return;
            }

            var text = block.Text;
            for (var q = 0; q < quotes.Count; q++)
            {
                var match = quotes[q];
                var inner = InnerText(match).Trim().TrimEnd(',', ';', ' ');
                if (CountWords(inner) < 3 || IsTitleCased(inner))
                {
                    continue; // »Deal«, »Fehler«: a word in quotation marks; "Person of the Year": a name. Neither is a statement.
                }

                var quoteStart = match.Index;
                var quoteEnd = match.Index + match.Length;
                var afterEnd = q + 1 < quotes.Count ? quotes[q + 1].Index : text.Length;
                var sentenceEnd = text.IndexOfAny(['.', '!', '?'], quoteEnd);
                if (sentenceEnd >= 0 && sentenceEnd < afterEnd)
                {
                    afterEnd = sentenceEnd;
                }

                var beforeStart = q > 0 ? quotes[q - 1].Index + quotes[q - 1].Length : 0;
                var previousEnd = quoteStart > 0 ? text.LastIndexOfAny(['.', '!', '?'], quoteStart - 1) : -1;
                if (previousEnd + 1 > beforeStart)
                {
                    beforeStart = previousEnd + 1;
                }

                var after = text[quoteEnd..afterEnd];
                var before = text[beforeStart..quoteStart];
                var speechAfter = HasWord(after, PeopleLexicon.IsSpeechWord);
                var speechBefore = HasWord(before, PeopleLexicon.IsSpeechWord) || before.TrimEnd().EndsWith(':');

                Candidate? speaker = null;
                if (speechAfter)
                {
                    speaker = block.Mentions.FirstOrDefault(m => m.Start >= quoteEnd && m.Start < afterEnd).Person;
                }

                if (speaker is null && (speechAfter || speechBefore))
                {
                    speaker = block.Mentions.LastOrDefault(m => m.Start >= beforeStart && m.Start < quoteStart).Person;
                }

                if (speaker is null && (speechAfter || speechBefore)
                    && (HasWord(after, PeopleLexicon.IsPronoun) || HasWord(before, PeopleLexicon.IsPronoun)))
                {
                    speaker = block.Mentions.LastOrDefault(m => m.Start < beforeStart).Person ?? lastBefore;
                }

                speaker?.Quotes.Add(new PersonQuote(inner, _article.Id, block.Ordinal));
            }
        }

        /// <summary>
        /// Every word of four letters or more capitalised: the name of an award, a work or an event ("Person of the Year",
        /// "Made in Germany"), not something said. A statement has a lower-case word of that length in either language (a
        /// verb, an adjective), though German capitalises its nouns.
        /// </summary>
        private static bool IsTitleCased(string quote)
        {
            var longWords = 0;
            for (var i = 0; NextWord(quote, ref i, out var start);)
            {
                if (i - start >= 4)
                {
                    if (!char.IsUpper(quote[start]))
                    {
                        return false;
                    }

                    longWords++;
                }
            }

            return longWords > 0;
        }

        private static string InnerText(Match match)
        {
            for (var g = 1; g < match.Groups.Count; g++)
            {
                if (match.Groups[g].Success)
                {
                    return match.Groups[g].Value;
                }
            }

            return match.Value;
        }

        private delegate bool LowerWordTest(ReadOnlySpan<char> lower);

        /// <summary>True when a word of the text, lowercased, passes the test; the words are lowercased into a buffer, not
        /// into a string each (the text around every quote is read so). A word longer than the buffer is no word of a list.</summary>
        private static bool HasWord(string text, LowerWordTest test)
        {
            Span<char> lower = stackalloc char[32];
            for (var i = 0; NextWord(text, ref i, out var start);)
            {
                if (text.AsSpan(start, i - start).ToLowerInvariant(lower) is var length and >= 0 && test(lower[..length]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
