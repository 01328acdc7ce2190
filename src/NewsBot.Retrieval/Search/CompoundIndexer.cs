using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// Indexes German passages also by the parts of their compounds. Runs after the passages' own terms are counted, so a part
/// is known when either the dictionary or the corpus has it; each distinct word is split once.
/// </summary>
internal sealed class CompoundIndexer(CompoundSplitter splitter)
{
    private readonly List<(int Passage, string Text)> _passages = [];

    public void Remember(int passage, string text) => _passages.Add((passage, text));

    /// <summary>
    /// Adds the part postings to <paramref name="postings"/> (each array ordered by passage). Only the lists of parts are
    /// rebuilt, by merging; copying every list to grow a few would double the index's memory for the length of the build.
    /// </summary>
    /// <param name="inCorpus">Whether the corpus has a term (a part the corpus knows is a word even when the dictionary does not).</param>
    public void AddParts(Dictionary<string, CorpusIndex.Posting[]> postings, Func<string, bool> inCorpus) =>
        AddParts(postings, inCorpus, Math.Max(1, Math.Min(Environment.ProcessorCount, _passages.Count / 2_000)));

    /// <summary><see cref="AddParts(Dictionary{string, CorpusIndex.Posting[]}, Func{string, bool})"/> with the passages split in <paramref name="runs"/> runs.</summary>
    internal void AddParts(Dictionary<string, CorpusIndex.Posting[]> postings, Func<string, bool> inCorpus, int runs)
    {
        foreach (var (part, added) in Parts(inCorpus, runs))
        {
            postings[part] = postings.TryGetValue(part, out var existing) ? Merge(existing, added) : [.. added];
        }
    }

    /// <summary>
    /// The part postings of the remembered passages, each list in passage order (as the passages were remembered). Splitting
    /// is the serial tail of a cold index build, so contiguous runs of passages are split on all cores, each with its own word
    /// caches, and their lists joined in run order: the same lists, in the same order, as one pass would make.
    /// </summary>
    private Dictionary<string, List<CorpusIndex.Posting>> Parts(Func<string, bool> inCorpus, int runs)
    {
        var results = new Dictionary<string, List<CorpusIndex.Posting>>[runs];
        Parallel.For(
            0,
            runs,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            r => results[r] = Parts(_passages.Count * r / runs, _passages.Count * (r + 1) / runs, inCorpus));
        var additions = results[0];
        for (var r = 1; r < runs; r++)
        {
            foreach (var (part, list) in results[r])
            {
                if (additions.TryGetValue(part, out var earlier))
                {
                    earlier.AddRange(list);
                }
                else
                {
                    additions[part] = list;
                }
            }
        }

        return additions;
    }

    /// <summary>The part postings of the remembered passages from <paramref name="start"/> up to <paramref name="end"/>.</summary>
    private Dictionary<string, List<CorpusIndex.Posting>> Parts(int start, int end, Func<string, bool> inCorpus)
    {
        // A part is a word when the dictionary or the corpus has it ("Kremlsprecher" splits on "Kreml" from the corpus).
        // Asked by span for every candidate part (see CompoundSplitter.OfSpans): a part is made a string once, when first asked.
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        var knownBySpan = known.GetAlternateLookup<ReadOnlySpan<char>>();
        bool IsWord(ReadOnlySpan<char> part)
        {
            if (!knownBySpan.TryGetValue(part, out var isWord))
            {
                var word = part.ToString();
                known[word] = isWord = splitter.IsWord(word) || (TextAnalyzer.Term(word, Language.German) is { } term && inCorpus(term));
            }

            return isWord;
        }

        var corpusSplitter = CompoundSplitter.OfSpans(IsWord);
        var splits = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var splitsBySpan = splits.GetAlternateLookup<ReadOnlySpan<char>>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var additions = new Dictionary<string, List<CorpusIndex.Posting>>(StringComparer.Ordinal);
        for (var i = start; i < end; i++)
        {
            var (passage, text) = _passages[i];
            counts.Clear();

            // The words of TextAnalyzer.Tokens, as spans: a word is made a string only when it is long enough and new.
            var span = text.AsSpan();
            var from = -1;
            for (var k = 0; k <= span.Length; k++)
            {
                var isWord = k < span.Length && char.IsLetterOrDigit(span[k]);
                if (isWord && from < 0)
                {
                    from = k;
                    continue;
                }

                if (isWord || from < 0)
                {
                    continue;
                }

                var token = span[from..k];
                from = -1;
                if (token.Length < CompoundSplitter.MinCompoundLength)
                {
                    continue;
                }

                if (!splitsBySpan.TryGetValue(token, out var parts))
                {
                    var word = token.ToString();
                    parts = [.. corpusSplitter.Split(TextAnalyzer.Normalize(word)).Select(p => TextAnalyzer.Term(p, Language.German)).OfType<string>()];
                    splits[word] = parts;
                }

                foreach (var part in parts)
                {
                    counts[part] = counts.GetValueOrDefault(part) + 1;
                }
            }

            foreach (var (part, count) in counts)
            {
                if (!additions.TryGetValue(part, out var list))
                {
                    additions[part] = list = [];
                }

                list.Add(new CorpusIndex.Posting(passage, count));
            }
        }

        return additions;
    }

    /// <summary>Two passage-ordered lists as one; a passage in both gets the sum of its frequencies.</summary>
    private static CorpusIndex.Posting[] Merge(CorpusIndex.Posting[] existing, List<CorpusIndex.Posting> added)
    {
        var merged = new List<CorpusIndex.Posting>(existing.Length + added.Count);
        int i = 0, j = 0;
        while (i < existing.Length || j < added.Count)
        {
            if (j == added.Count || (i < existing.Length && existing[i].Passage < added[j].Passage))
            {
                merged.Add(existing[i++]);
            }
            else if (i == existing.Length || added[j].Passage < existing[i].Passage)
            {
                merged.Add(added[j++]);
            }
            else
            {
                merged.Add(existing[i] with { Frequency = existing[i].Frequency + added[j].Frequency });
                i++;
                j++;
            }
        }

        return [.. merged];
    }
}
