namespace FeedHarvester.Eval;

/// <summary>
/// The benchmark's metric (README of the data set): 4-token shingles compared as multisets; per-page TP/FP/FN
/// normalized; precision averaged over pages with TP+FP &gt; 0, recall over pages with TP+FN &gt; 0; F1 of the means.
/// </summary>
public static class ShingleMetric
{
    private const int N = 4;

    public static PageScore ScorePage(string id, string? truth, string? prediction)
    {
        var trueTokens = PythonWordTokenizer.Tokenize(truth);
        var predTokens = PythonWordTokenizer.Tokenize(prediction);
        var trueShingles = Shingles(trueTokens);
        var predShingles = Shingles(predTokens);
        double tp = 0, fp = 0, fn = 0;
        foreach (var key in trueShingles.Keys.Union(predShingles.Keys))
        {
            var t = trueShingles.GetValueOrDefault(key);
            var p = predShingles.GetValueOrDefault(key);
            tp += Math.Min(t, p);
            fp += Math.Max(0, p - t);
            fn += Math.Max(0, t - p);
        }

        var sum = tp + fp + fn;
        if (sum > 0)
        {
            tp /= sum;
            fp /= sum;
            fn /= sum;
        }

        return new PageScore(id, tp, fp, fn, trueTokens.SequenceEqual(predTokens));
    }

    public static (double Precision, double Recall, double F1, double Accuracy) Aggregate(IReadOnlyList<PageScore> pages)
    {
        var precisions = pages.Select(p => p.Precision).OfType<double>().ToList();
        var recalls = pages.Select(p => p.Recall).OfType<double>().ToList();
        var precision = precisions.Count == 0 ? 0 : precisions.Average();
        var recall = recalls.Count == 0 ? 0 : recalls.Average();
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        var accuracy = pages.Count == 0 ? 0 : pages.Count(p => p.TokensEqual) / (double)pages.Count;
        return (precision, recall, f1, accuracy);
    }

    /// <summary>Shingles with counts; a text shorter than N tokens is one shingle of what it has, an empty one none.</summary>
    internal static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = Math.Max(1, tokens.Count - N + 1);
        for (var i = 0; i < count; i++)
        {
            var length = Math.Min(N, tokens.Count - i);
            if (length <= 0)
            {
                break;
            }

            // U+0001 cannot occur inside a \w token, so joining keeps shingles distinct.
            var key = string.Join('\u0001', tokens.GetRange(i, length));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }
}
