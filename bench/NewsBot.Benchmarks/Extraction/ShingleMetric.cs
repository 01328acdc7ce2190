using System.Text.RegularExpressions;

namespace NewsBot.Benchmarks.Extraction;

/// <summary>
/// The article-extraction benchmark's own metric: 4-word shingles of \w+ tokens with counts; per page true positives, false
/// positives and false negatives normalised by their sum; precision over pages with predicted shingles, recall over pages with
/// gold shingles (a page where both match exactly counts 1); F1 is the harmonic mean of the two means.
/// </summary>
public static partial class ShingleMetric
{
    public readonly record struct PageScore(double Tp, double Fp, double Fn)
    {
        public double Precision => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fp == 0 ? 0 : Tp / (Tp + Fp);

        public double Recall => Fp == 0 && Fn == 0 ? 1 : Tp == 0 && Fn == 0 ? 0 : Tp / (Tp + Fn);
    }

    public static PageScore Score(string gold, string predicted)
    {
        var g = Shingles(gold);
        var p = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in g.Keys.Union(p.Keys))
        {
            var gc = g.GetValueOrDefault(key);
            var pc = p.GetValueOrDefault(key);
            tp += Math.Min(gc, pc);
            fp += Math.Max(0, pc - gc);
            fn += Math.Max(0, gc - pc);
        }

        var sum = tp + fp + fn;
        return sum > 0 ? new PageScore(tp / sum, fp / sum, fn / sum) : new PageScore(0, 0, 0);
    }

    public static (double Precision, double Recall, double F1) Aggregate(IReadOnlyCollection<PageScore> pages)
    {
        var withPredicted = pages.Where(s => s.Tp + s.Fp > 0).ToList();
        var withGold = pages.Where(s => s.Tp + s.Fn > 0).ToList();
        var precision = withPredicted.Count > 0 ? withPredicted.Average(s => s.Precision) : 0;
        var recall = withGold.Count > 0 ? withGold.Average(s => s.Recall) : 0;
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        return (precision, recall, f1);
    }

    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Word().Matches(text).Select(m => m.Value).ToList();
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Max(1, tokens.Count - 3); i++)
        {
            var shingle = string.Join(' ', tokens.Skip(i).Take(4));
            if (shingle.Length > 0)
            {
                result[shingle] = result.GetValueOrDefault(shingle) + 1;
            }
        }

        return result;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();
}
