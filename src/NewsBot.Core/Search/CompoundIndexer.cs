namespace NewsBot.Core.Search;

/// <summary>
/// Indexes German passages also by the parts of their compounds. Runs after the passages' own terms are counted, so a part
/// is known when either the dictionary or the corpus has it; each distinct word is split once.
/// </summary>
internal sealed class CompoundIndexer(CompoundSplitter splitter)
{
    private readonly List<(int Passage, string Text)> _passages = [];

    public void Remember(int passage, string text) => _passages.Add((passage, text));

    /// <summary>Adds part postings to the lists being built (each list ordered by passage).</summary>
    public void AddParts(Dictionary<string, List<CorpusIndex.Posting>> building)
    {
        var known = new Dictionary<string, bool>(StringComparer.Ordinal);
        bool IsWord(string word)
        {
            if (!known.TryGetValue(word, out var isWord))
            {
                known[word] = isWord = splitter.IsWord(word) || (TextAnalyzer.Term(word) is { } term && building.ContainsKey(term));
            }

            return isWord;
        }

        var corpusSplitter = new CompoundSplitter(IsWord);
        var splits = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (passage, text) in _passages)
        {
            counts.Clear();
            foreach (var token in TextAnalyzer.Tokens(text))
            {
                if (token.Length < CompoundSplitter.MinCompoundLength)
                {
                    continue;
                }

                if (!splits.TryGetValue(token, out var parts))
                {
                    parts = [.. corpusSplitter.Split(TextAnalyzer.Normalize(token)).Select(TextAnalyzer.Term).OfType<string>()];
                    splits[token] = parts;
                }

                foreach (var part in parts)
                {
                    counts[part] = counts.GetValueOrDefault(part) + 1;
                }
            }

            foreach (var (part, count) in counts)
            {
                if (!building.TryGetValue(part, out var list))
                {
                    building[part] = list = [];
                }

                Add(list, passage, count);
            }
        }
    }

    /// <summary>Adds to the passage's posting, or inserts one in passage order.</summary>
    private static void Add(List<CorpusIndex.Posting> list, int passage, int count)
    {
        int low = 0, high = list.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var at = list[middle].Passage;
            if (at == passage)
            {
                list[middle] = list[middle] with { Frequency = list[middle].Frequency + count };
                return;
            }

            if (at < passage)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        list.Insert(low, new CorpusIndex.Posting(passage, count));
    }
}
