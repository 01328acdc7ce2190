using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;
using NewsBot.Retrieval.Search;

namespace NewsBot.Benchmarks.Retrieval;

/// <summary>
/// For tuning (<c>retrieval --explain</c>): each en→de question ranked first without the distractors but not with them, with its
/// concepts and, for the winning passage and the gold one, the term by which each concept is covered ("_" where it is not).
/// </summary>
internal static class ExplainMisses
{
    public static void Run(XQuadDataset german, XQuadDataset english, IReadOnlyList<Article> distractors, BilingualDictionary dictionary, TextWriter output, int max)
    {
        var translator = QueryTranslator.From(dictionary);
        var plain = CorpusIndex.Build([.. german.Articles], translator);
        var full = CorpusIndex.Build([.. german.Articles, .. distractors], translator);
        var shown = 0;
        foreach (var q in english.Questions)
        {
            var gold = XQuadDataset.GoldKey(q);
            static string Key(SearchHit h) => $"{h.Passage.Article.Id}#{h.Passage.Ordinal}";
            var a = plain.Search(new SearchQuery(q.Text), 5);
            var b = full.Search(new SearchQuery(q.Text), 5);
            if (a.Count == 0 || Key(a[0]) != gold || (b.Count > 0 && Key(b[0]) == gold))
            {
                continue;
            }

            if (shown++ >= max)
            {
                break;
            }

            var concepts = translator.Plan(new SearchQuery(q.Text), full.Contains, full.WithPrefix);
            output.WriteLine($"Q: {q.Text}");
            foreach (var c in concepts)
            {
                output.WriteLine($"   {c}");
            }

            void Show(string label, Passage p, double score)
            {
                var terms = translator.TextTerms(p.Text);
                var covered = string.Join(" ", concepts.Select(c => c.Terms.Keys.FirstOrDefault(terms.Contains) ?? "_"));
                output.WriteLine($"  {label} {p.Article.Id}#{p.Ordinal} {score:0.00} [{covered}] {p.Text[..Math.Min(200, p.Text.Length)]}");
            }

            Show("TOP ", b[0].Passage, b[0].Score);
            var goldHit = b.FirstOrDefault(h => Key(h) == gold);
            Show("GOLD", a[0].Passage, goldHit?.Score ?? -1);
            output.WriteLine();
        }
    }
}
