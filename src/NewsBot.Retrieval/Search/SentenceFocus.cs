using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Retrieval.Search;

/// <summary>
/// Re-ranks a search's best candidates by focus: how much of the query (by weight and rarity) one sentence of the passage covers.
/// An answer usually sits in one sentence that names most of what was asked, while a passage that only collects the query's
/// words across unrelated sentences (a news paragraph that shares a name and one ambiguous translation) is a weaker match.
/// </summary>
internal static class SentenceFocus
{
    /// <summary>How many of the best BM25 candidates are re-ranked (measured on XQuAD: 10 loses a little recall@5, 50 ranks as 20 does).</summary>
    public const int Candidates = 20;

    /// <summary>
    /// A passage whose best sentence covers the whole query scores (1 + this) times its BM25 score. Measured on XQuAD with the
    /// 10kGNAD distractors (en→de R@1): 0 → 0.77, 1 → 0.79, 2 → 0.80, 4 → 0.79.
    /// </summary>
    public const double Weight = 2.0;

    /// <summary>
    /// Re-ranks <paramref name="candidates"/> (passage, BM25 score) and keeps the best <paramref name="limit"/>;
    /// <paramref name="conceptWeights"/> gives each concept's share of the query (its weight times its rarity).
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public static List<(int Passage, double Score)> Rerank(
        IReadOnlyList<(int Passage, double Score)> candidates,
        IReadOnlyList<Passage> passages,
        IReadOnlyList<QueryConcept> concepts,
        IReadOnlyList<double> conceptWeights,
        QueryTranslator translator,
        int limit)
    {
        // Which concepts each term stands for, so a sentence is scored by looking up its own words once each.
        var conceptsOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        double total = 0;
        for (var c = 0; c < concepts.Count; c++)
        {
            total += conceptWeights[c];
            foreach (var term in concepts[c].Terms.Keys)
            {
                if (!conceptsOf.TryGetValue(term, out var list))
                {
                    conceptsOf[term] = list = [];
                }

                list.Add(c);
            }
        }

        var reranked = new List<(int Passage, double Score)>(candidates.Count);
        var analysis = SentenceTerms.For(translator);
        var terms = new List<string>();
        var covered = new bool[concepts.Count];
        // The candidates come best first and focus at most multiplies a score by (1 + Weight): once a candidate could not
        // reach the current limit-th best even fully focused, neither can any after it. The best focused scores so far are
        // kept in ascending order, the limit-th best first.
        var kept = new double[Math.Max(limit, 1)];
        var keptCount = 0;
        foreach (var (passage, score) in candidates)
        {
            if (keptCount >= limit && score * (1 + Weight) < kept[0])
            {
                break;
            }

            double best = 0;
            var german = passages[passage].Article.Language == Language.German;
            foreach (var sentence in Sentences.Split(passages[passage].Text))
            {
                analysis.Fill(sentence, german, terms);
                Array.Clear(covered);
                double coverage = 0;
                foreach (var term in terms)
                {
                    if (!conceptsOf.TryGetValue(term, out var ids))
                    {
                        continue;
                    }

                    foreach (var c in ids)
                    {
                        if (!covered[c])
                        {
                            covered[c] = true;
                            coverage += conceptWeights[c];
                        }
                    }
                }

                best = Math.Max(best, total == 0 ? 0 : coverage / total);
            }

            var focused = score * (1 + (Weight * best));
            reranked.Add((passage, focused));
            Keep(kept, ref keptCount, limit, focused);
        }

        // Best first; ties keep the lower passage number, as the BM25 ranking does. At most the 20 candidates: sorted by
        // insertion, here, rather than through a comparison delegate and a sort instantiated for these tuples.
        var sorted = CollectionsMarshal.AsSpan(reranked);
        for (var i = 1; i < sorted.Length; i++)
        {
            var item = sorted[i];
            var at = i;
            while (at > 0 && Before(item, sorted[at - 1]))
            {
                sorted[at] = sorted[at - 1];
                at--;
            }

            sorted[at] = item;
        }

        return reranked.Count > limit ? reranked[..limit] : reranked;
    }

    private static bool Before((int Passage, double Score) a, (int Passage, double Score) b) =>
        a.Score > b.Score || (a.Score == b.Score && a.Passage < b.Passage);

    /// <summary>Adds <paramref name="score"/> to the best <paramref name="limit"/> scores kept in ascending order (the smallest dropped when full).</summary>
    private static void Keep(double[] kept, ref int count, int limit, double score)
    {
        if (limit <= 0)
        {
            return;
        }

        var at = count;
        if (count == limit)
        {
            if (score <= kept[0])
            {
                return;
            }

            // Drop the smallest: shift the rest down while they are below the new score.
            at = 0;
            while (at + 1 < count && kept[at + 1] < score)
            {
                kept[at] = kept[at + 1];
                at++;
            }

            kept[at] = score;
            return;
        }

        while (at > 0 && kept[at - 1] > score)
        {
            kept[at] = kept[at - 1];
            at--;
        }

        kept[at] = score;
        count++;
    }
}
