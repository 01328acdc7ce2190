namespace NewsBot.Core.Search;

/// <summary>Adds the parts of a passage's German compounds to its term counts while the index is built; splits each word once.</summary>
internal sealed class CompoundIndexer(CompoundSplitter splitter)
{
    private readonly Dictionary<string, string[]> _parts = new(StringComparer.Ordinal);

    public void AddParts(string text, Dictionary<string, int> counts)
    {
        foreach (var token in TextAnalyzer.Tokens(text))
        {
            if (token.Length < CompoundSplitter.MinCompoundLength)
            {
                continue;
            }

            var normal = TextAnalyzer.Normalize(token);
            if (!_parts.TryGetValue(normal, out var parts))
            {
                parts = [.. splitter.Split(normal).Select(TextAnalyzer.Term).OfType<string>()];
                _parts[normal] = parts;
            }

            foreach (var part in parts)
            {
                counts[part] = counts.GetValueOrDefault(part) + 1;
            }
        }
    }
}
